/**
 * What travels through the queue: one job per agency and assessed year, and its small result.
 * Job data comes back from Redis, which any client of the queue can write to, so the worker
 * checks it against {@link auditJobSchema} before it audits anything.
 */
import * as z from 'zod';
import { QUEUE_NAME, QUEUE_PREFIX } from './connection';

export const auditJobSchema = z.object({
  v: z.literal(1),
  agencyId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
  url: z.string().url(),
  year: z.number().int().min(2550).max(2700),
  rules: z.string().min(1).max(64),
  offsiteCheck: z.boolean(),
  limits: z
    .object({
      maxPages: z.number().int().min(1),
      maxDepth: z.number().int().min(0),
      concurrency: z.number().int().min(1).max(32),
      delayMs: z.number().int().min(0),
      timeoutMs: z.number().int().min(1),
      retries: z.number().int().min(0).max(10),
    })
    .partial(),
});
export type AuditJobData = z.infer<typeof auditJobSchema>;

/** What a worker returns for a finished audit; the report itself is in the report store. */
export interface AuditJobResult {
  durationMs: number;
  /** When the audit ran (ms since epoch), inside the host lock. */
  startedAt: number;
  endedAt: number;
  worker: string;
  /** Size of the report JSON and of its stored (compressed) form. */
  bytes: number;
  storedBytes: number;
}

/**
 * The job id of an agency's audit for a year: enqueuing the same agency for the same year again
 * finds the existing job and adds nothing. Agency ids never hold `:` (BullMQ reserves it) and the
 * year always ends the id, so two agencies never share one.
 */
export function auditJobId(agencyId: string, year: number): string {
  return `${agencyId}-${year}`;
}

/** Redis keys of our own, beside BullMQ's, under the same prefix. */
export const queueKeys = {
  /** The gzip'd report JSON of a finished job. */
  report: (jobId: string) => `${QUEUE_PREFIX}:${QUEUE_NAME}:report:${jobId}`,
  /** Ids of jobs that finished (done or failed for good), in order: coordinators read it. */
  finished: `${QUEUE_PREFIX}:${QUEUE_NAME}:finished`,
  /** The politeness lock of a host: held by the one audit of that host running anywhere. */
  host: (host: string) => `${QUEUE_PREFIX}:${QUEUE_NAME}:host:${host}`,
};
