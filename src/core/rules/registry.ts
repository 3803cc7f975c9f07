import { bundledPackIds } from './bundled-pack-loaders';
import { bundledPackFiles, prebuiltExtractionPack } from './bundled-packs';
import type { RulePack } from './assemble-pack';
import { validatedBundledPack } from './pack-cache';
import type { PackFiles } from './pack-files';

/** Ids of the bundled rule packs, sorted. */
export { bundledPackIds };

/** The merged pack the build made of every bundled pack, when the build made one (the CLI's). */
export { prebuiltExtractionPack };

/**
 * The pack used when nothing chooses one (tests, report edits of old reports). Audits default
 * to `auto` (select-pack.ts), which picks the assessed year's pack.
 */
export const defaultPackId = 'ita-2562';

/** Returns a bundled rule pack, validated once; `undefined` for an unknown id. */
export function getRulePack(id: string = defaultPackId): RulePack | undefined {
  // The files are asked for only to build the pack the first time (the compiled CLI reads them
  // from disk at each access: src/node/bundled-packs-from-disk.ts).
  return Object.hasOwn(bundledPackFiles, id)
    ? validatedBundledPack(id, () => bundledPackFiles[id] as PackFiles)
    : undefined;
}

/** Every bundled pack, validated. */
export function allRulePacks(): RulePack[] {
  return bundledPackIds.map((id) => getRulePack(id) as RulePack);
}
