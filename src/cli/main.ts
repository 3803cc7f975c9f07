import { Command, CommanderError } from 'commander';
import { RulePackError } from '../core/rules/load-pack';
import { TOOL_VERSION } from '../core/version';
import { registerAudit } from './commands/audit';
import { registerBatch } from './commands/batch';
import { registerMeasures } from './commands/measures';
import { registerRules } from './commands/rules';
import { registerScore } from './commands/score';
import { registerWorker } from './commands/worker';
import { CliError } from './errors';
import { ExitCode } from './exit-codes';
import type { CliIo, Lang } from './io';
import { say } from './io';

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

  registerAudit(program, io, getLang, setExit);
  registerBatch(program, io, getLang, setExit);
  registerScore(program, io, getLang, setExit);
  registerRules(program, io, getLang, setExit);
  registerMeasures(program, io, getLang, setExit);
  registerWorker(program, io, getLang, setExit);
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
    io.stderr(
      `oit-audit: ${say(lang, 'เกิดข้อผิดพลาดภายใน', 'internal error')}: ${(e as Error).stack ?? String(e)}\n`,
    );
    return ExitCode.crawlFailed;
  }
}
