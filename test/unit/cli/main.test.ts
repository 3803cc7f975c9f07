import { describe, expect, it, vi } from 'vitest';

// A bug deep in the pipeline: runAudit throws something that is neither a crawl failure nor a
// usage error.
vi.mock('../../../src/core/audit', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/audit')>();
  return {
    ...real,
    runAudit: async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'items')");
    },
  };
});

const { main } = await import('../../../src/cli/main');
const { ExitCode } = await import('../../../src/cli/exit-codes');

describe('main: exit codes', () => {
  it('an internal error exits 4, not 3 (site unreachable), and keeps the stack for a bug report', async () => {
    const err: string[] = [];
    const code = await main(['audit', 'http://127.0.0.1:9/', '--year', '2568', '-q'], {
      stdout: () => {},
      stderr: (s) => err.push(s),
      cwd: '/',
      env: { OIT_AUDIT_LANG: 'en' },
      stderrIsTty: false,
    });
    expect(code).toBe(4);
    expect(ExitCode.internal).toBe(4);
    expect(ExitCode.crawlFailed).toBe(3);
    expect(err.join('')).toMatch(
      /internal error in oit-audit \(please report it.*\): TypeError: Cannot read/,
    );
    expect(err.join('')).toMatch(/\n\s+at /);
  });
});
