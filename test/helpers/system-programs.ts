/**
 * System programs some suites need (Chromium, LibreOffice, poppler). `npm test` must pass on a
 * machine with Node only (issue 11 §1): a suite whose program is missing is skipped, and the skip
 * is loud (test/helpers/skip-reporter.ts prints one line per skipped suite at the end of the
 * run). Under CI=true nothing is skipped: the suite fails with the same message.
 *
 * A program counts as present only if it runs: on the PATH and answering its version flag.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export interface SystemProgram {
  /** The command users type. */
  command: string;
  /** The flag that makes it print its version and exit 0. */
  versionArgs: string[];
  /** The Debian package that provides it (as .ci/run installs it). */
  debianPackage: string;
  /** An environment variable that points at the executable instead of the PATH. */
  envPath?: string;
}

export const SYSTEM_PROGRAMS = {
  chromium: {
    command: 'chromium',
    versionArgs: ['--version'],
    debianPackage: 'chromium',
    envPath: 'CHROMIUM_PATH',
  },
  soffice: { command: 'soffice', versionArgs: ['--version'], debianPackage: 'libreoffice-writer-nogui' },
  pdftoppm: { command: 'pdftoppm', versionArgs: ['-v'], debianPackage: 'poppler-utils' },
} satisfies Record<string, SystemProgram>;

export type ProgramName = keyof typeof SYSTEM_PROGRAMS;

/** The environment variable the vitest config sets to the file that collects skip lines. */
export const SKIP_LEDGER_ENV = 'OIT_TEST_SKIP_LEDGER';

/** CI=true (or 1): GitHub Actions, GitLab and most runners set it. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The absolute path of a program that runs, or undefined. */
export function findProgram(name: ProgramName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const program: SystemProgram = SYSTEM_PROGRAMS[name];
  const fromEnv = program.envPath ? env[program.envPath] : undefined;
  const path = fromEnv && isAbsolute(fromEnv) ? fromEnv : onPath(program.command, env);
  if (!path) return undefined;
  const r = spawnSync(path, program.versionArgs, { stdio: 'ignore', timeout: 60_000, env });
  return r.status === 0 ? path : undefined;
}

/** What a suite lacks and the one command that installs it. */
export function missingMessage(suite: string, missing: ProgramName[]): string {
  const packages = [...new Set(missing.map((m) => SYSTEM_PROGRAMS[m].debianPackage))];
  return `${suite} — needs ${missing.join(', ')}; install: sudo apt-get install ${packages.join(' ')}`;
}

export interface ProgramCheck {
  /** Absolute paths of the programs found (only meaningful when `skip` is false). */
  paths: Record<ProgramName, string>;
  /** True when the suite must not run here. */
  skip: boolean;
  /** Set when a program is missing: the message to fail with (CI) or that was recorded (skip). */
  failure: string | undefined;
}

/**
 * Looks for the programs a suite needs. Missing outside CI: records the skip line and returns
 * skip. Missing under CI: returns `failure`, which the suite must throw (see `describeNeeding`).
 */
export function needPrograms(
  suite: string,
  names: ProgramName[],
  env: NodeJS.ProcessEnv = process.env,
): ProgramCheck {
  const paths = {} as Record<ProgramName, string>;
  const missing: ProgramName[] = [];
  for (const name of names) {
    const path = findProgram(name, env);
    if (path) paths[name] = path;
    else missing.push(name);
  }
  if (missing.length === 0) return { paths, skip: false, failure: undefined };
  const message = missingMessage(suite, missing);
  if (isCi(env)) return { paths, skip: false, failure: `not skipped under CI=true: ${message}` };
  const ledger = env[SKIP_LEDGER_ENV];
  if (ledger) appendFileSync(ledger, `skipped: ${message}\n`);
  return { paths, skip: true, failure: `skipped: ${message}` };
}
