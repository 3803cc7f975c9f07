import { siteKey } from '../core/crawl/url';
import { msg } from '../core/messages';
import { clock } from './progress';

/** Politeness key of an agency: two agencies on one host (and port) never run at once. */
export function hostKey(url: string): string {
  const u = new URL(url);
  return `${siteKey(u.hostname)}:${u.port}`;
}

/**
 * Orders agencies round-robin by host (first of each host, then second of each, …), keeping the
 * CSV order within a host: a list holding forty sub-sites of one ministry then one other site
 * does not leave every worker but one waiting for that host.
 */
export function interleaveByHost<T extends { url: string }>(agencies: readonly T[]): T[] {
  const byHost = new Map<string, T[]>();
  for (const a of agencies) {
    const key = hostKey(a.url);
    const list = byHost.get(key) ?? [];
    list.push(a);
    byHost.set(key, list);
  }
  const queues = [...byHost.values()];
  const out: T[] = [];
  for (let round = 0; out.length < agencies.length; round++) {
    for (const q of queues) {
      const a = q[round];
      if (a !== undefined) out.push(a);
    }
  }
  return out;
}

/** Counts of a running batch and an estimate of the time left at this run's pace. */
export class BatchProgress {
  private readonly startedAt = Date.now();
  private finishedThisRun = 0;
  done: number;
  running = 0;

  constructor(
    readonly total: number,
    alreadyDone: number,
  ) {
    this.done = alreadyDone;
  }

  start(): void {
    this.running++;
  }

  finish(): void {
    this.running--;
    this.done++;
    this.finishedThisRun++;
  }

  get left(): number {
    return this.total - this.done - this.running;
  }

  /** Time left: agencies not finished ÷ agencies finished per ms so far; null before the first. */
  estimateLeftMs(): number | null {
    if (this.finishedThisRun === 0) return null;
    const perAgency = (Date.now() - this.startedAt) / this.finishedThisRun;
    return (this.left + this.running) * perAgency;
  }

  status(lang: 'th' | 'en'): string {
    const left = this.estimateLeftMs();
    const elapsed = clock(Date.now() - this.startedAt);
    const counts = { done: this.done, total: this.total, running: this.running, waiting: this.left, elapsed };
    return `${msg(lang, 'batch_status', counts)}${left === null ? '' : msg(lang, 'cli_timeLeft', { left: clock(left) })}`;
  }
}
