import type { Worker } from 'node:worker_threads';
import { type ExtractorSpec, inProcessExtractor, type PageExtractor } from '../core/extract/page-extractor';
import { isSnapshot, type PageSnapshot, type PageSummary } from '../core/extract/types';
import type { FetchResponse } from '../core/types';
import type { CompleteJob, ExtractJob, ExtractReply, ExtractSetup } from './extract-worker';
import { EXTRACT_LIMITS, type ExtractLimits, startExtractThread, takeEarlyThread } from './extract-threads';
import { StringReceiver } from './snapshot-wire';

/** A page to read (whole, or as a summary), waiting in the queue or sent to a thread. */
interface ReadJob {
  id: number;
  response: FetchResponse;
  depth: number;
  summary: boolean;
  /** A page read whole when no page waits to be read (see `summarise`). */
  deferred?: true;
  resolve: (page: PageSummary | PageSnapshot) => void;
  reject: (error: Error) => void;
}

/**
 * A summarised page to read whole (job `page`), sent straight to the thread that holds it. It
 * never fails: whatever goes wrong, the answer is null and verification fetches the page again.
 */
interface CompletionJob {
  id: number;
  page: number;
  resolve: (snapshot: PageSnapshot | null) => void;
}

type Job = ReadJob | CompletionJob;

const isRead = (job: Job): job is ReadJob => 'response' in job;

interface Slot {
  worker: Worker;
  /** The thread has built its probes and scanner and takes pages. */
  ready: boolean;
  /**
   * The pages sent to it, in the order it reads them: the first is the one it reads now, so a
   * thread that dies names the page that killed it; the next waits in the thread, so that the
   * thread goes on at once instead of waiting for this thread to send it (see PER_THREAD).
   */
  jobs: Job[];
  /** Why it stopped, from its `error` event (its `exit` event follows). */
  failure: Error | null;
  /** The strings this thread has sent (each thread numbers its own). */
  strings: StringReceiver;
}

/**
 * Reads the crawl's pages in worker threads, each page's body moved to a thread without a copy.
 * Pages wait in one queue (their bodies still here) until a thread is free. A thread that dies
 * (out of memory on a monstrous page, a crash) fails only the page it was reading, which the
 * crawl records as a `page-handler` error, and is replaced; a thread that cannot start, or too
 * many deaths, and the pool reads the remaining pages in-process. `close()` ends the threads;
 * idle threads never keep the process alive.
 */
