/**
 * `npm run bench:batch`: the distributed batch (`batch --queue` + `worker`) over N small loopback
 * agency sites with 1, 2 and 4 worker processes, against a real redis-server (started here on a
 * free loopback port unless OIT_TEST_REDIS_URL is set). Prints wall time, throughput and each
 * worker's peak RSS (VmHWM from /proc, read just before the worker is stopped).
 *
 *   npm run bench:batch -- [--sites 200] [--workers 1,2,4] [--concurrency 2] [--pages 8]
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME, QUEUE_PREFIX } from '../../src/node/queue/connection';
import { startCli, waitUntil } from '../helpers/cli-process';
import { flushDb, startTestRedis } from '../helpers/redis-server';
import { startSiteServer } from '../helpers/site-server';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '200' },
    workers: { type: 'string', default: '1,2,4' },
    concurrency: { type: 'string', default: '2' },
    pages: { type: 'string', default: '8' },
  },
});
const n = Number(values.sites);
const pages = Number(values.pages);
const work = mkdtempSync(join(tmpdir(), 'oit-queue-bench-'));

const TOPICS = [
  ['about', 'ข้อมูลพื้นฐาน โครงสร้าง ผู้บริหาร อำนาจหน้าที่'],
  ['plan', 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน แผนดำเนินงานประจำปี'],
  ['news', 'ข่าวประชาสัมพันธ์ ประจำปีงบประมาณ พ.ศ. 2568'],
  ['contact', 'ช่องทางการติดต่อ ที่อยู่ หมายเลขโทรศัพท์ อีเมล แผนที่'],
  ['law', 'กฎหมายที่เกี่ยวข้อง'],
  ['complaint', 'ช่องทางการแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'],
  ['procurement', 'แผนการจัดซื้อจัดจ้าง ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง'],
  ['hr', 'นโยบายการบริหารทรัพยากรบุคคล'],
  ['budget', 'รายงานผลการใช้จ่ายงบประมาณ'],
  ['qa', 'Q&A ถาม-ตอบ'],
];

/** A small agency site: a home page linking to `pages - 1` topic pages. */
function writeSmallSite(root: string, name: string): void {
  mkdirSync(root, { recursive: true });
  const topics = TOPICS.slice(0, Math.max(0, pages - 1));
  const nav = topics.map(([slug, title]) => `<li><a href="/${slug}.html">${title}</a></li>`).join('');
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${title} | ${name}</title></head><body><header><h1>${name}</h1><nav><ul><li><a href="/">หน้าแรก</a></li>${nav}</ul></nav></header><main><h2>${title}</h2><p>${body}</p><p>ปรับปรุงล่าสุด 15 มกราคม 2568</p></main></body></html>`;
  writeFileSync(join(root, 'index.html'), page('หน้าแรก', `ยินดีต้อนรับสู่เว็บไซต์${name}`));
  for (const [slug, title] of topics)
    writeFileSync(
      join(root, `${slug}.html`),
      page(title as string, `${title} ของ${name} ประจำปีงบประมาณ พ.ศ. 2568`),
    );
}

const servers = [];
const rows = ['agency_id,name,url,year'];
for (let i = 1; i <= n; i++) {
  const name = `กรมทดสอบที่ ${i}`;
  const root = join(work, 'sites', `site-${i}`);
  writeSmallSite(root, name);
  const server = await startSiteServer({ root });
  servers.push(server);
  rows.push(`agency-${String(i).padStart(3, '0')},${name},${server.url}/,2568`);
}
writeFileSync(join(work, 'agencies.csv'), `${rows.join('\n')}\n`);

const redis = await startTestRedis();
const url = redis.url(9);

function peakRssMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const results: string[] = [];
let base = 0;
for (const count of values.workers.split(',').map(Number)) {
  await flushDb(url);
  for (const s of servers) s.resetStats();
  const workers = Array.from({ length: count }, () =>
    startCli(
      ['worker', '--queue', url, '--allow-private', '--concurrency', String(values.concurrency)],
      work,
    ),
  );
  // The clock starts once every worker is connected (not while tsx compiles the sources).
  await waitUntil(() => workers.every((w) => w.stderr.includes('worker: queue')), 120_000, 'the workers');
  const load = loadavg()[0] ?? 0;
  // CPU spent audits only: what the workers used before the run (compiling, connecting) is set aside.
  const cpuBefore = workers.reduce((sum, w) => sum + cpuSeconds(w.child.pid), 0);
  const started = performance.now();
  const coordinator = startCli(
    [
      'batch',
      'agencies.csv',
      '--out',
      `out-${count}`,
      '--queue',
      url,
      '--delay',
      '0',
      '--no-offsite-check',
      '--quiet',
    ],
    work,
  );
  const done = await coordinator.done;
  const wall = (performance.now() - started) / 1000;
  const rss = workers.map((w) => peakRssMiB(w.child.pid));
  const cpu = workers.reduce((sum, w) => sum + cpuSeconds(w.child.pid), 0) - cpuBefore;
  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.done));
  // The queue's own view: from the first audit started to the last one finished.
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX });
  const jobs = await queue.getJobs(['completed', 'failed']);
  const span =
    (Math.max(...jobs.map((j) => j.finishedOn ?? 0)) -
      Math.min(...jobs.map((j) => j.processedOn ?? Infinity))) /
    1000;
  await queue.close();
  connection.disconnect();
  const csv = readFileSync(join(work, `out-${count}`, 'summary.csv'), 'utf8');
  const ok = csv.split('\n').filter((l) => l.includes(',done,')).length;
  const perMin = (n / span) * 60;
  if (base === 0) base = perMin;
  results.push(
    `| ${count} | ${values.concurrency} | ${wall.toFixed(1)} | ${span.toFixed(1)} | ${perMin.toFixed(0)} | ${(perMin / base).toFixed(2)}× | ${((cpu / n) * 1000).toFixed(0)} | ${rss.map((r) => r.toFixed(0)).join(' / ')} | ${ok}/${n} | ${load.toFixed(1)} | ${done.code} |`,
  );
  process.stderr.write(`workers ${count}: ${wall.toFixed(1)} s\n`);
}

console.log(
  `\n${n} sites of ${pages} pages on 127.0.0.1 · --delay 0 · ${cpus().length} cores · node ${process.version}\n\n` +
    '| workers | concurrency each | coordinator wall s | queue span s | agencies/min | vs 1 worker | worker CPU ms/agency | peak RSS per worker MiB | audited | load avg at start | exit |\n' +
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
    results.join('\n'),
);
await Promise.all(servers.map((s) => s.close()));
await redis.stop();
