import type { DocumentText } from '../core/types';

/**
 * Reads the text of a DOCX in the service worker with mammoth's browser build (the same
 * library as the CLI's `src/node/office-text.ts`, given an ArrayBuffer instead of a Node
 * Buffer), so document items read the same in the panel and the CLI.
 */
export async function readOfficeText(bytes: Uint8Array, _type: 'docx'): Promise<DocumentText> {
  const mammoth = await import('mammoth');
  const copy = new Uint8Array(bytes);
  const { value } = await mammoth.extractRawText({ arrayBuffer: copy.buffer });
  return { text: value, pages: 1 };
}
