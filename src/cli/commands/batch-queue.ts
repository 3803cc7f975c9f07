/**
 * `oit-audit batch --queue redis://…`: the coordinator of a distributed batch. It enqueues one
 * BullMQ job per agency (the job id is the agency id and the assessed year, so enqueuing again adds
 * nothing), follows the run, and writes each finished agency into the output folder with the
 * one-process batch's own writers: `<id>.json`, a line of `state.jsonl`, `summary.csv` and
 * `index.html` (which refreshes itself until the run is over).
 *
 * Reports come from Redis (gzip'd by the workers), so workers share no disk with the coordinator.
 * The folder's `state.jsonl` says which agencies are written: a coordinator killed and started
 * again with `--resume` writes the rest, including results that finished while it was away.
 */
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type AuditReport, auditReportSchema } from '../../core/report/schema';
import type { RulePack } from '../../core/rules/load-pack';
import { formatScore } from '../../core/score/round';
import { fiscalYearOf } from '../../core/thai/fiscal-year';
import { BatchState, writeFileAtomic } from '../../node/batch-state';
import { renderHtmlReport } from '../../ui/render-html-report';
import { type AuditJobData, type AuditJobResult, auditJobId } from '../../node/queue/audit-job';
import {
  openRedis,
  parseQueueUrl,
  QUEUE_NAME,
  QUEUE_PREFIX,
  QueueUrlError,
  redactQueueUrl,
  waitForRedis,
} from '../../node/queue/connection';
import { loadReport, readFinished } from '../../node/queue/report-store';
import type { Agency } from '../agencies-csv';
import { CliError, usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import { type Lang, say } from '../io';
import {
  type BatchRow,
  renderBatchIndex,
  renderSummaryCsv,
  rowFromError,
  rowFromReport,
} from '../reporters/batch-summary';

export interface QueueTarget {
  /** The `--queue` URL as given (may hold a password). */
  raw: string;
  env: Record<string, string | undefined>;
  lang: Lang;
}

export interface QueuedBatchOptions {
  queue: QueueTarget;
  agencies: Agency[];
  pack: RulePack;
  /** `--year`, for agencies whose row has none. */
  year: number | undefined;
  limits: AuditJobData['limits'];
  offsiteCheck: boolean;
  dir: string;
  shownDir: string;
  retryErrors: boolean;
  attempts: number;
  backoffMs: number;
  log: (text: string) => void;
  setExit: (code: number) => void;
}

/** How often the coordinator looks at the queue, and how often it prints where the run stands. */
const TICK_MS = 400;
const STATUS_EVERY_MS = 5000;
/** `index.html` and `summary.csv` are rewritten at most this often while results arrive. */
const INTERIM_EVERY_MS = 2000;
/** A pending job is looked at directly (not only through the finished list) this often. */
const RECONCILE_EVERY_MS = 30_000;

/** The assessed year of an agency: its row, else `--year`, else the current fiscal year. */
function yearOf(agency: Agency, year: number | undefined): number {
  return agency.year ?? year ?? fiscalYearOf(new Date());
}

/** Connects to the queue or stops with a clear message: bad URL or refused login exit 2, unreachable exit 3. */
export async function connectQueue(
  target: QueueTarget,
  onError?: (message: string) => void,
): Promise<{ redis: Redis; shown: string }> {
  const { lang } = target;
  let url: URL;
  try {
    url = parseQueueUrl(target.raw, target.env.OIT_AUDIT_QUEUE_PASSWORD);
  } catch (e) {
    if (e instanceof QueueUrlError)
      throw usageError(
        say(lang, `--queue ใช้ไม่ได้: ${e.message}`, `--queue is not usable: ${e.message}`),
        say(lang, 'เช่น redis://127.0.0.1:6379/0', 'e.g. redis://127.0.0.1:6379/0'),
      );
    throw e;
  }
  const shown = redactQueueUrl(url);
  const redis = openRedis(url, onError);
  try {
    await waitForRedis(redis, 10_000);
  } catch (e) {
    redis.disconnect();
    const message = (e as Error).message;
    if (/NOAUTH|WRONGPASS|NOPERM/.test(message))
      throw usageError(
        say(lang, `คิว ${shown} ไม่ยอมรับการเข้าสู่ระบบ`, `the queue ${shown} refused the login`),
        say(
          lang,
          'ตรวจรหัสผ่านใน URL หรือ OIT_AUDIT_QUEUE_PASSWORD',
          'check the password in the URL or OIT_AUDIT_QUEUE_PASSWORD',
        ),
      );
    throw new CliError(
      say(lang, `ติดต่อคิว ${shown} ไม่ได้ (${message})`, `cannot reach the queue ${shown} (${message})`),
      say(lang, 'เริ่ม redis-server ก่อน หรือตรวจ host/port', 'start redis-server first, or check host and port'),
      ExitCode.crawlFailed,
    );
  }
  return { redis, shown };
}

/** Marks `index.html` as a page that reloads itself while the run goes on. */
function refreshing(html: string): string {
  return html.replace(
    '<meta charset="utf-8">',
    '<meta charset="utf-8">\n<meta http-equiv="refresh" content="10">',
  );
}

function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const s = Math.round(ms / 1000);
  return s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
}

