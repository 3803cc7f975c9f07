import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditJobId, queueKeys } from '../../../../src/node/queue/audit-job';
import { acquireHostLock } from '../../../../src/node/queue/host-lock';
import { loadReport, markFinished, readFinished, storeReport } from '../../../../src/node/queue/report-store';
import { flushDb, startTestRedis, type TestRedis } from '../../../helpers/redis-server';

// A real redis-server (test/helpers/redis-server.ts); database 11 is this file's.
let server: TestRedis;
let redis: Redis;
beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis(server.url(11), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});
beforeEach(async () => {
  await flushDb(server.url(11));
});

describe('host lock', () => {
  it('lets one audit of a host run at a time, and frees the host on release', async () => {
    const a = await acquireHostLock(redis, '127.0.0.1:8080', 'w1', 5000);
    expect(a).not.toBeNull();
    expect(await acquireHostLock(redis, '127.0.0.1:8080', 'w2', 5000)).toBeNull();
    const other = await acquireHostLock(redis, '127.0.0.1:8081', 'w2', 5000);
    expect(other).not.toBeNull();
    await a?.release();
    const b = await acquireHostLock(redis, '127.0.0.1:8080', 'w2', 5000);
    expect(b).not.toBeNull();
    await b?.release();
    await other?.release();
    expect(await redis.keys(queueKeys.host('*'))).toEqual([]);
  });

  it('keeps a held lock past its time by renewing it, and frees a dead holder’s lock when it expires', async () => {
    // Renewed every ttl/3: three lifetimes later it is still held (a wide margin on a busy machine).
    const held = await acquireHostLock(redis, 'h:1', 'alive', 1500);
    await new Promise((r) => setTimeout(r, 4500));
    expect(held?.held).toBe(true);
    expect(await acquireHostLock(redis, 'h:1', 'other', 1500)).toBeNull();
    await held?.release();

    // A worker killed with SIGKILL: its lock is never renewed nor released.
    await redis.set(queueKeys.host('h:2'), 'dead:token', 'PX', 300);
    expect(await acquireHostLock(redis, 'h:2', 'next', 300)).toBeNull();
    let next = null;
    for (let i = 0; i < 100 && next === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      next = await acquireHostLock(redis, 'h:2', 'next', 300);
    }
    expect(next).not.toBeNull();
    await next?.release();
  });

  it('never releases a lock that expired and went to another holder', async () => {
    const old = await acquireHostLock(redis, 'h:3', 'old', 10_000);
    // The lock is taken from under it (as after an expiry); release must not free the new holder's.
    await redis.set(queueKeys.host('h:3'), 'new:token');
    await old?.release();
    expect(await redis.get(queueKeys.host('h:3'))).toBe('new:token');
  });
});

describe('report store', () => {
  it('stores the report gzip’d, reads it back unchanged, and lists finished jobs in order', async () => {
    const json = JSON.stringify({
      items: Array.from({ length: 200 }, (_, i) => ({ id: `O${i}`, note: 'ข้อมูลพื้นฐาน' })),
    });
    const id = auditJobId('ag-1', 2568);
    const sizes = await storeReport(redis, id, json);
    expect(sizes.bytes).toBe(Buffer.byteLength(json));
    expect(sizes.storedBytes).toBeLessThan(sizes.bytes / 5);
    expect((await redis.getBuffer(queueKeys.report(id)))?.length).toBe(sizes.storedBytes);
    expect(await loadReport(redis, id)).toBe(json);
    expect(await loadReport(redis, 'none-2568')).toBeNull();

    await markFinished(redis, 'ag-2-2568');
    const first = await readFinished(redis, 0);
    expect(first).toEqual({ ids: ['ag-1-2568', 'ag-2-2568'], next: 2 });
    await markFinished(redis, 'ag-3-2568');
    expect(await readFinished(redis, first.next)).toEqual({ ids: ['ag-3-2568'], next: 3 });
  });

  it('job ids join agency id and year, one per pair', () => {
    expect(auditJobId('ag-1', 2568)).toBe('ag-1-2568');
    expect(auditJobId('ag-1', 2569)).not.toBe(auditJobId('ag-1', 2568));
    expect(auditJobId('ag-1-2568', 2568)).not.toBe(auditJobId('ag-1', 2568));
  });
});
