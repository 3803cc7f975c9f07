import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionPack } from '../../src/core/extract/extraction-pack';
import { bundledPackIds } from '../../src/core/rules/bundled-pack-loaders';
import { bundledPackFiles } from '../../src/core/rules/bundled-packs';
import { allRulePacks } from '../../src/core/rules/registry';
import { SITES_DIR } from '../helpers/audit-site';
import { readPdfOnce } from '../helpers/pdf-worker-once';
import { type SiteServer, startSiteServer } from '../helpers/site-server';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/cli.mjs');
const RECORDER = join(import.meta.dirname, '../helpers/record-loads.mjs');
const PACK_READS = join(import.meta.dirname, '../helpers/record-pack-reads.mjs');

/**
 * The source modules and rule files a command of the compiled CLI (built by the test set-up)
 * loads: the chunks Node loaded, read back for the `// path` line esbuild writes above each
 * module it bundles.
 */
async function modulesLoadedBy(
  args: string[],
  entry: string = CLI,
): Promise<{ modules: string[]; stdout: string }> {
  const log = join(mkdtempSync(join(tmpdir(), 'oit-loads-')), 'loads.txt');
  const { stdout } = await run(process.execPath, ['--import', RECORDER, entry, ...args], {
    env: { ...process.env, OIT_RECORD_LOADS: log, OIT_AUDIT_LANG: 'en' },
  });
  const chunks = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:') && url.includes('/dist/cli/'));
  const modules = chunks.flatMap((url) =>
    [...readFileSync(fileURLToPath(url), 'utf8').matchAll(/^\/\/ ((?:src|rules|node_modules)\/\S+)$/gm)].map(
      (m) => m[1] as string,
    ),
  );
  return { modules, stdout };
}

const loadsAny = (modules: string[], prefix: string) => modules.filter((m) => m.startsWith(prefix));

/**
 * Start-up (issue 11 §2): each command loads what it needs and no more. Times are measured by
 * `npm run bench -- --only startup`, not here; these check the imports that set them.
 */
