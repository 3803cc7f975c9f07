import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ItemMatcher } from '../../../../src/core/detect/item-matcher';
import { bundledPackFiles } from '../../../../src/core/rules/bundled-packs';
import { loadRulePack } from '../../../../src/core/rules/load-pack';
import { allRulePacks, bundledPackIds, getRulePack } from '../../../../src/core/rules/registry';
import { ruleItemSchema, rulesetSchema } from '../../../../src/core/rules/schema';

const rulesDir = join(import.meta.dirname, '../../../../rules');
const pack = (id: string) => getRulePack(id)!;
const counts = (id: string) => Object.fromEntries(pack(id).subIndicators.map((s) => [s.id, s.items.length]));

describe('bundled rule packs', () => {
  it('bundles every pack folder under rules/, and exactly its files', () => {
    const folders = readdirSync(rulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...bundledPackIds]).toEqual(folders);
    for (const id of folders) {
      const files = readdirSync(join(rulesDir, id, 'items')).sort();
      expect(Object.keys(bundledPackFiles[id]!.items).sort(), id).toEqual(files);
      expect(bundledPackFiles[id]!.ruleset, id).toEqual(
        JSON.parse(readFileSync(join(rulesDir, id, 'ruleset.json'), 'utf8')),
      );
    }
  });

  // The registry builds bundled packs without the schema (pack-cache.ts: zod stays out of the
  // CLI's start). That is the same pack only if each file already is what the schema makes of
  // it: every default written out, no unknown field, every value valid.
  it('every bundled file is in its validated form, so building without the schema changes nothing', () => {
    for (const id of bundledPackIds) {
      const files = bundledPackFiles[id]!;
      expect(rulesetSchema.parse(files.ruleset), `${id}/ruleset.json`).toStrictEqual(files.ruleset);
      for (const [name, item] of Object.entries(files.items)) {
        expect(ruleItemSchema.parse(item), `${id}/items/${name}`).toStrictEqual(item);
      }
      expect(getRulePack(id), id).toStrictEqual(loadRulePack(`rules/${id}`, files.ruleset, files.items));
    }
  });

  it('has the NACC years 2562–2566, 2568, 2569 and MOPH MOIT 2567–2569, each validating', () => {
    expect(allRulePacks().map((p) => `${p.id}:${p.family}:${p.year}:${p.items.length}`)).toEqual([
      'ita-2562:nacc:2562:48',
      'ita-2563:nacc:2563:43',
      'ita-2564:nacc:2564:43',
      'ita-2565:nacc:2565:43',
      'ita-2566:nacc:2566:43',
      'ita-2568:nacc:2568:26',
      'ita-2569:nacc:2569:26',
      'moph-moit-2567:moph:2567:22',
      'moph-moit-2568:moph:2568:22',
      'moph-moit-2569:moph:2569:22',
    ]);
  });

  // Structure as oit-criteria.md §2.1–2.2 and oit-years-2567-2570.md §3, §4, §7 give it.
  it('2563–2565: 9/8/7/4/5 and 8/2 (D3)', () => {
    for (const id of ['ita-2563', 'ita-2564', 'ita-2565']) {
      expect(counts(id)).toEqual({ '9.1': 9, '9.2': 8, '9.3': 7, '9.4': 4, '9.5': 5, '10.1': 8, '10.2': 2 });
    }
  });
  it('2566: renumbered 10/8/4/4/4 and 8/5 (D0 arithmetic)', () => {
    expect(counts('ita-2566')).toEqual({
      '9.1': 10,
      '9.2': 8,
      '9.3': 4,
      '9.4': 4,
      '9.5': 4,
      '10.1': 8,
      '10.2': 5,
    });
  });
  it('2568 and 2569: 26 items; MOIT: 22 items in 9 indicators 2/3/3/3/2/1/5/1/2', () => {
    expect(pack('ita-2568').items.map((i) => i.id)).toEqual(
      Array.from({ length: 26 }, (_, i) => `O${i + 1}`),
    );
    expect(pack('ita-2569').items).toHaveLength(26);
    for (const y of [2567, 2568, 2569]) {
      expect(Object.values(counts(`moph-moit-${y}`))).toEqual([2, 3, 3, 3, 2, 1, 5, 1, 2]);
      expect(pack(`moph-moit-${y}`).items[0]!.id).toBe('MOIT1');
      expect(pack(`moph-moit-${y}`).codeForms).toEqual(['MOIT']);
    }
  });

  it('item names follow the domain notes', () => {
    const name = (p: string, id: string) => pack(p).itemById.get(id)!.name.th;
    expect(name('ita-2563', 'O42')).toBe('มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(name('ita-2564', 'O30')).toBe('ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ');
    expect(name('ita-2565', 'O34')).toContain('No Gift Policy');
    expect(name('ita-2566', 'O10')).toBe('นโยบายคุ้มครองข้อมูลส่วนบุคคล');
    expect(name('ita-2566', 'O12')).toContain('รอบ 6 เดือน');
    expect(name('ita-2568', 'O23')).toContain('การให้หรือรับสินบน');
    expect(name('ita-2569', 'O25')).toBe('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร');
    expect(name('moph-moit-2569', 'MOIT20')).toContain('วันต่อต้านคอร์รัปชันสากล');
    expect(name('moph-moit-2567', 'MOIT13')).toContain('หน่วยงานประเมินการดำเนินการตามแนวทางปฏิบัติ');
  });

  it('confidence and mapsTo: every new item says how sure it is and what it corresponds to', () => {
    const fy2562 = pack('ita-2562');
    for (const p of allRulePacks().filter((x) => x.id !== 'ita-2562')) {
      for (const item of p.items) {
        expect(item.confidence, `${p.id} ${item.id}`).toMatch(/^[HML]$/);
        expect(item.mapsTo, `${p.id} ${item.id}`).toBeDefined();
        for (const ref of item.mapsTo ?? []) {
          const [other, id] = ref.includes(':') ? ref.split(':') : ['ita-2562', ref];
          expect(getRulePack(other!)?.itemById.has(id!), `${p.id} ${item.id} → ${ref}`).toBe(true);
        }
      }
    }
    expect(pack('ita-2566').itemById.get('O12')!.mapsTo).toEqual(['O11', 'O19']);
    expect(fy2562.items.every((i) => i.confidence === undefined)).toBe(true);
    // Low-confidence items exist and are marked (2568/2569 O2, O6, O7).
    expect(
      pack('ita-2569')
        .items.filter((i) => i.confidence === 'L')
        .map((i) => i.id),
    ).toEqual(['O2', 'O6', 'O7']);
  });

  it('weights and rating schemes: bands to 2565, levels in 2566, unknown from 2568 and for MOIT', () => {
    expect(pack('ita-2565').bands.map((b) => b.rating)).toEqual(['AA', 'A', 'B', 'C', 'D', 'E', 'F']);
    expect(pack('ita-2566').bands).toEqual([]);
    expect(pack('ita-2566').levels.map((l) => l.rating)).toContain('ผ่านดี');
    for (const id of ['ita-2568', 'ita-2569', 'moph-moit-2569']) {
      expect(
        pack(id).tools.every((t) => t.weight === null),
        id,
      ).toBe(true);
      expect(pack(id).confidence.weights, id).toBeNull();
    }
  });

  it("every item's name and keywords resolve to that item (longest keyword wins)", () => {
    for (const p of allRulePacks()) {
      const matcher = new ItemMatcher(p);
      for (const item of p.items) {
        expect(matcher.matchText(item.name.th)?.id, `${p.id} ${item.id} name`).toBe(item.id);
        for (const k of item.keywords.th)
          expect(matcher.matchText(k)?.id, `${p.id} ${item.id} "${k}"`).toBe(item.id);
      }
    }
  });

  it("slug hints carry the item's own code and no other item's", () => {
    for (const p of allRulePacks().filter((x) => x.id !== 'ita-2562')) {
      for (const item of p.items) {
        const n = Number(/\d+$/.exec(item.id)![0]);
        const form = p.codeForms[0]!.toLowerCase();
        expect(item.slugHints, `${p.id} ${item.id}`).toContain(`${form}${n}`);
        const codes = item.slugHints.filter((h) => /^(o|oit|moit)-?0?\d+$/.test(h));
        for (const c of codes) expect(Number(/\d+$/.exec(c)![0]), `${p.id} ${item.id} ${c}`).toBe(n);
      }
    }
  });
});

