// Written by scripts/build-rule-packs.mjs. Do not edit by hand.
// One dynamic import per pack: a command that needs one pack loads only that pack (in the
// CLI build each is a chunk of its own), not the JSON of every pack.
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
