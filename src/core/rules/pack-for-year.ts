/**
 * Which pack an assessed year uses, decided on each pack's family and year alone: the same rule
 * for loaded packs (select-pack.ts) and for the bundled packs' index (bundledPackMeta), so the
 * CLI can load the one or two packs an auto audit starts with instead of every pack.
 */

/** What the choice reads of a pack. */
export interface PackYear {
  id: string;
  family: 'nacc' | 'moph';
  year: number;
}

/**
 * The pack of `family` for an assessed year: that year's, or the latest earlier one (`exact`
 * false), or the earliest one when the year is older than every pack.
 */
export function packForYear<P extends PackYear>(
  year: number,
  family: P['family'],
  packs: readonly P[],
): { pack: P; exact: boolean } | null {
  const own = packs.filter((p) => p.family === family).sort((a, b) => a.year - b.year);
  const exact = own.find((p) => p.year === year);
  if (exact) return { pack: exact, exact: true };
  const earlier = own.filter((p) => p.year < year).at(-1);
  const chosen = earlier ?? own[0];
  return chosen ? { pack: chosen, exact: false } : null;
}

/** Packs whose candidates an auto audit collects from the first page on (NACC and MOPH of the year). */
export function autoStartPacksOf<P extends PackYear>(assessedYear: number, packs: readonly P[]): P[] {
  const out: P[] = [];
  for (const family of ['nacc', 'moph'] as const) {
    const found = packForYear(assessedYear, family, packs);
    if (found) out.push(found.pack);
  }
  return out;
}
