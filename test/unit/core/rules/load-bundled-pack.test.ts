import { describe, expect, it } from 'vitest';
import { bundledPackIds, bundledPackMeta } from '../../../../src/core/rules/bundled-pack-loaders';
import { loadAutoStartPacks, loadPackForYear } from '../../../../src/core/rules/load-bundled-pack';
import { getRulePack } from '../../../../src/core/rules/registry';
import { autoStartPacks, packForYear } from '../../../../src/core/rules/select-pack';

describe('choosing a bundled pack without loading every pack', () => {
  it('the generated index gives each pack’s own family and year', () => {
    expect(bundledPackMeta.map((m) => m.id)).toEqual(bundledPackIds);
    for (const m of bundledPackMeta) {
      const pack = getRulePack(m.id);
      expect({ family: pack?.family, year: pack?.year }, m.id).toEqual({ family: m.family, year: m.year });
    }
  });

  it('loads the packs an auto audit starts with, as chosen among the loaded packs, for every year', async () => {
    for (let year = 2555; year <= 2575; year++) {
      const loaded = await loadAutoStartPacks(year);
      expect(
        loaded.map((p) => p.id),
        String(year),
      ).toEqual(autoStartPacks(year).map((p) => p.id));
      expect((await loadPackForYear(year))?.id, String(year)).toBe(packForYear(year, 'nacc')?.pack.id);
    }
  });
});
