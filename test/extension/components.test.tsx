import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditReport } from '../../src/core/report/schema';
import { getRulePack } from '../../src/core/rules/registry';
import { applySurvey } from '../../src/extension/report-io';
import { ItemList } from '../../src/ui/ItemList';
import { labelsFromPack } from '../../src/ui/labels';
import { ReportView } from '../../src/ui/ReportView';
import { ScoreSummary } from '../../src/ui/ScoreSummary';
import { SurveyForm } from '../../src/ui/SurveyForm';

const pack = getRulePack()!;
const labels = labelsFromPack(pack);
const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, '../golden/agency-complete.report.json'), 'utf8'),
) as AuditReport;

const HOSTILE = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>';

function sample(): AuditReport {
  const r = structuredClone(golden);
  for (const item of r.items) {
    if (item.id === 'O1') {
      item.evidence = [
        {
          url: 'http://agency.test/about/structure.html',
          via: 'index',
          text: HOSTILE,
          from: 'http://agency.test/ita/',
          fileType: 'pdf',
          year: 2568,
        },
        { url: 'javascript:alert(1)', via: 'link', text: 'bad link' },
      ];
      item.problems = [{ code: 'stale-year', detail: HOSTILE }];
    }
    if (item.id === 'O2') {
      item.outcome = 'fail';
      item.evidence = [];
      item.problems = [{ code: 'missing-element', detail: 'ไม่พบรองผู้อำนวยการ', detailEn: 'no deputy' }];
    }
    if (item.id === 'O20') {
      item.outcome = 'review';
      item.problems = [{ code: 'no-text-layer', detail: 'สแกน' }];
    }
    if (item.id === 'O25') item.outcome = 'na';
    if (item.id === 'O26') item.outcome = 'error';
  }
  return applySurvey(r, null);
}

afterEach(cleanup);

