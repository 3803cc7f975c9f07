import type { AuditReport, ItemResult } from '../report/schema';
import { getRulePack } from '../rules/registry';

/** What happened to one item (or group of items that correspond) between two audits. */
export type ItemChange =
  | 'gained' // not passed before, passed now
  | 'lost' // passed before, not now
  | 'still-missing' // not passed in either
  | 'kept' // passed in both
  | 'new-item' // only in the newer list
  | 'dropped-item'; // only in the older list

export interface ComparedItem {
  older: Pick<ItemResult, 'id' | 'name' | 'outcome'>[];
  newer: Pick<ItemResult, 'id' | 'name' | 'outcome'>[];
  change: ItemChange;
}

export interface Comparison {
  older: { site: string; rules: string; year: number; assessmentYear: number; startedAt: string };
  newer: { site: string; rules: string; year: number; assessmentYear: number; startedAt: string };
  /** True when the two reports use different packs: items were lined up through `mapsTo`. */
  acrossPacks: boolean;
  oit: { older: number; newer: number; change: number };
  ita: { older: number; newer: number; change: number } | null;
  items: ComparedItem[];
  counts: Record<ItemChange, number>;
}

/**
 * The keys an item is lined up by: its `mapsTo` (FY2562 items or "<pack>:<item>"), or for a
 * FY2562 item its own id, or "<pack>:<item>" when it corresponds to nothing earlier. Reports
 * written before `mapsTo` was recorded fall back to the bundled pack's data.
 */
function keysOf(report: AuditReport, item: ItemResult): string[] {
  const mapsTo = item.mapsTo ?? getRulePack(report.ruleset.id)?.itemById.get(item.id)?.mapsTo;
  if (mapsTo && mapsTo.length > 0) return mapsTo;
  if (report.ruleset.id === 'ita-2562') return [item.id];
  return [`${report.ruleset.id}:${item.id}`];
}

/**
 * Lines two audits up item by item, also across packs: items sharing a key are one row (2566's
 * O11 with FY2562's O10 and O18). A row passes when every item in it passed.
 */
export function compareReports(older: AuditReport, newer: AuditReport): Comparison {
  // Union-find over "side:index" nodes joined through shared keys.
  const nodes = [
    ...older.items.map((item) => ({ side: 'older' as const, item, keys: keysOf(older, item) })),
    ...newer.items.map((item) => ({ side: 'newer' as const, item, keys: keysOf(newer, item) })),
  ];
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const byKey = new Map<string, number>();
  nodes.forEach((node, i) => {
    for (const key of node.keys) {
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, i);
      else parent[find(i)] = find(seen);
    }
  });
  const groups = new Map<number, typeof nodes>();
  nodes.forEach((node, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), node]);
  });

  const pick = (i: ItemResult) => ({ id: i.id, name: i.name, outcome: i.outcome });
  const items: ComparedItem[] = [];
  for (const group of groups.values()) {
    const o = group.filter((n) => n.side === 'older').map((n) => n.item);
    const n = group.filter((x) => x.side === 'newer').map((x) => x.item);
    const passed = (list: ItemResult[]) => list.length > 0 && list.every((i) => i.outcome === 'pass');
    const change: ItemChange =
      o.length === 0
        ? 'new-item'
        : n.length === 0
          ? 'dropped-item'
          : passed(o) && passed(n)
            ? 'kept'
            : passed(n)
              ? 'gained'
              : passed(o)
                ? 'lost'
                : 'still-missing';
    items.push({ older: o.map(pick), newer: n.map(pick), change });
  }
  // Newer list order first (what the agency works on now), then items dropped from it.
  const order = (c: ComparedItem) => {
    const first = c.newer[0] ?? c.older[0];
    const list = c.newer[0] ? newer.items : older.items;
    return (c.newer[0] ? 0 : 10_000) + list.findIndex((i) => i.id === first?.id);
  };
  items.sort((a, b) => order(a) - order(b));

  const counts = { gained: 0, lost: 0, 'still-missing': 0, kept: 0, 'new-item': 0, 'dropped-item': 0 };
  for (const i of items) counts[i.change]++;
  const side = (r: AuditReport) => ({
    site: r.site.finalUrl,
    rules: r.ruleset.id,
    year: r.ruleset.year,
    assessmentYear: r.assessmentYear,
    startedAt: r.startedAt,
  });
  return {
    older: side(older),
    newer: side(newer),
    acrossPacks: older.ruleset.id !== newer.ruleset.id,
    oit: { older: older.oit.score, newer: newer.oit.score, change: newer.oit.score - older.oit.score },
    ita:
      older.ita && newer.ita
        ? { older: older.ita.score, newer: newer.ita.score, change: newer.ita.score - older.ita.score }
        : null,
    items,
    counts,
  };
}
