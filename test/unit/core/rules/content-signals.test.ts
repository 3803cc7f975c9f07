import { describe, expect, it } from 'vitest';
import { getRulePack } from '../../../../src/core/rules/registry';
import type { RuleItem } from '../../../../src/core/rules/schema';
import { matchKey } from '../../../../src/core/thai/normalise';

/**
 * Data checks of the content signals of ita-2562 (issue 9): what each item's evidence must
 * talk about. Phrases are matched as substrings of `matchKey` text (DESIGN.md §5), so the
 * checks below compare phrases in that form too.
 */

const pack = getRulePack('ita-2562')!;
const items = pack.items;
const markers = (pack.reportMarkers ?? []).map(matchKey);

function contentOf(item: RuleItem) {
  if (!item.content) throw new Error(`${item.id} has no content signals`);
  return item.content;
}

const has = (text: string, phrases: readonly string[]) => phrases.some((p) => text.includes(matchKey(p)));

/** Distinct report markers in a matchKey text. */
const markersIn = (text: string) => markers.filter((m) => text.includes(m)).length;

/**
 * Whether a text whose head (title) is `head` and whose body is `body` satisfies an item's
 * concepts: every concept group has a phrase in it and, for report items, the head carries a
 * report marker or the body at least two (the rule of a report, stated in the schema).
 * Negative concepts are deliberately left out: this asks what the item's positive signals
 * accept on their own.
 */
function satisfies(item: RuleItem, head: string, body: string): boolean {
  const content = contentOf(item);
  if (!content.concepts.every((c) => has(body, c.anyOf))) return false;
  return !content.report || markersIn(head) > 0 || markersIn(body) >= 2;
}

describe('content signals of ita-2562', () => {
  it('every item has content signals with at least one non-empty concept group', () => {
    expect(items).toHaveLength(48);
    for (const item of items) {
      const content = contentOf(item);
      expect(content.concepts.length, item.id).toBeGreaterThan(0);
      for (const c of content.concepts) expect(c.anyOf.length, `${item.id}:${c.id}`).toBeGreaterThan(0);
    }
  });

  it('every phrase keeps at least two characters after matchKey', () => {
    const short: string[] = [];
    for (const item of items) {
      const content = contentOf(item);
      for (const c of [...content.concepts, ...content.negative]) {
        for (const p of c.anyOf) if (matchKey(p).length < 2) short.push(`${item.id}:${c.id} "${p}"`);
      }
    }
    for (const p of pack.reportMarkers ?? []) if (matchKey(p).length < 2) short.push(`reportMarkers "${p}"`);
    expect(short).toEqual([]);
  });

  it('no phrase appears twice within an item (concepts and negatives, compared after matchKey)', () => {
    const dups: string[] = [];
    for (const item of items) {
      const content = contentOf(item);
      const seen = new Map<string, string>();
      for (const c of [...content.concepts, ...content.negative]) {
        for (const p of c.anyOf) {
          const k = matchKey(p);
          const first = seen.get(k);
          if (first) dups.push(`${item.id}: "${p}" in ${c.id} and ${first}`);
          else seen.set(k, c.id);
        }
      }
    }
    expect(dups).toEqual([]);
  });

  it('concept ids and negative ids are unique within each item', () => {
    for (const item of items) {
      const content = contentOf(item);
      const ids = content.concepts.map((c) => c.id);
      const negIds = content.negative.map((c) => c.id);
      expect(new Set(ids).size, `${item.id} concepts`).toBe(ids.length);
      expect(new Set(negIds).size, `${item.id} negatives`).toBe(negIds.length);
    }
  });

  it('report items have report markers in the ruleset, each marker distinct and none inside another', () => {
    const reportItems = items.filter((i) => contentOf(i).report).map((i) => i.id);
    expect(reportItems.length).toBeGreaterThan(0);
    expect(markers.length).toBeGreaterThan(0);
    expect(new Set(markers).size).toBe(markers.length);
    // The engine counts distinct markers in a body: a marker inside another would count one phrase twice.
    const nested = markers.flatMap((a) =>
      markers.filter((b) => a !== b && b.includes(a)).map((b) => `${a} ⊂ ${b}`),
    );
    expect(nested).toEqual([]);
  });

  it("each item's own name and description satisfy its own concept groups", () => {
    const missed: string[] = [];
    for (const item of items) {
      const text = matchKey(`${item.name.th} ${item.description.th}`);
      for (const c of contentOf(item).concepts) if (!has(text, c.anyOf)) missed.push(`${item.id}:${c.id}`);
    }
    expect(missed).toEqual([]);
  });

  it("no item's own name contains one of its negative phrases (it would look like a look-alike of itself)", () => {
    const hits: string[] = [];
    for (const item of items) {
      const name = matchKey(item.name.th);
      for (const n of contentOf(item).negative) {
        for (const p of n.anyOf) if (name.includes(matchKey(p))) hits.push(`${item.id}!${n.id} "${p}"`);
      }
    }
    expect(hits).toEqual([]);
  });

  describe('concepts discriminate between items', () => {
    // "A few": an item's text may legitimately talk about a neighbour (a report names the plan
    // it reports on, a procurement-transparency measure speaks of conflicts of interest).
    const A_FEW = 3;
    /** For each item, the other items whose concepts its name + description fully satisfy. */
    const satisfiedBy = new Map(
      items.map((a) => {
        const head = matchKey(a.name.th);
        const body = matchKey(`${a.name.th} ${a.description.th}`);
        return [
          a.id,
          items.filter((b) => b.id !== a.id && satisfies(b, head, body)).map((b) => b.id),
        ] as const;
      }),
    );

    it(`no item's name and description satisfy the concepts of more than ${A_FEW} other items`, () => {
      const wide = [...satisfiedBy]
        .filter(([, others]) => others.length > A_FEW)
        .map(([id, o]) => `${id} → ${o}`);
      expect(wide).toEqual([]);
    });

    it(`no item's concepts are satisfied by the name and description of more than ${A_FEW} other items`, () => {
      const inbound = new Map<string, string[]>();
      for (const [id, others] of satisfiedBy)
        for (const o of others) inbound.set(o, [...(inbound.get(o) ?? []), id]);
      const generic = [...inbound].filter(([, from]) => from.length > A_FEW).map(([id, f]) => `${id} ← ${f}`);
      expect(generic).toEqual([]);
    });
  });
});
