/**
 * Bytes → string with the charset a browser would pick: BOM, then the Content-Type header,
 * then <meta charset>/<meta http-equiv>, then UTF-8; invalid UTF-8 that looks like Thai
 * single-byte text falls back to windows-874 (legacy TIS-620 pages often declare nothing).
 */

/** Labels TextDecoder rejects on Node 20 or that legacy Thai pages use (toolchain.md §7). */
const labelAliases: Record<string, string> = {
  'tis-620': 'windows-874',
  tis620: 'windows-874',
  'iso-8859-11': 'windows-874',
  iso885911: 'windows-874',
  'iso8859-11': 'windows-874',
  cp874: 'windows-874',
  'x-windows-874': 'windows-874',
  'dos-874': 'windows-874',
  'windows-874': 'windows-874',
  ms874: 'windows-874',
  utf8: 'utf-8',
};

/** Labels seen so far → canonical name (or null): a site declares the same one on every page. */
const canonicalByLabel = new Map<string, string | null>();

/** Maps a declared charset label to one TextDecoder accepts, or null when unusable. */
export function canonicalCharset(label: string | undefined | null): string | null {
  if (!label) return null;
  const known = canonicalByLabel.get(label);
  if (known !== undefined) return known;
  const clean = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const mapped = labelAliases[clean] ?? clean;
  let canonical: string | null;
  try {
    canonical = decoderFor(mapped).encoding;
  } catch {
    canonical = null;
  }
  if (canonicalByLabel.size < 200) canonicalByLabel.set(label, canonical);
  return canonical;
}

/**
 * One decoder per encoding, reused for every page: making one (an ICU converter for
 * windows-874) costs more than decoding a page. `decode` without `stream` keeps no state.
 */
const decoders = new Map<string, TextDecoder>();
function decoderFor(charset: string): TextDecoder {
  let d = decoders.get(charset);
  if (!d) {
    d = new TextDecoder(charset);
    decoders.set(d.encoding, d);
    decoders.set(charset, d);
  }
  return d;
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * A faster reader of valid UTF-8 that a shell may lend (Node's is in src/node/fast-utf8.ts).
 * For bytes `isUtf8` accepts, `decode` must give exactly what TextDecoder gives; bytes it
 * rejects still go through TextDecoder, whose replacement of bad sequences is the standard.
 */
export interface Utf8Reader {
  isUtf8(bytes: Uint8Array): boolean;
  decode(bytes: Uint8Array): string;
}
let utf8Reader: Utf8Reader | null = null;

/** Lends (or, with null, takes back) the faster UTF-8 reader every later decode uses. */
export function lendUtf8Reader(reader: Utf8Reader | null): void {
  utf8Reader = reader;
}

/** Valid UTF-8 → its text, or null for bytes that are not valid UTF-8. */
function strictUtf8Decode(bytes: Uint8Array): string | null {
  if (utf8Reader) return utf8Reader.isUtf8(bytes) ? utf8Reader.decode(bytes) : null;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Bytes in `charset`; UTF-8 through the lent reader when it is valid. */
function decodeAs(charset: string, bytes: Uint8Array): string {
  if (charset === 'utf-8' && utf8Reader?.isUtf8(bytes)) return utf8Reader.decode(bytes);
  return decoderFor(charset).decode(bytes);
}

function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const match = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return canonicalCharset(match?.[1]);
}

function charsetFromBom(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** Looks for a charset declaration in the first 4 KiB, read as Latin-1 (ASCII-safe). */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = latin1.decode(bytes.subarray(0, 4096));
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return canonicalCharset(direct?.[1]);
}

/** True when invalid UTF-8 looks like windows-874 Thai: many bytes in the Thai range. */
function looksLikeWindows874(bytes: Uint8Array): boolean {
  let thai = 0;
  let high = 0;
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) {
      high++;
      if (b >= 0xa1 && b <= 0xfb) thai++;
    }
  }
  return high > 0 && thai / high > 0.8;
}

export interface DecodedText {
  text: string;
  /** The encoding used, as TextDecoder names it (e.g. "utf-8", "windows-874"). */
  charset: string;
  /** How it was chosen. */
  source: 'bom' | 'header' | 'meta' | 'sniffed' | 'default';
}

/** Decodes a response body. Never throws: unknown labels fall through to the next source. */
export function decodeBody(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = charsetFromBom(bytes);
  if (bom)
    return { text: decodeAs(bom.charset, bytes.subarray(bom.skip)), charset: bom.charset, source: 'bom' };
  const header = charsetFromContentType(contentType);
  if (header) return { text: decodeAs(header, bytes), charset: header, source: 'header' };
  const meta = charsetFromMeta(bytes);
  if (meta) return { text: decodeAs(meta, bytes), charset: meta, source: 'meta' };
  const utf8 = strictUtf8Decode(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', source: 'default' };
  if (looksLikeWindows874(bytes)) {
    return { text: decoderFor('windows-874').decode(bytes), charset: 'windows-874', source: 'sniffed' };
  }
  return { text: decoderFor('utf-8').decode(bytes), charset: 'utf-8', source: 'default' };
}
