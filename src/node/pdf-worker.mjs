// Reads the text layer of PDFs inside a worker thread (see pdf-text.ts, issue 12): pdf.js runs
// here so that a hostile file (thousands of pages, a compression bomb) can only exhaust this
// worker's memory or time, never the audit. The worker stays up between files (pdf.js loads
// once); the main thread ends it when a read goes past a limit. Plain JavaScript so that a
// worker starts without a TypeScript loader. pdf.js output is swallowed: -q prints nothing.
import { parentPort } from 'node:worker_threads';

for (const method of ['log', 'info', 'warn', 'error', 'debug']) console[method] = () => {};

const { getDocumentProxy } = await import('unpdf');

async function read(bytes, maxPages) {
  // verbosity 0: errors only (pdf.js warns about every damaged object otherwise).
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const pages = pdf.numPages;
    const pagesRead = Math.min(pages, maxPages);
    const pageTexts = [];
    for (let n = 1; n <= pagesRead; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      // The same text per page as unpdf's extractText({ mergePages: false }).
      pageTexts.push(
        content.items
          .filter((item) => item.str != null)
          .map((item) => item.str + (item.hasEOL ? '\n' : ''))
          .join(''),
      );
      page.cleanup();
    }
    return { text: pageTexts.join('\n'), pageTexts, pages, pagesRead };
  } finally {
    await pdf.destroy().catch(() => {});
  }
}

parentPort.on('message', async ({ id, bytes, maxPages }) => {
  try {
    parentPort.postMessage({ id, ok: true, ...(await read(bytes, maxPages)) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort.postMessage({ ready: true });
