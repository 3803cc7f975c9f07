import { bundledPackIds } from './bundled-pack-loaders';
import { bundledPackFiles } from './bundled-packs';
import type { RulePack } from './assemble-pack';
import { validatedBundledPack } from './pack-cache';

/** Ids of the bundled rule packs, sorted. */
export { bundledPackIds };

/**
 * The pack used when nothing chooses one (tests, report edits of old reports). Audits default
 * to `auto` (select-pack.ts), which picks the assessed year's pack.
 */
export const defaultPackId = 'ita-2562';

/** Returns a bundled rule pack, validated once; `undefined` for an unknown id. */
export function getRulePack(id: string = defaultPackId): RulePack | undefined {
  const files = bundledPackFiles[id];
  return files ? validatedBundledPack(id, files) : undefined;
}

/** Every bundled pack, validated. */
export function allRulePacks(): RulePack[] {
  return bundledPackIds.map((id) => getRulePack(id) as RulePack);
}

/** File contents of the bundled FY2562 items, for tests that check the registry against the folder. */
export const ita2562ItemFiles: Readonly<Record<string, unknown>> = bundledPackFiles['ita-2562']?.items ?? {};
