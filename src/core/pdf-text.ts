import type { DocumentText } from './types';

/**
 * Reads the text layer of a PDF with unpdf (pdf.js), in Node and in the extension's service
 * worker alike (no DOM needed). A scanned PDF gives empty text.
 * pdf.js is loaded on the first PDF only: most audits read a handful, and it weighs tens of MB.
 */
export async function readPdfText(bytes: Uint8Array): Promise<DocumentText> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    return { text: text.join('\n'), pages: totalPages, pageTexts: text };
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
