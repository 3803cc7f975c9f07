import { type MessageKey, msg } from '../core/messages';
import type { Lang } from '../core/report/labels';

export type { Lang };

/** Keys of the message catalogue (src/core/messages.ts), shared with the CLI and the reports. */
export type StringKey = MessageKey;

/** A UI string in the wanted language, with `{name}` placeholders filled. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return msg(lang, key, vars);
}
