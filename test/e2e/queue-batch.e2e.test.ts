/**
 * `oit-audit batch --queue` and `oit-audit worker` as separate processes against a real
 * redis-server (test/helpers/redis-server.ts) and loopback agency sites. Databases 12–14 are
 * this file's.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/report/csv';
import { auditReportSchema } from '../../src/core/report/schema';
import { type AuditJobResult, auditJobId } from '../../src/node/queue/audit-job';
import { QUEUE_NAME, QUEUE_PREFIX } from '../../src/node/queue/connection';
import { SITES_DIR } from '../helpers/audit-site';
import { type CliProcess, startCli, waitUntil } from '../helpers/cli-process';
import { flushDb, startTestRedis, type TestRedis } from '../helpers/redis-server';
import { type SiteServer, startSiteServer } from '../helpers/site-server';

interface AgencyRow {
  id: string;
  name: string;
  url: string;
}

const csvOf = (agencies: AgencyRow[]) =>
  `agency_id,name,url,year\n${agencies.map((a) => `${a.id},"${a.name}",${a.url},2568`).join('\n')}\n`;

function summary(dir: string): { header: string[]; rows: string[][] } {
  const rows = parseCsv(readFileSync(join(dir, 'summary.csv'), 'utf8')).map((r) => r.fields);
  const header = rows.shift() ?? [];
  return { header, rows };
}

function stateIds(dir: string): string[] {
  return readFileSync(join(dir, 'state.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { id: string }).id);
}

/** Agencies a worker has started (▶) and not yet finished (✓ or ✗), from its stderr. */
function openAudits(stderr: string): string[] {
  const count = new Map<string, number>();
  for (const m of stderr.matchAll(/^([▶✓✗]) (\S+)/gm)) {
    const id = m[2] as string;
    count.set(id, (count.get(id) ?? 0) + (m[1] === '▶' ? 1 : -1));
  }
  return [...count].filter(([, n]) => n > 0).map(([id]) => id);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

function queueAt(url: string): { queue: Queue; redis: Redis } {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  return { queue: new Queue(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX }), redis };
}

let redisServer: TestRedis;
const servers: SiteServer[] = [];
const children: CliProcess[] = [];
const spawnCli = (args: string[], cwd: string, env?: Record<string, string>) => {
  const p = startCli(args, cwd, env);
  children.push(p);
  return p;
};

beforeAll(async () => {
  redisServer = await startTestRedis();
});
afterAll(async () => {
  for (const p of children)
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.close()));
  await redisServer?.stop();
});

