import pLimit, { type LimitFunction } from 'p-limit';

export interface HostSchedulerOptions {
  /** Most requests in flight to one host at a time (≥ 1). */
  concurrency: number;
  /** Minimum gap in ms between the starts of two requests to one host. */
  delayMs: number;
  /** Waits `ms` milliseconds (injected so tests run on a virtual clock). */
  sleep: (ms: number) => Promise<void>;
  /** The injected clock. */
  now: () => Date;
}

/**
 * Per-host politeness: at most `concurrency` tasks in flight per host key, and task starts to
 * one host at least `delayMs` apart. Callers choose the key (the crawler uses `siteKey(host)` so
 * a host and its `www.` twin share one budget).
 */
export interface HostScheduler {
  /** Runs `task` when the host has a free slot and its gap has passed. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Changes the minimum gap (ms) for one host, or the default for all hosts when omitted. */
  setDelay(ms: number, host?: string): void;
  /** The current minimum gap (ms) for `host`. */
  delayFor(host: string): number;
  /** Holds back every new start to `host` until `ms` from now (after a 429 with Retry-After). */
  pause(host: string, ms: number): void;
  /** Tasks running now, all hosts together. */
  readonly inFlight: number;
  /** Highest number of tasks that ran at the same time, all hosts together. */
  readonly peakInFlight: number;
  /** Highest number of tasks that ran at the same time to `host`. */
  peakFor(host: string): number;
}

interface HostState {
  limit: LimitFunction;
  /** Earliest start time (ms since epoch) of the next task. */
  nextStartAt: number;
  delayMs: number | undefined;
  inFlight: number;
  peak: number;
}

/** Creates a {@link HostScheduler} (p-limit per host plus a start-time reservation). */
export function createHostScheduler(options: HostSchedulerOptions): HostScheduler {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new RangeError(`concurrency must be an integer ≥ 1, got ${options.concurrency}`);
  }
  let defaultDelay = Math.max(0, options.delayMs);
  const hosts = new Map<string, HostState>();
  let inFlight = 0;
  let peakInFlight = 0;
  // The latest start we slept until: a clock that does not move (a fixed `now` in golden tests)
  // must not make every task sleep longer and longer.
  let floor = 0;
  const nowMs = () => Math.max(options.now().getTime(), floor);

  const stateOf = (host: string): HostState => {
    let s = hosts.get(host);
    if (!s) {
      s = { limit: pLimit(options.concurrency), nextStartAt: 0, delayMs: undefined, inFlight: 0, peak: 0 };
      hosts.set(host, s);
    }
    return s;
  };

  return {
    run<T>(host: string, task: () => Promise<T>): Promise<T> {
      const s = stateOf(host);
      return s.limit(async () => {
        // Reserve a start time before sleeping, so tasks waiting together get successive slots.
        const t = nowMs();
        const startAt = Math.max(t, s.nextStartAt);
        s.nextStartAt = startAt + (s.delayMs ?? defaultDelay);
        if (startAt > t) {
          await options.sleep(startAt - t);
          floor = Math.max(floor, startAt);
        }
        s.inFlight++;
        inFlight++;
        if (s.inFlight > s.peak) s.peak = s.inFlight;
        if (inFlight > peakInFlight) peakInFlight = inFlight;
        try {
          return await task();
        } finally {
          s.inFlight--;
          inFlight--;
        }
      });
    },
    setDelay(ms: number, host?: string): void {
      if (host === undefined) defaultDelay = Math.max(0, ms);
      else stateOf(host).delayMs = Math.max(0, ms);
    },
    delayFor(host: string): number {
      return hosts.get(host)?.delayMs ?? defaultDelay;
    },
    pause(host: string, ms: number): void {
      const s = stateOf(host);
      s.nextStartAt = Math.max(s.nextStartAt, nowMs() + Math.max(0, ms));
    },
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    peakFor(host: string): number {
      return hosts.get(host)?.peak ?? 0;
    },
  };
}
