import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES_DIR } from '../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../helpers/site-server';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const AUDIT = ['--year', '2568', '--delay', '0', '--no-offsite-check', '-q', '--format', 'json'];

/**
 * The compiled CLI (dist/cli, what the npm package ships; the test set-up builds it) must
 * audit like the TypeScript sources: bundling can break lazily loaded libraries (pdf.js, the
 * CommonJS mammoth for DOCX) without a type error. agency-wp has PDF and DOCX evidence.
 */
describe('compiled CLI against the sources', () => {
  let server: SiteServer;
  let dir: string;
  beforeAll(async () => {
    server = await startSiteServer({ root: join(SITES_DIR, 'agency-wp') });
    dir = mkdtempSync(join(tmpdir(), 'oit-built-'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives the same verdict per item, DOCX and PDF text read', async () => {
    expect(existsSync(join(ROOT, 'dist/cli/cli.mjs'))).toBe(true);
    const built = join(dir, 'built.json');
    const sources = join(dir, 'sources.json');
    await run(process.execPath, [
      join(ROOT, 'dist/cli/cli.mjs'),
      'audit',
      `${server.url}/`,
      ...AUDIT,
      '--out',
      built,
    ]);
    await run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/run.ts'),
        'audit',
        `${server.url}/`,
        ...AUDIT,
        '--out',
        sources,
      ],
      { cwd: ROOT },
    );
    const a = JSON.parse(readFileSync(built, 'utf8'));
    const b = JSON.parse(readFileSync(sources, 'utf8'));
    const verdicts = (r: { items: { id: string; outcome: string }[] }) =>
      r.items.map((i) => `${i.id}:${i.outcome}`);
    expect(verdicts(a)).toEqual(verdicts(b));
    const unreadable = (r: { items: { problems?: { code: string; url?: string }[] }[] }) =>
      r.items.flatMap((i) => i.problems ?? []).filter((p) => p.code === 'unreadable-document');
    expect(unreadable(a)).toEqual(unreadable(b));
    expect(unreadable(a).filter((p) => /\.(docx|pdf)$/i.test(p.url ?? ''))).toEqual([]);
  }, 180_000);
});