describe('batch on a shared queue', () => {
  it('20 agencies, 3 workers: a worker killed mid-audit and the coordinator killed and resumed; every agency once, one host never audited twice at once', async () => {
    const url = redisServer.url(12);
    await flushDb(url);
    // One slow host holds three agencies; seventeen more hosts hold one each.
    const shared = await startSiteServer({ root: join(SITES_DIR, 'agency-complete'), delayMs: 15 });
    servers.push(shared);
    const agencies: AgencyRow[] = ['/', '/index.html', '/about/'].map((path, i) => ({
      id: `ag-${String(i + 1).padStart(2, '0')}`,
      name: `กรมร่วมโฮสต์ ${i + 1}`,
      url: `${shared.url}${path}`,
    }));
    for (let i = 4; i <= 20; i++) {
      const server = await startSiteServer({
        root: join(SITES_DIR, i % 3 === 0 ? 'agency-gaps' : 'agency-complete'),
      });
      servers.push(server);
      agencies.push({ id: `ag-${String(i).padStart(2, '0')}`, name: `กรมทดสอบ ${i}`, url: `${server.url}/` });
    }
    const dir = mkdtempSync(join(tmpdir(), 'oit-queue-'));
    writeFileSync(join(dir, 'agencies.csv'), csvOf(agencies));
    const out = join(dir, 'out');
    // One request at a time per audit: two audits of the shared host at once would show as two
    // requests in flight there. The fixture sites are labelled for the FY2562 items (O1–O48).
    const batchArgs = [
      'batch',
      'agencies.csv',
      '--out',
      'out',
      '--rules',
      'ita-2562',
      '--queue',
      url,
      '--delay',
      '0',
      '--concurrency',
      '1',
      '--max-pages',
      '30',
      '--retries',
      '0',
      '--no-offsite-check',
      '--backoff',
      '200',
    ];
    const workerArgs = [
      'worker',
      '--queue',
      url,
      '--allow-private',
      '--concurrency',
      '2',
      '--stalled-after',
      '4000',
    ];

    const coordinator = spawnCli(batchArgs, dir);
    const workers = [spawnCli(workerArgs, dir), spawnCli(workerArgs, dir), spawnCli(workerArgs, dir)];
    const [victim, ...survivors] = workers as [CliProcess, CliProcess, CliProcess];

    // kill -9 the first worker while it is auditing.
    await waitUntil(() => openAudits(victim.stderr).length > 0, 120_000, 'worker 1 to start an audit');
    const lostIds = openAudits(victim.stderr);
    const victimName = `${hostname()}:${victim.child.pid}`;
    victim.child.kill('SIGKILL');
    expect((await victim.done).signal).toBe('SIGKILL');

    // kill -9 the coordinator once it has written three agencies.
    await waitUntil(() => /\[3\/20\]/.test(coordinator.stderr), 120_000, 'three results');
    coordinator.child.kill('SIGKILL');
    expect((await coordinator.done).signal).toBe('SIGKILL');
    const writtenBefore = stateIds(out);
    expect(writtenBefore.length).toBeGreaterThanOrEqual(3);
    expect(writtenBefore.length).toBeLessThan(20);
    // The page a supervisor watches: the agencies so far, reloading itself while the run goes on.
    const watching = readFileSync(join(out, 'index.html'), 'utf8');
    expect(watching).toContain('<meta http-equiv="refresh" content="10">');
    const shownSoFar = [...watching.matchAll(/<a href="(ag-\d+)\.json">JSON<\/a>/g)].map((m) => m[1]);
    expect(shownSoFar.length).toBeGreaterThan(0);
    for (const id of shownSoFar) expect(writtenBefore).toContain(id);
    // Workers go on without it: wait for two more audits to finish while it is away.
    const finishedBy = () => survivors.reduce((n, w) => n + (w.stderr.match(/^✓ /gm)?.length ?? 0), 0);
    const finishedAtKill = finishedBy();
    const byVictim = victim.stderr.match(/^✓ /gm)?.length ?? 0;
    const target = finishedAtKill + Math.min(2, 20 - finishedAtKill - byVictim);
    await waitUntil(() => finishedBy() >= target, 120_000, 'audits while the coordinator is away');

    // Without --resume the folder is refused; with it the run completes.
    const refused = await spawnCli(batchArgs, dir).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already holds a batch/);
    const resumed = await spawnCli([...batchArgs, '--resume'], dir).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(
      new RegExp(`batch: 20 agencies \\(${writtenBefore.length} already finished\\)`),
    );
    expect(resumed.stderr).toMatch(/finished: 20 audited, 0 failed/);

    // SIGTERM: the idle workers stop cleanly.
    for (const w of survivors) w.child.kill('SIGTERM');
    for (const w of survivors) {
      const r = await w.done;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/worker: stopped/);
    }

    // Every agency exactly once, in the CSV's order, all audited, each report complete.
    const ids = agencies.map((a) => a.id);
    const { header, rows } = summary(out);
    expect(rows.map((r) => r[0])).toEqual(ids);
    expect(rows.map((r) => r[header.indexOf('status')])).toEqual(ids.map(() => 'done'));
    const written = stateIds(out);
    expect(written).toHaveLength(20);
    expect(new Set(written)).toEqual(new Set(ids));
    for (const a of agencies) {
      const report = auditReportSchema.parse(JSON.parse(readFileSync(join(out, `${a.id}.json`), 'utf8')));
      expect(report.items).toHaveLength(48);
    }
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).toContain('<a href="ag-20.json">JSON</a>');

    const { queue, redis } = queueAt(url);
    try {
      // The jobs the killed worker held went back to the queue and were finished by another.
      for (const id of lostIds) {
        const job = await queue.getJob(auditJobId(id, 2568));
        expect(await job?.getState()).toBe('completed');
        expect(job?.stalledCounter, id).toBeGreaterThanOrEqual(1);
        expect(job?.processedBy).not.toBe(victimName);
      }
      // The shared host: audits one after another (the workers' own times, and the server's view).
      const runs = [];
      for (const a of agencies.slice(0, 3)) {
        const job = await queue.getJob(auditJobId(a.id, 2568));
        runs.push(job?.returnvalue as AuditJobResult);
      }
      runs.sort((x, y) => x.startedAt - y.startedAt);
      for (let i = 1; i < runs.length; i++)
        expect(runs[i]?.startedAt).toBeGreaterThanOrEqual(runs[i - 1]?.endedAt ?? Number.POSITIVE_INFINITY);
      expect(shared.peakInFlight).toBe(1);
      expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 20, failed: 0 });
    } finally {
      await queue.close();
      redis.disconnect();
    }
  }, 300_000);

  it('writes what the one-process batch writes; fails an agency after its attempts; never shows the password; enqueuing again adds nothing', async () => {
    const base = new URL(redisServer.url(13));
    await flushDb(base.href);
    const admin = new Redis(base.href);
    await admin.call('ACL', 'SETUSER', 'oit-test', 'on', '>s3cret-pass', '~*', '&*', '+@all');
    admin.disconnect();
    base.username = 'oit-test';
    base.password = 's3cret-pass';
    const url = base.href;

    const agencies: AgencyRow[] = [];
    for (const [i, site] of ['agency-complete', 'agency-gaps', 'agency-complete'].entries()) {
      const server = await startSiteServer({ root: join(SITES_DIR, site) });
      servers.push(server);
      agencies.push({ id: `ag-${i + 1}`, name: `กรมทดสอบ ${i + 1}`, url: `${server.url}/` });
    }
    agencies.splice(1, 0, {
      id: 'down',
      name: 'หน่วยงานที่ปิดอยู่',
      url: `http://127.0.0.1:${await closedPort()}/`,
    });
    const dir = mkdtempSync(join(tmpdir(), 'oit-queue-'));
    writeFileSync(join(dir, 'agencies.csv'), csvOf(agencies));
    const common = ['batch', 'agencies.csv', '--delay', '0', '--retries', '0', '--no-offsite-check'];

    const single = await spawnCli([...common, '--out', 'single'], dir).done;
    expect(single.code, single.stderr).toBe(0);

    const worker = spawnCli(['worker', '--queue', url, '--allow-private', '--concurrency', '2'], dir);
    const queued = await spawnCli(
      [...common, '--out', 'queued', '--queue', url, '--attempts', '2', '--backoff', '100'],
      dir,
    ).done;
    expect(queued.code, queued.stderr).toBe(0);
    const status = await spawnCli(
      ['batch', 'agencies.csv', '--out', 'queued', '--queue', url, '--status'],
      dir,
    ).done;
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('redis://oit-test:***@127.0.0.1');
    expect(status.stdout).toMatch(/done 3 · failed 1 · running 0 · waiting 0 · not queued 0/);
    expect(status.stdout).toMatch(/written to queued: 4 · workers connected: 1/);

    // summary.csv and index.html as the one-process batch writes them (only timings differ).
    const timeless = (d: string) => {
      const { header, rows } = summary(join(dir, d));
      const at = header.indexOf('duration_ms');
      return [header, ...rows.map((r) => r.map((f, i) => (i === at ? '' : f)))];
    };
    expect(timeless('queued')).toEqual(timeless('single'));
    const { header, rows } = summary(join(dir, 'queued'));
    const down = rows.find((r) => r[0] === 'down') ?? [];
    expect(down[header.indexOf('status')]).toBe('error');
    expect(down[header.indexOf('error')]).toMatch(/site unreachable/);
    const page = (d: string) =>
      readFileSync(join(dir, d, 'index.html'), 'utf8')
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, 'TIME')
        // The visible "generated" minute: the two runs may straddle a minute.
        .replace(/generated \d{4}-\d\d-\d\d \d\d:\d\d/, 'generated TIME')
        .replace(
          /<td class="n" data-v="[\d.]+">[\d.]+<\/td>(<td>(?:<a href="[^"]+">JSON<\/a>)?<\/td><td>)/g,
          '<td>T</td>$1',
        );
    expect(page('queued')).toEqual(page('single'));
    // Reports: the same audit, byte for byte once the clock readings are set aside.
    const clockless = (d: string, id: string) =>
      readFileSync(join(dir, d, `${id}.json`), 'utf8')
        .replace(/"(startedAt|finishedAt|generatedAt|fetchedAt)": "[^"]*"/g, '"$1": ""')
        .replace(/"(durationMs|elapsedMs|ms)": [\d.]+/g, '"$1": 0');
    for (const id of ['ag-1', 'ag-2', 'ag-3'])
      expect(clockless('queued', id), id).toEqual(clockless('single', id));

    // The unreachable site: tried twice, then failed with its reason.
    const { queue, redis } = queueAt(url);
    try {
      const job = await queue.getJob(auditJobId('down', 2568));
      expect(await job?.getState()).toBe('failed');
      expect(job?.attemptsMade).toBe(2);
      expect(job?.failedReason).toMatch(/site unreachable/);

      // Enqueuing the same CSV again adds no job; with no worker running, the results come from Redis.
      const again = await spawnCli([...common, '--out', 'again', '--queue', url], dir).done;
      expect(again.code, again.stderr).toBe(0);
      expect(await queue.getJobCounts('completed', 'failed', 'waiting', 'delayed', 'active')).toEqual({
        completed: 3,
        failed: 1,
        waiting: 0,
        delayed: 0,
        active: 0,
      });
      for (const id of ['ag-1', 'ag-2', 'ag-3'])
        expect(readFileSync(join(dir, 'again', `${id}.json`))).toEqual(
          readFileSync(join(dir, 'queued', `${id}.json`)),
        );

      // The password is nowhere: not in any output, not in any file of the result folders.
      worker.child.kill('SIGTERM');
      const w = await worker.done;
      expect(w.code).toBe(0);
      const texts = [queued.stderr, queued.stdout, status.stdout, again.stderr, w.stderr, w.stdout];
      for (const d of ['queued', 'again'])
        for (const name of readdirSync(join(dir, d))) texts.push(readFileSync(join(dir, d, name), 'utf8'));
      expect(queued.stderr).toContain('oit-test:***@');
      for (const text of texts) expect(text).not.toContain('s3cret-pass');
    } finally {
      await queue.close();
      redis.disconnect();
    }
  }, 240_000);

  it('a worker refuses loopback addresses without --allow-private; SIGTERM lets the audit in hand finish', async () => {
    const url = redisServer.url(14);
    await flushDb(url);
    const dir = mkdtempSync(join(tmpdir(), 'oit-queue-'));
    const site = await startSiteServer({ root: join(SITES_DIR, 'agency-gaps'), delayMs: 30 });
    servers.push(site);

    writeFileSync(join(dir, 'local.csv'), csvOf([{ id: 'local', name: 'กรมในเครื่อง', url: `${site.url}/` }]));
    const strict = spawnCli(['worker', '--queue', url], dir);
    const refused = await spawnCli(
      ['batch', 'local.csv', '--out', 'local', '--queue', url, '--backoff', '100'],
      dir,
    ).done;
    expect(refused.code).toBe(3);
    const { header, rows } = summary(join(dir, 'local'));
    expect(rows[0]?.[header.indexOf('error')]).toMatch(
      /refused: 127\.0\.0\.1 is a loopback or private address/,
    );
    expect(site.requests).toHaveLength(0);
    strict.child.kill('SIGTERM');
    expect((await strict.done).code).toBe(0);

    // SIGTERM mid-audit: the worker finishes it, the result arrives, then it exits 0.
    writeFileSync(join(dir, 'slow.csv'), csvOf([{ id: 'slow', name: 'กรมที่ตอบช้า', url: `${site.url}/` }]));
    const worker = spawnCli(['worker', '--queue', url, '--allow-private'], dir);
    const coordinator = spawnCli(['batch', 'slow.csv', '--out', 'slow', '--queue', url, '--delay', '0'], dir);
    await waitUntil(() => openAudits(worker.stderr).includes('slow'), 120_000, 'the audit to start');
    worker.child.kill('SIGTERM');
    const w = await worker.done;
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toMatch(/SIGTERM, finishing the audits in hand[\s\S]*✓ slow[\s\S]*worker: stopped/);
    const c = await coordinator.done;
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toMatch(/\[1\/1\] ✓ slow OIT/);
    expect(existsSync(join(dir, 'slow', 'slow.json'))).toBe(true);
  }, 120_000);
});
