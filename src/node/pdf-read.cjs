// The PDF reader's own work, run by pdf-worker.mjs: the text layer of the first pages of a PDF
// with unpdf (pdf.js). CommonJS so that the worker can run it, and pdf.js bundled with it in the
// CLI's build (dist/cli/pdf-read.cjs), with V8's code cache (code-cache.mjs): Node 20 caches no
// ES module's compiled code.
const { getDocumentProxy } = require('unpdf');

/**
 * @param {Uint8Array} bytes the PDF (pdf.js takes it over)
 * @param {number} maxPages pages read at most
 */
async function read(bytes, maxPages) {
  // verbosity 0: errors only (pdf.js warns about every damaged object otherwise).
  const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
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

module.exports = { read };
