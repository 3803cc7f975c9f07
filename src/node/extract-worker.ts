// A page-extraction thread (see extract-pool.ts): builds the probes and scanner of the audit's
// spec once, then turns each HTML response it is sent into a snapshot with the same core code
// the main thread would run, so the snapshots are the same (test/unit/node/extract-pool.test.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { type ExtractionSetup, setupForPack } from '../core/extract/extraction-pack';
import { extractionPackOf } from '../core/extract/page-extractor';
import { extractSnapshot } from '../core/extract/snapshot';
import type { RulePack } from '../core/rules/load-pack';
import type { FetchResponse } from '../core/types';
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
}

/** The thread's answer to one job, or its first message (`ready`). */
export type ExtractReply =
  | { ready: true }
  | { id: number; ok: true; wire: WireSnapshot }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (port) {
  let setup: ExtractionSetup | null = null;
  // An auto audit's setup, built while the audit's thread still loads (when it said to expect one).
  let bundled: ExtractionSetup | null = (workerData as ExtractWorkerData | null)?.prepareBundled
    ? setupForPack(extractionPackOf({ rules: 'bundled' }))
    : null;
  const sender = new StringSender();
  port.on('message', (message: ExtractSetup | ExtractJob) => {
    if (setup === null) {
      const first = message as ExtractSetup;
      if ('pack' in first) setup = setupForPack(first.pack);
      else setup = bundled ?? setupForPack(extractionPackOf({ rules: 'bundled' }));
      bundled = null;
      port.postMessage({ ready: true } satisfies ExtractReply);
      return;
    }
    const { probes, scanner } = setup;
    const { id, response, depth } = message as ExtractJob;
    let reply: ExtractReply;
    try {
      const wire = sender.encode(extractSnapshot(response, { depth, probes, scanner }));
      const moved = [wire.links.buffer as ArrayBuffer];
      if (wire.hits) moved.push(wire.hits.buffer as ArrayBuffer);
      port.postMessage({ id, ok: true, wire } satisfies ExtractReply, moved);
      return;
    } catch (e) {
      reply = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
