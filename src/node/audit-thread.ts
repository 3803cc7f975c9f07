/**
 * Runs an audit in a worker thread with a bounded heap (issue 11 §3). In the CLI's own thread
 * V8 sizes the heap for speed and lets an audit's garbage (every page's HTML, text and parse)
 * pile up to several hundred MB before collecting it. A thread's heap can be capped: there the
 * collector keeps peak memory near what the audit holds, for a few per cent of CPU. The cap is
 * far above what an audit keeps (about 40 MB for 2,000 pages, more for the URLs of a 50,000-page
 * site); an audit that still runs out of it is run again in this thread, without the cap.
 *
 * Only the compiled CLI has the worker's file (dist/cli/audit-worker.mjs); from the sources
 * (development), and for a custom rule pack (an object with its own Map), the audit runs here.
 */
import type { Worker } from 'node:worker_threads';
import type { AuditEvent, AuditOptions } from '../core/audit';
import { AuditOptionsError } from '../core/audit-options-error';
import { CrawlError } from '../core/crawl/crawl-error';
import type { AuditReport } from '../core/report/schema';
import {
  AUDIT_HEAP_MB,
  AUDIT_WORKER_URL,
  dropEarlyAuditThread,
  startAuditThread,
  takeEarlyAuditThread,
} from './audit-thread-start';
import type { AuditWorkerData, AuditWorkerMessage, SerialisedError } from './audit-worker';
import { rampEnder, startTieringRamp } from './v8-tiering';

export interface AuditThreadOptions {
  /** Only this site (host and port) may be contacted (`--no-offsite-check`). */
  onlyHost?: string;
  /** Run in this thread whatever. */
  inProcess?: boolean;
  /** The worker's file (tests point at the compiled one); default: the build's, if any. */
  workerUrl?: URL;
  /** Old-generation cap of the thread, MB (tests make it tiny to run out). */
  heapMb?: number;
}

/** `runAudit` with the Node adapters, in a capped worker thread when the build has one. */
export async function runAuditThreaded(
  options: AuditOptions,
  onEvent: (event: AuditEvent) => void,
  threadOptions: AuditThreadOptions = {},
): Promise<AuditReport> {
  // V8's ramp-up tiering (v8-tiering.ts) ends after the ramp's pages, or with the audit.
  const endRamp = startTieringRamp();
  const rampOnPages = rampEnder(endRamp);
  const events = (event: AuditEvent) => {
    rampOnPages(event);
    onEvent(event);
  };
  try {
    return await auditIn(options, events, threadOptions);
  } finally {
    endRamp();
  }
}

async function auditIn(
  options: AuditOptions,
  events: (event: AuditEvent) => void,
  threadOptions: AuditThreadOptions,
): Promise<AuditReport> {
  // The pipeline is loaded in this thread only when the audit runs here: with the worker, this
  // thread keeps to the command line and the report.
  const here = async () => {
    dropEarlyAuditThread();
    const [{ runAudit }, { auditEnvFor }] = await Promise.all([
      import('../core/audit'),
      import('./node-env'),
    ]);
    return runAudit(options, auditEnvFor(threadOptions.onlyHost), events);
  };
  const workerUrl = threadOptions.workerUrl ?? AUDIT_WORKER_URL;
  if (!workerUrl || threadOptions.inProcess || options.rulePack || options.signal) return here();
  const heapMb = threadOptions.heapMb ?? AUDIT_HEAP_MB;
  const outcome = await inWorker(workerUrl, heapMb, options, events, threadOptions.onlyHost);
  if (outcome.kind === 'report') return outcome.report;
  if (outcome.kind === 'error') throw revive(outcome.error);
  // Out of memory under the cap (or the thread died): the whole audit again, uncapped.
  const report = await here();
  report.runWarnings.push(
    `การตรวจใช้หน่วยความจำเกิน ${heapMb} MB จึงตรวจใหม่โดยไม่จำกัด (${outcome.why}) — the audit needed more than ${heapMb} MB and was run again without the limit (${outcome.why})`,
  );
  return report;
}

type Outcome =
  | { kind: 'report'; report: AuditReport }
  | { kind: 'error'; error: SerialisedError }
  | { kind: 'died'; why: string };

function inWorker(
  url: URL,
  heapMb: number,
  options: AuditOptions,
  onEvent: (event: AuditEvent) => void,
  onlyHost: string | undefined,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const data: AuditWorkerData = { options, ...(onlyHost ? { onlyHost } : {}) };
    // The thread the command started before checking its options (audit-thread-start.ts), or a
    // new one; either way its first message is its audit.
    const worker: Worker =
      takeEarlyAuditThread(url, heapMb) ??
      startAuditThread(url, heapMb, { auto: options.rules === undefined || options.rules === 'auto' });
    worker.ref();
    worker.postMessage(data);
    let settled = false;
    const settle = (o: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(o);
      void worker.terminate();
    };
    worker.on('message', (m: AuditWorkerMessage) => {
      if (m.type === 'events') {
        for (const event of m.events) {
          try {
            onEvent(event as AuditEvent);
          } catch {
            // A broken progress listener never stops an audit.
          }
        }
      } else if (m.type === 'report') settle({ kind: 'report', report: m.report as AuditReport });
      else settle({ kind: 'error', error: m.error });
    });
    worker.on('error', (e: Error & { code?: string }) => settle({ kind: 'died', why: e.code ?? e.message }));
    worker.on('exit', (code) => settle({ kind: 'died', why: `the audit thread exited with code ${code}` }));
  });
}

/** The error the audit threw, as the CLI tells it apart (class or name: exit codes, messages). */
function revive(e: SerialisedError): Error {
  let out: Error;
  if (e.name === 'CrawlError' && e.code) {
    out = new CrawlError(
      e.code as CrawlError['code'],
      e.message,
      e.url ?? '',
      e.detail as CrawlError['detail'],
    );
  } else if (e.name === 'AuditOptionsError') out = new AuditOptionsError(e.message, e.field ?? '');
  else {
    out = new Error(e.message);
    out.name = e.name;
  }
  if (e.stack) out.stack = e.stack;
  return out;
}
