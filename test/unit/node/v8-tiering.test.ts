import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { endTieringRamp, RAMP_PAGES, rampEnder, tuneTieringForAudits } from '../../../src/node/v8-tiering';

const ROOT = join(__dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'oit-tiering-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * Runs a small hot function 100 times in a thread started after the (optional) tuning, and
 * reports whether V8 optimised it. 100 runs are enough for V8's default budget and far from
 * enough for the tuned one; the compiler runs synchronously here, so this counts bytecode, not time.
 */
function probe(mode: 'default' | 'ramp' | 'after'): { optimised: boolean; status: number } {
  const script = join(temp, `probe-${mode}.mts`);
  writeFileSync(
    script,
    `import { Worker } from 'node:worker_threads';
const tiering = await import(${JSON.stringify(join(ROOT, 'src/node/v8-tiering.ts'))});
if (${JSON.stringify(mode)} !== 'default') tiering.tuneTieringForAudits();
if (${JSON.stringify(mode)} === 'after') tiering.endTieringRamp();
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
  it('makes the threads started after it optimise only what stays hot, until the ramp ends', () => {
    // Without the tuning the function is optimised: the probe can tell the two apart.
    expect(probe('default').optimised).toBe(true);
    expect(probe('ramp').optimised).toBe(false);
    expect(probe('after').optimised).toBe(true);
  });

  it('ends the ramp once, when the audit has read its pages', () => {
    let ended = 0;
    const onEvent = rampEnder(() => ended++);
    const page = (pagesFetched: number) => ({
      type: 'page' as const,
      url: 'http://127.0.0.1/',
      pagesFetched,
      queued: 0,
    });
    onEvent({ type: 'phase', phase: 'crawl' });
    onEvent(page(RAMP_PAGES - 1));
    expect(ended).toBe(0);
    onEvent(page(RAMP_PAGES));
    onEvent(page(RAMP_PAGES + 1));
    expect(ended).toBe(1);
  });

  it("sets nothing on a V8 other than Node 20's, whose default it knows", () => {
    expect(tuneTieringForAudits('10.2.154')).toBe(false);
    expect(tuneTieringForAudits('12.4.254')).toBe(false);
    expect(tuneTieringForAudits('not a version')).toBe(false);
    expect(tuneTieringForAudits('11.3.244.8-node.33')).toBe(true);
    endTieringRamp('11.3.244.8-node.33');
  });
});
