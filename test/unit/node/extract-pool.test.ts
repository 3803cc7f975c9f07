import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ExtractorSpec,
  inProcessExtractor,
  type PageExtractor,
} from '../../../src/core/extract/page-extractor';
import { isSnapshot, type PageSummary } from '../../../src/core/extract/types';
import type { FetchResponse } from '../../../src/core/types';
import { createExtractPool, MAX_DEFERRED } from '../../../src/node/extract-pool';
import { HELD_PAGES } from '../../../src/node/held-pages';
import {
  EXTRACT_LIMITS,
  EXTRACT_WORKER_URL,
  extractWorkerCount,
  startExtractThreadsEarly,
  takeEarlyThread,
} from '../../../src/node/extract-threads';
import { runAudit } from '../../../src/core/audit';
import { createNodeEnv } from '../../../src/node/node-env';
import { readPackDir } from '../../../src/node/read-pack-dir';
import { SITE_NOW, SITES_DIR } from '../../helpers/audit-site';
import { htmlFilesUnder } from '../../helpers/html-files';
import { startSiteServer } from '../../helpers/site-server';

const ROOT = join(import.meta.dirname, '../../..');
const workerUrl = EXTRACT_WORKER_URL as URL;
const temp = mkdtempSync(join(tmpdir(), 'oit-extract-pool-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every HTML page of the fixture sites, as the crawler would hand it over. */
function fixturePages(): { url: string; bytes: Uint8Array }[] {
  return htmlFilesUnder(SITES_DIR).map((path) => ({
    url: `http://127.0.0.1:8080/${relative(SITES_DIR, path)}`,
    bytes: readFileSync(path),
  }));
}

function response(url: string, bytes: Uint8Array, contentType = 'text/html'): FetchResponse {
  return {
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': contentType },
    redirects: [],
    // A buffer of its own, as the fetcher gives (read-capped.ts).
    body: new Uint8Array(bytes),
    truncated: false,
    timingMs: 1,
  };
}

/** Thai text in bulk: reading it needs far more than a few MB of heap. */
function hugePage(mb: number): Uint8Array {
  const row = '<p>ข้อมูลข่าวสาร ประจำปีงบประมาณ พ.ศ. 2568 <a href="/x">ลิงก์</a></p>\n';
  return new TextEncoder().encode(
    `<html><body>${row.repeat(Math.ceil((mb * 1024 * 1024) / 150))}</body></html>`,
  );
}

const SMALL = new TextEncoder().encode(
  '<html><head><title>หน้าแรก</title></head><body><h1>ข่าวประชาสัมพันธ์ 2568</h1><a href="/a">ก</a></body></html>',
);

/** A pack loaded from a folder and changed: no bundled pack asks for "ติดต่อเรา" as an element. */
function customPack() {
  const dir = join(temp, 'my-pack');
  cpSync(join(ROOT, 'rules/ita-2566'), dir, { recursive: true });
  const file = join(dir, 'items/O5.json');
  const item = JSON.parse(readFileSync(file, 'utf8'));
  item.requiredElements.push({
    id: 'contact-us',
    label: { th: 'ติดต่อเรา', en: 'contact us' },
    anyOf: [{ text: 'ติดต่อเรา' }],
  });
  writeFileSync(file, JSON.stringify(item));
  return readPackDir(dir);
}

/** One thread with a 32 MB heap: a 20 MB page of Thai text kills it. */
function smallHeapPool(): PageExtractor {
  return createExtractPool(
    { rules: 'bundled' },
    { workers: 1, workerUrl, limits: { maxOldGenerationSizeMb: 32 } },
  );
}

async function extractAll(extractor: PageExtractor, pages: { url: string; bytes: Uint8Array }[]) {
  const responses = pages.map((p) => response(p.url, p.bytes));
  const snapshots = await Promise.all(responses.map((r, i) => extractor.extract(r, i % 4)));
  return { responses, snapshots };
}

describe('extractWorkerCount', () => {
  it('keeps a core for the main thread, reads in-process on one core, and uses four threads at most', () => {
    expect(extractWorkerCount(1)).toBe(0);
    expect(extractWorkerCount(2)).toBe(1);
    expect(extractWorkerCount(3)).toBe(2);
    expect(extractWorkerCount(5)).toBe(4);
    expect(extractWorkerCount(64)).toBe(4);
  });
});

describe('createExtractPool (real worker threads)', () => {
  const pages = fixturePages();

  it('finds the thread file in the sources', () => {
    expect(workerUrl.pathname).toMatch(/src\/node\/extract-worker-tsx\.mjs$/);
  });

  const specs: [string, () => ExtractorSpec][] = [
    ['every bundled pack (auto)', () => ({ rules: 'bundled' })],
    ['a pack loaded from a folder', () => ({ rules: 'pack', pack: customPack() })],
  ];
  for (const [name, makeSpec] of specs) {
    it(`gives the in-process snapshot of every fixture page, byte for byte: ${name}`, async () => {
      expect(pages.length).toBeGreaterThan(200);
      const spec = makeSpec();
      const pool = createExtractPool(spec, { workers: 2, workerUrl });
      try {
        const viaThreads = await extractAll(pool, pages);
        const inProcess = await extractAll(inProcessExtractor(spec), pages);
        for (let i = 0; i < pages.length; i++) {
          expect(viaThreads.snapshots[i], pages[i]?.url).toStrictEqual(inProcess.snapshots[i]);
          expect(JSON.stringify(viaThreads.snapshots[i])).toBe(JSON.stringify(inProcess.snapshots[i]));
        }
        // A page sent to an idle thread is moved there, not copied (the crawler's copy is empty
        // now): at least each thread's first. One sent to wait behind another page is copied,
        // so that it can be read again if the thread dies on the page before it.
        expect(viaThreads.responses.filter((r) => r.body.byteLength === 0).length).toBeGreaterThanOrEqual(2);
        expect(inProcess.responses.every((r) => r.body.byteLength > 0)).toBe(true);
        if (spec.rules === 'pack') {
          // The custom element proves the thread read with the pack it was given.
          const found = viaThreads.snapshots.filter((s) => s.elements.includes('O5:contact-us'));
          expect(found.length).toBeGreaterThan(0);
        }
      } finally {
        await pool.close();
      }
    });
  }

  it('summarises every fixture page as in-process, and completes each to the in-process snapshot', async () => {
    const spec: ExtractorSpec = { rules: 'bundled' };
    const pool = createExtractPool(spec, { workers: 2, workerUrl });
    const inProcess = inProcessExtractor(spec);
    try {
      for (const [i, p] of pages.entries()) {
        const summary = await pool.summarise(response(p.url, p.bytes), i % 4);
        expect(isSnapshot(summary), p.url).toBe(false);
        expect(summary, p.url).toStrictEqual(await inProcess.summarise(response(p.url, p.bytes), i % 4));
        // Every fifth page turns out to be wanted: read whole by the thread that holds it.
        if (i % 5 !== 0) continue;
        const whole = await pool.complete(summary);
        expect(JSON.stringify(whole), p.url).toBe(
          JSON.stringify(await inProcess.extract(response(p.url, p.bytes), i % 4)),
        );
      }
    } finally {
      await pool.close();
    }
  });

  it('reads a page it is told to keep whole once no page waits, and completes it to the in-process snapshot', async () => {
    const spec: ExtractorSpec = { rules: 'bundled' };
    const pool = createExtractPool(spec, { workers: 1, workerUrl });
    try {
      const order: string[] = [];
      const kept = pages.slice(0, 3);
      const others = pages.slice(3, 40);
      const keptSummaries = kept.map((p) => pool.summarise(response(p.url, p.bytes), 1, true));
      const otherSummaries = others.map((p) =>
        pool.summarise(response(p.url, p.bytes), 1).then((s) => order.push(`summary ${s.url}`)),
      );
      const wholes = keptSummaries.map(async (summary) => {
        const whole = await pool.complete(await summary);
        order.push(`whole ${whole?.url}`);
        return whole;
      });
      await Promise.all([...otherSummaries, ...wholes]);
      // The summaries of every page came before any page was read whole.
      const firstWhole = order.findIndex((o) => o.startsWith('whole'));
      expect(firstWhole).toBe(others.length);
      const inProcess = inProcessExtractor(spec);
      for (const [i, p] of kept.entries()) {
        expect(isSnapshot(await (keptSummaries[i] as Promise<PageSummary>))).toBe(false);
        expect(JSON.stringify(await wholes[i])).toBe(
          JSON.stringify(await inProcess.extract(response(p.url, p.bytes), 1)),
        );
      }
    } finally {
      await pool.close();
    }
  });

  it(`reads pages to keep whole at once when ${MAX_DEFERRED} already wait, and still completes them`, async () => {
    const pool = createExtractPool({ rules: 'bundled' }, { workers: 1, workerUrl });
    try {
      const many = Array.from({ length: MAX_DEFERRED + 3 }, (_, i) =>
        pool.summarise(response(`http://127.0.0.1:8080/k${i}`, SMALL), 1, true),
      );
      const read = await Promise.all(many);
      expect(read.filter(isSnapshot).map((p) => p.url)).toEqual(
        [0, 1, 2].map((i) => `http://127.0.0.1:8080/k${MAX_DEFERRED + i}`),
      );
      const wholes = await Promise.all(read.map((p) => pool.complete(p)));
      expect(wholes.every((w) => w !== null && isSnapshot(w))).toBe(true);
      expect(wholes.map((w) => w?.url)).toEqual(read.map((p) => p.url));
    } finally {
      await pool.close();
    }
  });

  it('holds only the last pages it summarised: an older one is not completed', async () => {
    const pool = createExtractPool({ rules: 'bundled' }, { workers: 1, workerUrl });
    try {
      const summaries = await Promise.all(
        Array.from({ length: HELD_PAGES + 4 }, (_, i) =>
          pool.summarise(response(`http://127.0.0.1:8080/p${i}`, SMALL), 1),
        ),
      );
      expect(await pool.complete(summaries[0] as PageSummary)).toBeNull();
      const last = summaries.at(-1) as PageSummary;
      expect((await pool.complete(last))?.url).toBe(`http://127.0.0.1:8080/p${HELD_PAGES + 3}`);
      // Once only.
      expect(await pool.complete(last)).toBeNull();
    } finally {
      await pool.close();
    }
  });

  it('completes nothing whose thread died, and never rejects a completion', async () => {
    const pool = smallHeapPool();
    try {
      // Asked for while the thread reads a page that kills it: the answer is null.
      const held = await pool.summarise(response('http://127.0.0.1:8080/a', SMALL), 0);
      const huge = pool.extract(response('http://127.0.0.1:8080/huge', hugePage(20)), 1);
      const completion = pool.complete(held);
      await expect(huge).rejects.toThrow('it needed more than 32 MB of memory');
      expect(await completion).toBeNull();
      // Asked for after: the page went with the thread.
      const gone = await pool.summarise(response('http://127.0.0.1:8080/b', SMALL), 0);
      await expect(pool.extract(response('http://127.0.0.1:8080/huge2', hugePage(20)), 1)).rejects.toThrow(
        'it needed more than 32 MB of memory',
      );
      expect(await pool.complete(gone)).toBeNull();
      // The new thread reads and completes its own pages.
      const next = await pool.summarise(response('http://127.0.0.1:8080/c', SMALL), 0);
      expect((await pool.complete(next))?.title).toBe('หน้าแรก');
      const waiting = await pool.summarise(response('http://127.0.0.1:8080/d', SMALL), 0);
      await pool.close();
      expect(await pool.complete(waiting)).toBeNull();
    } finally {
      await pool.close();
    }
  });

  it('moves only the page of a body that shares its buffer, and leaves the rest of the buffer alone', async () => {
    const pool = createExtractPool({ rules: 'bundled' }, { workers: 1, workerUrl });
    try {
      const shared = new Uint8Array(SMALL.length + 8);
      shared.set(SMALL, 4);
      const r = { ...response('http://127.0.0.1:8080/', SMALL), body: shared.subarray(4, 4 + SMALL.length) };
      const snapshot = await pool.extract(r, 0);
      expect(snapshot).toStrictEqual(
        await inProcessExtractor({ rules: 'bundled' }).extract(response('http://127.0.0.1:8080/', SMALL), 0),
      );
      expect(shared.byteLength).toBe(SMALL.length + 8);
      expect(shared.subarray(4, 4 + SMALL.length)).toEqual(SMALL);
    } finally {
      await pool.close();
    }
  });

  it('rejects a page the core cannot read with the in-process error', async () => {
    const broken = {
      ...response('http://127.0.0.1:8080/', SMALL),
      headers: undefined,
    } as unknown as FetchResponse;
    const again = () => ({ ...broken });
    const inProcess = await inProcessExtractor({ rules: 'bundled' })
      .extract(again(), 0)
      .catch((e: Error) => e.message);
    const pool = createExtractPool({ rules: 'bundled' }, { workers: 1, workerUrl });
    try {
      await expect(pool.extract(again(), 0)).rejects.toThrow(inProcess as string);
      // The thread is still the same and still reads pages.
      expect((await pool.extract(response('http://127.0.0.1:8080/', SMALL), 0)).title).toBe('หน้าแรก');
    } finally {
      await pool.close();
    }
  });

  it('fails only the page a thread died on (out of memory), and a new thread reads the next pages', async () => {
    const pool = smallHeapPool();
    try {
      const before = pool.extract(response('http://127.0.0.1:8080/a', SMALL), 0);
      const huge = pool.extract(response('http://127.0.0.1:8080/huge', hugePage(20)), 1);
      const after = pool.extract(response('http://127.0.0.1:8080/b', SMALL), 1);
      expect((await before).url).toBe('http://127.0.0.1:8080/a');
      await expect(huge).rejects.toThrow(
        'the page reader thread stopped while reading this page: it needed more than 32 MB of memory',
      );
      expect(await after).toStrictEqual(
        await inProcessExtractor({ rules: 'bundled' }).extract(response('http://127.0.0.1:8080/b', SMALL), 1),
      );
    } finally {
      await pool.close();
    }
  });

  it('reads every page in-process when its thread cannot start', async () => {
    const broken = join(temp, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('this thread cannot start');\n");
    const pool = createExtractPool({ rules: 'bundled' }, { workers: 2, workerUrl: pathToFileURL(broken) });
    try {
      const some = pages.slice(0, 20);
      const viaPool = await extractAll(pool, some);
      const inProcess = await extractAll(inProcessExtractor({ rules: 'bundled' }), some);
      expect(viaPool.snapshots).toStrictEqual(inProcess.snapshots);
    } finally {
      await pool.close();
    }
  });

  it('adopts the threads started before it (extract-threads.ts) and reads with them', async () => {
    startExtractThreadsEarly({ count: 1 });
    const pool = createExtractPool({ rules: 'bundled' }, { workers: 2, workerUrl });
    try {
      // Taken by the pool (which started a second thread itself): none is left for another.
      expect(takeEarlyThread(workerUrl, EXTRACT_LIMITS)).toBeUndefined();
      const pages = await Promise.all(
        [0, 1, 2].map(() => pool.extract(response('http://127.0.0.1:8080/', SMALL), 0)),
      );
      expect(pages.map((p) => p.title)).toEqual(['หน้าแรก', 'หน้าแรก', 'หน้าแรก']);
    } finally {
      await pool.close();
    }
  });

  it('refuses pages once closed, and a pool left open does not keep the process alive', async () => {
    const pool = createExtractPool({ rules: 'bundled' }, { workers: 1, workerUrl });
    await pool.extract(response('http://127.0.0.1:8080/', SMALL), 0);
    await pool.close();
    await expect(pool.extract(response('http://127.0.0.1:8080/', SMALL), 0)).rejects.toThrow('closed');

    // A program that reads a page and never closes the pool must still end by itself.
    const script = join(temp, 'left-open.mts');
    writeFileSync(
      script,
      `import { createExtractPool } from ${JSON.stringify(join(ROOT, 'src/node/extract-pool.ts'))};
import { EXTRACT_WORKER_URL, startExtractThreadsEarly } from ${JSON.stringify(join(ROOT, 'src/node/extract-threads.ts'))};
// Threads started early and never taken must not keep it alive either.
startExtractThreadsEarly({ count: 3 });
const pool = createExtractPool({ rules: 'bundled' }, { workers: 2, workerUrl: EXTRACT_WORKER_URL });
const body = new TextEncoder().encode('<title>หน้าแรก</title>');
const s = await pool.extract({ url: 'http://x/', finalUrl: 'http://x/', status: 200, headers: {}, redirects: [], body, truncated: false, timingMs: 0 }, 0);
console.log(s.title);
`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('หน้าแรก');
  });
});

describe('runAudit with extraction threads', () => {
  it('gives a report when a page kills its thread: that page is a crawl problem, the verdicts are the in-process ones', async () => {
    // agency-gaps with one monstrous page linked from the home page (no phrase of any item in it).
    const root = join(temp, 'site');
    cpSync(join(SITES_DIR, 'agency-gaps'), root, { recursive: true });
    const home = join(root, 'index.html');
    writeFileSync(
      home,
      readFileSync(home, 'utf8').replace('</body>', '<a href="/huge.html">สวัสดี</a></body>'),
    );
    const row = '<p>สวัสดีครับ ยินดีต้อนรับทุกท่าน ขอให้มีความสุขมากๆ</p>\n';
    writeFileSync(join(root, 'huge.html'), `<html><body>${row.repeat(200_000)}</body></html>`);
    const server = await startSiteServer({ root });
    try {
      const audit = (extract: {
        extractWorkers: number;
        extractLimits?: { maxOldGenerationSizeMb: number };
      }) =>
        runAudit(
          { url: server.url, year: 2568, delayMs: 0, rules: 'ita-2562', maxHtmlBytes: 30 * 1024 * 1024 },
          createNodeEnv({
            now: () => SITE_NOW,
            allowHost: (host) => host === '127.0.0.1',
            sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
            ...extract,
          }),
        );
      const threads = await audit({ extractWorkers: 2, extractLimits: { maxOldGenerationSizeMb: 32 } });
      const inProcess = await audit({ extractWorkers: 0 });
      const hugeProblem = (r: typeof threads) => r.crawl.problems?.find((p) => p.url.endsWith('/huge.html'));
      expect(hugeProblem(threads)).toMatchObject({
        code: 'page-handler',
        message:
          'the page reader thread stopped while reading this page: it needed more than 32 MB of memory',
      });
      expect(hugeProblem(inProcess)).toBeUndefined();
      expect(threads.crawl.pagesFetched).toBe(inProcess.crawl.pagesFetched);
      expect(threads.items.map((i) => [i.id, i.outcome])).toEqual(
        inProcess.items.map((i) => [i.id, i.outcome]),
      );
      expect(threads.oit.score).toBe(inProcess.oit.score);
    } finally {
      await server.close();
    }
  });
});