describe('ReportView and ItemList', () => {
  it('renders snippets from audited sites as text, never as markup (XSS)', () => {
    const { container } = render(<ReportView report={sample()} lang="th" labels={labels} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    const o1 = screen.getByTestId('item-O1');
    expect(o1.textContent).toContain('<img src=x onerror="globalThis.pwned=1">');
    expect(o1.textContent).toContain('<script>globalThis.pwned=2</script>');
    // A javascript: URL is shown as text, never as a link.
    const links = [...o1.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('http://agency.test/about/structure.html');
    expect(links.some((h) => h?.startsWith('javascript'))).toBe(false);
    expect(within(o1).getByText('javascript:alert(1)').tagName).toBe('SPAN');
    // Static rendering for the CLI's HTML report escapes it too.
    const html = renderToStaticMarkup(<ReportView report={sample()} lang="th" labels={labels} />);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
  });

  it('groups items by sub-indicator and shows the five states with the shared labels', () => {
    render(<ReportView report={sample()} lang="th" labels={labels} />);
    for (const sub of ['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2']) {
      expect(screen.getByTestId(`sub-${sub}`)).toBeTruthy();
    }
    expect(within(screen.getByTestId('sub-9.1')).getByText(/ข้อมูลพื้นฐาน/)).toBeTruthy();
    const state = (id: string) =>
      screen.getByTestId(`item-${id}`).querySelector('[data-outcome]')?.textContent;
    expect(state('O1')).toContain('ผ่าน');
    expect(state('O2')).toContain('ไม่ผ่าน');
    expect(state('O20')).toContain('ต้องตรวจสอบ');
    expect(state('O25')).toContain('ไม่เกี่ยวข้อง');
    expect(state('O26')).toContain('ตรวจไม่ได้');
  });

  it('shows evidence details: URL opening in a new tab, link text, file type, year, linking page', () => {
    render(<ItemList report={sample()} lang="th" openItems={['O1']} />);
    const o1 = screen.getByTestId('item-O1');
    expect(o1.hasAttribute('open')).toBe(true);
    const link = within(o1).getByText('http://agency.test/about/structure.html') as HTMLAnchorElement;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noreferrer');
    expect(o1.textContent).toContain('PDF');
    expect(o1.textContent).toContain('2568');
    expect(o1.textContent).toContain('http://agency.test/ita/');
    expect(o1.textContent).toContain('ตาราง ITA ของหน่วยงาน');
    expect(screen.getByTestId('item-O2').textContent).toContain('องค์ประกอบไม่ครบ');
  });

  it('switches to English', () => {
    render(<ReportView report={sample()} lang="en" labels={labels} />);
    expect(screen.getByTestId('item-O2').textContent).toContain('fail');
    expect(screen.getByTestId('item-O2').textContent).toContain('no deputy');
    expect(screen.getAllByText(/Basic information/).length).toBeGreaterThan(0);
  });

  it('filters by outcome', () => {
    render(<ReportView report={sample()} lang="th" />);
    fireEvent.click(screen.getByRole('button', { name: /ต้องตรวจสอบ/ }));
    expect(screen.getByTestId('item-O20')).toBeTruthy();
    expect(screen.queryByTestId('item-O1')).toBeNull();
  });

  it('sets and clears manual evidence through the item editor, validating the URL in Thai', () => {
    const onAdd = vi.fn();
    const onClear = vi.fn();
    render(
      <ItemList
        report={sample()}
        lang="th"
        manual={{ O2: ['http://agency.test/about/deputy.html'] }}
        onAddManual={onAdd}
        onClearManual={onClear}
      />,
    );
    const editor = screen.getByTestId('manual-O2');
    expect(editor.textContent).toContain('http://agency.test/about/deputy.html');
    expect(editor.textContent).toContain('ยังไม่ได้ตรวจ');
    const input = within(editor).getByRole('textbox');
    fireEvent.change(input, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(within(editor).getByText('ตั้งเป็นหลักฐาน'));
    expect(onAdd).not.toHaveBeenCalled();
    expect(within(editor).getByRole('alert').textContent).toContain('http://');
    fireEvent.change(input, { target: { value: 'http://agency.test/about/team.html' } });
    fireEvent.click(within(editor).getByText('ตั้งเป็นหลักฐาน'));
    expect(onAdd).toHaveBeenCalledWith('O2', 'http://agency.test/about/team.html');
    fireEvent.click(within(editor).getByText('ลบ'));
    expect(onClear).toHaveBeenCalledWith('O2', 'http://agency.test/about/deputy.html');
  });
});

describe('ScoreSummary', () => {
  it('shows OIT, the upper bound when items need review, sub-indicator scores and top fixes', () => {
    const r = sample();
    render(<ScoreSummary report={r} lang="th" labels={labels} />);
    expect(screen.getByTestId('oit-score').textContent).toBe(r.oit.score.toFixed(2));
    expect(screen.getByTestId('oit-upper').textContent).toContain(r.oit.upperBound.toFixed(2));
    expect(screen.getByTestId('sub-score-9.1').textContent).toContain('ข้อมูลพื้นฐาน');
    expect(screen.getByTestId(`fix-${r.priorities[0]!.id}`)).toBeTruthy();
    expect(screen.getByText(/กรอกคะแนน IIT และ EIT/)).toBeTruthy();
  });

  it('shows the ITA projection and rating once survey scores are in', () => {
    const r = applySurvey(sample(), { iit: 95, eit: 95 });
    render(<ScoreSummary report={r} lang="th" />);
    expect(screen.getByTestId('ita-score').textContent).toBe(r.ita!.score.toFixed(2));
    expect(screen.getByTestId('ita-rating').textContent).toBe(r.ita!.rating);
  });
});

describe('SurveyForm', () => {
  it('validates 0–100 with Thai errors and saves valid tool scores', () => {
    const onSave = vi.fn();
    render(<SurveyForm pack={pack} lang="th" initial={null} hasReport onSave={onSave} onClear={() => {}} />);
    fireEvent.change(screen.getByLabelText('IIT'), { target: { value: '120' } });
    fireEvent.change(screen.getByLabelText('EIT'), { target: { value: 'ดี' } });
    fireEvent.click(screen.getByText('บันทึกและคำนวณ ITA'));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('คะแนนต้องอยู่ระหว่าง 0 ถึง 100')).toBeTruthy();
    expect(screen.getByText('กรอกเป็นตัวเลข เช่น 85.50')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('IIT'), { target: { value: '92.5' } });
    fireEvent.change(screen.getByLabelText('EIT'), { target: { value: '88' } });
    fireEvent.click(screen.getByText('บันทึกและคำนวณ ITA'));
    expect(onSave).toHaveBeenCalledWith({ iit: 92.5, eit: 88 });
  });

  it('offers indicator and question levels', () => {
    const onSave = vi.fn();
    render(
      <SurveyForm
        pack={pack}
        lang="th"
        initial={null}
        hasReport={false}
        onSave={onSave}
        onClear={() => {}}
      />,
    );
    fireEvent.click(screen.getByLabelText(/ตัวชี้วัด \(1–8\)/));
    expect(screen.getByLabelText(/ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่/)).toBeTruthy();
    fireEvent.click(screen.getByText('บันทึกและคำนวณ ITA'));
    expect(screen.getAllByText('กรุณากรอกคะแนน')).toHaveLength(8);
    fireEvent.click(screen.getByLabelText(/ข้อคำถาม/));
    expect(screen.getByLabelText('I30')).toBeTruthy();
    expect(screen.getByLabelText('E15')).toBeTruthy();
    expect(screen.getByTestId('survey-projection').textContent).toContain('ตรวจเว็บไซต์ก่อน');
  });

  it('shows the projection it is given', () => {
    render(
      <SurveyForm
        pack={pack}
        lang="th"
        initial={{ iit: 90, eit: 90 }}
        hasReport
        projection={{ score: 91.234, rating: 'A' }}
        onSave={() => {}}
        onClear={() => {}}
      />,
    );
    expect(screen.getByTestId('projected-ita').textContent).toBe('91.23');
    expect(screen.getByTestId('projected-rating').textContent).toBe('A');
    expect((screen.getByLabelText('IIT') as HTMLInputElement).value).toBe('90');
  });
});

describe('item detail: what is expected, how to fix, failures only, manual evidence', () => {
  function failing(): AuditReport {
    const r = structuredClone(golden);
    for (const item of r.items) {
      if (item.id === 'O5') {
        item.outcome = 'fail';
        item.evidence = [];
        item.problems = [{ code: 'missing-element', detail: 'ไม่พบแผนที่' }];
      }
      if (item.id === 'O25') {
        item.evidence = [{ url: 'http://agency.test/hr/criteria.html', via: 'manual', text: '' }];
      }
    }
    return r;
  }

  it('shows the pack description and elements for every item, and the measure only when not passed', () => {
    render(<ItemList report={failing()} lang="th" labels={labels} openItems={['O5', 'O1']} />);
    const o5 = screen.getByTestId('item-O5');
    const pack5 = pack.itemById.get('O5')!;
    expect(within(o5).getByTestId('expects').textContent).toContain(pack5.description.th);
    for (const e of pack5.requiredElements)
      expect(within(o5).getByTestId('expects').textContent).toContain(e.label.th);
    expect(within(o5).getByTestId('how-to-fix').textContent).toContain(pack5.measure.measure);
    expect(within(o5).getByTestId('how-to-fix').textContent).toContain(pack5.measure.steps[0]);
    expect(o5.textContent).toContain('น้ำหนัก');
    const o1 = screen.getByTestId('item-O1');
    expect(within(o1).getByTestId('expects')).toBeTruthy();
    expect(within(o1).queryByTestId('how-to-fix')).toBeNull();
  });

  it('the "not passed" filter leaves only fail, review and could-not-check items', () => {
    const r = failing();
    r.items.find((i) => i.id === 'O9')!.outcome = 'review';
    render(<ReportView report={r} lang="th" labels={labels} />);
    fireEvent.click(screen.getByTestId('filter-notPassed'));
    const shown = screen.getAllByTestId(/^item-O\d+$/).map((el) => el.dataset.testid);
    expect(shown).toEqual(['item-O5', 'item-O9']);
    expect(screen.getByTestId('filter-notPassed').textContent).toContain('ยังไม่ผ่าน (2)');
  });

  it('marks manual evidence as manual in the panel and in the text and Markdown reports', async () => {
    render(<ItemList report={failing()} lang="th" labels={labels} openItems={['O25']} />);
    expect(within(screen.getByTestId('item-O25')).getByTestId('manual-tag').textContent).toBe(
      'หลักฐานที่ผู้ใช้กำหนดเอง',
    );
    const { renderText } = await import('../../src/core/report/render-text');
    const { renderMarkdown } = await import('../../src/core/report/render-markdown');
    expect(renderText(failing(), pack, 'en')).toMatch(/hr\/criteria\.html {2}\[manual evidence\]/);
    expect(renderMarkdown(failing(), pack, 'th')).toMatch(/criteria\.html\) _\(หลักฐานที่ผู้ใช้กำหนดเอง\)_/);
  });
});
