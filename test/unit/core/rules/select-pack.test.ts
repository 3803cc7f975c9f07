import { describe, expect, it } from 'vitest';
import type { IndexPageNumbering } from '../../../../src/core/detect/site-numbering';
import { getRulePack } from '../../../../src/core/rules/registry';
import { numberingMismatch, packForYear, selectPack } from '../../../../src/core/rules/select-pack';

const site = (s: Partial<IndexPageNumbering>): IndexPageNumbering => ({
  url: 'https://www.example.go.th/ita/',
  family: 'nacc',
  year: null,
  codes: 30,
  maxCode: 43,
  ...s,
});
const pack = (id: string) => getRulePack(id)!;

describe('packForYear', () => {
  it("the assessed year's pack, else the latest earlier one, else the earliest", () => {
    expect(packForYear(2566, 'nacc')).toMatchObject({ pack: { id: 'ita-2566' }, exact: true });
    expect(packForYear(2570, 'nacc')).toMatchObject({ pack: { id: 'ita-2569' }, exact: false });
    expect(packForYear(2567, 'nacc')).toMatchObject({ pack: { id: 'ita-2566' }, exact: false });
    expect(packForYear(2560, 'nacc')).toMatchObject({ pack: { id: 'ita-2562' }, exact: false });
    expect(packForYear(2569, 'moph')).toMatchObject({ pack: { id: 'moph-moit-2569' }, exact: true });
  });
});

describe('numberingMismatch', () => {
  it('MOIT codes under an NACC pack, and O codes under a MOIT pack', () => {
    expect(numberingMismatch(pack('ita-2562'), site({ family: 'moph', maxCode: 22 }))?.en).toMatch(
      /^the site uses MOPH "MOIT" codes/,
    );
    expect(numberingMismatch(pack('moph-moit-2569'), site({ family: 'nacc' }))?.en).toMatch(/NACC "O" codes/);
  });
  it("another year's numbering: a 2566 list under ita-2562, codes beyond the pack's last item", () => {
    expect(numberingMismatch(pack('ita-2562'), site({ year: 2566, maxCode: 43 }))?.en).toMatch(
      /labelled ITA 2566 but was scored against ita-2562/,
    );
    expect(numberingMismatch(pack('ita-2569'), site({ maxCode: 43 }))?.en).toMatch(
      /numbers items up to 43 but ita-2569 has 26/,
    );
    // 2563–2565 kept FY2562's O1–O41: a 2564 list under ita-2563 agrees.
    expect(numberingMismatch(pack('ita-2563'), site({ year: 2564, maxCode: 43 }))).toBeNull();
  });
  it('a label lagging behind the list ("ITA 2568" over O1–O48) is not a mismatch for ita-2562', () => {
    expect(numberingMismatch(pack('ita-2562'), site({ year: 2568, maxCode: 48 }))).toBeNull();
    // …but the same page is one for the 26-item 2568 pack.
    expect(numberingMismatch(pack('ita-2568'), site({ year: 2568, maxCode: 48 }))).not.toBeNull();
  });
  it('nothing seen, nothing said', () => {
    expect(numberingMismatch(pack('ita-2566'), null)).toBeNull();
  });
});

describe('selectPack', () => {
  it('forced and custom packs keep their pack and report the mismatch; unknown ids give null', () => {
    const moit = site({ family: 'moph', maxCode: 22, year: 2569 });
    expect(selectPack('ita-2566', 2569, moit)).toMatchObject({ mode: 'forced', pack: { id: 'ita-2566' } });
    expect(selectPack('ita-2566', 2569, moit)?.mismatch).not.toBeNull();
    expect(selectPack(pack('ita-2569'), 2569, null)).toMatchObject({ mode: 'custom', mismatch: null });
    expect(selectPack('ita-2599', 2569, null)).toBeNull();
  });
  it('auto: an EB-numbered MOPH index keeps the NACC pack and warns (no EB pack exists)', () => {
    const s = selectPack('auto', 2564, site({ family: 'moph-eb', maxCode: 12 }))!;
    expect(s.pack.id).toBe('ita-2564');
    expect(s.mismatch?.en).toMatch(/MOPH "EB" codes/);
  });
});
