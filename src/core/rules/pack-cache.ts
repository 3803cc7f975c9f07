import { assembleRulePack, type PackFileParser, type RulePack } from './assemble-pack';
import type { PackFiles } from './pack-files';
import type { RuleItem, RulesetFile } from './schema';

const cache = new Map<string, RulePack>();

/**
 * Bundled pack files are already in their validated form, defaults written out: the tests parse
 * each with the schema and require the result to equal the file (test/unit/core/rules/packs.test.ts).
 * So they are not parsed again at every start, which would load zod for `score` (issue 11 §2).
 * Copies, as a parse would give: the pack never shares objects with the files `rules export` prints.
 */
const bundledParser: PackFileParser = {
  ruleset: (_file, json) => structuredClone(json) as RulesetFile,
  item: (_file, json) => structuredClone(json) as RuleItem,
};

/**
 * A bundled pack built once per process, whichever way its files were loaded (all at once by
 * the registry, or one by one by the CLI's loaders): both give the same RulePack object.
 */
export function validatedBundledPack(id: string, files: PackFiles | (() => PackFiles)): RulePack {
  const cached = cache.get(id);
  if (cached) return cached;
  const { ruleset, items } = typeof files === 'function' ? files() : files;
  const pack = assembleRulePack(`rules/${id}`, ruleset, items, bundledParser);
  cache.set(id, pack);
  return pack;
}
