import { Command, CommanderError } from 'commander';
import { msg } from '../core/messages';
import { RulePackError } from '../core/rules/rule-pack-error';
import { TOOL_VERSION } from '../core/version';
import { CliError } from './errors';
import { ExitCode } from './exit-codes';
import type { CliIo, Lang } from './io';
import { say } from './io';

type Register = (program: Command, io: CliIo, lang: () => Lang, setExit: (code: number) => void) => void;

/**
 * Each command's module, loaded only when needed: a command's imports (the crawler, the rule
 * packs, zod) cost more start-up time than `--version` or `score` should pay (issue 11 §2).
 * Keys are in the order `--help` lists them.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  audit: async () => (await import('./commands/audit')).registerAudit,
  batch: async () => (await import('./commands/batch')).registerBatch,
  score: async () => (await import('./commands/score')).registerScore,
  rules: async () => (await import('./commands/rules')).registerRules,
  measures: async () => (await import('./commands/measures')).registerMeasures,
  report: async () => (await import('./commands/report')).registerReport,
  worker: async () => (await import('./commands/worker')).registerWorker,
  compare: async () => (await import('./commands/compare')).registerCompare,
};

/**
 * The commands to register for these arguments: the one named, none for a bare `--version`,
 * every command otherwise (help, an unknown command: commander lists or suggests them).
 */
function commandsFor(args: string[]): string[] {
  const all = Object.keys(COMMANDS);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--lang') {
      i++;
      continue;
    }
    if (a === '-V' || a === '--version') return [];
    if (a.startsWith('-')) return all;
    return Object.hasOwn(COMMANDS, a) ? [a] : all;
  }
  return all;
}

/**
 * Runs the `oit-audit` program with the given arguments (without "node" and the script) and
 * returns the exit code. Never calls process.exit, so tests run it in-process.
 */
export async function main(args: string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const envLang = io.env.OIT_AUDIT_LANG === 'en' ? 'en' : 'th';
  const langIndex = args.indexOf('--lang');
  let lang: Lang = envLang;
  if (langIndex >= 0 && (args[langIndex + 1] === 'en' || args[langIndex + 1] === 'th'))
    lang = args[langIndex + 1] as Lang;
  const getLang = () => lang;

  const program = new Command('oit-audit')
    .description(
      say(
        lang,
        'ตรวจเว็บไซต์หน่วยงานภาครัฐตามเกณฑ์การเปิดเผยข้อมูลสาธารณะ (OIT) ของ ITA',
        'Audit a Thai government agency website against the ITA open-data (OIT) items',
      ),
    )
    .version(TOOL_VERSION, '-V, --version')
    .option('--lang <th|en>', 'ภาษาของข้อความ / language of messages', envLang)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError(say(lang, '(ดูวิธีใช้: oit-audit --help)', '(see oit-audit --help)'));

  const names = commandsFor(args);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program, io, getLang, setExit);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  }

  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return ExitCode.ok;
      return ExitCode.usage;
    }
    if (e instanceof CliError) {
      io.stderr(`oit-audit: ${e.message}\n${e.hint ? `  → ${e.hint}\n` : ''}`);
      return e.exitCode;
    }
    if (e instanceof RulePackError) {
      io.stderr(`oit-audit: ${say(lang, 'ชุดเกณฑ์ไม่ถูกต้อง', 'invalid rule pack')}: ${e.message}\n`);
      return ExitCode.usage;
    }
    // Not the site's fault and not the user's: its own code (4) so a pipeline can tell a bug
    // from an outage (3). The stack goes with it, for the bug report.
    io.stderr(`oit-audit: ${msg(lang, 'cli_internalError')}: ${(e as Error).stack ?? String(e)}\n`);
    return ExitCode.internal;
  }
}
