import cliProgress from 'cli-progress';
import type { AuditEvent } from '../core/audit';
import { msg } from '../core/messages';
import { usageError } from './errors';
import type { CliIo, Lang } from './io';
import { say } from './io';
import { PROGRESS_MODES, type ProgressMode } from './progress-modes';

/** Seconds between two status lines in `lines` mode (CI logs). */
export const LINE_INTERVAL_MS = 5000;

export interface Progress {
  onEvent: (e: AuditEvent) => void;
  stop: () => void;
}

export function parseProgressMode(raw: string | undefined, lang: Lang): ProgressMode {
  if (raw === undefined) return 'auto';
  if ((PROGRESS_MODES as readonly string[]).includes(raw)) return raw as ProgressMode;
  throw usageError(
    say(lang, `--progress: ไม่รู้จัก "${raw}"`, `--progress: unknown mode "${raw}"`),
    say(lang, `เลือกจาก ${PROGRESS_MODES.join(', ')}`, `choose one of ${PROGRESS_MODES.join(', ')}`),
  );
}

/** m:ss (or h:mm:ss) for elapsed and remaining times in the log. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** What the audit has done so far, as the status line tells it. */
class Tally {
  phase: 'start' | 'crawl' | 'verify' | 'done' = 'start';
  pages = 0;
  queued = 0;
  docs = 0;
  decided = 0;
  total = 0;
  readonly startedAt = Date.now();
  private phaseAt = Date.now();

  apply(e: AuditEvent): void {
    if (e.type === 'phase') {
      if (e.phase === 'crawl' || e.phase === 'verify' || e.phase === 'done') {
        this.phase = e.phase;
        this.phaseAt = Date.now();
      }
    } else if (e.type === 'page') {
      this.pages = e.pagesFetched;
      this.queued = e.queued;
    } else if (e.type === 'item') {
      this.decided = e.decided;
      this.total = e.total;
    } else if (e.type === 'resource') {
      this.docs = e.checked;
    }
  }

  /** Time left in the current phase at its rate so far; null while there is no rate yet. */
  estimateLeftMs(maxPages: number | undefined): number | null {
    const spent = Date.now() - this.phaseAt;
    if (this.phase === 'crawl' && this.pages > 0) {
      const left = Math.min(this.queued, maxPages !== undefined ? maxPages - this.pages : this.queued);
      return (Math.max(0, left) * spent) / this.pages;
    }
    if (this.phase === 'verify' && this.decided > 0 && this.total > 0)
      return ((this.total - this.decided) * spent) / this.decided;
    return null;
  }

  line(lang: Lang, maxPages: number | undefined): string {
    const elapsed = clock(Date.now() - this.startedAt);
    const left = this.estimateLeftMs(maxPages);
    const items = this.total > 0 ? `${this.decided}/${this.total}` : '0';
    return `${msg(lang, 'cli_progressLine', { pages: this.pages, queued: this.queued, docs: this.docs, items, elapsed })}${left === null ? '' : msg(lang, 'cli_timeLeft', { left: clock(left) })}\n`;
  }
}

/**
 * Progress on stderr (stdout stays clean): a bar on a terminal, a status line every few
 * seconds otherwise (CI logs show that the run is alive and how far it is), or nothing.
 */
export function createProgress(
  io: CliIo,
  lang: Lang,
  mode: ProgressMode,
  options: { maxPages?: number | undefined; intervalMs?: number } = {},
): Progress {
  const resolved = mode === 'auto' ? (io.stderrIsTty ? 'bar' : 'lines') : mode;
  if (resolved === 'none') return { onEvent: () => {}, stop: () => {} };
  if (resolved === 'lines')
    return createLines(io, lang, options.maxPages, options.intervalMs ?? LINE_INTERVAL_MS);
  return createBar(lang);
}

function createLines(io: CliIo, lang: Lang, maxPages: number | undefined, intervalMs: number): Progress {
  const tally = new Tally();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  return {
    onEvent: (e) => {
      const before = tally.phase;
      tally.apply(e);
      if (tally.phase === before) return;
      if (tally.phase === 'crawl') {
        io.stderr(`${msg(lang, 'cli_crawling')}\n`);
        timer = setInterval(() => io.stderr(tally.line(lang, maxPages)), intervalMs);
        // A pending status line never keeps the process alive.
        timer.unref?.();
      } else if (tally.phase === 'verify') {
        io.stderr(tally.line(lang, maxPages));
        io.stderr(`${msg(lang, 'cli_verifying')}\n`);
      } else if (tally.phase === 'done') {
        stop();
        io.stderr(tally.line(lang, maxPages));
      }
    },
    stop,
  };
}

function createBar(lang: Lang): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: `{phase} [{bar}] {value}/{total} · ${say(lang, 'หน้า', 'pages')} {pages} · ${say(lang, 'เอกสาร', 'docs')} {docs} · ${say(lang, 'เหลือ', 'left')} {eta_formatted}`,
      // Only drawn on the real process stream; `--progress bar` draws it even without a TTY.
      stream: process.stderr,
      noTTYOutput: true,
      hideCursor: false,
      clearOnComplete: true,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let pages = 0;
  let docs = 0;
  return {
    onEvent: (e) => {
      if (e.type === 'phase' && e.phase === 'crawl') {
        bar.start(1, 0, { phase: say(lang, 'เก็บหน้า', 'crawl'), pages: 0, docs: 0 });
        started = true;
      } else if (e.type === 'page') {
        pages = e.pagesFetched;
        bar.setTotal(Math.max(e.pagesFetched + e.queued, 1));
        bar.update(e.pagesFetched, { pages, docs });
      } else if (e.type === 'phase' && e.phase === 'verify') {
        bar.setTotal(48);
        bar.update(0, { phase: say(lang, 'ตรวจข้อ', 'items'), pages, docs });
      } else if (e.type === 'item') {
        bar.setTotal(e.total);
        bar.update(e.decided, { pages, docs });
      } else if (e.type === 'resource') {
        docs = e.checked;
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
