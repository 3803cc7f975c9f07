import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit';
import { runAuditThreaded } from '../../../src/node/audit-thread';
import { SITES_DIR } from '../../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../../helpers/site-server';

// Per audit: what the ramp's page listener is shown, and how often its ramp is ended
// (v8-tiering.test.ts tests the ramp and the listener themselves).
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

const WORKER = pathToFileURL(join(import.meta.dirname, '../../../dist/cli/audit-worker.mjs'));

describe('runAuditThreaded and the tiering ramp', () => {
  let site: SiteServer;
  beforeAll(async () => {
    expect(existsSync(WORKER), `${WORKER.pathname} (run scripts/build-cli.mjs)`).toBe(true);
    site = await startSiteServer({ root: join(SITES_DIR, 'agency-gaps') });
  });
  afterAll(async () => {
    await site?.close();
  });
  const options = () => ({ url: `${site.url}/`, year: 2568, delayMs: 0, rules: 'ita-2562' });

  it.each([
    ['in a thread', { workerUrl: WORKER }],
    ['in this thread', { inProcess: true }],
  ])('shows the ramp every event of an audit run %s, and ends the ramp with the audit', async (_, how) => {
    const events: AuditEvent[] = [];
    const started = ends.length;
    const audit = runAuditThreaded(options(), (e) => events.push(e), how);
    expect(ends.slice(started)).toEqual([0]);
    await audit;
    expect(events.filter((e) => e.type === 'page').length).toBeGreaterThan(10);
    expect(seen.at(-1)).toEqual(events);
    // A site smaller than the ramp's pages: the ramp ends when its audit does.
    expect(ends.slice(started)).toEqual([1]);
  });
});
