import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProgram, needPrograms, SKIP_LEDGER_ENV } from '../../helpers/system-programs';

/** A PATH directory holding fake programs: `ok` ones print a version, `broken` ones fail. */
function fakePath(programs: Record<string, 'ok' | 'broken'>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oit-fake-path-'));
  for (const [name, kind] of Object.entries(programs)) {
    const file = join(dir, name);
    writeFileSync(file, kind === 'ok' ? '#!/bin/sh\necho "1.0"\n' : '#!/bin/sh\nexit 127\n');
    chmodSync(file, 0o755);
  }
  return dir;
}

describe('system programs for the test suites', () => {
  it('counts a program as present only when it runs its version flag', () => {
    const dir = fakePath({ soffice: 'ok', chromium: 'broken' });
    const env = { PATH: dir };
    expect(findProgram('soffice', env)).toBe(join(dir, 'soffice'));
    expect(findProgram('chromium', env)).toBeUndefined();
    expect(findProgram('pdftoppm', env)).toBeUndefined();
  });

  it('skips outside CI and writes one ledger line naming the program and the apt command', () => {
    const dir = fakePath({ soffice: 'ok' });
    const ledger = join(dir, 'ledger.txt');
    const check = needPrograms('DOCX render', ['soffice', 'pdftoppm'], {
      PATH: dir,
      [SKIP_LEDGER_ENV]: ledger,
    });
    expect(check.skip).toBe(true);
    expect(readFileSync(ledger, 'utf8')).toBe(
      'skipped: DOCX render — needs pdftoppm; install: sudo apt-get install poppler-utils\n',
    );
  });

  it('does not skip under CI=true: the same message becomes the failure', () => {
    const dir = fakePath({});
    const ledger = join(dir, 'ledger.txt');
    const check = needPrograms('HTML report', ['chromium'], {
      PATH: dir,
      CI: 'true',
      [SKIP_LEDGER_ENV]: ledger,
    });
    expect(check.skip).toBe(false);
    expect(check.failure).toBe(
      'not skipped under CI=true: HTML report — needs chromium; install: sudo apt-get install chromium',
    );
  });

  it('runs when every program is present', () => {
    const dir = fakePath({ chromium: 'ok' });
    expect(needPrograms('x', ['chromium'], { PATH: dir, CI: 'true' })).toEqual({
      paths: { chromium: join(dir, 'chromium') },
      skip: false,
      failure: undefined,
    });
  });
});
