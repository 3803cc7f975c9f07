import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentScanner } from '../../../../src/core/content/scanner';
import { extractionPack } from '../../../../src/core/extract/extraction-pack';
import { allRulePacks } from '../../../../src/core/rules/registry';
import { matchKey } from '../../../../src/core/thai/normalise';
import { captureDir } from '../../../helpers/capture-extract';
import { ReferenceContentScanner } from './reference/scanner';

// The content scan was made cheaper (issue 11 §3); it must make exactly the digests the scanner
// as it was makes (reference/scanner.ts, a frozen copy): same hits in the same order, same
// phrases, snippets and offsets, same report markers.

const packs = allRulePacks();
const merged = extractionPack(packs);
const scanners = [
  {
    name: 'auto (every bundled pack)',
    reference: new ReferenceContentScanner(merged),
    now: new ContentScanner(merged),
  },
  ...packs
    .filter((p) => p.items.some((i) => i.content))
    .map((p) => ({ name: p.id, reference: new ReferenceContentScanner(p), now: new ContentScanner(p) })),
];

describe('content scanner: the same digests as the reference scanner', () => {
  it('on every HTML page of the test sites, through the real extraction pipeline', () => {
    const pages = captureDir(join(import.meta.dirname, '../../../sites'));
    expect(pages.length).toBeGreaterThan(200);
    let hits = 0;
    for (const s of scanners) {
      for (const page of pages) {
        const want = s.reference.scan(page.zones, page.extra);
        hits += want.hits.length;
        expect(s.now.scan(page.zones, page.extra), `${s.name}: ${page.file}`).toEqual(want);
        // Documents: the whole text as the body, its start as the head.
        const doc = { head: page.lower.slice(0, 300), body: page.lower };
        expect(s.now.scan(doc), `${s.name}: ${page.file} (as a document)`).toEqual(s.reference.scan(doc));
      }
    }
    expect(hits).toBeGreaterThan(pages.length);
  });

  // Phrases of the packs as written (spaces, case), pieces of them, Thai vowels and marks that
  // make a phrase cut a syllable, whitespace of every kind, a letter whose lower case is longer
  // (positions then come from the raw text), and bodies past the 10,000 characters read.
  const phrases = [
    ...new Set(
      merged.items.flatMap((i) =>
        i.content ? [...i.content.concepts, ...i.content.negative].flatMap((c) => c.anyOf) : [],
      ),
    ),
    ...(merged.reportMarkers ?? []),
  ];
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...phrases) },
    { weight: 1, arbitrary: fc.constantFrom(...phrases).map((p) => p.slice(0, Math.ceil(p.length / 2))) },
    { weight: 1, arbitrary: fc.constantFrom(...phrases).map((p) => p.toUpperCase().split('').join(' ')) },
    {
      weight: 2,
      arbitrary: fc.string({
        unit: fc.constantFrom(...'ิีัุ่้ะาเแโไใกขนผลรยงมสอ \n\t\rABCabcİẞ0123456789'),
        maxLength: 12,
      }),
    },
  );
  const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

  it('on random and adversarial texts', () => {
    const auto = scanners[0] as (typeof scanners)[number];
    fc.assert(
      fc.property(text, text, (head, body) => {
        expect(auto.now.scan({ head, body })).toEqual(auto.reference.scan({ head, body }));
      }),
      { numRuns: 3000, seed: 2566 },
    );
  });

  it('on long bodies with phrases around the 10,000th character', () => {
    const p = matchKey(phrases[0] as string);
    for (const s of scanners)
      for (const at of [9_990, 9_995, 9_998, 10_000 - p.length, 10_000 - p.length + 1, 10_001]) {
        for (const pad of ['ก', ' ', 'ก ']) {
          const body = `${pad.repeat(Math.ceil(at / pad.length)).slice(0, at)}${phrases[0]} ${phrases[1]} รายงานผลการดำเนินงาน`;
          expect(s.now.scan({ head: '', body }), `${s.name}: at ${at}`).toEqual(
            s.reference.scan({ head: '', body }),
          );
        }
      }
  });
});
