// Written by scripts/build-rule-packs.mjs. Do not edit by hand.
// Every pack, statically: the extension bundle carries them all.
import type { RulePack } from './assemble-pack';
import type { PackFiles } from './pack-files';
import { files as ita_2562 } from './packs/ita-2562';
import { files as ita_2563 } from './packs/ita-2563';
import { files as ita_2564 } from './packs/ita-2564';
import { files as ita_2565 } from './packs/ita-2565';
import { files as ita_2566 } from './packs/ita-2566';
import { files as ita_2568 } from './packs/ita-2568';
import { files as ita_2569 } from './packs/ita-2569';
import { files as moph_moit_2567 } from './packs/moph-moit-2567';
import { files as moph_moit_2568 } from './packs/moph-moit-2568';
import { files as moph_moit_2569 } from './packs/moph-moit-2569';

/** Ruleset and item files (by file name) of every bundled pack. */
export const bundledPackFiles: Record<string, PackFiles> = {
  'ita-2562': ita_2562,
  'ita-2563': ita_2563,
  'ita-2564': ita_2564,
  'ita-2565': ita_2565,
  'ita-2566': ita_2566,
  'ita-2568': ita_2568,
  'ita-2569': ita_2569,
  'moph-moit-2567': moph_moit_2567,
  'moph-moit-2568': moph_moit_2568,
  'moph-moit-2569': moph_moit_2569,
};

/** No merged extraction pack is prebuilt here (the compiled CLI has one: bundled-packs-from-disk.ts). */
export const prebuiltExtractionPack: (() => RulePack) | null = null;
