import { describe, expect, it, vi } from 'vitest';
import { clock, createProgress } from '../../../src/cli/progress';
import { errorLabel } from '../../../src/cli/reporters/batch-summary';
import { MESSAGES, type MessageKey, msg, warningText } from '../../../src/core/messages';
import { OUTCOME_LABELS } from '../../../src/core/report/labels';
import { t } from '../../../src/ui/i18n';

const THAI = /[\u0E00-\u0E7F]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  const entries = Object.entries(MESSAGES) as [MessageKey, { th: string; en: string }][];

  it('has Thai and English for every message, English free of Thai, the same placeholders in both', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const [key, m] of entries) {
      expect(m.th.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(THAI.test(m.en), `${key}: English text with Thai in it`).toBe(false);
      expect(placeholders(m.th), key).toEqual(placeholders(m.en));
    }
  });

  it('speaks of an item as "น้ำหนัก" and never names JSON fields', () => {
    expect(msg('th', 'weight', { n: '0.44' })).toBe('น้ำหนัก 0.44 คะแนน ITA');
    for (const [key, m] of entries) {
      expect(`${m.th} ${m.en}`, key).not.toMatch(/\b(crawl|report|items?)\.[a-z]+[A-Z]?\w*/);
      expect(m.th, key).not.toContain('มูลค่า');
    }
  });

  it('is the one source of the panel, the reports and the CLI', () => {
    expect(t('th', 'howToFix')).toBe(MESSAGES.howToFix.th);
    expect(OUTCOME_LABELS.review).toMatchObject({
      th: MESSAGES.outcome_review.th,
      en: MESSAGES.outcome_review.en,
    });
    expect(errorLabel('unreachable', 'th')).toBe(MESSAGES.batch_unreachable.th);
    vi.useFakeTimers();
    const err: string[] = [];
    const p = createProgress(
      { stdout: () => {}, stderr: (s) => err.push(s), cwd: '/', env: {}, stderrIsTty: false },
      'th',
      'lines',
    );
    p.onEvent({ type: 'phase', phase: 'crawl' });
    p.onEvent({ type: 'phase', phase: 'done' });
    expect(err[0]).toBe(`${MESSAGES.cli_crawling.th}\n`);
    expect(err[1]).toBe(
      `${msg('th', 'cli_progressLine', { pages: 0, queued: 0, docs: 0, items: '0', elapsed: clock(0) })}\n`,
    );
    vi.useRealTimers();
  });

  it('shows a stored "Thai — English" run warning in one language', () => {
    const stored = `${msg('th', 'warn_pageErrors', { n: 3 })} — ${msg('en', 'warn_pageErrors', { n: 3 })}`;
    expect(warningText(stored, 'th')).toBe('3 หน้าเปิดหรืออ่านไม่ได้ (ดูรายการหน้าที่มีปัญหาในรายงาน)');
    expect(warningText(stored, 'en')).toBe('3 page(s) could not be fetched or read (listed in the report)');
    expect(warningText('plain', 'en')).toBe('plain');
  });
});
