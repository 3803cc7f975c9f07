import { describe, expect, it } from 'vitest';
import { getRulePack } from '../../src/core/rules/registry';
import { formFromSurvey, parseScore, validateSurveyForm } from '../../src/ui/survey-form';

const pack = getRulePack()!;

describe('survey form validation (Thai messages)', () => {
  it('accepts tool scores, including Thai digits', () => {
    const r = validateSurveyForm({ level: 'tool', fields: { iit: '๘๘.๕', eit: '90' } }, pack, 'th');
    expect(r).toEqual({ ok: true, input: { iit: 88.5, eit: 90 } });
  });

  it('rejects empty, non-numeric and out-of-range scores with Thai errors per field', () => {
    const r = validateSurveyForm({ level: 'tool', fields: { iit: '', eit: '101' } }, pack, 'th');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.iit).toBe('กรุณากรอกคะแนน');
    expect(r.errors.eit).toBe('คะแนนต้องอยู่ระหว่าง 0 ถึง 100');
    expect(r.summary).toBe('แก้ไขช่องที่ผิด 2 ช่อง');
    expect(parseScore('abc', 'th').error).toBe('กรอกเป็นตัวเลข เช่น 85.50');
    expect(parseScore('-1', 'th').error).toBeDefined();
    expect(parseScore('1e2', 'th').error).toBeDefined();
    expect(parseScore('100', 'th')).toEqual({ value: 100 });
    expect(parseScore('0', 'en')).toEqual({ value: 0 });
    expect(parseScore('x', 'en').error).toBe('Enter a number such as 85.50');
  });

  it('needs all eight indicators at indicator level', () => {
    const fields = { '1': '90', '2': '90', '3': '90', '4': '90', '5': '90', '6': '80', '7': '80' };
    const r = validateSurveyForm({ level: 'indicator', fields }, pack, 'th');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['8']);
    const ok = validateSurveyForm({ level: 'indicator', fields: { ...fields, '8': '80' } }, pack, 'th');
    expect(ok.ok && ok.input.indicators?.['8']).toBe(80);
  });

  it('needs at least one question per indicator at question level', () => {
    const fields: Record<string, string> = {};
    for (let i = 1; i <= 30; i++) fields[`I${i}`] = '95';
    const r = validateSurveyForm({ level: 'question', fields }, pack, 'th');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors['group-6']).toBe('ตัวชี้วัดที่ 6 ต้องมีคะแนนอย่างน้อย 1 ข้อ (E1–E5)');
      expect(r.errors['group-8']).toBeDefined();
    }
    const ok = validateSurveyForm(
      { level: 'question', fields: { ...fields, E1: '80', E6: '70', E11: '60' } },
      pack,
      'th',
    );
    expect(ok.ok).toBe(true);
  });

  it('puts stored input back into the form at its level', () => {
    expect(formFromSurvey(null).level).toBe('tool');
    expect(formFromSurvey({ iit: 80, eit: 70 })).toEqual({ level: 'tool', fields: { iit: '80', eit: '70' } });
    expect(formFromSurvey({ indicators: { '1': 50 } }).level).toBe('indicator');
    expect(formFromSurvey({ questions: { I1: 50 } })).toEqual({ level: 'question', fields: { I1: '50' } });
  });
});
