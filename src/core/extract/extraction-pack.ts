import { ContentScanner } from '../content/scanner';
import type { RulePack } from '../rules/load-pack';
import type { RequiredElement, RuleItem } from '../rules/schema';
import { compileElementProbes } from '../verify/elements';
import type { ElementProbe } from './snapshot';

/** What every page is read with: the required-element probes and the content scanner. */
export interface ExtractionSetup {
  probes: ElementProbe[];
  scanner: ContentScanner;
}

/**
 * The probes and scanner of one pack: what a page-reading thread builds from the pack it is sent
 * or, for an auto audit, from the merge of every bundled pack (which the compiled CLI reads as
 * data: compiling every pack's JavaScript cost each thread about 20 MB).
 */
export function setupForPack(pack: RulePack): ExtractionSetup {
  return { probes: compileElementProbes(pack), scanner: new ContentScanner(pack) };
}

/**
 * One pack that reads pages as every pack of `packs` would (an `auto` audit may end with any):
 * its items carry the content signals of all packs (merged per item id and concept id) and the
 * required elements of all packs, each key ("O5:phone") once, the first pack's definition kept,
 * since a key means the same thing in every bundled pack (test/unit/core/rules/packs.test.ts).
 */
export function extractionPack(packs: readonly RulePack[]): RulePack {
  const byId = new Map<string, RuleItem>();
  for (const p of packs) {
    for (const item of p.items) {
      if (!item.content) continue;
      const prev = byId.get(item.id);
      if (!prev?.content) {
        byId.set(item.id, item);
        continue;
      }
      const concepts = [...prev.content.concepts];
      for (const c of item.content.concepts) if (!concepts.some((x) => x.id === c.id)) concepts.push(c);
      const negative = [...prev.content.negative];
      for (const c of item.content.negative) if (!negative.some((x) => x.id === c.id)) negative.push(c);
      byId.set(item.id, { ...prev, content: { ...prev.content, concepts, negative } });
    }
  }
  const elements = new Map<string, { item: RuleItem; list: RequiredElement[] }>();
  const keys = new Set<string>();
  for (const p of packs) {
    for (const item of p.items) {
      for (const e of item.requiredElements) {
        const key = `${item.id}:${e.id}`;
        if (keys.has(key)) continue;
        keys.add(key);
        const entry = elements.get(item.id) ?? { item, list: [] };
        entry.list.push(e);
        elements.set(item.id, entry);
      }
    }
  }
  // Items with content first, in the order the content merge met them (the scanner's order);
  // then items with required elements only (no pack gives them content).
  const items: RuleItem[] = [...byId.values()].map((i) => ({
    ...i,
    requiredElements: elements.get(i.id)?.list ?? [],
  }));
  for (const [id, { item, list }] of elements) {
    if (!byId.has(id)) items.push({ ...item, requiredElements: list });
  }
  const markers = [...new Set(packs.flatMap((p) => p.reportMarkers ?? []))];
  return {
    ...(packs[0] as RulePack),
    items,
    itemById: new Map(items.map((i) => [i.id, i])),
    reportMarkers: markers,
  };
}
