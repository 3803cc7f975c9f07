/**
 * A queue worker: takes audit jobs from BullMQ, audits each agency under a fleet-wide host lock,
 * stores the report gzip'd in Redis and tells coordinators it finished.
 *
 * Failure handling is BullMQ's: a worker that dies mid-job stops renewing the job's lock and
 * another worker's stalled-job check puts it back in the queue; an audit that throws is retried
 * with backoff until the job's attempts are used up, then the job is failed with its reason.
 * A refused address or invalid job data fails at once (no retry can help).
 */
import { hostname } from 'node:os';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type AuditOptions, runAudit } from '../../core/audit';
import { siteKey } from '../../core/crawl/url';
import { createNodeEnv } from '../node-env';
import { AddressRefused, checkAuditUrl, isLocalHostName } from './address-policy';
import { type AuditJobData, type AuditJobResult, auditJobSchema } from './audit-job';
import { QUEUE_NAME, QUEUE_PREFIX } from './connection';
import { acquireHostLock } from './host-lock';
import { markFinished, storeReport } from './report-store';

export interface AuditWorkerOptions {
  /** Connection for BullMQ (blocking commands) and one for our own keys. */
  connection: Redis;
  redis: Redis;
  concurrency: number;
  allowPrivate: boolean;
  /**
   * How long a job (and a host lock) stays with a worker that stopped answering before it is
   * handed to another, ms.
   */
  stalledAfterMs: number;
  /** The politeness key of a URL (host and port). */
  hostKey: (url: string) => string;
  /** A one-line reason for a failed audit, as the one-process batch words it. */
  describeError: (e: unknown) => string;
  /** Progress lines (stderr). */
  log: (line: string) => void;
  name?: string;
}

/** How long a job waits when its host is being audited elsewhere, before it is tried again. */
const HOST_BUSY_DELAY_MS = 750;

export function startAuditWorker(options: AuditWorkerOptions): Worker<AuditJobData, AuditJobResult> {
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const ttl = options.stalledAfterMs;

  const processor = async (job: Job<AuditJobData, AuditJobResult>, token?: string) => {
    const parsed = auditJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid job data: ${parsed.error.issues[0]?.message}`);
    const data = parsed.data;
    if (!options.allowPrivate) {
      try {
        await checkAuditUrl(data.url);
      } catch (e) {
        if (e instanceof AddressRefused) throw new UnrecoverableError(e.message);
        throw e;
      }
    }
    const host = options.hostKey(data.url);
    const lock = await acquireHostLock(options.redis, host, name, ttl);
    if (lock === null) {
      // Another audit of this host runs somewhere: come back later, without using an attempt.
      await job.moveToDelayed(Date.now() + HOST_BUSY_DELAY_MS + Math.floor(Math.random() * 500), token);
      throw new DelayedError();
    }
    const startedAt = Date.now();
    try {
      options.log(`▶ ${data.agencyId} ${data.url}\n`);
      const startHost = siteKey(new URL(data.url).hostname);
      const allowHost = (h: string) =>
        (data.offsiteCheck || siteKey(h) === startHost) && (options.allowPrivate || !isLocalHostName(h));
      const env = createNodeEnv({ allowHost });
      const auditOptions: AuditOptions = {
        url: data.url,
        rules: data.rules,
        year: data.year,
        ...Object.fromEntries(Object.entries(data.limits).filter(([, v]) => v !== undefined)),
      };
      let json: string;
      try {
        json = JSON.stringify(await runAudit(auditOptions, env));
      } catch (e) {
        throw new Error(options.describeError(e));
      }
      const endedAt = Date.now();
      const sizes = await storeReport(options.redis, job.id as string, json);
      options.log(`✓ ${data.agencyId} ${((endedAt - startedAt) / 1000).toFixed(1)} s\n`);
      return { durationMs: endedAt - startedAt, startedAt, endedAt, worker: name, ...sizes };
    } finally {
      await lock.release();
    }
  };

  const worker = new Worker<AuditJobData, AuditJobResult>(QUEUE_NAME, processor, {
    connection: options.connection,
    prefix: QUEUE_PREFIX,
    concurrency: options.concurrency,
    lockDuration: ttl,
    stalledInterval: Math.max(1000, Math.floor(ttl / 2)),
    // A job whose worker died twice in a row is failed rather than passed on forever.
    maxStalledCount: 2,
    name,
  });
  worker.on('failed', (job, error) => {
    if (!job || error instanceof DelayedError) return;
    const final =
      error instanceof UnrecoverableError ||
      job.finishedOn !== undefined ||
      job.attemptsMade >= (job.opts.attempts ?? 1);
    options.log(`✗ ${job.data?.agencyId ?? job.id} ${error.message}${final ? '' : ' (retrying)'}\n`);
    if (final) markFinished(options.redis, job.id as string).catch(() => {});
  });
  return worker;
}
