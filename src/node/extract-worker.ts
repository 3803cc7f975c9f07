// A page-extraction thread (see extract-pool.ts): builds the probes and scanner of the audit's
// spec once, then turns each HTML response it is sent into a snapshot with the same core code
// the main thread would run, so the snapshots are the same (test/unit/node/extract-pool.test.ts).
import { parentPort } from 'node:worker_threads';
import { setupForPack } from '../core/extract/extraction-pack';
import { extractSnapshot } from '../core/extract/snapshot';
import type { RulePack } from '../core/rules/load-pack';
import type { FetchResponse } from '../core/types';
import { StringSender, type WireSnapshot } from './snapshot-wire';

/**
 * The pool's first message to a thread: the one pack pages are read with (extractionPackOf). A
 * message, not `workerData`, so that a thread can start loading before the pack is known.
 */
export interface ExtractSetup {
  pack: RulePack;
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
  let setup: ReturnType<typeof setupForPack> | null = null;
  const sender = new StringSender();
  port.on('message', (message: ExtractSetup | ExtractJob) => {
    if (setup === null) {
      setup = setupForPack((message as ExtractSetup).pack);
      port.postMessage({ ready: true } satisfies ExtractReply);
      return;
    }
    const { probes, scanner } = setup;
    const { id, response, depth } = message as ExtractJob;
    let reply: ExtractReply;
    try {
      const wire = sender.encode(extractSnapshot(response, { depth, probes, scanner }));
      port.postMessage({ id, ok: true, wire } satisfies ExtractReply, [wire.links.buffer as ArrayBuffer]);
      return;
    } catch (e) {
      reply = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
