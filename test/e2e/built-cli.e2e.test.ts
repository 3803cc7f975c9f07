import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionPackOf, inProcessExtractor } from '../../src/core/extract/page-extractor';
import type { ExtractReply, ExtractSetup } from '../../src/node/extract-worker';
import { StringReceiver } from '../../src/node/snapshot-wire';
import type { FetchResponse } from '../../src/core/types';
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
describe('the end of a command', () => {
  it('leaves once the command is done, even with a thread that will not end', async () => {
    // A thread stuck in a system call cannot be ended: it must not keep a finished run alive.
    const started = Date.now();
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        join(import.meta.dirname, '../helpers/stuck-thread.mjs'),
        join(ROOT, 'dist/cli/cli.mjs'),
        ...'score --iit 80 --eit 85 --oit 90'.split(' '),
      ],
      { timeout: 20_000, env: { ...process.env, OIT_AUDIT_LANG: 'en' } },
    );
    expect(stdout).toMatch(/ITA/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});

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

describe('compiled page-extraction thread', () => {
  it('starts from dist/cli/extract-worker.mjs and reads pages as the sources do', async () => {
    // The pool falls back to the main thread when its thread cannot start: only starting the
    // file itself shows that the build ships a working one.
    const file = join(ROOT, 'dist/cli/extract-worker.mjs');
    expect(existsSync(file)).toBe(true);
    const spec = { rules: 'bundled' as const };
    // The pool sends a thread the one pack it reads with (an auto audit's merge of every pack).
    const worker = new Worker(file);
    worker.postMessage({ pack: extractionPackOf(spec) } satisfies ExtractSetup);
    const strings = new StringReceiver();
    try {
      const replies: unknown[] = [];
      const next = () =>
        new Promise<unknown>((resolve, reject) => {
          const failed = (e: Error) => reject(e);
          worker.once('error', failed);
          worker.once('message', (m) => {
            worker.off('error', failed);
            resolve(m);
          });
        });
      replies.push(await next());
      const dir = join(SITES_DIR, 'agency-gaps');
      const page = (name: string): FetchResponse => ({
        url: `http://127.0.0.1:8080/${name}`,
        finalUrl: `http://127.0.0.1:8080/${name}`,
        status: 200,
        headers: { 'content-type': 'text/html' },
        redirects: [],
        body: new Uint8Array(readFileSync(join(dir, name))),
        truncated: false,
        timingMs: 1,
      });
      const names = readdirSync(dir).filter((n) => n.endsWith('.html'));
      expect(names.length).toBeGreaterThan(0);
      const sources = inProcessExtractor(spec);
      for (const [id, name] of names.entries()) {
        worker.postMessage({ id, response: page(name), depth: 1 });
        const reply = (await next()) as ExtractReply;
        expect(reply).toMatchObject({ id, ok: true });
        const snapshot = 'wire' in reply && reply.wire ? strings.decode(reply.wire) : null;
        expect(snapshot).toStrictEqual(await sources.extract(page(name), 1));
      }
      expect(replies).toEqual([{ ready: true }]);
    } finally {
      await worker.terminate();
    }
  });
});
