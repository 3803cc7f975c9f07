import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Reporter } from 'vitest/reporters';
import { SKIP_LEDGER_ENV } from './system-programs';

/**
 * Prints, after vitest's summary, one line per suite skipped because a system program is
 * missing (issue 11 §1: skips are loud). The suites append their line to the ledger file.
 */
export default class SkipReporter implements Reporter {
  onTestRunEnd(): void {
    const ledger = process.env[SKIP_LEDGER_ENV];
    if (!ledger || !existsSync(ledger)) return;
    const lines = [...new Set(readFileSync(ledger, 'utf8').split('\n').filter(Boolean))];
    rmSync(ledger, { force: true });
    if (lines.length === 0) return;
    process.stdout.write(
      `\n${lines.length} suite(s) skipped for want of a system program (CI=true makes this an error):\n${lines
        .map((l) => `  ${l}\n`)
        .join('')}\n`,
    );
  }
}