export function createExtractPool(
  spec: ExtractorSpec,
  options: { workers: number; workerUrl: URL; limits?: Partial<ExtractLimits> },
): PageExtractor {
  const limits = { ...EXTRACT_LIMITS, ...options.limits };
  // An auto audit's threads build the merged pack themselves: only a pack of its own is sent.
  const setup: ExtractSetup = spec.rules === 'pack' ? { pack: spec.pack } : { bundled: true };
  const intern = interner();
  const queue: ReadJob[] = [];
  // Pages to read whole once no page waits in `queue`: the crawl waits for summaries, not for them.
  const later: ReadJob[] = [];
  // Which thread holds each summary's page, for as long as the summary lives.
  const summaries = new WeakMap<PageSummary, { slot: Slot; id: number }>();
  // The whole snapshot of a summary read with `keep`, coming or come.
  const wholes = new WeakMap<PageSummary, Promise<PageSnapshot | null>>();
  const slots: Slot[] = [];
  let nextId = 1;
  let deaths = 0;
  let closed = false;
  /** Set once threads are given up: every page is read on this thread from then on. */
  let inProcess: PageExtractor | null = null;

  const spawn = (): Slot => {
    const worker =
      takeEarlyThread(options.workerUrl, limits) ?? startExtractThread(options.workerUrl, limits);
    // Its first message: the pack it reads with; it answers `ready` once its probes are built.
    worker.postMessage(setup);
    const slot: Slot = { worker, ready: false, jobs: [], failure: null, strings: new StringReceiver() };
    worker.on('message', (reply: ExtractReply) => {
      if ('ready' in reply) slot.ready = true;
      else if (slot.jobs[0]?.id === reply.id) {
        const job = slot.jobs.shift() as Job;
        const page = reply.ok && reply.wire ? shareStrings(slot.strings.decode(reply.wire), intern) : null;
        if (!isRead(job)) job.resolve(page as PageSnapshot | null);
        else if (page === null) job.reject(new Error(reply.ok ? 'no page' : reply.message));
        else {
          if (job.summary) summaries.set(page, { slot, id: job.id });
          job.resolve(page);
        }
      }
      pump();
    });
    worker.on('error', (e) => {
      slot.failure = e;
    });
    worker.on('exit', (code) => died(slot, code));
    return slot;
  };

  const died = (slot: Slot, code: number) => {
    const index = slots.indexOf(slot);
    if (index < 0) return; // ended by close() or replaced already
    deaths++;
    const [job, ...unread] = slot.jobs;
    slot.jobs = [];
    // Pages it had not begun (sent as copies) go back to the front of their queue, in their order;
    // the pages it held for completion went with it.
    requeue(unread);
    if (job && isRead(job))
      job.reject(new Error(`the page reader thread stopped while reading this page: ${why(slot, code)}`));
    else job?.resolve(null);
    if (!slot.ready || deaths > limits.maxDeaths) {
      // A thread that cannot start (or keeps dying) will not do better next time.
      giveUp();
    } else if (!closed) slots[index] = spawn();
    pump();
  };

  /** Jobs of a thread that stopped, read elsewhere in their turn; completions are answered null. */
  const requeue = (jobs: Job[]) => {
    const reads = jobs.filter(isRead);
    for (const job of jobs) if (!isRead(job)) job.resolve(null);
    later.unshift(...reads.filter((j) => j.deferred));
    queue.unshift(...reads.filter((j) => !j.deferred));
  };

  const why = (slot: Slot, code: number) => {
    const failure = slot.failure as (Error & { code?: string }) | null;
    if (failure?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return `it needed more than ${limits.maxOldGenerationSizeMb} MB of memory`;
    }
    return failure ? failure.message : `exit code ${code}`;
  };

  const giveUp = () => {
    inProcess ??= inProcessExtractor(spec);
    const ending = slots.splice(0);
    for (const s of ending) {
      // The page a thread was reading went with it (its body was moved there); the one waiting
      // in it was sent a copy, so it is read in-process with the rest of the queue.
      const [reading, ...waiting] = s.jobs;
      s.jobs = [];
      if (reading && isRead(reading)) reading.reject(new Error('the page reader threads were ended'));
      else reading?.resolve(null);
      requeue(waiting);
      void s.worker.terminate();
    }
  };

  const dispatch = (slot: Slot, job: ReadJob) => {
    slot.jobs.push(job);
    const summary = job.summary ? { summary: true as const } : {};
    if (slot.jobs.length > 1) {
      // It waits behind another page: sent a copy, so that if the thread dies on the page before
      // it, this one can be read again elsewhere (a moved body would be gone with the thread).
      // (Its own bytes only: a body that is a view into a larger buffer would clone all of it.)
      const response = { ...job.response, body: ownedBody(job.response.body) };
      slot.worker.postMessage({ id: job.id, response, depth: job.depth, ...summary } satisfies ExtractJob);
      return;
    }
    const body = ownedBody(job.response.body);
    const message: ExtractJob = {
      id: job.id,
      response: { ...job.response, body },
      depth: job.depth,
      ...summary,
    };
    try {
      // Moved, not copied: the crawler does not read the body after onPage (PageExtractor).
      slot.worker.postMessage(message, [body.buffer as ArrayBuffer]);
    } catch {
      const copy = body.slice();
      slot.worker.postMessage({ ...message, response: { ...message.response, body: copy } }, [copy.buffer]);
    }
  };

  const pump = () => {
    if (inProcess) {
      const reader = inProcess;
      for (const job of [...queue.splice(0), ...later.splice(0)]) {
        const read = job.summary
          ? reader.summarise(job.response, job.depth)
          : reader.extract(job.response, job.depth);
        read.then(job.resolve, job.reject);
      }
      return;
    }
    for (const slot of slots) {
      while (slot.ready && slot.jobs.length < PER_THREAD) {
        const job = queue.shift() ?? later.shift();
        if (!job) break;
        dispatch(slot, job);
      }
    }
    // Threads hold the process open while there are pages to read, never when idle.
    const busy = queue.length > 0 || later.length > 0 || slots.some((s) => s.jobs.length > 0);
    for (const s of slots) {
      if (busy) s.worker.ref();
      else s.worker.unref();
    }
  };

  const start = () => {
    if (slots.length > 0 || inProcess) return;
    for (let i = 0; i < Math.max(1, options.workers); i++) slots.push(spawn());
  };

  // Threads start now (or were started before the audit's code loaded: extract-threads.ts),
  // while the crawl asks for robots.txt and the start page: a thread takes a quarter of a second
  // to load and build its probes, which the first page would wait for. Until pages come they do
  // not hold the process open.
  start();
  for (const s of slots) s.worker.unref();

  const read = (response: FetchResponse, depth: number, summary: boolean) => {
    if (closed) return Promise.reject(new Error('the page extractor is closed'));
    start();
    return new Promise<PageSummary | PageSnapshot>((resolve, reject) => {
      queue.push({ id: nextId++, response, depth, summary, resolve, reject });
      pump();
    });
  };

  return {
    // A job not marked `summary` is read whole: the thread answers with a snapshot.
    extract: (response, depth) => read(response, depth, false) as Promise<PageSnapshot>,
    summarise(response, depth, keep) {
      if (!keep || closed) return read(response, depth, true);
      // Read whole now, in its turn, once enough pages wait to be read whole later: each holds
      // its body meanwhile.
      if (later.length >= MAX_DEFERRED) {
        return read(response, depth, false).then((page) => {
          wholes.set(page, Promise.resolve(page as PageSnapshot));
          return page;
        });
      }
      // A page the audit keeps: its summary now, its whole snapshot when no page waits to be read
      // (the ramp of a crawl, when the threads are slowest, then reads links only). Its body is
      // copied for that: the summary's is moved to a thread.
      const copy: FetchResponse = { ...response, body: response.body.slice() };
      const whole = new Promise<PageSnapshot | null>((resolve) => {
        later.push({
          id: nextId++,
          response: copy,
          depth,
          summary: false,
          deferred: true,
          resolve: (p) => resolve(p as PageSnapshot),
          reject: () => resolve(null),
        });
      });
      return read(response, depth, true).then((page) => {
        wholes.set(page, whole);
        return page;
      });
    },
    async complete(page) {
      const whole = wholes.get(page);
      if (whole) {
        wholes.delete(page);
        return whole;
      }
      const held = summaries.get(page);
      if (!held) return (await inProcess?.complete(page)) ?? null;
      summaries.delete(page);
      const { slot } = held;
      // Gone with its thread (dead or ended): the page went with it.
      if (closed || !slots.includes(slot)) return null;
      return new Promise<PageSnapshot | null>((resolve) => {
        const job: CompletionJob = { id: nextId++, page: held.id, resolve };
        // Straight to its thread, behind the pages sent to it: it is read in their turn.
        slot.jobs.push(job);
        slot.worker.postMessage({ id: job.id, complete: held.id } satisfies CompleteJob);
        slot.worker.ref();
      });
    },
    async close() {
      closed = true;
      for (const job of [...queue.splice(0), ...later.splice(0)]) {
        job.reject(new Error('the page extractor is closed'));
      }
      const ending = slots.splice(0);
      for (const s of ending) {
        for (const job of s.jobs) {
          if (isRead(job)) job.reject(new Error('the page extractor is closed'));
          else job.resolve(null);
        }
      }
      await Promise.all(ending.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * Pages waiting to be read whole when the threads have time (a crawl's first pages, which it
 * keeps): enough for the start of a crawl, when the threads are slowest and pages wait. Each
 * holds a copy of its body (45 KB on the bench site): unbounded, a crawl's first 200 all waited
 * at once and the peak RSS rose by 8 MB; at 128 it rose by 2–3 MB, at 64 by none, and the
 * crawl's start slowed again (issue 11 §3, alternating runs).
 */
export const MAX_DEFERRED = 128;

/**
 * Pages sent to a thread at once: the one it reads and the next, waiting in the thread. With one
 * at a time a thread sat idle between pages until this thread, busy with fetching and
 * candidates, got round to its answer and sent the next page (about a third of the time at the
 * start of a crawl, while pages queued up).
 */
const PER_THREAD = 2;

/** The body in a buffer of its own, so that moving it moves nothing else (a pooled Buffer slice). */
function ownedBody(body: Uint8Array): Uint8Array {
  const whole =
    body.buffer instanceof ArrayBuffer && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  return whole ? body : body.slice();
}

/** Strings at most this long are shared (menu texts and rows; normaliseShort's bound). */
const SHARED_MAX_CHARS = 400;
/**
 * Distinct strings remembered; the table starts over when full (as normaliseShort's cache). The
 * strings that repeat are a site's menus and rows, a few hundred: a larger table only held a
 * big site's one-off texts (issue 11 §3: memory flat as the site grows).
 */
const SHARED_MAX_ENTRIES = 10_000;

/** One instance per distinct short string. */
function interner(): (s: string) => string {
  const table = new Map<string, string>();
  return (s) => {
    if (s.length > SHARED_MAX_CHARS) return s;
    const hit = table.get(s);
    if (hit !== undefined) return hit;
    if (table.size >= SHARED_MAX_ENTRIES) table.clear();
    table.set(s, s);
    return s;
  };
}

/**
 * A snapshot from a thread carries a new copy of every string, where the in-process extractor
 * shares them between pages (menu links and their texts through normaliseShort's cache, the
 * pack's phrases in content hits): the candidates and snapshots the audit keeps would hold one
 * copy per page, and a page's content hits one snippet per hit. The repeated strings are made
 * one again; the values do not change.
 */
function shareStrings<P extends PageSummary | PageSnapshot>(page: P, intern: (s: string) => string): P {
  page.headings = page.headings.map(intern);
  if (!isSnapshot(page)) return page;
  const s: PageSnapshot = page;
  s.contentType = intern(s.contentType);
  s.charset = intern(s.charset);
  s.elements = s.elements.map(intern);
  // Links arrive shared already: each thread sends a string once (snapshot-wire.ts).
  // The hits of one window share one snippet in the thread; a copy arrives for each hit.
  const snippets = new Map<string, string>();
  for (const hit of s.content?.hits ?? []) {
    hit.key = intern(hit.key);
    hit.phrase = intern(hit.phrase);
    const first = snippets.get(hit.snippet);
    if (first === undefined) snippets.set(hit.snippet, hit.snippet);
    else hit.snippet = first;
  }
  for (const link of s.content?.docLinks ?? []) {
    link.url = intern(link.url);
    link.text = intern(link.text);
  }
  return page;
}
