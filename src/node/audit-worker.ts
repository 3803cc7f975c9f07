/**
 * The audit's thread (see audit-thread.ts): runs `runAudit` with the Node adapters and posts
 * its progress, then its report or its error, to the CLI thread.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditThreadHint } from './audit-thread-start';
import type { AuditOptions } from '../core/audit';
import { startExtractThreadsEarly } from './extract-threads';

/**
 * The CLI thread's first message: the options (plain data) and the `--no-offsite-check` host. A
 * message, not `workerData`, so that the thread can start before the options are checked.
 */
export interface AuditWorkerData {
  options: AuditOptions;
  /** Only this site (host and port) may be contacted, when set. */
  onlyHost?: string;
}

export type AuditWorkerMessage =
  | { type: 'events'; events: unknown[] }
  | { type: 'report'; report: unknown }
  | { type: 'error'; error: SerialisedError };

export interface SerialisedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  url?: string;
  field?: string;
  detail?: unknown;
}

function serialise(e: unknown): SerialisedError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const x = e as Error & { code?: string; url?: string; field?: string; detail?: unknown };
  return {
    name: x.name,
    message: x.message,
    ...(x.stack ? { stack: x.stack } : {}),
    ...(typeof x.code === 'string' ? { code: x.code } : {}),
    ...(typeof x.url === 'string' ? { url: x.url } : {}),
    ...(typeof x.field === 'string' ? { field: x.field } : {}),
    ...(x.detail !== undefined ? { detail: x.detail } : {}),
  };
}

/** How often progress is posted to the CLI thread, ms. */
const PROGRESS_EVERY_MS = 100;

const port = parentPort;
if (port) {
  // The page-reading threads load while this one loads the audit's code and packs (about 0.3 s
  // each): the pool adopts them, and the first page no longer waits for a thread to start.
  const hint = workerData as AuditThreadHint | null;
  startExtractThreadsEarly({ prepareBundled: hint?.auto === true });
  const [[data], { runAudit }, { auditEnvFor }] = await Promise.all([
    once(port, 'message') as Promise<[AuditWorkerData]>,
    import('../core/audit'),
    import('./node-env'),
  ]);
  const env = auditEnvFor(data.onlyHost);
  const post = (m: AuditWorkerMessage) => port.postMessage(m);
  // Progress goes out in batches, at most ten a second: each message wakes the CLI thread, and
  // a message per page cost this thread about a tenth of its time (the wake-ups of a busy
  // two-core machine). A progress bar needs no more.
  let pending: unknown[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.length === 0) return;
    post({ type: 'events', events: pending });
    pending = [];
  };
  const onEvent = (event: unknown) => {
    pending.push(event);
    timer ??= setTimeout(flush, PROGRESS_EVERY_MS);
  };
  const last = () => {
    clearTimeout(timer);
    flush();
  };
  runAudit(data.options, env, onEvent).then(
    (report) => {
      last();
      post({ type: 'report', report });
    },
    (e: unknown) => {
      last();
      post({ type: 'error', error: serialise(e) });
    },
  );
}
