import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePack, RulePackError } from '../../../../src/core/rules/load-pack';
import { bundledPackFiles } from '../../../../src/core/rules/bundled-packs';
import { getRulePack } from '../../../../src/core/rules/registry';

const ita2562ItemFiles = bundledPackFiles['ita-2562']?.items ?? {};

const packDir = join(import.meta.dirname, '../../../../rules/ita-2562');
const rulesetJson = JSON.parse(readFileSync(join(packDir, 'ruleset.json'), 'utf8'));
const pack = getRulePack('ita-2562')!;

describe('ita-2562 rule pack', () => {
  it('has O1..O48, each once, in numeric order', () => {
    expect(pack.items.map((i) => i.id)).toEqual(Array.from({ length: 48 }, (_, i) => `O${i + 1}`));
  });

  it('groups items 9/8/7/4/5 and 8/7 into the seven sub-indicators', () => {
    const counts = Object.fromEntries(pack.subIndicators.map((s) => [s.id, s.items.length]));
    expect(counts).toEqual({ '9.1': 9, '9.2': 8, '9.3': 7, '9.4': 4, '9.5': 5, '10.1': 8, '10.2': 7 });
    expect(pack.itemById.get('O23')!.subIndicator).toBe('9.3');
    expect(pack.itemById.get('O42')!.subIndicator).toBe('10.2');
  });

  it('has tool weights 30/30/40 and ten indicators', () => {
    expect(pack.tools.map((t) => [t.id, t.weight])).toEqual([
      ['IIT', 30],
      ['EIT', 30],
      ['OIT', 40],
    ]);
    expect(pack.indicators.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('the registry imports exactly the files in rules/ita-2562/items', () => {
    const files = readdirSync(join(packDir, 'items')).filter((f) => f.endsWith('.json'));
    expect(Object.keys(ita2562ItemFiles).sort()).toEqual(files.sort());
  });

  it('O23 has its clean Thai name (no Devanagari from the seed)', () => {
    const name = pack.itemById.get('O23')!.name.th;
    expect(name).toContain('พัสดุรายเดือน');
    expect(/[\u0900-\u097F]/.test(name)).toBe(false);
  });

  it('O2 and O5 declare required elements', () => {
    expect(pack.itemById.get('O2')!.requiredElements.length).toBeGreaterThanOrEqual(2);
    expect(pack.itemById.get('O5')!.requiredElements.map((e) => e.id)).toEqual([
      'address',
      'phone',
      'fax-or-email',
      'map',
    ]);
  });
});

describe('invalid rule files are rejected with the file and the field', () => {
  const validItems = { ...ita2562ItemFiles };
  it('a bad freshness value', () => {
    const broken = { ...(validItems['O12.json'] as object), freshness: 'last-year' };
    expect(() => loadRulePack('rules/ita-2562', rulesetJson, { ...validItems, 'O12.json': broken })).toThrow(
      /rules\/ita-2562\/items\/O12\.json: field "freshness"/,
    );
  });
  it('a missing keyword list', () => {
    const { keywords: _dropped, ...rest } = validItems['O7.json'] as Record<string, unknown>;
    try {
      loadRulePack('rules/ita-2562', rulesetJson, { ...validItems, 'O7.json': rest });
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(RulePackError);
      expect((e as RulePackError).file).toBe('rules/ita-2562/items/O7.json');
      expect((e as RulePackError).field).toBe('keywords');
    }
  });
  it('an item file missing from the folder', () => {
    const { 'O30.json': _gone, ...rest } = validItems;
    expect(() => loadRulePack('rules/ita-2562', rulesetJson, rest)).toThrow(
      /names O30 but .*O30\.json is missing/,
    );
  });
  it('a file whose id does not match its name', () => {
    expect(() =>
      loadRulePack('rules/ita-2562', rulesetJson, {
        ...validItems,
        'O9.json': { ...(validItems['O8.json'] as object) },
      }),
    ).toThrow(/O9\.json: field "id"/);
  });
  it('an invalid regular expression in a required element', () => {
    const o5 = structuredClone(validItems['O5.json']) as { requiredElements: { anyOf: unknown[] }[] };
    o5.requiredElements[0]!.anyOf = [{ text: '(unclosed' }];
    expect(() => loadRulePack('rules/ita-2562', rulesetJson, { ...validItems, 'O5.json': o5 })).toThrow(
      /O5\.json: field "requiredElements\.0\.anyOf\.0\.text"/,
    );
  });
});
