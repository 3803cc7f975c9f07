// Reads the text layer of a PDF inside a worker thread (see pdf-text.ts, issue 12): pdf.js runs
// here so that a hostile file (thousands of pages, a compression bomb) can only exhaust this
// worker's memory or time, never the audit. Plain JavaScript so that a worker starts without a
// TypeScript loader. pdf.js warnings are swallowed: under -q nothing may be printed.
import { parentPort, workerData } from 'node:worker_threads';

for (const method of ['log', 'info', 'warn', 'error', 'debug']) console[method] = () => {};

const { bytes, maxPages } = workerData;
const { getDocumentProxy } = await import('unpdf');
// verbosity 0: errors only (pdf.js prints warnings about every damaged object otherwise).
const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
const pages = pdf.numPages;
const read = Math.min(pages, maxPages);
const texts = [];
for (let n = 1; n <= read; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  texts.push(
    content.items
      .filter((item) => item.str != null)
      .map((item) => item.str + (item.hasEOL ? '\n' : ''))
      .join(''),
  );
  page.cleanup();
}
// The same as unpdf's extractText({ mergePages: false }) joined by lines, as the main-thread reader did.
const text = texts.join('\n');
parentPort.postMessage({ text, pageTexts: texts, pages, pagesRead: read });
await pdf.destroy().catch(() => {});
