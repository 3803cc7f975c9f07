import { loadRulePack, type RulePack } from './load-pack';
import type { PackFiles } from './pack-files';

const cache = new Map<string, RulePack>();

/**
 * A bundled pack validated once per process, whichever way its files were loaded (all at once
 * by the registry, or one by one by the CLI's loaders): both give the same RulePack object.
 */
export function validatedBundledPack(id: string, files: PackFiles): RulePack {
  const cached = cache.get(id);
  if (cached) return cached;
  const pack = loadRulePack(`rules/${id}`, files.ruleset, files.items);
  cache.set(id, pack);
  return pack;
}
