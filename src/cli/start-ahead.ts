import type { AuditThreadHint } from '../node/audit-thread-start';
import { looksLikePath } from './pack-path';

/**
 * Whether `oit-audit …` (its arguments) will run an audit in the audit's thread, and of what
 * kind, read from the words typed before the command line is parsed: the entry (run.ts) then
 * starts that thread at once. The thread takes about 0.3 s to load the crawler and its
 * page-reading threads, and this thread about 0.1 s to load the command line and check the
 * options; this way they load side by side. Only a guess: `audit --help`, a usage error or a
 * pack folder (`--rules ./x/`, run in this thread) leave the thread unused, and it ends with
 * the process. Null when no audit thread is wanted.
 */
export function auditThreadHintFor(argv: readonly string[]): AuditThreadHint | null {
  if (argv[0] !== 'audit' || argv.includes('--help') || argv.includes('-h')) return null;
  const at = argv.findIndex((a) => a === '--rules' || a.startsWith('--rules='));
  const flag = at < 0 ? undefined : argv[at];
  const rules = flag === undefined ? undefined : flag.startsWith('--rules=') ? flag.slice(8) : argv[at + 1];
  return auditThreadHintForRules(rules);
}

/**
 * The audit thread's hint for a `--rules` value (undefined when not given): none for a pack on
 * disk, which runs in the CLI's own thread.
 */
export function auditThreadHintForRules(rules: string | undefined): AuditThreadHint | null {
  if (rules !== undefined && looksLikePath(rules)) return null;
  return { auto: rules === undefined || rules === 'auto' };
}
