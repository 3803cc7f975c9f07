import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdfOnce } from '../../helpers/pdf-worker-once';
import { CACHE_ENV, cacheDirectory, requireWithCodeCache } from '../../../src/node/code-cache.mjs';

const work = mkdtempSync(join(tmpdir(), 'oit-code-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A module with some code to compile: functions run after loading are cached by save().
const moduleFile = join(work, 'sum.cjs');
writeFileSync(
  moduleFile,
  `const path = require('node:path');
function sum(xs) { let t = 0; for (const x of xs) t += x; return t; }
module.exports = { sum, base: path.basename(__filename), dir: __dirname };\n`,
);

let dirs = 0;
const freshDir = () => join(work, `cache-${dirs++}`);
const envFor = (dir: string) => ({ ...process.env, [CACHE_ENV]: dir });

/**
 * Loads the module in a new process (V8 would serve a second compile in one process from its
 * own memory, whatever the cache holds), calls it, saves: how the cache served, and the sum.
 */
function loadInChild(dir: string, file = moduleFile, flags: string[] = []) {
  const loader = JSON.stringify(join(import.meta.dirname, '../../../src/node/code-cache.mjs'));
  const r = spawnSync(
    process.execPath,
    [
      ...flags,
      '--input-type=module',
      '-e',
      `import { requireWithCodeCache } from ${loader};
       const r = requireWithCodeCache(${JSON.stringify(file)});
       const m = r.exports;
       const value = typeof m === 'object' ? [m.sum([1, 2, 3]), m.base, m.dir] : m;
       r.save();
       console.log(JSON.stringify({ cache: r.cache, value }));`,
    ],
    { encoding: 'utf8', env: envFor(dir), timeout: 20_000 },
  );
  if (r.status !== 0) throw new Error(`exit ${r.status} ${r.signal ?? ''}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { cache: string; value: unknown };
}

describe('requireWithCodeCache', () => {
  it('runs the file as CommonJS, then serves its compiled code from the cache on the next run', () => {
    const dir = freshDir();
    expect(loadInChild(dir)).toEqual({ cache: 'miss', value: [6, 'sum.cjs', work] });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^sum\.cjs-[0-9a-f]{16}-[0-9a-f]{16}\.v8$/);
    const written = readFileSync(join(dir, files[0] as string));
    expect(loadInChild(dir)).toEqual({ cache: 'hit', value: [6, 'sum.cjs', work] });
    // A hit is not written again.
    expect(readFileSync(join(dir, files[0] as string)).equals(written)).toBe(true);
  });

  it('compiles as usual when V8 refuses the cached data, and writes it anew', () => {
    const dir = freshDir();
    loadInChild(dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file as string), Buffer.alloc(4096, 7));
    expect(loadInChild(dir)).toEqual({ cache: 'rejected', value: [6, 'sum.cjs', work] });
    expect(loadInChild(dir).cache).toBe('hit');
  });

  it('keys the cache by the source: an edited file does not get the old code', () => {
    const dir = freshDir();
    const file = join(work, 'edited.cjs');
    writeFileSync(file, 'module.exports = 1;\n');
    expect(loadInChild(dir, file)).toEqual({ cache: 'miss', value: 1 });
    writeFileSync(file, 'module.exports = 2;\n');
    expect(loadInChild(dir, file)).toEqual({ cache: 'miss', value: 2 });
    expect(loadInChild(dir, file)).toEqual({ cache: 'hit', value: 2 });
  });

  it('keys the cache by V8 flags: a run with other flags keeps its own file', () => {
    const dir = freshDir();
    const other = ['--interrupt-budget=100000'];
    expect(loadInChild(dir).cache).toBe('miss');
    expect(loadInChild(dir, moduleFile, other).cache).toBe('miss');
    expect(readdirSync(dir)).toHaveLength(2);
    expect(loadInChild(dir).cache).toBe('hit');
    expect(loadInChild(dir, moduleFile, other).cache).toBe('hit');
  });

  it('reads and writes nothing when the cache is off or its directory is not safe', () => {
    expect(cacheDirectory({ [CACHE_ENV]: '0' })).toBeNull();
    expect(cacheDirectory({ [CACHE_ENV]: 'off' })).toBeNull();
    expect(cacheDirectory({})).toContain('oit-audit-compile-cache-');
    expect(loadInChild('off')).toEqual({ cache: 'off', value: [6, 'sum.cjs', work] });
    // In-process too, with the environment passed.
    const inProcess = requireWithCodeCache(moduleFile, { env: { ...process.env, [CACHE_ENV]: '0' } });
    expect(inProcess.cache).toBe('off');

    // Writable by others: someone else could plant compiled code there.
    const open = freshDir();
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(loadInChild(open).cache).toBe('off');
    expect(readdirSync(open)).toEqual([]);

    // One that cannot be made: no cache, and no wait. (A recursive mkdir under /proc never returns.)
    expect(loadInChild(join(work, 'no-such-parent', 'cache')).cache).toBe('off');
    if (process.platform === 'linux')
      expect(loadInChild('/proc/oit-audit-no-such-dir/cache').cache).toBe('off');

    // A symbolic link: the directory it points to is not checked.
    const target = freshDir();
    mkdirSync(target, { mode: 0o700 });
    const link = freshDir();
    symlinkSync(target, link);
    expect(loadInChild(link).cache).toBe('off');
    expect(readdirSync(target)).toEqual([]);
  });
});

describe('the PDF worker', () => {
  const pdf = readFileSync(
    join(import.meta.dirname, '../../sites/agency-wp/wp-content/uploads/2024/11/แผนการจัดซื้อจัดจ้าง-2568.pdf'),
  );
  /** Starts the worker, reads the PDF, ends it: how its code cache served, and the text. */
  const readOnce = (dir: string) =>
    readPdfOnce(new URL('../../../src/node/pdf-worker.mjs', import.meta.url), pdf, dir);

  it('caches pdf.js after its first read, and reads the same text from the cached code', async () => {
    const dir = freshDir();
    const first = await readOnce(dir);
    expect(first.cache).toBe('miss');
    expect(first.text).toContain('2568');
    expect(readdirSync(dir).filter((f) => f.startsWith('pdf-read.cjs-'))).toHaveLength(1);
    const second = await readOnce(dir);
    expect(second).toEqual({ cache: 'hit', text: first.text });
  });
});
