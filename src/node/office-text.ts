import type { DocumentText } from '../core/types';

/**
 * Reads the text of a DOCX with mammoth (loaded on the first DOCX only). Old binary .doc files
 * have no well-kept reader on npm; they stay `review` (a person opens them).
 */
export async function readOfficeText(bytes: Uint8Array, _type: 'docx'): Promise<DocumentText> {
  // mammoth is CommonJS: a bundled (code-split) build exposes it only as `default`.
  const imported = await import('mammoth');
  const mammoth = imported.default ?? imported;
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return { text: value, pages: 1 };
}
