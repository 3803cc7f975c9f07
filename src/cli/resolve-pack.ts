import type { RulePack } from '../core/rules/load-pack';
import { bundledPackIds, getRulePack } from '../core/rules/registry';
import { usageError } from './errors';
import { type Lang, say } from './io';

/** The bundled rule pack named by --rules, or a usage error listing the known ones. */
export function resolvePack(id: string, lang: Lang): RulePack {
  const pack = getRulePack(id);
  if (!pack) {
    throw usageError(
      say(lang, `--rules: ไม่รู้จักชุดเกณฑ์ "${id}"`, `--rules: unknown rule pack "${id}"`),
      say(lang, `ชุดเกณฑ์ที่มี: ${bundledPackIds.join(', ')}`, `bundled packs: ${bundledPackIds.join(', ')}`),
    );
  }
  return pack;
}
