import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRulePacks } from '../../../../src/core/rules/registry';
import { triggerOf } from '../../../../src/core/verify/pattern-triggers';

/** Every place a match of `source` starts in `text`, and where it ends. */
function matches(source: string, text: string): { start: number; end: number }[] {
  const re = new RegExp(source, 'uy');
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i <= text.length; i++) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) out.push({ start: i, end: i + m[0].length });
  }
  return out;
}

const packPatterns = [
  ...new Set(
    allRulePacks().flatMap((p) =>
      p.items.flatMap((i) =>
        i.requiredElements.flatMap((e) => e.anyOf.flatMap((m) => ('text' in m ? [m.text] : []))),
      ),
    ),
  ),
];

describe('triggerOf: literals every match of a pattern holds', () => {
  it('finds a trigger for every text pattern of the bundled packs', () => {
    expect(packPatterns.length).toBeGreaterThan(10);
    for (const p of packPatterns) expect(triggerOf(p), p).not.toBeNull();
    // The address pattern starts with one of its keywords; the e-mail pattern holds an "@"
    // at most 64 characters (of up to two units) after it starts.
    const address = packPatterns.find((p) => p.startsWith('(?:ที่อยู่'));
    expect(triggerOf(address as string)?.literals).toContain('ที่อยู่');
    expect(triggerOf(address as string)?.maxBefore).toBe(0);
    const email = packPatterns.find((p) => p.includes('@'));
    expect(triggerOf(email as string)).toEqual({ literals: ['@'], maxBefore: 128 });
  });

  it('gives none when a match need hold no literal', () => {
    for (const p of ['[a-z]+', '.{2}x?', '(?:abc)?', 'a|[^b]', '\\s*', '(a)\\1'])
      expect(triggerOf(p), p).toBeNull();
  });

  const texts = fc
    .array(
      fc.constantFrom(
        'ที่อยู่',
        'ต.',
        'จ.',
        '10400',
        '1234',
        'ก',
        'ข',
        ' ',
        '\n',
        '@',
        'a.b',
        'x',
        'co.th',
        'นาย',
        'นางฟ้า',
        'สมชาย',
        'ใจดี',
        'ดร.',
        'พล.ต.',
        'โทรสาร',
        'fax',
        '0',
        '+66',
        '(',
        'map',
        'site',
        'ม.ค.',
        '66',
        'mr.',
      ),
      { maxLength: 30 },
    )
    .map((a) => a.join(''));

  it('every match of every pack pattern has a trigger literal where the trigger says', () => {
    const triggers = packPatterns.map((p) => [p, triggerOf(p)] as const);
    let seen = 0;
    fc.assert(
      fc.property(texts, (text) => {
        for (const [p, t] of triggers) {
          if (!t) continue;
          for (const m of matches(p, text)) {
            seen++;
            const ok = t.literals.some((lit) => {
              for (let at = m.start; at <= m.start + t.maxBefore; at++)
                if (text.startsWith(lit, at)) return true;
              return false;
            });
            expect(ok, `${p} at ${m.start} in ${JSON.stringify(text)}`).toBe(true);
          }
        }
      }),
      { numRuns: 1500, seed: 11 },
    );
    expect(seen).toBeGreaterThan(100);
  });
});
