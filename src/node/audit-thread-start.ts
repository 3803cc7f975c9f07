/**
 * Starting the audit's thread (audit-thread.ts), apart from running an audit in it: this module
 * loads nothing but Node's own, so the `audit` command can start the thread before it loads and
 * checks its options, config and packs. The thread loads the audit's code (about 0.3 s) at the
 * same time and waits for its audit (the first message).
 */
import { Worker } from 'node:worker_threads';
import { tuneTieringForAudits } from './v8-tiering';
import { findWorkerFile } from './worker-file';

/** Old-generation cap of the audit's thread, MB: the heap V8 may grow to before it must collect. */
export const AUDIT_HEAP_MB = 256;
/** Young-generation size, MB: short-lived page garbage is collected early and cheaply. */
export const AUDIT_YOUNG_MB = 8;

/** The compiled worker beside this module (dist/cli/) or above its chunk (dist/cli/chunks/). */
export const AUDIT_WORKER_URL = findWorkerFile(import.meta.url, [
  './audit-worker.mjs',
  '../audit-worker.mjs',
]);

/** What an audit thread is started with, before its audit: what to prepare for. */
export interface AuditThreadHint {
  /** The audit will most likely be an auto one (no pack given): page threads prepare for it. */
  auto: boolean;
}

/** An audit thread with a capped heap, loading its code; it holds no process open until used. */
export function startAuditThread(url: URL, heapMb: number = AUDIT_HEAP_MB, hint?: AuditThreadHint): Worker {
  // The ramp's budget from the thread's first line, before its audit (and its counted ramp,
  // runAuditThreaded) is known. Not for page threads: one started again mid-crawl, past the
  // ramp, would set a budget nothing ends.
  tuneTieringForAudits();
  const worker = new Worker(url, {
    workerData: hint ?? null,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: AUDIT_YOUNG_MB },
  });
  worker.unref();
  return worker;
}

let early: Worker | undefined;

/**
 * Starts the thread the next `runAuditThreaded` of this process will take, when the build has
 * one. Never taken (a usage error, a custom pack run in-process), it ends with the process.
 */
export function startAuditThreadEarly(hint?: AuditThreadHint): void {
  if (early || !AUDIT_WORKER_URL) return;
  const worker = startAuditThread(AUDIT_WORKER_URL, AUDIT_HEAP_MB, hint);
  // One that fails before it is taken is dropped (its error would otherwise be thrown).
  worker.on('error', () => {});
  worker.once('exit', () => {
    if (early === worker) early = undefined;
  });
  early = worker;
}

/** The thread started early, if it was started for `url` with `heapMb`; it is no longer spare. */
export function takeEarlyAuditThread(url: URL, heapMb: number): Worker | undefined {
  const worker = early;
  if (!worker || url.href !== AUDIT_WORKER_URL?.href || heapMb !== AUDIT_HEAP_MB) return undefined;
  early = undefined;
  return worker;
}

/** Ends a thread started early that no audit will take (the audit runs in this thread). */
export function dropEarlyAuditThread(): void {
  const worker = early;
  early = undefined;
  void worker?.terminate();
}
