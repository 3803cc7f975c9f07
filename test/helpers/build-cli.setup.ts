import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Vitest global set-up: compiles the CLI (scripts/build-cli.mjs), so the end-to-end tests that
 * spawn bin/oit-audit.mjs run the build that ships, not a stale one or the tsx fallback.
 */
export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/build-cli.mjs')], {
    stdio: 'inherit',
  });
}
