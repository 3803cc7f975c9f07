import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { AuditOptionsError, type AuditOptions, runAudit } from '../../core/audit';
import { CrawlError } from '../../core/crawl/crawler';
import { normaliseUrl, siteKey } from '../../core/crawl/url';
import { auditReportSchema } from '../../core/report/schema';
import type { RulePack } from '../../core/rules/load-pack';
import { formatScore } from '../../core/score/round';
import {
  acquireBatchLock,
  BatchLockedError,
  BatchState,
  sha256File,
  writeFileAtomic,
} from '../../node/batch-state';
import { MAX_TIMER_MS } from '../../core/crawl/options';
import { DEFAULT_MAX_DURATION_MS } from './audit';
import { createNodeEnv } from '../../node/node-env';
import { renderHtmlReport } from '../../ui/render-html-report';
import { type Agency, readAgencies } from '../agencies-csv';
import { batchPack } from '../batch-pack';
import { BatchProgress, hostKey, interleaveByHost } from '../batch-queue';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { CliIo, Lang } from '../io';
import { say } from '../io';
import { parseBeYear, parseCount, parseDuration } from '../parse-values';
import {
  type BatchErrorKind,
  type BatchRow,
  renderBatchIndex,
  renderSummaryCsv,
  rowFromError,
  rowFromReport,
} from '../reporters/batch-summary';

interface BatchFlags {
  out: string;
  sitesConcurrency?: string;
  resume?: boolean;
  retryErrors?: boolean;
  rules?: string;
  year?: string;
  maxPages?: string;
  maxDepth?: string;
  concurrency?: string;
  delay?: string;
  timeout?: string;
  retries?: string;
  offsiteCheck: boolean;
  allowPrivate?: boolean;
  followStartRedirect?: boolean;
  maxDuration?: string;
  quiet?: boolean;
  failOnUnreachable?: boolean;
  queue?: string;
  status?: boolean;
  attempts?: string;
  backoff?: string;
}

/** Seconds between two status lines of a running batch. */
const STATUS_INTERVAL_MS = 30_000;

export { hostKey };

/**
 * Adopts a report that a crash left without its state line (killed between the rename and the
 * append): it is complete (written atomically), so it is recorded instead of audited again.
 */
function adoptOrphan(dir: string, agency: Agency): { row: BatchRow; sha256: string } | null {
  const file = `${agency.id}.json`;
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  try {
    const report = auditReportSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    if (report.site.url !== normaliseUrl(agency.url)) return null;
    const html = `${agency.id}.html`;
    return {
      row: rowFromReport(agency, report, report.durationMs, file, existsSync(join(dir, html)) ? html : null),
      sha256: sha256File(path),
    };
  } catch {
    return null;
  }
}

export function describeError(e: unknown): { message: string; kind: BatchErrorKind } {
  if (e instanceof CrawlError) {
    if (e.code === 'SITE_UNREACHABLE')
      return { message: `site unreachable: ${e.message}`, kind: 'unreachable' };
    if (e.code === 'ROBOTS_FORBIDDEN')
      return { message: `blocked by robots.txt: ${e.message}`, kind: 'failed' };
    if (e.code === 'START_REDIRECTED')
      return { message: `start URL redirects to another site: ${e.message}`, kind: 'failed' };
    return { message: `${e.code}: ${e.message}`, kind: e.code === 'INVALID_OPTIONS' ? 'invalid' : 'failed' };
  }
  if (e instanceof AuditOptionsError || (e instanceof Error && e.name === 'SurveyError'))
    return { message: `invalid options: ${e.message}`, kind: 'invalid' };
  return { message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), kind: 'failed' };
}

