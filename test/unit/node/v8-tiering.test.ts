import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tuneTieringForAudits } from '../../../src/node/v8-tiering';

const ROOT = join(__dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'oit-tiering-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * Runs a small hot function 100 times in a thread started after the (optional) tuning, and
 * reports whether V8 optimised it. 100 runs are enough for V8's default budget and far from
 * enough for the tuned one; the compiler runs synchronously here, so this counts bytecode, not time.
 */
function probe(tuned: boolean): { optimised: boolean; status: number } {
  const script = join(temp, `probe-${tuned}.mts`);
  writeFileSync(
    script,
    `import { Worker } from 'node:worker_threads';
if (${tuned}) (await import(${JSON.stringify(join(ROOT, 'src/node/v8-tiering.ts'))})).tuneTieringForAudits();
const code = \`
  const { parentPort } = require('node:worker_threads');
  function hot(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 2 + (i & 3); return s; }
  const arr = Array.from({ length: 100 }, (_, i) => i);
  let n = 0;
  for (let i = 0; i < 100; i++) n += hot(arr);
  parentPort.postMessage(eval('%GetOptimizationStatus(hot)'));
\`;
const w = new Worker(code, { eval: true });
w.on('message', (status) => { console.log(JSON.stringify({ optimised: (status & 16) !== 0, status })); w.terminate(); });
`,
  );
  const run = spawnSync(
    process.execPath,
    ['--allow-natives-syntax', '--no-concurrent-recompilation', '--import', 'tsx', script],
    { cwd: ROOT, encoding: 'utf8', timeout: 25_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

describe('tuneTieringForAudits', () => {
  it('makes the threads started after it optimise only what stays hot', () => {
    // Without the tuning the function is optimised: the probe can tell the two apart.
    expect(probe(false).optimised).toBe(true);
    expect(probe(true).optimised).toBe(false);
  });

  it('sets nothing on a V8 it does not know to have the flag', () => {
    expect(tuneTieringForAudits('8.4.371')).toBe(false);
    expect(tuneTieringForAudits('14.1.2')).toBe(false);
    expect(tuneTieringForAudits('not a version')).toBe(false);
    expect(tuneTieringForAudits(process.versions.v8)).toBe(true);
  });
});