describe('compiled CLI: what a command loads at start', () => {
  it('the build is readable for this check (esbuild names each bundled module)', async () => {
    const { modules } = await modulesLoadedBy(['--version']);
    expect(modules).toContain('src/cli/main.ts');
  });

  it('--version loads no command, no rule pack and no zod', async () => {
    const { modules, stdout } = await modulesLoadedBy(['--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(loadsAny(modules, 'src/cli/commands/')).toEqual([]);
    expect(loadsAny(modules, 'rules/')).toEqual([]);
    expect(loadsAny(modules, 'node_modules/zod/')).toEqual([]);
  });

  it('audit --help loads the option list, not the audit pipeline, the rule packs or zod', async () => {
    const { modules, stdout } = await modulesLoadedBy(['audit', '--help']);
    expect(stdout).toContain('--max-pages');
    expect(modules).toContain('src/cli/commands/audit.ts');
    expect(modules).not.toContain('src/cli/commands/audit-run.ts');
    expect(modules).not.toContain('src/core/audit.ts');
    expect(loadsAny(modules, 'src/core/crawl/')).toEqual([]);
    expect(loadsAny(modules, 'src/node/')).toEqual([]);
    expect(loadsAny(modules, 'rules/')).toEqual([]);
    expect(loadsAny(modules, 'node_modules/zod/')).toEqual([]);
    expect(loadsAny(modules, 'node_modules/cheerio/')).toEqual([]);
    expect(loadsAny(modules, 'node_modules/htmlparser2/')).toEqual([]);
  });

  it('score loads only the pack it scores with, and no zod', async () => {
    const { modules, stdout } = await modulesLoadedBy(['score', '--iit', '80', '--eit', '85', '--oit', '90']);
    expect(stdout).toContain('ita-2562');
    const packs = new Set(loadsAny(modules, 'rules/').map((m) => m.split('/')[1]));
    expect([...packs]).toEqual(['ita-2562']);
    expect(loadsAny(modules, 'rules/ita-2562/items/')).toHaveLength(48);
    expect(loadsAny(modules, 'node_modules/zod/')).toEqual([]);
  });

  it('score --rules ita-2569 loads that pack alone', async () => {
    const { modules } = await modulesLoadedBy([
      'score',
      '--rules',
      'ita-2569',
      '--iit',
      '80',
      '--eit',
      '85',
      '--oit',
      '90',
    ]);
    expect([...new Set(loadsAny(modules, 'rules/').map((m) => m.split('/')[1]))]).toEqual(['ita-2569']);
  });

  it('rules ita-2566 loads that pack alone, and no zod', async () => {
    const { modules, stdout } = await modulesLoadedBy(['rules', 'ita-2566']);
    expect(stdout).toContain('O43');
    expect([...new Set(loadsAny(modules, 'rules/').map((m) => m.split('/')[1]))]).toEqual(['ita-2566']);
    expect(loadsAny(modules, 'node_modules/zod/')).toEqual([]);
  });

  it('the page-reading thread loads the extraction code and no rule pack module (packs are data)', async () => {
    // Run as a main module the thread's file only loads its imports: those are what each
    // extraction thread of an audit pays for.
    const { modules } = await modulesLoadedBy([], join(ROOT, 'dist/cli/extract-worker.mjs'));
    expect(modules).toContain('src/node/extract-worker.ts');
    expect(modules).toContain('src/core/extract/snapshot.ts');
    expect(loadsAny(modules, 'rules/')).toEqual([]);
    expect(loadsAny(modules, 'src/core/rules/packs/')).toEqual([]);
    expect(loadsAny(modules, 'node_modules/zod/')).toEqual([]);
  });

  it("the audit's thread fetches with Node's own HTTP client: undici is not even bundled in", () => {
    // undici's JavaScript and its WebAssembly HTTP parser cost about 18 MB per thread that loads
    // them (issue 11 §3, peak memory); node:http parses with the binary's own llhttp. The thread
    // imports its pipeline when it is given an audit, so what it can load is read from the
    // build: every chunk its file imports, statically or not.
    const modules = bundledModulesReachableFrom(join(ROOT, 'dist/cli/audit-worker.mjs'));
    expect(modules).toContain('src/node/fetcher.ts');
    expect(modules).toContain('src/node/http-request.ts');
    expect(loadsAny(modules, 'node_modules/undici/')).toEqual([]);
  });

  it("no thread but a page-reading one runs that thread's code (it answers its parent's messages)", () => {
    // extract-worker.ts answers whatever port it has: a value imported from it bundles it into a
    // chunk the audit's thread loads, where it took the audit meant for that thread (it happened).
    for (const entry of ['audit-worker.mjs', 'cli.mjs', 'pdf-worker.mjs']) {
      expect(bundledModulesReachableFrom(join(ROOT, 'dist/cli', entry)), entry).not.toContain(
        'src/node/extract-worker.ts',
      );
    }
    expect(bundledModulesReachableFrom(join(ROOT, 'dist/cli/extract-worker.mjs'))).toContain(
      'src/node/extract-worker.ts',
    );
  });

  it('the PDF worker runs pdf.js from a CommonJS bundle, compiled once and then read from the code cache', async () => {
    // Node 20 keeps no compiled code of ES modules: pdf.js is in dist/cli/pdf-read.cjs, which the
    // worker runs through src/node/code-cache.mjs, and in no chunk the worker imports.
    const worker = join(ROOT, 'dist/cli/pdf-worker.mjs');
    expect(loadsAny(bundledModulesReachableFrom(worker), 'node_modules/unpdf/')).toEqual([]);
    expect(readFileSync(join(ROOT, 'dist/cli/pdf-read.cjs'), 'utf8')).toMatch(/^\/\/ node_modules\/unpdf\//m);
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'oit-built-cache-')), 'cache');
    const pdf = readFileSync(
      join(SITES_DIR, 'agency-wp/wp-content/uploads/2024/11/แผนการจัดซื้อจัดจ้าง-2568.pdf'),
    );
    const readOnce = () => readPdfOnce(worker, pdf, cacheDir);
    const first = await readOnce();
    expect(first.cache).toBe('miss');
    expect(first.text).toContain('2568');
    expect(await readOnce()).toEqual({ cache: 'hit', text: first.text });
  });

  it("the audit's thread starts its crawl without zod's 64 translations or the sitemap reader", () => {
    // What the thread compiles before its first request: its file, the pipeline it imports when
    // given an audit, and their static imports. `import { z }` kept every zod locale (360 KB,
    // half of zod: the namespace object escapes); cheerio reads sitemaps only, when one answers.
    const worker = join(ROOT, 'dist/cli/audit-worker.mjs');
    const pipeline = [...readFileSync(worker, 'utf8').matchAll(/import\("(\.\/chunks\/[^"]+\.mjs)"\)/g)].map(
      (m) => join(dirname(worker), m[1] as string),
    );
    const modules = [worker, ...pipeline].flatMap((f) => bundledModulesReachableFrom(f, { lazy: false }));
    expect(modules).toContain('src/core/audit.ts');
    expect(modules).toContain('src/core/crawl/crawler.ts');
    expect(modules).toContain('node_modules/zod/v4/classic/schemas.js');
    expect(loadsAny(modules, 'node_modules/zod/v4/locales/')).toEqual(['node_modules/zod/v4/locales/en.js']);
    expect(loadsAny(modules, 'node_modules/cheerio/')).toEqual([]);
    expect(modules).not.toContain('src/core/crawl/sitemap.ts');
    // The sitemap reader is still in the build, a lazy import away.
    expect(bundledModulesReachableFrom(worker)).toContain('src/core/crawl/sitemap.ts');
  });
});

