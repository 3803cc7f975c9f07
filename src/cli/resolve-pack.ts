import { resolve } from 'node:path';
import type { RulePack } from '../core/rules/assemble-pack';
import { bundledPackIds } from '../core/rules/bundled-pack-loaders';
import { looksLikePath } from './pack-path';
import { loadBundledPack, loadPackForYear } from '../core/rules/load-bundled-pack';
import { RulePackError } from '../core/rules/rule-pack-error';
import { fiscalYearOf } from '../core/thai/fiscal-year';
import { usageError } from './errors';
import { type Lang, say } from './io';
import { readJsonFile } from './read-json-file';

/** What --rules asked for: auto-selection, a bundled pack, or a pack from disk. */
export type PackRequest =
  | { kind: 'auto' }
  | { kind: 'bundled'; pack: RulePack }
  | { kind: 'custom'; pack: RulePack; path: string };

/**
 * Loads a pack folder or a one-file pack JSON; a broken pack is a usage error (exit 2). The
 * schema (zod) is loaded only here: bundled packs do not need it (pack-cache.ts).
 */
async function loadCustom(value: string, cwd: string, lang: Lang): Promise<RulePack> {
  const path = resolve(cwd, value);
  const [{ isPackDir, readPackDir }, { packFromJson }] = await Promise.all([
    import('../node/read-pack-dir'),
    import('../core/rules/pack-json'),
  ]);
  try {
    if (isPackDir(path)) return readPackDir(path, value);
    if (value.endsWith('.json')) return packFromJson(readJsonFile(value, cwd, lang, 'ชุดเกณฑ์'), value);
  } catch (e) {
    if (e instanceof RulePackError) {
      throw usageError(
        say(lang, `--rules: ชุดเกณฑ์ไม่ถูกต้อง: ${e.message}`, `--rules: invalid rule pack: ${e.message}`),
        say(
          lang,
          `แก้ไฟล์ ${e.file} ช่อง "${e.field}" ตาม README หัวข้อ "การเขียนชุดเกณฑ์"`,
          `fix field "${e.field}" in ${e.file} (README: "Writing a rule pack")`,
        ),
      );
    }
    throw e;
  }
  throw usageError(
    say(lang, `--rules: ไม่พบชุดเกณฑ์ที่ ${value}`, `--rules: no rule pack at ${value}`),
    say(
      lang,
      'ให้ชี้ไปที่โฟลเดอร์ที่มี ruleset.json และ items/ (สร้างด้วย oit-audit rules init <dir> --from ita-2569)',
      'point to a folder with ruleset.json and items/ (start one with oit-audit rules init <dir> --from ita-2569)',
    ),
  );
}

/** Reads the --rules value: "auto", a bundled pack id, or a path to a pack. */
export async function resolvePackRequest(value: string, lang: Lang, cwd: string): Promise<PackRequest> {
  if (value === 'auto') return { kind: 'auto' };
  if (looksLikePath(value)) return { kind: 'custom', pack: await loadCustom(value, cwd, lang), path: value };
  return { kind: 'bundled', pack: await resolvePack(value, lang) };
}

/**
 * A concrete pack for commands that need one before any crawl (rules, score, measures):
 * "auto" is the pack of `year` (default: today's fiscal year), a path loads a pack from disk.
 * Only the packs needed are loaded: one for an id, all of them for "auto".
 */
export async function resolvePack(
  id: string,
  lang: Lang,
  options: { cwd?: string; year?: number } = {},
): Promise<RulePack> {
  if (id === 'auto') {
    const found = await loadPackForYear(options.year ?? fiscalYearOf(new Date()));
    if (found) return found;
  }
  if (options.cwd !== undefined && looksLikePath(id)) return await loadCustom(id, options.cwd, lang);
  const pack = await loadBundledPack(id);
  if (!pack) {
    throw usageError(
      say(lang, `--rules: ไม่รู้จักชุดเกณฑ์ "${id}"`, `--rules: unknown rule pack "${id}"`),
      say(
        lang,
        `ชุดเกณฑ์ที่มี: auto, ${bundledPackIds.join(', ')} หรือโฟลเดอร์ของชุดเกณฑ์ (./my-pack/)`,
        `bundled packs: auto, ${bundledPackIds.join(', ')}, or a pack folder (./my-pack/)`,
      ),
    );
  }
  return pack;
}
