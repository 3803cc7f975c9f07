import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
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
