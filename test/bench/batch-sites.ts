/**
 * Batch measurement: generates N copies of the fake agency sites (each with its own agency
 * name, every fourth one from agency-gaps), serves each on its own 127.0.0.1 port, and runs
 * `oit-audit batch` over them under `/usr/bin/time -v`, printing wall time and peak memory.
 *
 *   npx tsx test/bench/batch-sites.ts [--sites 24] [--delay 250] [--sites-concurrency 4]
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SITES_DIR } from '../helpers/audit-site';
import { startSiteServer } from '../helpers/site-server';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '24' },
    delay: { type: 'string', default: '250' },
    'sites-concurrency': { type: 'string', default: '4' },
  },
});
const n = Number(values.sites);
const work = mkdtempSync(join(tmpdir(), 'oit-batch-bench-'));

/** Replaces the sample agency's name in every HTML page of a copied site. */
function rename(dir: string, from: string, to: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) rename(path, from, to);
    else if (name.endsWith('.html')) writeFileSync(path, readFileSync(path, 'utf8').replaceAll(from, to));
  }
}

const servers = [];
const rows = ['agency_id,name,url,year'];
for (let i = 1; i <= n; i++) {
  const source = i % 4 === 0 ? 'agency-gaps' : 'agency-complete';
  const root = join(work, 'sites', `site-${i}`);
  cpSync(join(SITES_DIR, source), root, { recursive: true });
  const name = `กรมทดสอบที่ ${i}`;
  rename(root, 'กรมตัวอย่างการพัฒนา', name);
  const server = await startSiteServer({ root });
  servers.push(server);
  rows.push(`agency-${String(i).padStart(3, '0')},${name},${server.url}/,2568`);
}
writeFileSync(join(work, 'agencies.csv'), `${rows.join('\n')}\n`);

const bin = join(import.meta.dirname, '../../bin/oit-audit.mjs');
const args = [
  '-v',
  process.execPath,
  bin,
  'batch',
  join(work, 'agencies.csv'),
  '--out',
  join(work, 'out'),
  '--delay',
  String(values.delay),
  '--sites-concurrency',
  String(values['sites-concurrency']),
  '--no-offsite-check',
  '--quiet',
];
const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'inherit', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => {
  stderr += d;
});
const code = await new Promise<number | null>((r) => child.on('close', r));
const wall = /Elapsed \(wall clock\) time.*: (.+)/.exec(stderr)?.[1];
const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
const requests = servers.reduce((s, x) => s + x.requests.length, 0);
console.log(
  `sites ${n} · delay ${values.delay} ms · sites-concurrency ${values['sites-concurrency']} · exit ${code}\n` +
    `wall ${wall} · peak RSS ${(rss / 1024).toFixed(0)} MiB · ${requests} requests served · ${join(work, 'out')}`,
);
await Promise.all(servers.map((s) => s.close()));
