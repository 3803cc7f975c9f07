#!/usr/bin/env node
// Compiles the CLI to dist/cli/ (issue 11 §2): the bin runs this instead of compiling the
// TypeScript sources with tsx at every start. Run by `npm run build:cli`, `prepare` and
// `prepack`; the test run builds it too, so the end-to-end tests run what ships.
//
// Everything is bundled (our code, the rule packs and the libraries), so the published package
// has no dependencies to install: one entry plus chunks for what commands load lazily (React for
// --format html, docx for the measures DOCX, pdf.js for PDFs). A bundle also starts faster than
// resolving packages one by one from node_modules. JSX uses the automatic runtime, so no
// tsconfig is needed at run time.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/cli');

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  // An install from the registry has dist/ already and no dev dependencies: nothing to do.
  process.stderr.write('build-cli: esbuild is not installed (not a development checkout); skipped\n');
  process.exit(0);
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// The bundled packs as data files, dist/cli/packs/<id>.json, made from the registry's own static
// imports (src/core/rules/bundled-packs.ts), so the files are exactly the packs the sources use.
const dump = await build({
  absWorkingDir: root,
  stdin: {
    contents: [
      "export { bundledPackFiles } from './src/core/rules/bundled-packs.ts';",
      "export { extractionPackOf } from './src/core/extract/page-extractor.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const dumpFile = join(outdir, 'packs-dump.mjs');
writeFileSync(dumpFile, dump.outputFiles[0].text);
const { bundledPackFiles, extractionPackOf } = await import(pathToFileURL(dumpFile).href);
rmSync(dumpFile);
mkdirSync(join(outdir, 'packs'));
for (const [id, files] of Object.entries(bundledPackFiles)) {
  writeFileSync(join(outdir, 'packs', `${id}.json`), JSON.stringify(files));
}
// And the merge of them all an auto audit reads pages with (its item map is rebuilt on reading).
const { itemById: _byId, ...merged } = extractionPackOf({ rules: 'bundled' });
writeFileSync(join(outdir, 'packs', 'extraction.json'), JSON.stringify(merged));

// In the CLI, the registry reads those files when a pack is first asked for, instead of
// compiling every pack's JavaScript in every thread (src/node/bundled-packs-from-disk.ts).
const packsFromDisk = {
  name: 'packs-from-disk',
  setup(b) {
    b.onResolve({ filter: /^\.\/bundled-packs$/ }, (args) =>
      relative(root, args.importer) === join('src', 'core', 'rules', 'registry.ts')
        ? { path: join(root, 'src/node/bundled-packs-from-disk.ts') }
        : undefined,
    );
  },
};

const result = await build({
  absWorkingDir: root,
  // The worker threads of the PDF reader, the audit and its page extraction are files of their
  // own (src/node/pdf-text.ts, src/node/audit-thread.ts and src/node/extract-pool.ts find them).
  entryPoints: {
    cli: 'src/cli/run.ts',
    'pdf-worker': 'src/node/pdf-worker.mjs',
    'audit-worker': 'src/node/audit-worker.ts',
    'extract-worker': 'src/node/extract-worker.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // React's production build (the development one checks props and is twice the size).
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    // Bundled CommonJS dependencies call require() for Node built-ins.
    js: "import { createRequire as __oitCreateRequire } from 'node:module'; const require = __oitCreateRequire(import.meta.url);",
  },
  jsx: 'automatic',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  plugins: [packsFromDisk],
  logLevel: 'warning',
});
// The PDF reader's code with pdf.js, as one CommonJS file: the PDF worker runs it with V8's code
// cache (src/node/code-cache.mjs), which Node 20 offers for scripts, not ES modules.
const pdfRead = await build({
  absWorkingDir: root,
  entryPoints: { 'pdf-read': 'src/node/pdf-read.cjs' },
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.cjs' },
  metafile: true,
  logLevel: 'warning',
});
// The list of source files lets the bin notice, in a development checkout, that a source is
// newer than the build and run the sources instead of a stale build.
const inputs = [
  ...new Set([...Object.keys(result.metafile.inputs), ...Object.keys(pdfRead.metafile.inputs)]),
].map((p) => relative(root, join(root, p)));
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
