import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/sidepanel/App';
import type { AuditReport } from '../../src/core/report/schema';
import { applySurvey } from '../../src/extension/report-io';
import { IDLE, writeRunState } from '../../src/extension/run-state';
import {
  loadManualEvidence,
  loadReport,
  loadSettings,
  loadSurvey,
  saveReport,
  saveSettings,
} from '../../src/extension/storage';

const goldenText = readFileSync(join(import.meta.dirname, '../golden/agency-complete.report.json'), 'utf8');

function report(): AuditReport {
  const r = JSON.parse(goldenText) as AuditReport;
  for (const item of r.items) {
    if (item.id === 'O5') {
      item.outcome = 'fail';
      item.problems = [{ code: 'missing-element', detail: 'ไม่พบแผนที่' }];
    }
  }
  return { ...applySurvey(r, null), environment: 'extension' };
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await saveSettings({ lang: 'th', year: 2568, lastUrl: 'http://agency.test/' });
});
afterEach(cleanup);

async function renderPanel() {
  render(<App />);
  await screen.findByTestId('site-url');
  await waitFor(() =>
    expect((screen.getByTestId('site-url') as HTMLInputElement).value).toBe('http://agency.test/'),
  );
}

describe('side panel App with the fake browser', () => {
  it('shows the stored report of the site and the Thai UI', async () => {
    await saveReport('agency.test', report());
    await renderPanel();
    expect(await screen.findByTestId('report')).toBeTruthy();
    expect(screen.getByText('ตรวจเว็บไซต์นี้')).toBeTruthy();
    expect(screen.getByTestId('item-O5').textContent).toContain('ไม่ผ่าน');
    expect(screen.getByTestId('permission-note').textContent).toContain('agency.test');
  });

  it('switches to English and remembers it', async () => {
    await saveReport('agency.test', report());
    await renderPanel();
    fireEvent.click(screen.getByText('English'));
    expect(await screen.findByText('Audit this site')).toBeTruthy();
    await waitFor(async () => expect((await loadSettings()).lang).toBe('en'));
  });

  it('sends start with the chosen year to the service worker and shows progress', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      received.push(m);
      return Promise.resolve({ ok: true });
    });
    await renderPanel();
    fireEvent.click(screen.getByText('ตรวจเว็บไซต์นี้'));
    await waitFor(() =>
      expect(received).toEqual([{ type: 'oit:start', request: { url: 'http://agency.test/', year: 2568 } }]),
    );
    await act(() =>
      writeRunState({
        ...IDLE,
        status: 'running',
        site: 'agency.test',
        phase: 'crawl',
        pagesFetched: 7,
        queued: 3,
        total: 48,
      }),
    );
    const progress = await screen.findByTestId('progress');
    expect(progress.textContent).toContain('หน้าเว็บ 7 หน้า');
    fireEvent.click(within(screen.getByText('ตรวจเว็บไซต์นี้').parentElement!).getByText('ยกเลิก'));
    await waitFor(() => expect(received).toContainEqual({ type: 'oit:cancel' }));
  });

  it('explains the permission and does not start when Chrome refuses it', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    await renderPanel();
    await waitFor(() =>
      expect(screen.getByTestId('permission-note').textContent).toContain('Chrome จะถามสิทธิ์'),
    );
    fireEvent.click(screen.getByText('ตรวจเว็บไซต์นี้'));
    await waitFor(() => expect(request).toHaveBeenCalled());
    expect(request.mock.calls[0]?.[0]).toEqual({
      origins: [
        'https://agency.test/*',
        'https://www.agency.test/*',
        'http://agency.test/*',
        'http://www.agency.test/*',
      ],
    });
    expect((await screen.findByTestId('notice')).textContent).toContain('ไม่ได้รับสิทธิ์');
  });

  it('sets and clears manual evidence for an item, stored per site', async () => {
    await saveReport('agency.test', report());
    await renderPanel();
    const editor = await screen.findByTestId('manual-O5');
    fireEvent.change(within(editor).getByRole('textbox'), {
      target: { value: 'http://agency.test/contact/map.html' },
    });
    fireEvent.click(within(editor).getByText('ตั้งเป็นหลักฐาน'));
    await waitFor(async () =>
      expect(await loadManualEvidence('agency.test')).toEqual({
        O5: ['http://agency.test/contact/map.html'],
      }),
    );
    await waitFor(() => expect(screen.getByTestId('manual-O5').textContent).toContain('map.html'));
    fireEvent.click(within(screen.getByTestId('manual-O5')).getByText('ลบ'));
    await waitFor(async () => expect(await loadManualEvidence('agency.test')).toEqual({}));
  });

  it('saves survey scores, re-scores the stored report and shows the projected rating', async () => {
    await saveReport('agency.test', report());
    await renderPanel();
    await screen.findByTestId('report');
    fireEvent.change(screen.getByLabelText('IIT'), { target: { value: '95' } });
    fireEvent.change(screen.getByLabelText('EIT'), { target: { value: '90' } });
    fireEvent.click(screen.getByText('บันทึกและคำนวณ ITA'));
    await waitFor(async () => expect(await loadSurvey('agency.test')).toEqual({ iit: 95, eit: 90 }));
    const stored = (await waitFor(async () => {
      const r = await loadReport('agency.test');
      expect(r?.ita).not.toBeNull();
      return r;
    }))!;
    expect(await screen.findByTestId('projected-rating')).toBeTruthy();
    expect(screen.getByTestId('projected-rating').textContent).toBe(stored.ita!.rating);
    expect(screen.getByTestId('ita-rating').textContent).toBe(stored.ita!.rating);
  });

  it('imports a CLI report (valid) and refuses an invalid file', async () => {
    await renderPanel();
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['{"not":"a report"}'], 'x.json')] } });
    expect((await screen.findByTestId('notice')).textContent).toContain('ไม่ใช่รายงาน oit-audit');
    fireEvent.change(input, { target: { files: [new File([goldenText], 'report.json')] } });
    await waitFor(() =>
      expect(screen.getByTestId('notice').textContent).toContain('นำเข้ารายงานของ agency.test แล้ว'),
    );
    expect((await loadReport('agency.test'))?.environment).toBe('cli');
    expect(await screen.findByTestId('report')).toBeTruthy();
  });

  it("clears this site's data after a confirmation", async () => {
    await saveReport('agency.test', report());
    await renderPanel();
    await screen.findByTestId('report');
    fireEvent.click(screen.getByText('ล้างข้อมูลของเว็บไซต์นี้'));
    fireEvent.click(screen.getByText('ยืนยันล้างข้อมูล'));
    await waitFor(async () => expect(await loadReport('agency.test')).toBeNull());
    expect(await screen.findByTestId('no-report')).toBeTruthy();
  });
});

