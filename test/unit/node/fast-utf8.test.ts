import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeBody, lendUtf8Reader } from '../../../src/core/extract/decode';
import { nodeUtf8Reader, lendNodeUtf8Reader } from '../../../src/node/fast-utf8';
import { createNodeEnv } from '../../../src/node/node-env';

const standard = new TextDecoder('utf-8');
const strict = new TextDecoder('utf-8', { fatal: true });
const encode = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

afterEach(() => {
  lendUtf8Reader(null);
  vi.restoreAllMocks();
});

describe('nodeUtf8Reader', () => {
  it('reads any valid UTF-8 exactly as TextDecoder does, leading byte-order marks included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 0, max: 2 }),
        (text, boms) => {
          const bytes = Uint8Array.from([
            ...Array.from({ length: boms * 3 }, (_, i) => BOM[i % 3] as number),
            ...encode(text),
          ]);
          expect(nodeUtf8Reader.isUtf8(bytes)).toBe(true);
          expect(nodeUtf8Reader.decode(bytes)).toBe(standard.decode(bytes));
        },
      ),
      { numRuns: 500 },
    );
  });
  it('accepts exactly the bytes a strict TextDecoder accepts', () => {
    const strictOk = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Mostly Thai lead and continuation bytes, so that valid and broken sequences both come up.
    const byte = fc.oneof(
      fc.constantFrom(0xe0, 0xb8, 0xb9, 0x81, 0xa1, 0x80, 0xbf, 0xc0, 0xed, 0xf0, 0xf4, 0xff),
      fc.integer({ min: 0, max: 255 }),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), (list) => {
        const bytes = Uint8Array.from(list);
        expect(nodeUtf8Reader.isUtf8(bytes)).toBe(strictOk(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decodeBody with the Node reader lent', () => {
  it('gives what TextDecoder gives for any bytes and any declared charset', () => {
    const thai = [...encode('หน่วยงาน ปีงบประมาณ พ.ศ. ๒๕๖๘')];
    const body = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }).map(encode),
      fc
        .array(
          fc.oneof(fc.constantFrom(...thai, ...BOM, 0xff, 0xa1, 0xc3), fc.integer({ min: 0, max: 255 })),
          { maxLength: 120 },
        )
        .map((l) => Uint8Array.from(l)),
    );
    const type = fc.constantFrom(
      undefined,
      'text/html',
      'text/html; charset=utf-8',
      'text/html; charset=UTF8',
      'text/html; charset=tis-620',
      'text/html; charset=bogus',
    );
    fc.assert(
      fc.property(body, type, (bytes, contentType) => {
        lendUtf8Reader(null);
        const expected = decodeBody(bytes, contentType);
        lendNodeUtf8Reader();
        expect(decodeBody(bytes, contentType)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });
  it('reads valid UTF-8 with the lent reader and leaves the rest to TextDecoder', () => {
    lendNodeUtf8Reader();
    const decode = vi.spyOn(nodeUtf8Reader, 'decode');
    expect(decodeBody(encode('<p>โครงสร้างองค์กร</p>'), 'text/html; charset=utf-8').text).toBe(
      '<p>โครงสร้างองค์กร</p>',
    );
    expect(decodeBody(encode('<p>แผนการจัดซื้อจัดจ้าง</p>')).source).toBe('default');
    expect(decode).toHaveBeenCalledTimes(2);
    // Broken UTF-8 declared as UTF-8: the standard's replacement characters, not the reader.
    expect(decodeBody(Uint8Array.of(0x3c, 0xe0, 0xb8, 0x3e), 'text/html; charset=utf-8').text).toBe(
      '<\uFFFD>',
    );
    expect(decode).toHaveBeenCalledTimes(2);
  });
  it('is lent by the Node environment', () => {
    createNodeEnv({ extractWorkers: 0 });
    const decode = vi.spyOn(nodeUtf8Reader, 'decode');
    decodeBody(encode('ประกาศ'));
    expect(decode).toHaveBeenCalledTimes(1);
  });
});
