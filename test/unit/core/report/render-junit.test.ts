import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJunit, xmlSafe } from '../../../../src/core/report/render-junit';
import { fixtureReport, pack } from './report-fixture';

/** Parses JUnit XML with htmlparser2 in XML mode (through cheerio). */
function parseXml(xml: string) {
  return load(xml, { xml: { xmlMode: true, decodeEntities: true } });
}

describe('renderJunit', () => {
  const report = fixtureReport({
    O5: {
      outcome: 'fail',
      problems: [
        {
          code: 'missing-element',
          detail: 'ขาด: แผนที่ <map> & "pin"',
          url: 'http://agency.test/contact?a=1&b=2',
        },
      ],
    },
    O20: { outcome: 'review', problems: [{ code: 'no-text-layer', detail: 'ภาพสแกน\nตรวจด้วยตา' }] },
    O24: { outcome: 'error', problems: [{ code: 'check-error', detail: 'timeout \u0007 bell' }] },
    O30: { outcome: 'na', problems: [] },
  });
  const $ = parseXml(renderJunit(report, pack, 'th'));

  it('has 48 testcases in one testsuite per sub-indicator, with counts', () => {
    expect($('testcase')).toHaveLength(48);
    expect($('testsuite')).toHaveLength(7);
    const root = $('testsuites');
    expect(root.attr('tests')).toBe('48');
    expect(root.attr('failures')).toBe('1');
    expect(root.attr('errors')).toBe('1');
    expect(root.attr('skipped')).toBe('2');
    expect($('testsuite[name^="9.1 "]').attr('tests')).toBe('9');
  });

  it('maps fail → failure, review → skipped with the reason, error → error', () => {
    const byName = (id: string) =>
      $('testcase').filter((_, el) => ($(el).attr('name') ?? '').startsWith(`${id} `));
    const o5 = byName('O5').find('failure');
    expect(o5).toHaveLength(1);
    expect(o5.attr('type')).toBe('missing-element');
    expect(o5.attr('message')).toContain('ขาด: แผนที่ <map> & "pin"');
    expect(o5.text()).toContain('http://agency.test/contact?a=1&b=2');
    const o20 = byName('O20').find('skipped');
    expect(o20.attr('message')).toBe('ต้องตรวจสอบ: เอกสารเป็นภาพสแกน อ่านข้อความไม่ได้: ภาพสแกน\nตรวจด้วยตา');
    expect(byName('O24').find('error').attr('message')).toContain('timeout  bell');
    expect(byName('O30').find('skipped')).toHaveLength(1);
    expect(byName('O1').children('failure,error,skipped')).toHaveLength(0);
    expect(byName('O1').find('system-out').text()).toContain('http://agency.test/about/structure.html');
  });

  it('stays well-formed for any text the site puts in a problem', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (detail) => {
        const r = fixtureReport({ O7: { outcome: 'fail', problems: [{ code: 'not-found', detail }] } });
        const x = parseXml(renderJunit(r, pack, 'en'));
        expect(x('testcase')).toHaveLength(48);
        const message = x('failure').attr('message') ?? '';
        // What XML can carry survives exactly (controls and lone surrogates are dropped).
        const safe = xmlSafe(detail);
        expect(message.endsWith(safe)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
