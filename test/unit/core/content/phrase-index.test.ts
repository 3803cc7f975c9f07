import { describe, expect, it } from 'vitest';
import { PhraseIndex } from '../../../../src/core/content/phrase-index';

describe('PhraseIndex', () => {
  it('finds every occurrence of every phrase, overlaps included, left to right', () => {
    const index = new PhraseIndex([
      { phrase: 'แผน', value: 'a' },
      { phrase: 'แผนปฏิบัติ', value: 'b' },
      { phrase: 'ปฏิบัติราชการ', value: 'c' },
      { phrase: 'x', value: 'single' },
    ]);
    const hits: string[] = [];
    index.scan('แผนปฏิบัติราชการxแผน', (v, at) => hits.push(`${v}@${at}`));
    expect(hits).toEqual(['b@0', 'a@0', 'c@3', 'single@16', 'a@17']);
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
});
