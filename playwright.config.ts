import { defineConfig } from '@playwright/test';

/**
 * The extension's end-to-end tests: the e2e build (`npm run build:e2e`, host permission for
 * 127.0.0.1 only) loaded into Debian's Chromium, headless (toolchain.md §5). No Playwright
 * browser download: the executable is /usr/bin/chromium (or $CHROMIUM_PATH).
 */
export default defineConfig({
  testDir: 'test/e2e/extension',
  testMatch: '**/*.spec.ts',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  outputDir: 'test-results/playwright',
  reporter: [['list']],
});
