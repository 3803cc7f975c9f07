import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RAMP_PAGES, rampEnder, startTieringRamp, tuneTieringForAudits } from '../../../src/node/v8-tiering';

const ROOT = join(__dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'oit-tiering-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * Runs `setup` (JavaScript, with `tiering` the module), then a small hot function 100 times in a
 * thread started after it, and reports whether V8 optimised it. 100 runs are enough for V8's
 * default budget and far from enough for the ramp's; the compiler runs synchronously here, so
 * this counts bytecode, not time.
 */
function probe(name: string, setup: string): { optimised: boolean; status: number } {
  const script = join(temp, `probe-${name}.mts`);
  writeFileSync(
    script,
    `import { Worker } from 'node:worker_threads';
const tiering = await import(${JSON.stringify(join(ROOT, 'src/node/v8-tiering.ts'))});
${setup}
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
    // Without a ramp the function is optimised: the probe can tell the two apart.
    expect(probe('default', '').optimised).toBe(true);
    expect(probe('tuned', 'tiering.tuneTieringForAudits();').optimised).toBe(false);
    expect(probe('ramp', 'tiering.startTieringRamp();').optimised).toBe(false);
    expect(probe('ended', 'const end = tiering.startTieringRamp(); end();').optimised).toBe(true);
  });

  it('keeps the ramp while any audit of the process is in its ramp', () => {
    // Two audits at once (batch): the first ends (twice: the second call does nothing).
    const one = 'const a = tiering.startTieringRamp(); const b = tiering.startTieringRamp(); a(); a();';
    expect(probe('one-of-two', one).optimised).toBe(false);
    expect(probe('both', `${one} b();`).optimised).toBe(true);
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
    expect(startTieringRamp('12.4.254')).toBeTypeOf('function');
    expect(tuneTieringForAudits('11.3.244.8-node.33')).toBe(true);
    startTieringRamp('11.3.244.8-node.33')();
  });
});
