import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseIndex } from '../../../../src/core/content/phrase-index';

/** Every occurrence by brute force, as "value@start", sorted. */
function naive(phrases: string[], text: string): string[] {
  const out: string[] = [];
  phrases.forEach((p, v) => {
    if (!p) return;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${v}@${i}`);
  });
  return out.sort();
}

describe('PhraseIndex', () => {
  it('finds every occurrence of every phrase, overlaps included, in the order they end', () => {
    const index = new PhraseIndex([
      { phrase: 'แผน', value: 'a' },
      { phrase: 'แผนปฏิบัติ', value: 'b' },
      { phrase: 'ปฏิบัติราชการ', value: 'c' },
      { phrase: 'x', value: 'single' },
    ]);
    const hits: string[] = [];
    index.scan('แผนปฏิบัติราชการxแผน', (v, at) => hits.push(`${v}@${at}`));
    expect(hits).toEqual(['a@0', 'b@0', 'c@3', 'single@16', 'a@17']);
  });

  it('of phrases ending at one place, reports the longest first', () => {
    const index = new PhraseIndex([
      { phrase: 'การ', value: 'short' },
      { phrase: 'ราชการ', value: 'long' },
    ]);
    const hits: string[] = [];
    index.scan('ส่วนราชการ', (v) => hits.push(v));
    expect(hits).toEqual(['long', 'short']);
  });

  it('finds nothing in a text without the phrases, and ignores empty phrases', () => {
    const index = new PhraseIndex([
      { phrase: '', value: 1 },
      { phrase: 'รายงาน', value: 2 },
    ]);
    const hits: number[] = [];
    index.scan('ข่าวประชาสัมพันธ์', (v) => hits.push(v));
    index.scan('', (v) => hits.push(v));
    expect(hits).toEqual([]);
  });

  it('agrees with a brute-force search on any phrases and text', () => {
    const alphabet = fc.constantFrom('ก', 'า', 'ร', 'แ', 'ผ', 'น', 'a', 'b');
    const word = fc.array(alphabet, { minLength: 0, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 8 }),
        fc.array(alphabet, { maxLength: 60 }),
        (phrases, chars) => {
          const text = chars.join('');
          const index = new PhraseIndex(phrases.map((phrase, value) => ({ phrase, value })));
          const hits: string[] = [];
          index.scan(text, (v, at) => hits.push(`${v}@${at}`));
          expect(hits.sort()).toEqual(naive(phrases, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports the same hits in the same order from its table as from its trie (an index too large for a table)', () => {
    const alphabet = fc.constantFrom('ก', 'า', 'ร', 'แ', 'ผ', 'น', 'a', 'b');
    const word = fc.array(alphabet, { minLength: 0, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 8 }),
        fc.array(fc.oneof(alphabet, fc.constantFrom('x', ' ', 'ข')), { maxLength: 60 }),
        (phrases, chars) => {
          const text = chars.join('');
          const entries = phrases.map((phrase, value) => ({ phrase, value }));
          const run = (index: PhraseIndex<number>) => {
            const hits: string[] = [];
            index.scan(text, (v, at, phrase) => hits.push(`${v}@${at}:${phrase}`));
            return hits;
          };
          expect(run(new PhraseIndex(entries))).toEqual(run(new PhraseIndex(entries, { maxTable: 0 })));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a text as if its ignored characters were not there, and reports where phrases are in the text', () => {
    const alphabet = fc.constantFrom('ก', 'า', 'ร', 'แ', 'ผ', 'a', ' ', '\n');
    const word = fc
      .array(fc.constantFrom('ก', 'า', 'ร', 'แ', 'ผ', 'a'), { minLength: 1, maxLength: 4 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 6 }),
        fc.array(alphabet, { maxLength: 60 }),
        (phrases, chars) => {
          const text = chars.join('');
          const kept: number[] = [];
          for (const [i, c] of chars.entries()) if (c !== ' ' && c !== '\n') kept.push(i);
          const stripped = kept.map((i) => text[i]).join('');
          const entries = phrases.map((phrase, value) => ({ phrase, value }));
          for (const maxTable of [undefined, 0]) {
            const index = new PhraseIndex(entries, {
              ignore: ' \n',
              ...(maxTable === undefined ? {} : { maxTable }),
            });
            const hits: string[] = [];
            index.scan(text, (v, start, phrase, end) => {
              expect(text[start]).toBe(phrase[0]);
              expect(text[end]).toBe(phrase[phrase.length - 1]);
              hits.push(`${v}@${kept.indexOf(start)}`);
            });
            expect(hits.sort()).toEqual(naive(phrases, stripped));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps to the same hits with more states than a 16-bit table holds (32,768 and up)', () => {
    // 4,000 phrases of 12 letters out of 8: about 40,000 states.
    const letters = 'การแผนab';
    let seed = 7;
    const rand = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed >>> 16;
    };
    const word = (n: number) => Array.from({ length: n }, () => letters[rand() % letters.length]).join('');
    const entries = Array.from({ length: 4000 }, (_, value) => ({ phrase: word(12), value }));
    const text = entries
      .slice(0, 300)
      .map((e) => `${word(3)}${e.phrase.slice(rand() % 4)}`)
      .join('');
    const run = (index: PhraseIndex<number>) => {
      const hits: string[] = [];
      index.scan(text, (v, at) => hits.push(`${v}@${at}`));
      return hits;
    };
    const table = run(new PhraseIndex(entries));
    expect(table.length).toBeGreaterThan(50);
    expect(table).toEqual(run(new PhraseIndex(entries, { maxTable: 0 })));
  });
});
