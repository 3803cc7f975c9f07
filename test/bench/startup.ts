/**
 * Start-up times of the installed CLI (issue 11 §2), as ratios to a bare `node -e 0` measured in
 * the same alternating rounds: the machine's load moves both alike. Medians of wall time.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

export interface StartupRow {
  label: string;
  target: number | undefined;
  medianMs: number;
  ratio: number;
}

const CASES: { label: string; args: string[]; target?: number }[] = [
  { label: '`node -e 0`', args: ['-e', '0'] },
  { label: '`oit-audit --version`', args: ['--version'], target: 2 },
  {
    label: '`oit-audit score --iit 80 --eit 85 --oit 90`',
    args: ['score', '--iit', '80', '--eit', '85', '--oit', '90'],
    target: 3,
  },
  { label: '`oit-audit audit --help`', args: ['audit', '--help'], target: 3 },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs every case `rounds` times, interleaved, and returns the median of each. */
export function measureStartup(bin: string, rounds: number): StartupRow[] {
  const times = CASES.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    CASES.forEach((c, i) => {
      const args = i === 0 ? c.args : [bin, ...c.args];
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (r.status !== 0) throw new Error(`startup bench: ${c.label} exited ${r.status}: ${r.stderr}`);
      times[i]?.push(ms);
    });
  }
  const base = median(times[0] ?? []);
  return CASES.map((c, i) => {
    const medianMs = median(times[i] ?? []);
    return { label: c.label, target: c.target, medianMs, ratio: medianMs / base };
  });
}

export function startupTable(rows: StartupRow[], rounds: number): string {
  const lines = [
    `Start-up (median of ${rounds} interleaved runs; ratio to \`node -e 0\` in the same rounds; load average ${loadavg()[0]?.toFixed(1)})`,
    '',
    '| command | median ms | × node -e 0 | target | met |',
    '|---|---:|---:|---:|:-:|',
  ];
  for (const r of rows) {
    const target = r.target === undefined ? '' : `≤ ${r.target}×`;
    const met = r.target === undefined ? '' : r.ratio <= r.target ? 'yes' : 'NO';
    lines.push(`| ${r.label} | ${r.medianMs.toFixed(0)} | ${r.ratio.toFixed(2)} | ${target} | ${met} |`);
  }
  return `${lines.join('\n')}\n`;
}

// `tsx test/bench/startup.ts [rounds]` prints the table alone.
if (import.meta.filename === process.argv[1]) {
  const rounds = Number(process.argv[2] ?? 15);
  const bin = new URL('../../bin/oit-audit.mjs', import.meta.url).pathname;
  process.stdout.write(startupTable(measureStartup(bin, rounds), rounds));
}
