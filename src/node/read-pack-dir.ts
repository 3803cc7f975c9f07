import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadRulePack, type RulePack, RulePackError } from '../core/rules/load-pack';

function readJson(file: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RulePackError(`${shown}: cannot be read (${(e as Error).message})`, shown, '(file)');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RulePackError(`${shown}: not valid JSON (${(e as Error).message})`, shown, '(file)');
  }
}

/** True when `path` is a folder that holds a ruleset.json (a rule pack on disk). */
export function isPackDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && existsSync(join(path, 'ruleset.json'));
  } catch {
    return false;
  }
}

/**
 * Reads a rule pack folder (ruleset.json + items/*.json) and validates it exactly as the
 * bundled packs are validated. Errors are RulePackErrors naming the file and the field;
 * `shown` is the path as the user wrote it.
 */
export function readPackDir(dir: string, shown: string = dir): RulePack {
  const base = shown.replace(/\/+$/, '');
  const ruleset = readJson(join(dir, 'ruleset.json'), `${base}/ruleset.json`);
  const itemsDir = join(dir, 'items');
  if (!existsSync(itemsDir)) {
    throw new RulePackError(
      `${base}/items: folder missing (one JSON file per item)`,
      `${base}/items`,
      '(folder)',
    );
  }
  const items: Record<string, unknown> = {};
  for (const name of readdirSync(itemsDir).sort()) {
    if (!name.endsWith('.json')) continue;
    items[name] = readJson(join(itemsDir, name), `${base}/items/${name}`);
  }
  return loadRulePack(base, ruleset, items);
}