export async function runQueuedBatch(o: QueuedBatchOptions): Promise<void> {
  const l = o.queue.lang;
  const { redis, shown } = await connectQueue(o.queue, (m) =>
    o.log(say(l, `คิว: ${m} (จะต่อใหม่เอง)\n`, `queue: ${m} (reconnecting)\n`)),
  );
  const queue = new Queue<AuditJobData, AuditJobResult>(QUEUE_NAME, {
    connection: redis,
    prefix: QUEUE_PREFIX,
  });
  const state = BatchState.open<BatchRow>(o.dir);
  try {
    const byJob = new Map<string, Agency>();
    for (const a of o.agencies) byJob.set(auditJobId(a.id, yearOf(a, o.year)), a);
    const isWritten = (a: Agency) => {
      const entry = state.entries.get(a.id);
      return entry !== undefined && !(o.retryErrors && entry.status === 'error');
    };
    const pending = new Map([...byJob].filter(([, a]) => !isWritten(a)));
    const total = o.agencies.length;
    let done = total - pending.size;

    // Enqueue: jobs that exist already (another coordinator, an earlier run) are left as they are.
    const jobOf = (a: Agency): AuditJobData => ({
      v: 1,
      agencyId: a.id,
      url: a.url,
      year: yearOf(a, o.year),
      rules: o.pack.id,
      offsiteCheck: o.offsiteCheck,
      limits: o.limits,
    });
    const entries = [...pending];
    for (let i = 0; i < entries.length; i += 500) {
      await queue.addBulk(
        entries.slice(i, i + 500).map(([jobId, a]) => ({
          name: 'audit',
          data: jobOf(a),
          opts: {
            jobId,
            attempts: o.attempts,
            backoff: { type: 'exponential', delay: o.backoffMs },
            removeOnComplete: false,
            removeOnFail: false,
          },
        })),
      );
    }
    if (o.retryErrors) {
      for (const [jobId] of pending) {
        const job = await queue.getJob(jobId);
        if (job && (await job.getState()) === 'failed') await job.retry('failed');
      }
    }
    o.log(
      say(
        l,
        `batch: ${total} หน่วยงาน${done > 0 ? ` (เสร็จแล้ว ${done})` : ''} · คิว ${shown} → ${o.shownDir}\n`,
        `batch: ${total} agencies${done > 0 ? ` (${done} already finished)` : ''} · queue ${shown} → ${o.shownDir}\n`,
      ),
    );

    const rowsSoFar = () =>
      o.agencies.flatMap((a) => {
        const row = state.entries.get(a.id)?.row;
        return row ? [row] : [];
      });
    let ran = 0;
    let failed = 0;
    const started = Date.now();
    let lastInterim = 0;
    let dirty = false;
    const writeInterim = (force = false) => {
      if (!dirty || (!force && Date.now() - lastInterim < INTERIM_EVERY_MS)) return;
      const rows = rowsSoFar();
      writeFileAtomic(join(o.dir, 'summary.csv'), renderSummaryCsv(rows, o.pack));
      writeFileAtomic(
        join(o.dir, 'index.html'),
        refreshing(renderBatchIndex(rows, o.pack, { generatedAt: new Date().toISOString(), lang: l })),
      );
      lastInterim = Date.now();
      dirty = false;
    };

    const record = (jobId: string, agency: Agency, row: BatchRow, sha256?: string) => {
      state.append({
        v: 1,
        id: agency.id,
        url: agency.url,
        status: row.status,
        finishedAt: new Date().toISOString(),
        ...(row.report ? { file: row.report } : {}),
        ...(sha256 ? { sha256 } : {}),
        row,
      });
      pending.delete(jobId);
      ran++;
      done++;
      if (row.status === 'error') failed++;
      dirty = true;
      const result =
        row.status === 'done'
          ? `✓ ${agency.id} OIT ${formatScore(row.oit ?? 0)} · ${row.pages} ${say(l, 'หน้า', 'pages')} · ${(row.durationMs / 1000).toFixed(1)} s`
          : `✗ ${agency.id} ${row.error}`;
      // The watched page first, then the line: whoever acts on "[n/N]" finds the page written.
      writeInterim();
      o.log(`[${done}/${total}] ${result}\n`);
    };

    /** Writes a job that finished; false when it is not finished yet (look again later). */
    const collect = async (jobId: string) => {
      const agency = pending.get(jobId);
      if (!agency) return true;
      // The state first, then the job: a job read while active and failing in between would
      // carry no reason yet. Completed and failed are final, so what is read after them holds.
      const jobState = await queue.getJobState(jobId);
      if (jobState === 'unknown') {
        // Removed from the queue by someone: enqueue it again.
        await queue.add('audit', jobOf(agency), {
          jobId,
          attempts: o.attempts,
          backoff: { type: 'exponential', delay: o.backoffMs },
        });
        return false;
      }
      if (jobState !== 'completed' && jobState !== 'failed') return false;
      const job = await queue.getJob(jobId);
      if (!job) return false;
      if (jobState === 'completed') {
        const result = job.returnvalue;
        const json = await loadReport(redis, jobId);
        if (json === null) {
          record(
            jobId,
            agency,
            rowFromError(agency, 'the report is missing from the queue', result?.durationMs ?? 0),
          );
          return true;
        }
        let raw: unknown;
        let report: AuditReport;
        try {
          raw = JSON.parse(json);
          report = auditReportSchema.parse(raw);
        } catch (e) {
          const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
          record(jobId, agency, rowFromError(agency, `the report from the queue is not valid: ${reason}`, 0));
          return true;
        }
        const file = `${agency.id}.json`;
        // The same bytes as the one-process batch: the report as runAudit returned it, indented.
        const sha256 = writeFileAtomic(join(o.dir, file), `${JSON.stringify(raw, null, 2)}\n`);
        // And its HTML report beside it, as the one-process batch writes it.
        const html = `${agency.id}.html`;
        writeFileAtomic(join(o.dir, html), renderHtmlReport(report, o.pack, l));
        record(
          jobId,
          agency,
          rowFromReport(agency, report, result?.durationMs ?? report.durationMs, file, html),
          sha256,
        );
        return true;
      }
      if (jobState === 'failed') {
        const ms = job.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : 0;
        const reason = job.failedReason || 'failed';
        // The worker's reason starts as describeError words it (batch.ts): keep its kind.
        const kind = reason.startsWith('site unreachable')
          ? 'unreachable'
          : reason.startsWith('invalid options')
            ? 'invalid'
            : 'failed';
        record(jobId, agency, rowFromError(agency, reason, ms, kind));
        return true;
      }
      return false;
    };

    let cursor = 0;
    // Jobs named in the finished list that were not final yet when looked at (the worker records
    // the report a moment before BullMQ marks the job completed): looked at again each tick.
    const recheck = new Set<string>();
    let lastStatus = 0;
    let lastReconcile = 0;
    while (pending.size > 0) {
      const { ids, next } = await readFinished(redis, cursor);
      cursor = next;
      for (const id of ids) if (pending.has(id)) recheck.add(id);
      for (const id of [...recheck]) {
        if (await collect(id)) recheck.delete(id);
      }
      const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
      const queued =
        (counts.active ?? 0) + (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
      const since = Date.now() - lastReconcile;
      if ((queued === 0 && since > 2000) || since > RECONCILE_EVERY_MS) {
        // Every pending job looked at once: one failed without a word in the finished list (a
        // stalled job given up on) or removed from the queue is found here.
        lastReconcile = Date.now();
        for (const id of [...pending.keys()]) {
          if (!recheck.has(id)) await collect(id);
        }
      }
      writeInterim();
      if (Date.now() - lastStatus > STATUS_EVERY_MS && pending.size > 0) {
        lastStatus = Date.now();
        const elapsed = Date.now() - started;
        const perMin = ran > 0 ? (ran / elapsed) * 60_000 : 0;
        const left = ran > 0 ? (pending.size / ran) * elapsed : Number.NaN;
        o.log(
          say(
            l,
            `คิว: เสร็จ ${done}/${total} · กำลังตรวจ ${counts.active ?? 0} · รอ ${(counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0)} · ผิดพลาด ${failed} · ${perMin.toFixed(1)}/นาที · เหลือ ~${duration(left)}\n`,
            `queue: done ${done}/${total} · running ${counts.active ?? 0} · waiting ${(counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0)} · failed ${failed} · ${perMin.toFixed(1)}/min · ~${duration(left)} left\n`,
          ),
        );
      }
      if (pending.size > 0) await new Promise((r) => setTimeout(r, TICK_MS));
    }

    // The final files, exactly as the one-process batch writes them.
    const rows = o.agencies.map((a) => state.entries.get(a.id)?.row ?? rowFromError(a, 'not audited', 0));
    writeFileAtomic(join(o.dir, 'summary.csv'), renderSummaryCsv(rows, o.pack));
    writeFileAtomic(
      join(o.dir, 'index.html'),
      renderBatchIndex(rows, o.pack, { generatedAt: new Date().toISOString(), lang: l }),
    );
    const errors = rows.filter((r) => r.status === 'error').length;
    o.log(
      say(
        l,
        `เสร็จ: ตรวจสำเร็จ ${rows.length - errors} ผิดพลาด ${errors} · ${join(o.shownDir, 'summary.csv')} · ${join(o.shownDir, 'index.html')}\n`,
        `finished: ${rows.length - errors} audited, ${errors} failed · ${join(o.shownDir, 'summary.csv')} · ${join(o.shownDir, 'index.html')}\n`,
      ),
    );
    o.setExit(ran > 0 && failed === ran ? ExitCode.crawlFailed : ExitCode.ok);
  } finally {
    state.close();
    await queue.close();
    redis.disconnect();
  }
}

export interface QueueStatusOptions {
  queue: QueueTarget;
  agencies: Agency[];
  year: number | undefined;
  dir: string;
  shownDir: string;
  print: (text: string) => void;
}

/** `batch --queue … --status`: where this CSV's run stands, read-only. */
export async function printQueueStatus(o: QueueStatusOptions): Promise<void> {
  const l = o.queue.lang;
  const { redis, shown } = await connectQueue(o.queue);
  const queue = new Queue<AuditJobData, AuditJobResult>(QUEUE_NAME, {
    connection: redis,
    prefix: QUEUE_PREFIX,
  });
  try {
    const tally = new Map<string, number>();
    const ids = o.agencies.map((a) => auditJobId(a.id, yearOf(a, o.year)));
    for (let i = 0; i < ids.length; i += 100) {
      const states = await Promise.all(ids.slice(i, i + 100).map((id) => queue.getJobState(id)));
      for (const s of states) tally.set(s, (tally.get(s) ?? 0) + 1);
    }
    const n = (...keys: string[]) => keys.reduce((s, k) => s + (tally.get(k) ?? 0), 0);
    let written = 0;
    if (BatchState.exists(o.dir)) {
      const state = BatchState.open(o.dir);
      written = o.agencies.filter((a) => state.entries.has(a.id)).length;
      state.close();
    }
    const workers = (await queue.getWorkers()).length;
    o.print(
      say(
        l,
        `คิว ${shown} · ${o.agencies.length} หน่วยงาน\n` +
          `เสร็จ ${n('completed')} · ผิดพลาด ${n('failed')} · กำลังตรวจ ${n('active')} · รอ ${n('waiting', 'prioritized', 'delayed', 'waiting-children')} · ยังไม่เข้าคิว ${n('unknown')}\n` +
          `เขียนลง ${o.shownDir} แล้ว ${written} · worker ที่ต่ออยู่ ${workers}\n`,
        `queue ${shown} · ${o.agencies.length} agencies\n` +
          `done ${n('completed')} · failed ${n('failed')} · running ${n('active')} · waiting ${n('waiting', 'prioritized', 'delayed', 'waiting-children')} · not queued ${n('unknown')}\n` +
          `written to ${o.shownDir}: ${written} · workers connected: ${workers}\n`,
      ),
    );
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
