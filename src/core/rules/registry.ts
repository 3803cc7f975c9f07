import { bundledPackFiles } from './bundled-packs';
import { loadRulePack, type RulePack } from './load-pack';

const cache = new Map<string, RulePack>();

/** Ids of the bundled rule packs, sorted. */
export const bundledPackIds: readonly string[] = Object.keys(bundledPackFiles).sort();

/**
 * The pack used when nothing chooses one (tests, report edits of old reports). Audits default
 * to `auto` (select-pack.ts), which picks the assessed year's pack.
 */
export const defaultPackId = 'ita-2562';

/** Returns a bundled rule pack, validated once; `undefined` for an unknown id. */
export function getRulePack(id: string = defaultPackId): RulePack | undefined {
  const cached = cache.get(id);
  if (cached) return cached;
  const files = bundledPackFiles[id];
  if (!files) return undefined;
  const pack = loadRulePack(`rules/${id}`, files.ruleset, files.items);
  cache.set(id, pack);
  return pack;
}

/** Every bundled pack, validated. */
export function allRulePacks(): RulePack[] {
  return bundledPackIds.map((id) => getRulePack(id) as RulePack);
}

/** File contents of the bundled FY2562 items, for tests that check the registry against the folder. */
export const ita2562ItemFiles: Readonly<Record<string, unknown>> = bundledPackFiles['ita-2562']?.items ?? {};