describe('keys shared across packs (an auto audit probes every pack at once)', () => {
  it('an element key "<item>:<element>" and a content key "<item>:<concept>" mean the same in every pack', () => {
    const elements = new Map<string, string>();
    const concepts = new Map<string, string>();
    for (const p of allRulePacks()) {
      for (const item of p.items) {
        for (const e of item.requiredElements) {
          const key = `${item.id}:${e.id}`;
          const value = JSON.stringify(e.anyOf);
          expect(elements.get(key) ?? value, `${p.id} ${key}`).toBe(value);
          elements.set(key, value);
        }
        for (const c of [...(item.content?.concepts ?? []), ...(item.content?.negative ?? [])]) {
          const key = `${item.id}:${c.id}`;
          const value = JSON.stringify(c.anyOf);
          expect(concepts.get(key) ?? value, `${p.id} ${key}`).toBe(value);
          concepts.set(key, value);
        }
      }
    }
  });
});

describe('generalised validation', () => {
  const files = bundledPackFiles['ita-2569']!;
  it('rejects a gap in the numbering, naming the file and field', () => {
    const { 'O26.json': last, ...rest } = files.items;
    const renamed = { ...rest, 'O27.json': { ...(last as object), id: 'O27' } };
    const ruleset = structuredClone(files.ruleset) as {
      indicators: { subIndicators: { items: string[] }[] }[];
    };
    const subs = ruleset.indicators.flatMap((i) => i.subIndicators ?? []);
    const withLast = subs.find((s) => s.items.includes('O26'))!;
    withLast.items = withLast.items.map((x) => (x === 'O26' ? 'O27' : x));
    expect(() => loadRulePack('my-pack', ruleset, renamed)).toThrow(/my-pack\/items\/O27\.json: field "id"/);
  });
  it('rejects a rating part that names an unknown indicator', () => {
    const ruleset = structuredClone(bundledPackFiles['ita-2566']!.ruleset) as {
      ratingParts: { indicators: number[] }[];
    };
    ruleset.ratingParts[1]!.indicators = [6, 12];
    expect(() => loadRulePack('x', ruleset, bundledPackFiles['ita-2566']!.items)).toThrow(
      /x\/ruleset\.json: field "ratingParts\.1\.indicators"/,
    );
  });
  it('rejects an unknown confidence mark', () => {
    const bad = { ...(files.items['O3.json'] as object), confidence: 'X' };
    expect(() => loadRulePack('x', files.ruleset, { ...files.items, 'O3.json': bad })).toThrow(
      /x\/items\/O3\.json: field "confidence"/,
    );
  });
});
