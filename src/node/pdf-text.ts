import { extractText, getDocumentProxy } from 'unpdf';
import type { DocumentText } from '../core/types';

/** Reads the text layer of a PDF with unpdf (pdf.js). A scanned PDF gives empty text. */
export async function readPdfText(bytes: Uint8Array): Promise<DocumentText> {
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    return { text, pages: totalPages };
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
