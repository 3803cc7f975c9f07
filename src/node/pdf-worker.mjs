// Reads the text layer of PDFs inside a worker thread (see pdf-text.ts, issue 12): pdf.js runs
// here so that a hostile file (thousands of pages, a compression bomb) can only exhaust this
// worker's memory or time, never the audit. The worker stays up between files (pdf.js loads
// once); the main thread ends it when a read goes past a limit. Plain JavaScript so that a
// worker starts without a TypeScript loader. pdf.js output is swallowed: -q prints nothing.
//
// pdf.js is about 2 MB of code, and the first read compiles what it runs: V8's code cache
// (code-cache.mjs) keeps that compiled code between audits. The first read's answer comes about
// a fifth sooner (155 against 193 ms from the worker's start, on its own; issue 11: every audit
// of a site with PDFs waits for it).
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { requireWithCodeCache } from './code-cache.mjs';

for (const method of ['log', 'info', 'warn', 'error', 'debug']) console[method] = () => {};

// Beside this file: src/node/pdf-read.cjs in the sources, the bundle with pdf.js in the build.
const reader = requireWithCodeCache(fileURLToPath(new URL('./pdf-read.cjs', import.meta.url)));
const { read } = reader.exports;

parentPort.on('message', async ({ id, bytes, maxPages }) => {
  try {
    parentPort.postMessage({ id, ok: true, ...(await read(new Uint8Array(bytes), maxPages)) });
    // After the answer: the code this first read compiled goes into the cache (once).
    reader.save();
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort.postMessage({ ready: true, codeCache: reader.cache });
