import { describe, expect, it } from 'vitest';
import {
  ENGLISH_MONTH_PATTERN,
  ENGLISH_MONTHS,
  parseMonth,
  THAI_MONTH_PATTERN,
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
} from '../../../../src/core/thai/months';

describe('month tables', () => {
  it('have twelve entries in calendar order', () => {
    expect(THAI_MONTHS).toHaveLength(12);
    expect(THAI_MONTHS[0]).toBe('มกราคม');
    expect(THAI_MONTHS[9]).toBe('ตุลาคม');
    expect(THAI_MONTHS_SHORT[2]).toBe('มี.ค.');
    expect(THAI_MONTHS_SHORT[10]).toBe('พ.ย.');
    expect(ENGLISH_MONTHS[11]).toBe('December');
  });
});

describe('parseMonth', () => {
  it('reads every full and abbreviated Thai and English month', () => {
    for (const list of [THAI_MONTHS, THAI_MONTHS_SHORT, ENGLISH_MONTHS]) {
      for (const [i, name] of list.entries()) expect(parseMonth(name), name).toBe(i + 1);
    }
  });

  it.each([
    ['ต.ค.', 10],
    ['ต.ค', 10],
    ['ตค.', 10],
    ['ตค', 10],
    ['ต. ค.', 10],
    ['มีค', 3],
    ['เม.ย', 4],
    ['กรกฏาคม', 7],
    ['ตุลา', 10],
    ['Oct', 10],
    ['oct.', 10],
    ['SEPT', 9],
    ['sep', 9],
    ['may', 5],
  ])('parses %s as %i', (token, month) => {
    expect(parseMonth(token)).toBe(month);
  });

  it.each(['เดือนตุลาคม', 'ตุลาการ', 'พ.ศ.', 'ค.ศ.', 'Octopus', '', 'O10'])('rejects %s', (token) => {
    expect(parseMonth(token)).toBeUndefined();
  });
});

describe('month patterns', () => {
  const thai = new RegExp(`^(?:${THAI_MONTH_PATTERN})$`);
  const english = new RegExp(`^(?:${ENGLISH_MONTH_PATTERN})$`, 'i');

  it('match the forms parseMonth accepts', () => {
    for (const token of [...THAI_MONTHS, ...THAI_MONTHS_SHORT, 'ต.ค', 'ตค.', 'ตค', 'ต. ค.', 'กรกฏาคม']) {
      expect(thai.test(token), token).toBe(true);
    }
    for (const token of ['March', 'mar', 'Mar.', 'Sept', 'DECEMBER'])
      expect(english.test(token), token).toBe(true);
  });

  it('do not match an undotted abbreviation glued to Thai letters, nor a month inside a Latin word', () => {
    expect(new RegExp(THAI_MONTH_PATTERN).test('ตคม')).toBe(false);
    expect(new RegExp(ENGLISH_MONTH_PATTERN, 'i').test('remark octopus')).toBe(false);
  });
});
