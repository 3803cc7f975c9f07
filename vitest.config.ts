import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { SKIP_LEDGER_ENV } from './test/helpers/system-programs.ts';

// Suites skipped for want of a system program write their line here; the skip reporter prints
// them after the summary. Set before the workers start, so they inherit it.
const skipLedger = join(tmpdir(), `oit-audit-test-skips-${process.pid}.txt`);
rmSync(skipLedger, { force: true });
process.env[SKIP_LEDGER_ENV] = skipLedger;

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/helpers/skip-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          globalSetup: ['./test/helpers/build-cli.setup.ts'],
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/extension/**', 'test/extension/**', 'node_modules/**'],
        },
      },
      {
        // The extension: WXT's fake browser (storage, messaging), happy-dom for React.
        extends: true,
        plugins: [WxtVitest({ root: import.meta.dirname })],
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['test/extension/**/*.test.ts', 'test/extension/**/*.test.tsx'],
          restoreMocks: true,
        },
      },
    ],
  },
});
