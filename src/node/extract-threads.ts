/**
 * Starting page-extraction threads, apart from the pool that feeds them (extract-pool.ts): this
 * module loads nothing but Node's own, so the audit's thread can start them first thing, while
 * it still loads the audit's code and packs. A thread takes about 0.2 s to load, which the first
 * page used to wait for; now it loads at the same time. The pool sends each thread its pack
 * (the first message) and adopts the threads started early.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractWorkerData } from './extract-worker';
import { findWorkerFile } from './worker-file';

/** Limits of the page-extraction threads (issue 11 §3). */
export interface ExtractLimits {
  /**
   * V8 young generation of a thread, MB. Small: a page's garbage is short-lived, and a small
   * nursery is collected often, which keeps the resident memory of the threads down.
   */
  maxYoungGenerationSizeMb: number;
  /** V8 heap of a thread, MB: room for the largest page the crawl reads (`maxHtmlBytes`). */
  maxOldGenerationSizeMb: number;
  /** Threads that may die (out of memory, a crash) before the pool reads pages in-process. */
  maxDeaths: number;
}

export const EXTRACT_LIMITS: ExtractLimits = {
  maxYoungGenerationSizeMb: 8,
  maxOldGenerationSizeMb: 256,
  maxDeaths: 5,
};

/**
 * Extraction threads for a machine with `cores` cores: one core stays with the main thread
 * (fetching, merging links, collecting candidates), at most four read pages; on one core the
 * pages are read in-process (0), where a thread would only add copying.
 */
export function extractWorkerCount(cores: number = availableParallelism()): number {
  return cores >= 2 ? Math.max(1, Math.min(cores - 1, 4)) : 0;
}

/**
 * The thread's file: at the top of the compiled CLI (dist/cli/extract-worker.mjs, built by
 * scripts/build-cli.mjs) when this code sits in dist/cli/ or one of its chunks; in the sources,
 * the entry that loads extract-worker.ts through tsx. Null when neither is there (a bundle
 * without the worker file): pages are then read in-process.
 */
export const EXTRACT_WORKER_URL: URL | null =
  findWorkerFile(import.meta.url, [
    './extract-worker.mjs',
    '../extract-worker.mjs',
    './extract-worker-tsx.mjs',
  ]) ?? null;

/**
 * A thread that loads its code and then waits for its pack (it keeps no process open).
 * `prepareBundled`: it builds an auto audit's setup (every bundled pack merged) meanwhile.
 */
export function startExtractThread(
  url: URL,
  limits: ExtractLimits = EXTRACT_LIMITS,
  prepareBundled = false,
): Worker {
  const worker = new Worker(url, {
    workerData: { prepareBundled } satisfies ExtractWorkerData,
    resourceLimits: {
      maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
      maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb,
    },
  });
  worker.unref();
  return worker;
}

/** Threads started ahead of the pool, with the default limits and file. */
const early: Worker[] = [];

/**
 * Starts the threads the pool of this process's next audit will want (`count`, by default as
 * many as {@link extractWorkerCount}), before the pool exists; `prepareBundled` when the audit
 * is expected to be an auto one. Started threads that no pool takes hold no process open; the
 * audit's thread ends with its audit.
 */
export function startExtractThreadsEarly(options: { count?: number; prepareBundled?: boolean } = {}): void {
  const count = options.count ?? extractWorkerCount();
  const url = EXTRACT_WORKER_URL;
  if (!url) return;
  for (let i = early.length; i < count; i++) {
    const worker = startExtractThread(url, EXTRACT_LIMITS, options.prepareBundled ?? false);
    // One that fails before a pool takes it is dropped (its error would otherwise be thrown).
    worker.on('error', () => {});
    worker.once('exit', () => {
      const at = early.indexOf(worker);
      if (at >= 0) early.splice(at, 1);
    });
    early.push(worker);
  }
}

/** A thread started early for `url` and `limits`, taken out of the spares; undefined if none fits. */
export function takeEarlyThread(url: URL, limits: ExtractLimits): Worker | undefined {
  const fits =
    url.href === EXTRACT_WORKER_URL?.href &&
    limits.maxYoungGenerationSizeMb === EXTRACT_LIMITS.maxYoungGenerationSizeMb &&
    limits.maxOldGenerationSizeMb === EXTRACT_LIMITS.maxOldGenerationSizeMb;
  return fits ? early.shift() : undefined;
}
