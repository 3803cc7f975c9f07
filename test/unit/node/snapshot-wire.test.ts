import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFeatures } from '../../../src/core/extract/page-walk';
import type { ConceptHit, ContentDigest } from '../../../src/core/content/digest';
import type { PageLink, PageSnapshot } from '../../../src/core/extract/types';
import { StringReceiver, StringSender } from '../../../src/node/snapshot-wire';

function snapshot(url: string, links: PageLink[], content?: ContentDigest): PageSnapshot {
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
    ...(content ? { content } : {}),
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

// Content hits as the scanner makes them: a few keys and phrases, snippets shared by hits.
const hit: fc.Arbitrary<ConceptHit> = fc
  .record({
    key: fc.constantFrom('O1:structure', 'O10!budget', '@report', 'O5:contact'),
    phrase: fc.constantFrom('โครงสร้าง', 'งบประมาณ', 'ติดต่อ'),
    zone: fc.constantFrom('head' as const, 'body' as const),
    snippet: text,
    offset: fc.option(fc.nat(100_000), { nil: undefined }),
  })
  .map(({ offset, ...h }) => (offset === undefined ? h : { ...h, offset }));
const digest: fc.Arbitrary<ContentDigest | undefined> = fc.option(
  fc.record({
    hits: fc.array(hit, { maxLength: 40 }),
    ownChars: fc.nat(5000),
    reportMarkers: fc.nat(3),
    image: fc.boolean(),
  }),
  { nil: undefined },
);

describe('snapshot wire: links and content hits by number between a page thread and its pool', () => {
  for (const maxStrings of [50_000, 5]) {
    it(`gives back every page's links and hits as they were, in order (numbering restarted past ${maxStrings} strings)`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.array(link, { maxLength: 30 }), digest), { maxLength: 20 }),
          (pages) => {
            const sender = new StringSender(maxStrings);
            const receiver = new StringReceiver();
            let sent = 0;
            pages.forEach(([links, content], i) => {
              const original = snapshot(`http://127.0.0.1/${i}`, links, content);
              const expected = structuredClone(original);
              const wire = structuredClone(sender.encode(original));
              sent += wire.strings.length;
              const back = receiver.decode(wire);
              expect(back).toStrictEqual(expected);
              expect(JSON.stringify(back)).toBe(JSON.stringify(expected));
            });
            // Each distinct string crosses once per numbering.
            const distinct = new Set([
              ...pages
                .flatMap(([links]) => links)
                .flatMap((l) => [l.url, l.text, l.context, l.section, l.documentType ?? '']),
              ...pages.flatMap(([, c]) => c?.hits ?? []).flatMap((h) => [h.key, h.phrase]),
            ]);
            if (maxStrings > 1000) expect(sent).toBeLessThanOrEqual(distinct.size);
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});
