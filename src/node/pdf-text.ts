import { findWorkerFile } from './worker-file';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { DocumentText } from '../core/types';

/** Limits of one PDF read (issue 12: a hostile PDF must not take the audit down). */
export interface PdfLimits {
  /** Pages read; the first pages carry the title and the year. */
  maxPages: number;
  /** Wall time of one read, ms. */
  timeoutMs: number;
  /** V8 heap of the reader, MB; the process's resident memory may grow this much more at most. */
  maxMemoryMb: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 50, timeoutMs: 30_000, maxMemoryMb: 256 };

/** Why a PDF could not be read; the audit records the item as `review` (`unreadable-document`). */
export class PdfReadError extends Error {
  override readonly name = 'PdfReadError';
}

/**
 * The worker's file: beside this module in the sources (src/node/), and at the top of the
 * compiled CLI (dist/cli/pdf-worker.mjs, bundled with pdf.js by scripts/build-cli.mjs) when this
 * code sits in dist/cli/ or one of its chunks.
 */
const WORKER_URL =
  findWorkerFile(import.meta.url, ['./pdf-worker.mjs', '../pdf-worker.mjs']) ??
  new URL('./pdf-worker.mjs', import.meta.url);
/** How often the resident memory is checked while a worker reads, ms. */
const MEMORY_POLL_MS = 50;
// One PDF at a time: the memory guard watches the whole process, so it must watch one reader.
const oneAtATime = pLimit(1);

/**
 * Reads the text layer of a PDF with unpdf (pdf.js) in a worker thread with a heap limit
 * (`resourceLimits`), a page cap and a time limit. pdf.js keeps decompressed streams outside the
 * V8 heap, so the resident memory is watched too. A scanned PDF gives empty text; a malformed
 * one, or one past a limit, rejects with {@link PdfReadError}. The worker is always ended.
 */
export function readPdfText(bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<DocumentText> {
  const l = { ...PDF_LIMITS, ...limits };
  return oneAtATime(() => readInWorker(bytes, l));
}

/**
 * Starts the reader thread now (it loads pdf.js at once), so that the first read does not wait
 * for it. Idle, it does not keep the process alive; reads with the same limits use it.
 */
export function preparePdfReader(limits: Partial<PdfLimits> = {}): void {
  readerFor({ ...PDF_LIMITS, ...limits }.maxMemoryMb);
}

interface Reply {
  id?: number;
  ready?: true;
  ok?: boolean;
  message?: string;
  text?: string;
  pageTexts?: string[];
  pages?: number;
  pagesRead?: number;
}

/** The reader thread, kept between files; ended and replaced after a read past a limit. */
let reader: { worker: Worker; heapMb: number; listeners: Set<(m: Reply | Error) => void> } | null = null;
let nextId = 1;

function readerFor(heapMb: number) {
  if (reader && reader.heapMb === heapMb) return reader;
  if (reader) void reader.worker.terminate();
  const worker = new Worker(WORKER_URL, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
    // The worker silences console itself (-q prints nothing; the report says what was
    // unreadable); piped streams would keep the process alive after the audit.
  });
  // An idle reader must not keep the process alive.
  worker.unref();
  const current = { worker, heapMb, listeners: new Set<(m: Reply | Error) => void>() };
  worker.on('message', (m: Reply) => {
    for (const l of current.listeners) l(m);
  });
  const died = (e: Error) => {
    if (reader === current) reader = null;
    for (const l of current.listeners) l(e);
  };
  worker.on('error', died);
  worker.on('exit', (code) =>
    died(Object.assign(new Error(`the PDF reader stopped (exit ${code})`), { code: 'EXIT' })),
  );
  reader = current;
  return current;
}

function endReader(): void {
  if (!reader) return;
  const r = reader;
  reader = null;
  void r.worker.terminate();
}

function readInWorker(bytes: Uint8Array, limits: PdfLimits): Promise<DocumentText> {
  return new Promise((resolve, reject) => {
    const baseline = process.memoryUsage.rss();
    const r = readerFor(limits.maxMemoryMb);
    const id = nextId++;
    let settled = false;
    const finish = (error: PdfReadError | null, value?: DocumentText) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
      r.listeners.delete(listener);
      r.worker.unref();
      if (error) reject(error);
      else resolve(value as DocumentText);
    };
    const fail = (why: string) => {
      // Past a limit: the reader may be stuck or bloated; a fresh one reads the next file.
      endReader();
      finish(new PdfReadError(why));
    };
    const listener = (m: Reply | Error) => {
      if (m instanceof Error) {
        const code = (m as Error & { code?: string }).code;
        return finish(
          new PdfReadError(
            code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `reading needed more than ${limits.maxMemoryMb} MB of memory`
              : m.message,
          ),
        );
      }
      if (m.id !== id) return;
      if (!m.ok) return finish(new PdfReadError(`malformed PDF: ${m.message ?? 'unreadable'}`));
      const pages = m.pages ?? 0;
      const pagesRead = m.pagesRead ?? pages;
      finish(null, {
        text: m.text ?? '',
        pageTexts: m.pageTexts ?? [],
        pages,
        ...(pagesRead < pages ? { pagesRead } : {}),
      });
    };
    r.listeners.add(listener);
    const timer = setTimeout(
      () => fail(`reading took longer than ${Math.round(limits.timeoutMs / 1000)} s`),
      limits.timeoutMs,
    );
    const poll = setInterval(() => {
      const grown = (process.memoryUsage.rss() - baseline) / (1024 * 1024);
      if (grown > limits.maxMemoryMb * 1.5) {
        fail(`reading needed more than ${Math.round(limits.maxMemoryMb * 1.5)} MB of memory`);
      }
    }, MEMORY_POLL_MS);
    // Busy while reading: the process waits for the answer.
    r.worker.ref();
    // A copy: the worker gets its own buffer, ours stays usable.
    r.worker.postMessage({ id, bytes: new Uint8Array(bytes), maxPages: limits.maxPages });
  });
}
