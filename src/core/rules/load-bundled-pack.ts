import { bundledPackIds, bundledPackLoaders, bundledPackMeta } from './bundled-pack-loaders';
import { autoStartPacksOf, packForYear } from './pack-for-year';
import type { RulePack } from './assemble-pack';
import { validatedBundledPack } from './pack-cache';
import type { PackFiles } from './pack-files';

/**
 * The registry (registry.ts) imports every pack's JSON, which `score` or `report` would pay for
 * at each start (issue 11 §2). These load only the packs asked for.
 */

/** Files of one bundled pack; `undefined` for an unknown id. */
export async function loadBundledPackFiles(id: string): Promise<PackFiles | undefined> {
  return Object.hasOwn(bundledPackLoaders, id) ? bundledPackLoaders[id]?.() : undefined;
}

/** One bundled pack, validated; `undefined` for an unknown id. */
export async function loadBundledPack(id: string): Promise<RulePack | undefined> {
  const files = await loadBundledPackFiles(id);
  return files && validatedBundledPack(id, files);
}

/** Every bundled pack, validated, in id order. */
export async function loadAllBundledPacks(): Promise<RulePack[]> {
  return Promise.all(bundledPackIds.map(async (id) => (await loadBundledPack(id)) as RulePack));
}

/** The NACC pack of an assessed year (see packForYear), loading that pack alone. */
export async function loadPackForYear(year: number): Promise<RulePack | undefined> {
  const found = packForYear(year, 'nacc', bundledPackMeta);
  return found ? loadBundledPack(found.pack.id) : undefined;
}

/** The packs an auto audit of `assessedYear` starts with (autoStartPacks), loading those alone. */
export async function loadAutoStartPacks(assessedYear: number): Promise<RulePack[]> {
  const packs = await Promise.all(
    autoStartPacksOf(assessedYear, bundledPackMeta).map((m) => loadBundledPack(m.id)),
  );
  return packs.filter((p): p is RulePack => p !== undefined);
}
