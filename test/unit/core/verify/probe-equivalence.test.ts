import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFeatures } from '../../../../src/core/extract/page-walk';
import { extractionPack } from '../../../../src/core/extract/extraction-pack';
import { extractionSetup } from '../../../../src/core/extract/page-extractor';
import type { PageFeatures } from '../../../../src/core/extract/types';
import { allRulePacks } from '../../../../src/core/rules/registry';
import { compileElementProbes } from '../../../../src/core/verify/elements';
import { captureDir } from '../../../helpers/capture-extract';
import { compileReferenceProbes, type ElementProbe, referenceElements } from './reference/elements';

// The element probes were made cheaper (issue 11 §3); they must find exactly what the probes
// as they were find (reference/elements.ts, a frozen copy), page for page.

const packs = allRulePacks();
const elementsNow = (probes: readonly ElementProbe[], lower: string, features: PageFeatures) =>
  probes.filter((p) => p.test(lower, features)).map((p) => p.key);

const sets: { name: string; reference: ElementProbe[]; now: ElementProbe[] }[] = [
  {
    name: 'auto (every bundled pack)',
    reference: compileReferenceProbes(extractionPack(packs)),
    now: extractionSetup({ rules: 'bundled' }).probes,
  },
  ...packs.map((p) => ({ name: p.id, reference: compileReferenceProbes(p), now: compileElementProbes(p) })),
];

describe('element probes: the same keys as the reference probes', () => {
  it('on every HTML page of the test sites, through the real extraction pipeline', () => {
    const pages = captureDir(join(import.meta.dirname, '../../../sites'));
    expect(pages.length).toBeGreaterThan(200);
    let found = 0;
    for (const set of sets) {
      for (const page of pages) {
        const want = referenceElements(set.reference, page.lower, page.features);
        found += want.length;
        expect(elementsNow(set.now, page.lower, page.features), `${set.name}: ${page.file}`).toEqual(want);
        // Documents are probed with no features: every text pattern is asked then.
        const none = emptyFeatures();
        expect(elementsNow(set.now, page.lower, none), `${set.name}: ${page.file} (as a document)`).toEqual(
          referenceElements(set.reference, page.lower, none),
        );
      }
    }
    // The corpus exercises the probes: most keys are found somewhere, not all everywhere.
    expect(found).toBeGreaterThan(pages.length);
  });

  // Pieces that sit at the edges of the patterns: keywords with and without a postal code,
  // gaps around the 120- and 160-character limits, newlines, phone and fax spellings, e-mail
  // addresses cut at their edges, titles before names (and the words they must not take).
  const pieces = [
    'ที่อยู่',
    'ที่ตั้ง',
    'เลขที่',
    'ถนน',
    'ถ.',
    'ตำบล',
    'ต.',
    'แขวง',
    'อำเภอ',
    'อ.',
    'เขต',
    'จังหวัด',
    'จ.',
    'กรุงเทพ',
    'กทม',
    'address',
    '10400',
    '1040',
    '123456',
    '5',
    '0',
    '02',
    '+66',
    '+ 66',
    '(0',
    '(',
    '-',
    'โทรสาร',
    'แฟกซ์',
    'แฟ็กซ์',
    'fax',
    'โทรศัพท์',
    'โทร',
    'โทร.',
    'tel',
    'tel.',
    'phone',
    '/',
    ',',
    ':',
    '.',
    'a',
    'x.y',
    '@',
    'example',
    '.com',
    '.c',
    'co.th',
    '%',
    '+',
    '_',
    'saraban',
    'นาย',
    'นาง',
    'นางสาว',
    'นางฟ้า',
    'นายก',
    'นายกเทศมนตรี',
    'นายอำเภอ',
    'ดร.',
    'ผศ.',
    'พล.ต.อ.',
    'ร้อยตำรวจเอก',
    'ว่าที่ ร.ต.',
    'สมชาย',
    'ใจดี',
    'เก่ง',
    'mr.',
    'mrs.',
    'john',
    'smith',
    'ผู้อำนวยการ',
    'รอง',
    'รองผู้อำนวยการ',
    'ผู้ช่วย',
    'ผู้ช่วยผู้อำนวยการ',
    'director',
    'deputy',
    'vice president',
    'assistant director',
    'site map',
    'sitemap',
    'map',
    'maps',
    'แผนที่',
    'แผนที่เว็บไซต์',
    'google maps',
    'goo.gl/maps',
    'ม.ค.',
    'ต.ค. 66',
    'มกราคม',
    'january',
    'สิงหาคม 2566',
    ' ',
    ' ',
    '\n',
    '\t',
  ];
  const filler = fc.oneof(
    fc.integer({ min: 1, max: 170 }).map((n) => 'ก'.repeat(n)),
    fc.integer({ min: 110, max: 130 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: 1, max: 12 }).map((n) => ' '.repeat(n)),
    fc.string({
      unit: fc.constantFrom(...'กขคนมยรลวสอะาิีุู่้เแโ0123456789 .:-@()/abcdefmnprstxy\n'),
      maxLength: 40,
    }),
  );
  const text = fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: filler }), {
      maxLength: 40,
    })
    .map((parts) => parts.join(''));
  const features = fc.record({
    form: fc.boolean(),
    passwordForm: fc.boolean(),
    map: fc.boolean(),
    emailLink: fc.boolean(),
    telLink: fc.boolean(),
    image: fc.boolean(),
    iframe: fc.boolean(),
  });

  it('on random and adversarial texts', () => {
    const auto = sets[0] as (typeof sets)[number];
    fc.assert(
      fc.property(text, features, (t, f) => {
        expect(elementsNow(auto.now, t, f)).toEqual(referenceElements(auto.reference, t, f));
      }),
      { numRuns: 3000, seed: 1162 },
    );
    // The same texts one after another through one probe set, as the extractor runs them.
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (texts) => {
        for (const t of texts) {
          const f = emptyFeatures();
          expect(elementsNow(auto.now, t, f)).toEqual(referenceElements(auto.reference, t, f));
        }
      }),
      { numRuns: 300, seed: 2562 },
    );
  });

  it('on hand-made texts at the limits of the address, fax and e-mail patterns', () => {
    const gap = (n: number) => 'ก'.repeat(n);
    const texts = [
      `ที่อยู่${gap(120)}10400`,
      `ที่อยู่${gap(121)}10400`,
      `จ.${gap(119)} 10400`,
      `ถนน${gap(60)}\n${gap(10)}10400`,
      `address${gap(160)}12345`,
      `address${gap(161)}12345`,
      'โทรสาร        :        (0 2',
      'โทรสาร         : 0 2',
      'fax+ 66-2',
      'โทร./โทรสาร 02 123',
      `${'a'.repeat(64)}@example.com`,
      `${'a'.repeat(65)}@example.com`,
      '-@example.com',
      'x@example.c',
      'นางฟ้า สมใจ ใจดี',
      'นายกเทศมนตรี สมชาย ใจดี',
      'นาย สมชาย ใจดี',
      'รองนายก สมชาย',
      'site map',
      'sitemap และ map',
    ];
    const f = emptyFeatures();
    for (const set of sets)
      for (const t of texts)
        expect(elementsNow(set.now, t, f), `${set.name}: ${t}`).toEqual(
          referenceElements(set.reference, t, f),
        );
  });
});