/** An auto audit of `url` for FY2568 (no pack, no config), its JSON report written to `out`. */
function autoAudit(url: string, out: string): string[] {
  return [
    'audit',
    `${url}/`,
    '--year',
    '2568',
    '--delay',
    '0',
    '--format',
    'json',
    '--out',
    out,
    '--progress',
    'none',
  ];
}

describe('compiled CLI: the bundled packs are data, read by the thread that needs them', () => {
  let site: SiteServer;
  beforeAll(async () => {
    site = await startSiteServer({ root: join(SITES_DIR, 'agency-gaps') });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('dist/cli/packs/<id>.json holds exactly the files of every bundled pack', () => {
    for (const id of bundledPackIds) {
      const onDisk = JSON.parse(readFileSync(join(ROOT, 'dist/cli/packs', `${id}.json`), 'utf8'));
      expect(onDisk, id).toEqual(bundledPackFiles[id]);
    }
  });

  it('dist/cli/packs/extraction.json is the merge of every bundled pack that auto audits read pages with', () => {
    const onDisk = JSON.parse(readFileSync(join(ROOT, 'dist/cli/packs/extraction.json'), 'utf8'));
    const { itemById, ...merged } = extractionPack(allRulePacks());
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(merged)));
    expect(itemById.size).toBe(onDisk.items.length);
  });

  it("an auto audit's command line loads no pack before the audit, only the report's to render it", async () => {
    // No config, no item ids on the command line: nothing to check ids against before the crawl,
    // so the CLI's thread leaves the packs to the audit's thread (they both start at once).
    const out = join(mkdtempSync(join(tmpdir(), 'oit-cli-packs-')), 'report.json');
    const { modules } = await modulesLoadedBy(autoAudit(site.url, out));
    expect(JSON.parse(readFileSync(out, 'utf8')).ruleset.id).toBe('ita-2568');
    expect([...new Set(loadsAny(modules, 'rules/').map((m) => m.split('/')[1]))]).toEqual(['ita-2568']);
  }, 120_000);

  it("an auto audit's thread reads only the packs it starts with; the page thread the prebuilt merge", async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'oit-pack-reads-')), 'reads.txt');
    const out = join(dirname(log), 'report.json');
    await run(process.execPath, ['--import', PACK_READS, CLI, ...autoAudit(site.url, out)], {
      env: { ...process.env, OIT_RECORD_PACK_READS: log },
    });
    expect(JSON.parse(readFileSync(out, 'utf8')).ruleset.id).toBe('ita-2568');
    const reads = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ') as [string, string]);
    const byThread = new Map<string, string[]>();
    for (const [thread, file] of reads) byThread.set(thread, [...(byThread.get(thread) ?? []), file]);
    // The page-reading thread reads the merge of all ten, once; the audit's thread reads the
    // assessed year's NACC and MOPH packs, each once (both used to compile all ten).
    const sorted = [...byThread.values()].map((files) => files.sort()).sort((a, b) => a.length - b.length);
    expect(sorted).toEqual([['extraction.json'], ['ita-2568.json', 'moph-moit-2568.json']]);
  }, 120_000);
});

/**
 * The modules bundled into `entry` and every chunk it imports, directly or (unless `lazy` is
 * false) lazily, through import().
 */
function bundledModulesReachableFrom(entry: string, { lazy = true }: { lazy?: boolean } = {}): string[] {
  const seen = new Set<string>();
  const modules: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\/\/ ((?:src|rules|node_modules)\/\S+)$/gm)) modules.push(m[1] as string);
    for (const m of text.matchAll(/(?:from|import)\s*(\(?)\s*"(\.\.?\/[^"]+\.mjs)"/g)) {
      if (lazy || m[1] === '') visit(join(dirname(file), m[2] as string));
    }
  };
  visit(entry);
  return modules;
}
