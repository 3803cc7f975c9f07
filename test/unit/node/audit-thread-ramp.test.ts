import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit';
import { runAuditThreaded } from '../../../src/node/audit-thread';
import { SITES_DIR } from '../../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../../helpers/site-server';

// What the ramp's listener is shown, per audit (v8-tiering.test.ts tests the listener itself).
const seen = vi.hoisted(() => [] as AuditEvent[][]);
vi.mock('../../../src/node/v8-tiering', async (original) => ({
  ...(await original<typeof import('../../../src/node/v8-tiering')>()),
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
  ])('shows the ramp every event of an audit run %s, as the caller sees them', async (_, how) => {
    const events: AuditEvent[] = [];
    await runAuditThreaded(options(), (e) => events.push(e), how);
    const ramp = seen.at(-1);
    expect(events.filter((e) => e.type === 'page').length).toBeGreaterThan(10);
    expect(ramp).toEqual(events);
  });
});
