import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walk } from '../../../../src/core/extract/page-walk';
import { SITES_DIR } from '../../../helpers/audit-site';

const ROOT = join(__dirname, '../../../..');
const temp = mkdtempSync(join(tmpdir(), 'oit-walk-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('walk', () => {
  it('starts every page afresh, after a page cut for its nesting too', () => {
    const page =
      '<title>หน้า</title><nav><a href="/a">เมนู</a></nav><main><h1>ข่าว</h1><p><a href="/b.pdf">แผน</a></p></main>';
    const alone = walk(page, 'http://127.0.0.1/', 1500, true);
    const deep = walk(`<div>${'<span>'.repeat(1200)}x`, 'http://127.0.0.1/', 1500, true);
    expect(deep.nestingCut).toBe(true);
    expect(walk(page, 'http://127.0.0.1/', 1500, true)).toEqual(alone);
    expect(alone.links.map((l) => [l.url, l.text, Boolean(l.chrome)])).toEqual([
      ['http://127.0.0.1/a', 'เมนู', true],
      ['http://127.0.0.1/b.pdf', 'แผน', false],
    ]);
  });

  it('keeps its compiled handlers through full collections of the heap', () => {
    // V8 drops compiled code when nothing holds its functions, or the object shapes it was
    // made for, any more. Handlers made per page were compiled again after every full
    // collection (a page thread has one every few hundred pages): 5 compilations per round
    // below. Round 0 warms up; rounds 1–3 may recompile after a rare deoptimisation only.
    const script = join(temp, 'walk-gc.mts');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { extractSnapshot, extractSummary } from ${JSON.stringify(join(ROOT, 'src/core/extract/snapshot.ts'))};
import { htmlFilesUnder } from ${JSON.stringify(join(ROOT, 'test/helpers/html-files.ts'))};
const pages = htmlFilesUnder(${JSON.stringify(SITES_DIR)}).map((f) => new Uint8Array(readFileSync(f)));
const url = 'http://127.0.0.1/';
for (let round = 0; round < 4; round++) {
  console.log('round', round);
  for (let i = 0; i < 4; i++)
    for (const body of pages) {
      const r = { url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, redirects: [], body, truncated: false, timingMs: 0 };
      if (i % 2) extractSummary(r, { depth: 1 });
      else extractSnapshot(r, { depth: 1 });
    }
  globalThis.gc();
}
`,
    );
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--trace-opt', '--no-concurrent-recompilation', '--import', 'tsx', script],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const rounds = run.stdout.split(/^round \d\n/m).slice(1);
    expect(rounds).toHaveLength(4);
    const handler = / <JSFunction (?:onopentag|onclosetag|ontext) /;
    const compiled = rounds.map(
      (r) => r.split('\n').filter((l) => l.startsWith('[completed compiling') && handler.test(l)).length,
    );
    // The probe sees the handlers compiled at all (it would pass vacuously otherwise).
    const [warmUp = 0, ...later] = compiled;
    expect(warmUp).toBeGreaterThanOrEqual(3);
    expect(later.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4);
  });
});