describe('side panel layout and exports', () => {
  it('puts the survey form above the checklist, where the score card points', async () => {
    await saveReport('agency.test', report());
    await renderPanel();
    const survey = await screen.findByTestId('survey-section');
    const checklist = screen.getByTestId('report');
    // DOCUMENT_POSITION_FOLLOWING: the report comes after the survey section.
    expect(survey.compareDocumentPosition(checklist) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getAllByText(/ในส่วน "คะแนนแบบสำรวจ" ด้านบน/).length).toBeGreaterThan(0);
  });

  it('asks before each export and drafts the measures as Word and Markdown files', async () => {
    await saveReport('agency.test', report());
    await renderPanel();
    await screen.findByTestId('report');
    const create = vi.fn((blob: Blob) => {
      (create as unknown as { last: Blob }).last = blob;
      return 'blob:x';
    });
    URL.createObjectURL = create as unknown as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    fireEvent.click(screen.getByText('ส่งออก JSON'));
    expect(clicked).toEqual([]);
    expect(screen.getByRole('alertdialog').textContent).toContain('ตรวจสอบก่อนส่งต่อ');
    fireEvent.click(screen.getByTestId('confirm-export'));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatch(/^oit-audit-agency\.test-.*\.json$/);

    fireEvent.click(screen.getByText('ร่างมาตรการ (Word)'));
    fireEvent.click(screen.getByTestId('confirm-export'));
    await waitFor(() => expect(clicked).toHaveLength(2));
    expect(clicked[1]).toMatch(/^oit-measures-agency\.test-.*\.docx$/);
    const docx = (create as unknown as { last: Blob }).last;
    expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // A Word file is a zip: "PK".
    const bytes = new Uint8Array(await docx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);

    fireEvent.click(screen.getByText('ร่างมาตรการ (Markdown)'));
    fireEvent.click(screen.getByTestId('confirm-export'));
    await waitFor(() => expect(clicked).toHaveLength(3));
    const md = await (create as unknown as { last: Blob }).last.text();
    expect(md).toContain('มาตรการ');
    // O5 failed in this report: it is a row of the draft.
    expect(md).toContain('O5');
  });
});
