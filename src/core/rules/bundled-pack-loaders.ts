// Written by scripts/build-rule-packs.mjs. Do not edit by hand.
// One dynamic import per pack: a command that needs one pack loads only that pack (in the
// CLI build each is a chunk of its own), not the JSON of every pack.
import type { PackYear } from './pack-for-year';
import type { PackFiles } from './pack-files';

/** Ids of the bundled rule packs, sorted. */
export const bundledPackIds: readonly string[] = [
  'ita-2562',
  'ita-2563',
  'ita-2564',
  'ita-2565',
  'ita-2566',
  'ita-2568',
  'ita-2569',
  'moph-moit-2567',
  'moph-moit-2568',
  'moph-moit-2569',
];

/** Family and year of each bundled pack (from its ruleset.json): enough to choose one without loading any. */
export const bundledPackMeta: readonly PackYear[] = [
  { id: 'ita-2562', family: 'nacc', year: 2562 },
  { id: 'ita-2563', family: 'nacc', year: 2563 },
  { id: 'ita-2564', family: 'nacc', year: 2564 },
  { id: 'ita-2565', family: 'nacc', year: 2565 },
  { id: 'ita-2566', family: 'nacc', year: 2566 },
  { id: 'ita-2568', family: 'nacc', year: 2568 },
  { id: 'ita-2569', family: 'nacc', year: 2569 },
  { id: 'moph-moit-2567', family: 'moph', year: 2567 },
  { id: 'moph-moit-2568', family: 'moph', year: 2568 },
  { id: 'moph-moit-2569', family: 'moph', year: 2569 },
];

/** Loads the files of one bundled pack. */
export const bundledPackLoaders: Readonly<Record<string, () => Promise<PackFiles>>> = {
  'ita-2562': async () => (await import('./packs/ita-2562')).files,
  'ita-2563': async () => (await import('./packs/ita-2563')).files,
  'ita-2564': async () => (await import('./packs/ita-2564')).files,
  'ita-2565': async () => (await import('./packs/ita-2565')).files,
  'ita-2566': async () => (await import('./packs/ita-2566')).files,
  'ita-2568': async () => (await import('./packs/ita-2568')).files,
  'ita-2569': async () => (await import('./packs/ita-2569')).files,
  'moph-moit-2567': async () => (await import('./packs/moph-moit-2567')).files,
  'moph-moit-2568': async () => (await import('./packs/moph-moit-2568')).files,
  'moph-moit-2569': async () => (await import('./packs/moph-moit-2569')).files,
};
