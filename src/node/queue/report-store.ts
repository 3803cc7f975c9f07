/**
 * Reports travel through Redis, not a shared disk: a worker stores the report JSON gzip'd under
 * the job's key and the coordinator reads it back. A report of a large site is megabytes of
 * repetitive JSON; gzip keeps it a small fraction of that in Redis memory.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Redis } from 'ioredis';
import { queueKeys } from './audit-job';

/** Stores `json` for `jobId` and records the job as finished, in one transaction. */
export async function storeReport(
  redis: Redis,
  jobId: string,
  json: string,
): Promise<{ bytes: number; storedBytes: number }> {
  const raw = Buffer.from(json, 'utf8');
  const packed = gzipSync(raw, { level: 6 });
  await redis.multi().set(queueKeys.report(jobId), packed).rpush(queueKeys.finished, jobId).exec();
  return { bytes: raw.length, storedBytes: packed.length };
}

/** The report JSON stored for `jobId`, or null when there is none. */
export async function loadReport(redis: Redis, jobId: string): Promise<string | null> {
  const packed = await redis.getBuffer(queueKeys.report(jobId));
  return packed === null ? null : gunzipSync(packed).toString('utf8');
}

/** Records a job that failed for good, so coordinators learn of it without polling every job. */
export async function markFinished(redis: Redis, jobId: string): Promise<void> {
  await redis.rpush(queueKeys.finished, jobId);
}

/** Finished job ids from `cursor` on, and the cursor to read from next. */
export async function readFinished(redis: Redis, cursor: number): Promise<{ ids: string[]; next: number }> {
  const ids = await redis.lrange(queueKeys.finished, cursor, -1);
  return { ids, next: cursor + ids.length };
}
