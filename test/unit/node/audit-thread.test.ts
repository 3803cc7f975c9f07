import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit';
import { CrawlError } from '../../../src/core/crawl/crawl-error';
import { runAuditThreaded } from '../../../src/node/audit-thread';
import { SITES_DIR } from '../../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../../helpers/site-server';

// Per audit: what the tiering ramp's page listener is shown, and how often its ramp is ended
// (v8-tiering.test.ts tests the ramp and the listener themselves; here they set no V8 flag).
const seen = vi.hoisted(() => [] as AuditEvent[][]);
const ends = vi.hoisted(() => [] as number[]);
vi.mock('../../../src/node/v8-tiering', async (original) => ({
  ...(await original<typeof import('../../../src/node/v8-tiering')>()),
  startTieringRamp: () => {
    const at = ends.push(0) - 1;
    return () => {
      ends[at] = (ends[at] ?? 0) + 1;
    };
  },
  rampEnder: () => {
    const events: AuditEvent[] = [];
    seen.push(events);
    return (event: AuditEvent) => events.push(event);
  },
}));

// The compiled worker (the test run builds dist/cli first: test/helpers/build-cli.setup.ts).
const WORKER = pathToFileURL(join(import.meta.dirname, '../../../dist/cli/audit-worker.mjs'));

/** A report without its clock readings, to compare two runs of one audit. */
function clockless(report: unknown): string {
  return JSON.stringify(report)
    .replace(/"(startedAt|finishedAt|generatedAt|fetchedAt)":"[^"]*"/g, '"$1":""')
    .replace(/"(durationMs|elapsedMs|ms|timingMs)":[\d.]+/g, '"$1":0');
}

describe('runAuditThreaded: the audit in a thread with a capped heap', () => {
  let site: SiteServer;
  beforeAll(async () => {
    expect(existsSync(WORKER), `${WORKER.pathname} (run scripts/build-cli.mjs)`).toBe(true);
    site = await startSiteServer({ root: join(SITES_DIR, 'agency-gaps') });
  });
  afterAll(async () => {
    await site?.close();
  });
  const options = () => ({ url: `${site.url}/`, year: 2568, delayMs: 0, rules: 'ita-2562' });

  it('gives the report the audit gives in this thread, and its progress', async () => {
    const events: AuditEvent[] = [];
    const threaded = await runAuditThreaded(options(), (e) => events.push(e), { workerUrl: WORKER });
    const here = await runAuditThreaded(options(), () => {}, { inProcess: true });
    expect(clockless(threaded)).toBe(clockless(here));
    expect(events.some((e) => e.type === 'page')).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'phase', phase: 'done' });
  });

  it('throws the crawl error as a CrawlError (the CLI picks its exit code by class and code)', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    const err = await runAuditThreaded(
      { url: `http://127.0.0.1:${port}/`, rules: 'ita-2562', retries: 0 },
      () => {},
      { workerUrl: WORKER },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrawlError);
    expect((err as CrawlError).code).toBe('SITE_UNREACHABLE');
  });

  it('runs the audit again without the cap when the thread runs out of memory, and says so', async () => {
    const report = await runAuditThreaded(options(), () => {}, { workerUrl: WORKER, heapMb: 2 });
    expect(report.items).toHaveLength(48);
    expect(report.runWarnings.join('\n')).toMatch(/more than 2 MB and was run again without the limit/);
  });
  it.each([
    ['in a thread', { workerUrl: WORKER }],
    ['in this thread', { inProcess: true }],
  ])(
    'shows the tiering ramp every event of an audit run %s, and ends the ramp with the audit',
    async (_, how) => {
      const events: AuditEvent[] = [];
      const started = ends.length;
      const audit = runAuditThreaded(options(), (e) => events.push(e), how);
      expect(ends.slice(started)).toEqual([0]);
      await audit;
      expect(events.filter((e) => e.type === 'page').length).toBeGreaterThan(10);
      expect(seen.at(-1)).toEqual(events);
      // A site smaller than the ramp's pages: the ramp ends when its audit does.
      expect(ends.slice(started)).toEqual([1]);
    },
  );
});
