import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFeatures } from '../../../src/core/extract/snapshot';
import type { PageLink, PageSnapshot } from '../../../src/core/extract/types';
import { StringReceiver, StringSender } from '../../../src/node/snapshot-wire';

function snapshot(url: string, links: PageLink[]): PageSnapshot {
  return {
    url,
    finalUrl: url,
    status: 200,
    depth: 1,
    contentType: 'text/html',
    charset: 'utf-8',
    title: 'หน้า',
    headings: [],
    text: '',
    textLength: 0,
    links,
    features: emptyFeatures(),
    years: [],
    yearRanges: [],
    elements: [],
    underConstruction: false,
    truncated: false,
  };
}

// Few distinct strings, so pages share them as menus do.
const text = fc.constantFrom(
  '',
  'หน้าแรก',
  'โครงสร้าง',
  'O1 โครงสร้าง',
  'ข่าว ๑',
  'x'.repeat(300),
  'https://a.go.th/',
);
const link: fc.Arbitrary<PageLink> = fc
  .record({
    url: fc.oneof(text, fc.webUrl()),
    text,
    context: text,
    section: text,
    documentType: fc.constantFrom(null, 'pdf', 'docx'),
    imageOnly: fc.boolean(),
    chrome: fc.boolean(),
  })
  .map(({ chrome, ...l }) => (chrome ? { ...l, chrome: true } : l) as PageLink);

describe('snapshot wire: links by string number between a page thread and its pool', () => {
  for (const maxStrings of [50_000, 5]) {
    it(`gives back every page's links as they were, in order (numbering restarted past ${maxStrings} strings)`, () => {
      fc.assert(
        fc.property(fc.array(fc.array(link, { maxLength: 30 }), { maxLength: 20 }), (pages) => {
          const sender = new StringSender(maxStrings);
          const receiver = new StringReceiver();
          let sent = 0;
          pages.forEach((links, i) => {
            const original = snapshot(`http://127.0.0.1/${i}`, links);
            const expected = structuredClone(original);
            const wire = structuredClone(sender.encode(original));
            sent += wire.strings.length;
            const back = receiver.decode(wire);
            expect(back).toStrictEqual(expected);
            expect(JSON.stringify(back)).toBe(JSON.stringify(expected));
          });
          // Each distinct string crosses once per numbering.
          const distinct = new Set(
            pages.flat().flatMap((l) => [l.url, l.text, l.context, l.section, l.documentType ?? '']),
          );
          if (maxStrings > 1000) expect(sent).toBeLessThanOrEqual(distinct.size);
        }),
        { numRuns: 200 },
      );
    });
  }
});
