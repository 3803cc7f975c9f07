/**
 * The compiled CLI's `bundled-packs` (scripts/build-cli.mjs puts this module in its place): each
 * bundled pack's files are read from dist/cli/packs/<id>.json, written by the build from the
 * very same files, when the pack is first asked for. A thread then holds the packs its work
 * needs, not every pack's JavaScript: an audit's thread used to compile all ten (4.3 MB of
 * source, kept by V8 for as long as the thread lived) to use two or three. The extension and
 * the sources keep the static imports (src/core/rules/bundled-packs.ts); no directory is read.
 */
import { readFileSync } from 'node:fs';
import { bundledPackIds } from '../core/rules/bundled-pack-loaders';
import type { RulePack } from '../core/rules/assemble-pack';
import type { PackFiles } from '../core/rules/pack-files';
import { findWorkerFile } from './worker-file';

/** dist/cli/packs/, beside this module or above its chunk. */
const PACKS_DIR = findWorkerFile(import.meta.url, ['./packs/', '../packs/']);

/**
 * Ruleset and item files of every bundled pack, read at each access: the registry builds a
 * pack once from them (pack-cache.ts) and keeps that, so the files themselves are not kept.
 */
export const bundledPackFiles: Record<string, PackFiles> = {};
for (const id of bundledPackIds) {
  Object.defineProperty(bundledPackFiles, id, {
    enumerable: true,
    get: (): PackFiles => JSON.parse(readFileSync(packFile(`${id}.json`), 'utf8')) as PackFiles,
  });
}

/**
 * The merge of every bundled pack an auto audit reads pages with (extractionPack), as the build
 * made it (dist/cli/packs/extraction.json): a page-reading thread reads one file instead of
 * reading, building and merging ten packs before its first page.
 */
export function prebuiltExtractionPack(): RulePack {
  const pack = JSON.parse(readFileSync(packFile('extraction.json'), 'utf8')) as Omit<RulePack, 'itemById'>;
  return { ...pack, itemById: new Map(pack.items.map((i) => [i.id, i])) };
}

function packFile(name: string): URL {
  if (!PACKS_DIR) throw new Error(`the rule packs are missing beside the CLI (dist/cli/packs/${name})`);
  return new URL(name, PACKS_DIR);
}