export function registerBatch(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('batch')
    .argument('<agencies.csv>', 'รายชื่อหน่วยงาน: agency_id,name,url[,year,iit,eit,survey] / agencies CSV')
    .description('ตรวจหลายหน่วยงาน ทำต่อได้เมื่อหยุดกลางคัน / audit many agencies, resumable')
    .requiredOption('--out <dir>', 'โฟลเดอร์ผลลัพธ์ / output folder')
    .option('--sites-concurrency <n>', 'จำนวนเว็บไซต์ที่ตรวจพร้อมกัน / sites audited at once (4)')
    .option('--resume', 'ทำต่อจากครั้งก่อน ข้ามหน่วยงานที่เสร็จแล้ว / carry on, skipping finished agencies')
    .option(
      '--retry-errors',
      'เมื่อ --resume ตรวจหน่วยงานที่ผิดพลาดใหม่ / with --resume, audit failed agencies again',
    )
    .option(
      '--rules <id>',
      "ชุดเกณฑ์ (ค่าเริ่มต้น: ของปีที่ประเมิน) / rule pack (default: the assessed year's NACC pack)",
    )
    .option(
      '--year <BE>',
      'ปีงบประมาณที่ประเมิน (พ.ศ.) เมื่อ CSV ไม่ระบุ / assessed fiscal year when the CSV has none',
    )
    .option('--max-pages <n>', 'จำนวนหน้าสูงสุดต่อเว็บไซต์ / most pages per site (500)')
    .option('--max-depth <n>', 'ความลึกสูงสุด / deepest link level (6)')
    .option('--concurrency <n>', 'คำขอพร้อมกันต่อโฮสต์ / requests in flight per host (4)')
    .option('--delay <ms>', 'ระยะห่างขั้นต่ำระหว่างคำขอต่อโฮสต์ / minimum gap between requests to a host, ms (250)')
    .option('--timeout <ms>', 'เวลารอสูงสุดต่อคำขอ / request timeout, ms (20000)')
    .option('--retries <n>', 'จำนวนครั้งที่ลองใหม่ / retries after a failed request (2)')
    .option('--no-offsite-check', 'ไม่ติดต่อโฮสต์อื่น / never contact hosts other than each audited site')
    .option('--allow-private', 'ยอมให้ติดต่อที่อยู่ภายใน / allow loopback and private addresses for public sites')
    .option(
      '--follow-start-redirect',
      'ตรวจเว็บไซต์ปลายทางเมื่อ URL เปลี่ยนเส้นทางไปเว็บไซต์อื่น / audit the other site a start URL redirects to',
    )
    .option(
      '--max-duration <time>',
      'เวลาเก็บหน้าเว็บสูงสุดต่อเว็บไซต์ / crawl time budget per site: 15m, 90s, 1h (15m)',
    )
    .option(
      '--fail-on-unreachable',
      'ออกด้วยรหัส 3 ถ้ามีหน่วยงานที่ตรวจไม่ได้ / exit 3 when any agency could not be audited',
    )
    .option('-q, --quiet', 'ไม่แสดงความคืบหน้า / no progress on stderr')
    .option('--queue <url>', 'กระจายงานผ่านคิว Redis / distribute over a Redis queue: redis://host:6379/0')
    .option('--status', 'กับ --queue: แสดงสถานะของชุดนี้ / with --queue: print where this run stands')
    .option('--attempts <n>', 'กับ --queue: จำนวนครั้งที่ลองต่องาน / with --queue: tries per agency (3)')
    .option(
      '--backoff <ms>',
      'กับ --queue: รอก่อนลองใหม่ (ทวีคูณ) / with --queue: first retry delay, doubling (10000)',
    )
    .action(async (csvPath: string, flags: BatchFlags) => {
      const l = lang();
      const agencies = readAgencies(csvPath, io.cwd, l);
      const sitesConcurrency =
        flags.sitesConcurrency !== undefined
          ? parseCount(flags.sitesConcurrency, '--sites-concurrency', l)
          : 4;
      if (sitesConcurrency > 64)
        throw usageError(say(l, '--sites-concurrency: สูงสุด 64', '--sites-concurrency: at most 64'));
      const year = flags.year !== undefined ? parseBeYear(flags.year, '--year', l) : undefined;
      const pack: RulePack = await batchPack(flags.rules, agencies, year, new Date(), l);
      const count = (v: string | undefined, name: string, min = 1) =>
        v !== undefined ? parseCount(v, name, l, min) : undefined;
      const limits = {
        maxPages: count(flags.maxPages, '--max-pages'),
        maxDepth: count(flags.maxDepth, '--max-depth', 0),
        concurrency: count(flags.concurrency, '--concurrency'),
        delayMs:
          flags.delay !== undefined ? parseCount(flags.delay, '--delay', l, 0, MAX_TIMER_MS) : undefined,
        timeoutMs:
          flags.timeout !== undefined
            ? parseCount(flags.timeout, '--timeout', l, 1, MAX_TIMER_MS)
            : undefined,
        retries: count(flags.retries, '--retries', 0),
      };
      const maxDurationMs =
        flags.maxDuration !== undefined
          ? parseDuration(flags.maxDuration, '--max-duration', l)
          : DEFAULT_MAX_DURATION_MS;
      if ((limits.concurrency ?? 4) > 32)
        throw usageError(say(l, '--concurrency: สูงสุด 32', '--concurrency: at most 32'));
      if ((limits.retries ?? 0) > 10) throw usageError(say(l, '--retries: สูงสุด 10', '--retries: at most 10'));

      const dir = resolve(io.cwd, flags.out);
      const rel = relative(io.cwd, dir);
      const shownDir = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
      const queue = flags.queue !== undefined ? { raw: flags.queue, env: io.env, lang: l } : undefined;
      if (flags.status) {
        if (!queue) throw usageError(say(l, '--status ใช้กับ --queue', '--status needs --queue'));
        const { printQueueStatus } = await import('./batch-queue');
        await printQueueStatus({ queue, agencies, year, dir, shownDir, print: io.stdout });
        return;
      }
      if (BatchState.exists(dir) && !flags.resume) {
        throw usageError(
          say(l, `${shownDir} มีผลการตรวจชุดก่อนอยู่แล้ว`, `${shownDir} already holds a batch`),
          say(
            l,
            'ใช้ --resume เพื่อทำต่อ หรือเลือก --out โฟลเดอร์ใหม่',
            'add --resume to carry on, or choose another --out folder',
          ),
        );
      }
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw usageError(
          say(l, `สร้างโฟลเดอร์ ${shownDir} ไม่ได้`, `cannot create ${shownDir}`),
          (e as Error).message,
        );
      }
      const log = (text: string) => {
        if (!flags.quiet) io.stderr(text);
      };
      if (queue) {
        // BullMQ and ioredis load only in queue mode, not on every start of the CLI.
        const { runQueuedBatch } = await import('./batch-queue');
        await runQueuedBatch({
          queue,
          agencies,
          pack,
          year,
          limits: Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
          offsiteCheck: flags.offsiteCheck,
          dir,
          shownDir,
          retryErrors: Boolean(flags.retryErrors),
          attempts: count(flags.attempts, '--attempts') ?? 3,
          backoffMs: count(flags.backoff, '--backoff', 0) ?? 10_000,
          log,
          setExit,
        });
        return;
      }
      // One batch per folder at a time: a second --resume would audit everything twice.
      let release: () => void;
      try {
        release = acquireBatchLock(dir);
      } catch (e) {
        if (!(e instanceof BatchLockedError)) throw e;
        throw usageError(
          say(
            l,
            `${shownDir} กำลังถูกใช้โดยกระบวนการ ${e.holder.pid} (${e.holder.host}) ตั้งแต่ ${e.holder.since}`,
            `${shownDir} is in use by process ${e.holder.pid} on ${e.holder.host} since ${e.holder.since}`,
          ),
          say(
            l,
            `รอให้การตรวจนั้นเสร็จ หรือถ้ากระบวนการนั้นไม่ได้ทำงานแล้ว ลบ ${e.path}`,
            `wait for that run to finish or, if that process is gone, delete ${e.path}`,
          ),
        );
      }
      const state = BatchState.open<BatchRow>(dir);
      try {
        // Adopt reports a crash left without their state line.
        for (const agency of agencies) {
          if (state.entries.has(agency.id)) continue;
          const orphan = adoptOrphan(dir, agency);
          if (orphan) {
            state.append({
              v: 1,
              id: agency.id,
              url: agency.url,
              status: 'done',
              finishedAt: new Date().toISOString(),
              ...(orphan.row.report ? { file: orphan.row.report } : {}),
              sha256: orphan.sha256,
              row: orphan.row,
            });
          }
        }
        const inputOf = (a: Agency) => ({ url: a.url, name: a.name, year: a.year ?? year ?? null });
        // A row whose URL, name or year changed in the CSV since it was audited is audited again.
        const changed = (a: Agency): string[] => {
          const entry = state.entries.get(a.id);
          if (!entry) return [];
          const now = inputOf(a);
          const was = entry.input ?? { url: entry.url, name: (entry.row as BatchRow).name, year: now.year };
          return (['url', 'name', 'year'] as const).filter((k) => was[k] !== now[k]);
        };
        const isFinished = (a: Agency) => {
          const entry = state.entries.get(a.id);
          if (entry === undefined || changed(a).length > 0) return false;
          return !(flags.retryErrors && (entry.status === 'error' || entry.status === 'blocked'));
        };
        for (const a of agencies) {
          const fields = changed(a);
          if (fields.length > 0) {
            log(
              say(
                l,
                `${a.id}: ${fields.join(', ')} ใน CSV เปลี่ยนไปจากครั้งก่อน จะตรวจใหม่\n`,
                `${a.id}: ${fields.join(', ')} changed in the CSV since it was audited; auditing it again\n`,
              ),
            );
          }
        }
        const pending = interleaveByHost(agencies.filter((a) => !isFinished(a)));
        const total = agencies.length;
        const done = total - pending.length;
        const progress = new BatchProgress(total, done);
        log(
          say(
            l,
            `batch: ${total} หน่วยงาน${done > 0 ? ` (เสร็จแล้ว ${done})` : ''} · ตรวจพร้อมกัน ${sitesConcurrency} เว็บไซต์ → ${shownDir}\n`,
            `batch: ${total} agencies${done > 0 ? ` (${done} already finished)` : ''} · ${sitesConcurrency} sites at once → ${shownDir}\n`,
          ),
        );

        const running = new Map<string, string>();
        const busyHosts = new Set<string>();
        let wake: () => void = () => {};
        const statusTimer = setInterval(() => log(`${progress.status(l)}\n`), STATUS_INTERVAL_MS);
        statusTimer.unref?.();
        const runOne = async (agency: Agency) => {
          const started = performance.now();
          const options: AuditOptions = {
            url: agency.url,
            rules: pack.id,
            ...(agency.year !== undefined ? { year: agency.year } : year !== undefined ? { year } : {}),
            ...(agency.survey ? { survey: agency.survey } : {}),
            ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
            allowPrivate: flags.allowPrivate ?? false,
            followStartRedirect: flags.followStartRedirect ?? false,
            maxDurationMs,
          };
          // The site is host and port: another port of the same host is another site.
          const startHost = siteKey(new URL(agency.url).host);
          const env = createNodeEnv(
            flags.offsiteCheck ? {} : { allowUrl: (u) => siteKey(u.host) === startHost },
          );
          let row: BatchRow;
          let sha256: string | undefined;
          try {
            const report = await runAudit(options, env);
            const file = `${agency.id}.json`;
            // The HTML first: once the JSON is in place the agency counts as finished.
            const html = `${agency.id}.html`;
            writeFileAtomic(join(dir, html), renderHtmlReport(report, pack, l));
            sha256 = writeFileAtomic(join(dir, file), `${JSON.stringify(report, null, 2)}\n`);
            row = rowFromReport(agency, report, performance.now() - started, file, html);
          } catch (e) {
            if (e instanceof Error && 'syscall' in e) {
              // A file-system error (disk full, permissions): the batch cannot go on.
              throw usageError(
                say(
                  l,
                  `เขียนผลไม่ได้: ${(e as Error).message}`,
                  `cannot write results: ${(e as Error).message}`,
                ),
              );
            }
            // A site whose robots.txt forbids the audit is `blocked`, not audited with a score of 0.
            const blocked = e instanceof CrawlError && e.code === 'ROBOTS_FORBIDDEN';
            const { message, kind } = describeError(e);
            row = rowFromError(
              agency,
              message,
              performance.now() - started,
              kind,
              blocked ? 'blocked' : 'error',
            );
          }
          state.append({
            v: 1,
            id: agency.id,
            url: agency.url,
            status: row.status,
            finishedAt: new Date().toISOString(),
            input: inputOf(agency),
            ...(row.report ? { file: row.report } : {}),
            ...(sha256 ? { sha256 } : {}),
            row,
          });
          progress.finish();
          running.delete(agency.id);
          const others = [...running.keys()];
          const score =
            row.ita !== null && row.ita !== undefined
              ? `ITA ${formatScore(row.ita)} (${row.rating}) · OIT ${formatScore(row.oit ?? 0)}`
              : `OIT ${formatScore(row.oit ?? 0)}`;
          const result =
            row.status === 'done'
              ? `✓ ${agency.id} ${score} · ${row.pages} ${say(l, 'หน้า', 'pages')} · ${(row.durationMs / 1000).toFixed(1)} s`
              : `✗ ${agency.id} ${row.error}`;
          log(
            `[${progress.done}/${total}] ${result}${others.length > 0 ? ` · ${say(l, 'กำลังตรวจ', 'running')}: ${others.join(', ')}` : ''}\n  ${progress.status(l)}\n`,
          );
        };

        // Workers take the first pending agency whose host is not already being audited.
        const worker = async (): Promise<void> => {
          for (;;) {
            const index = pending.findIndex((a) => !busyHosts.has(hostKey(a.url)));
            if (index < 0) {
              if (pending.length === 0) return;
              await new Promise<void>((r) => {
                const previous = wake;
                wake = () => {
                  previous();
                  r();
                };
              });
              continue;
            }
            const [agency] = pending.splice(index, 1) as [Agency];
            const key = hostKey(agency.url);
            busyHosts.add(key);
            running.set(agency.id, agency.url);
            progress.start();
            try {
              await runOne(agency);
            } finally {
              busyHosts.delete(key);
              const w = wake;
              wake = () => {};
              w();
            }
          }
        };
        try {
          await Promise.all(
            Array.from({ length: Math.min(sitesConcurrency, Math.max(pending.length, 1)) }, worker),
          );
        } finally {
          clearInterval(statusTimer);
        }

        // The summary, in the CSV's order, from the state: every agency exactly once.
        const rows = agencies.map(
          (a) => state.entries.get(a.id)?.row ?? rowFromError(a, 'not audited', 0, 'not-audited'),
        );
        writeFileAtomic(join(dir, 'summary.csv'), renderSummaryCsv(rows, pack));
        writeFileAtomic(
          join(dir, 'index.html'),
          renderBatchIndex(rows, pack, { generatedAt: new Date().toISOString(), lang: l }),
        );
        const errors = rows.filter((r) => r.status !== 'done').length;
        log(
          say(
            l,
            `เสร็จ: ตรวจสำเร็จ ${rows.length - errors} ตรวจไม่ได้ ${errors} · ${join(shownDir, 'summary.csv')} · ${join(shownDir, 'index.html')}\n`,
            `finished: ${rows.length - errors} audited, ${errors} could not be audited · ${join(shownDir, 'summary.csv')} · ${join(shownDir, 'index.html')}\n`,
          ),
        );
        setExit(batchExitCode(rows, flags.failOnUnreachable === true));
      } finally {
        state.close();
        release();
      }
    });
}

/**
 * The exit code of a finished batch, from the whole summary (not from the rows this run
 * retried): an agency that could not be audited is a recorded result, so 0; 3 when no agency at
 * all could be audited (the network is probably down), or with `--fail-on-unreachable` when any
 * could not.
 */
export function batchExitCode(rows: readonly BatchRow[], failOnUnreachable: boolean): number {
  const errors = rows.filter((r) => r.status === 'error').length;
  if (errors > 0 && (failOnUnreachable || errors === rows.length)) return ExitCode.crawlFailed;
  return ExitCode.ok;
}
