import cliProgress from 'cli-progress';
import type { AuditEvent } from '../core/audit';
import type { CliIo, Lang } from './io';
import { say } from './io';

/**
 * Progress on stderr: a bar on a terminal (pages fetched, documents checked, items decided),
 * a few plain lines otherwise (CI logs), nothing with --quiet. stdout stays clean.
 */
export function createProgress(
  io: CliIo,
  lang: Lang,
  quiet: boolean,
): { onEvent: (e: AuditEvent) => void; stop: () => void } {
  if (quiet) return { onEvent: () => {}, stop: () => {} };
  if (!io.stderrIsTty) {
    return {
      onEvent: (e) => {
        if (e.type === 'phase' && e.phase === 'crawl')
          io.stderr(say(lang, 'กำลังตรวจเว็บไซต์…\n', 'crawling…\n'));
        if (e.type === 'phase' && e.phase === 'verify')
          io.stderr(say(lang, 'กำลังตรวจสอบหลักฐาน…\n', 'verifying evidence…\n'));
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `{phase} [{bar}] {value}/{total} · ${say(lang, 'หน้า', 'pages')} {pages} · ${say(lang, 'เอกสาร', 'docs')} {docs}`,
      // Only drawn when stderr is a terminal, i.e. the real process stream.
      stream: process.stderr,
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
