import { describe, expect, it } from 'vitest';
import { canonicalCharset, decodeBody } from '../../../../src/core/extract/decode';

// "โครงสร้างองค์กร" in windows-874 (TIS-620): Thai letters are U+0E01..U+0E5B → 0xA1..0xFB.
function win874(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      return code >= 0x0e01 && code <= 0x0e5b ? code - 0x0e01 + 0xa1 : code;
    }),
  );
}

describe('decodeBody', () => {
  const thai = 'โครงสร้างองค์กร';
  it('maps the legacy Thai labels to windows-874', () => {
    for (const label of ['tis-620', 'TIS620', 'iso-8859-11', 'cp874', 'x-windows-874', '"windows-874"']) {
      expect(canonicalCharset(label), label).toBe('windows-874');
    }
    expect(canonicalCharset('no-such-charset')).toBeNull();
  });
  it('uses the Content-Type charset', () => {
    const out = decodeBody(win874(`<p>${thai}</p>`), 'text/html; charset=tis-620');
    expect(out).toMatchObject({ charset: 'windows-874', source: 'header' });
    expect(out.text).toContain(thai);
  });
  it('uses <meta http-equiv> when the header has no charset', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620"></head><body>${thai}</body></html>`;
    const out = decodeBody(win874(html), 'text/html');
    expect(out).toMatchObject({ charset: 'windows-874', source: 'meta' });
    expect(out.text).toContain(thai);
  });
  it('sniffs undeclared windows-874 instead of producing mojibake', () => {
    const out = decodeBody(win874(`<p>${thai} ${thai}</p>`), undefined);
    expect(out.source).toBe('sniffed');
    expect(out.text).toContain(thai);
  });
  it('honours a UTF-8 BOM over a wrong header', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(thai)]);
    expect(decodeBody(bytes, 'text/html; charset=tis-620')).toMatchObject({ text: thai, source: 'bom' });
  });
  it('defaults to UTF-8 and never throws on garbage', () => {
    expect(decodeBody(new TextEncoder().encode(thai)).text).toBe(thai);
    expect(() => decodeBody(new Uint8Array([0xff, 0x00, 0xc3]), 'text/html; charset=bogus')).not.toThrow();
  });
});
