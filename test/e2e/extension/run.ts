/**
 * `npm run test:e2e`: builds the e2e extension and runs the Playwright suite in Debian's
 * Chromium. Without a Chromium that runs, the suite is skipped loudly (exit 0), or fails under
 * CI=true (test/helpers/system-programs.ts).
 */
import { spawnSync } from 'node:child_process';
import { needPrograms } from '../../helpers/system-programs';

const check = needPrograms('extension side panel (Playwright, test/e2e/extension)', ['chromium']);
if (check.failure !== undefined) {
  process.stdout.write(
    check.skip
      ? `\n1 suite skipped for want of a system program (CI=true makes this an error):\n  ${check.failure}\n\n`
      : `\n${check.failure}\n`,
  );
  process.exit(check.skip ? 0 : 1);
}

const env = { ...process.env, CHROMIUM_PATH: check.paths.chromium };
for (const [cmd, args] of [
  ['npm', ['run', 'build:e2e']],
  ['npx', ['playwright', 'test']],
] as const) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
