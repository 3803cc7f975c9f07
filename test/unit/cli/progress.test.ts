import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../src/cli/io';
import { clock, createProgress, parseProgressMode } from '../../../src/cli/progress';

function sink(tty = false): { io: CliIo; err: string[] } {
  const err: string[] = [];
  return {
    err,
    io: { stdout: () => {}, stderr: (s) => err.push(s), cwd: '/', env: {}, stderrIsTty: tty },
  };
}

describe('progress lines (no TTY)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-01T00:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prints a status line every interval while the crawl runs, with an estimate of the time left', () => {
    const { io, err } = sink();
    const p = createProgress(io, 'en', 'auto', { intervalMs: 5000 });
    p.onEvent({ type: 'phase', phase: 'crawl' });
    expect(err).toEqual(['crawling…\n']);
    // 10 s in: 100 pages fetched, 50 queued → at 10 pages/s, about 5 s left.
    vi.advanceTimersByTime(5000);
    p.onEvent({ type: 'page', url: 'http://a/', pagesFetched: 100, queued: 50 });
    p.onEvent({ type: 'resource', checked: 3 });
    vi.advanceTimersByTime(5000);
    expect(err).toHaveLength(3);
    expect(err[1]).toBe(
      'progress: 0 pages fetched, 0 queued · 0 documents · 0 items decided · elapsed 0:05\n',
    );
    expect(err[2]).toBe(
      'progress: 100 pages fetched, 50 queued · 3 documents · 0 items decided · elapsed 0:10 · about 0:05 left\n',
    );
    p.stop();
    vi.advanceTimersByTime(60_000);
    expect(err).toHaveLength(3);
  });

  it('caps the crawl estimate at --max-pages, estimates the items, and ends with a final line', () => {
    const { io, err } = sink();
    const p = createProgress(io, 'th', 'lines', { maxPages: 120, intervalMs: 1000 });
    p.onEvent({ type: 'phase', phase: 'crawl' });
    vi.advanceTimersByTime(10_000);
    p.onEvent({ type: 'page', url: 'http://a/', pagesFetched: 100, queued: 500 });
    vi.advanceTimersByTime(1000);
    // 20 pages left to the cap at 100 pages per 11 s → 2.2 s.
    expect(err.at(-1)).toContain('หน้าเว็บ 100 (รอคิว 500)');
    expect(err.at(-1)).toContain('เหลือประมาณ 0:02');
    p.onEvent({ type: 'phase', phase: 'verify' });
    vi.advanceTimersByTime(4000);
    p.onEvent({ type: 'item', id: 'O1', outcome: 'pass', decided: 12, total: 48 });
    vi.advanceTimersByTime(1000);
    expect(err.at(-1)).toContain('ตัดสินแล้ว 12/48 ข้อ');
    // 12 items in 5 s → 36 left ≈ 15 s.
    expect(err.at(-1)).toContain('เหลือประมาณ 0:15');
    p.onEvent({ type: 'item', id: 'O48', outcome: 'pass', decided: 48, total: 48 });
    p.onEvent({ type: 'phase', phase: 'done' });
    expect(err.at(-1)).toBe('ความคืบหน้า: หน้าเว็บ 100 (รอคิว 500) · เอกสาร 0 · ตัดสินแล้ว 48/48 ข้อ · ผ่านไป 0:16\n');
    const count = err.length;
    vi.advanceTimersByTime(10_000);
    expect(err).toHaveLength(count);
  });

  it('none prints nothing; an unknown mode is a usage error', () => {
    const { io, err } = sink();
    const p = createProgress(io, 'en', 'none');
    p.onEvent({ type: 'phase', phase: 'crawl' });
    vi.advanceTimersByTime(60_000);
    expect(err).toEqual([]);
    expect(parseProgressMode(undefined, 'en')).toBe('auto');
    expect(parseProgressMode('lines', 'en')).toBe('lines');
    expect(() => parseProgressMode('loud', 'en')).toThrow(/--progress: unknown mode "loud"/);
  });

  it('formats clocks as m:ss and h:mm:ss', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65_000)).toBe('1:05');
    expect(clock(3_725_000)).toBe('1:02:05');
  });
});
