// A page-extraction thread (see extract-pool.ts): builds the probes and scanner of the audit's
// spec once, then turns each HTML response it is sent into a snapshot with the same core code
// the main thread would run, so the snapshots are the same (test/unit/node/extract-pool.test.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { type ExtractionSetup, setupForPack } from '../core/extract/extraction-pack';
import { extractionPackOf } from '../core/extract/page-extractor';
import { extractSnapshot, extractSummary } from '../core/extract/snapshot';
import type { PageSnapshot, PageSummary } from '../core/extract/types';
import type { RulePack } from '../core/rules/load-pack';
import type { FetchResponse } from '../core/types';
import { lendNodeUtf8Reader } from './fast-utf8';
import { HeldPages } from './held-pages';
import { StringSender, type WireSnapshot } from './snapshot-wire';

/**
 * The pool's first message to a thread: the one pack pages are read with, or `bundled` for the
 * merge of every bundled pack (an auto audit's), which the thread builds itself from the packs
 * on disk: the audit's thread need not load them all to send it. A message, not `workerData`,
 * so that a thread can start loading before the audit is known.
 */
export type ExtractSetup = { pack: RulePack } | { bundled: true };

/** What a thread may be started with: build the bundled setup before the pool asks (a guess). */
export interface ExtractWorkerData {
  prepareBundled?: boolean;
}

/** A page to read, as posted by the pool (its body buffer transferred). */
export interface ExtractJob {
  id: number;
  response: FetchResponse;
  depth: number;
  /** Read only as far as the crawl needs, and held: a later {@link CompleteJob} may want it whole. */
  summary?: true;
}

/** Read whole a page the thread summarised (job `page`), if it still holds it. */
export interface CompleteJob {
  id: number;
  complete: number;
}

/** The thread's answer to one job, or its first message (`ready`). */
export type ExtractReply =
  | { ready: true }
  | { id: number; ok: true; wire: WireSnapshot }
  /** A {@link CompleteJob} for a page the thread no longer holds. */
  | { id: number; ok: true; wire: null }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (port) {
  lendNodeUtf8Reader();
  let setup: ExtractionSetup | null = null;
  // An auto audit's setup, built while the audit's thread still loads (when it said to expect one).
  let bundled: ExtractionSetup | null = (workerData as ExtractWorkerData | null)?.prepareBundled
    ? setupForPack(extractionPackOf({ rules: 'bundled' }))
    : null;
  const sender = new StringSender();
  const held = new HeldPages();
  port.on('message', (message: ExtractSetup | ExtractJob | CompleteJob) => {
    if (setup === null) {
      const first = message as ExtractSetup;
      if ('pack' in first) setup = setupForPack(first.pack);
      else setup = bundled ?? setupForPack(extractionPackOf({ rules: 'bundled' }));
      bundled = null;
      port.postMessage({ ready: true } satisfies ExtractReply);
      return;
    }
    const { probes, scanner } = setup;
    const job = message as ExtractJob | CompleteJob;
    let reply: ExtractReply;
    try {
      let page: PageSummary | PageSnapshot;
      if ('complete' in job) {
        const read = held.take(job.complete);
        if (!read) {
          port.postMessage({ id: job.id, ok: true, wire: null } satisfies ExtractReply);
          return;
        }
        page = extractSnapshot(read.response, { depth: read.depth, probes, scanner });
      } else if (job.summary) {
        page = extractSummary(job.response, { depth: job.depth });
        held.hold(job.id, job);
      } else {
        page = extractSnapshot(job.response, { depth: job.depth, probes, scanner });
      }
      const wire = sender.encode(page);
      const moved = [wire.links.buffer as ArrayBuffer];
      if (wire.hits) moved.push(wire.hits.buffer as ArrayBuffer);
      port.postMessage({ id: job.id, ok: true, wire } satisfies ExtractReply, moved);
      return;
    } catch (e) {
      reply = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
