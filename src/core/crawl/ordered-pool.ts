/**
 * A work queue that runs tasks concurrently but hands their results over in the order the tasks
 * were pushed. The crawler's frontier is built on it: pages are fetched as fast as the host
 * allows, yet the links of page N are merged only after those of pages 0..N-1, so which URLs a
 * crawl fetches never depends on which answer came back first.
 *
 * `window` bounds how far the started tasks may run ahead of the oldest unfinished one: the
 * results held while a slow task blocks the hand-over stay bounded, whatever the site's size.
 */
export interface OrderedPoolOptions<T, R> {
  /** Runs one task. A rejection is handed over as `undefined`. */
  run: (task: T) => Promise<R>;
  /** Receives each result in push order; may push more tasks. A throw fails {@link OrderedPool.drained}. */
  commit: (result: R | undefined, task: T) => void;
  /** Called when every pushed task is committed; may push more tasks (then the pool goes on). */
  idle?: () => void;
  /** Tasks running at once (≥ 1). */
  limit: number;
  /** Tasks started past the oldest uncommitted one, at most (≥ limit). */
  window: number;
}

export class OrderedPool<T, R> {
  // Tasks from `base` on (indices below are absolute): the committed ones are cut off now and
  // then, so the arrays hold the window, not every page the crawl has fetched.
  private tasks: (T | undefined)[] = [];
  private results: (R | undefined)[] = [];
  private finished: boolean[] = [];
  private base = 0;
  /** Index of the next task to start. */
  private next = 0;
  /** Index of the next task to commit. */
  private committed = 0;
  private running = 0;
  private finishedCount = 0;
  private resolveDrained: (() => void) | null = null;
  private rejectDrained: ((e: unknown) => void) | null = null;
  private failed = false;
  private readonly drainedPromise: Promise<void>;

  constructor(private readonly opts: OrderedPoolOptions<T, R>) {
    this.drainedPromise = new Promise((resolve, reject) => {
      this.resolveDrained = resolve;
      this.rejectDrained = reject;
    });
    // drained() may be asked for late: a failure before then must not be an unhandled rejection.
    this.drainedPromise.catch(() => {});
  }

  push(task: T): void {
    this.tasks.push(task);
    this.pump();
  }

  /** Tasks pushed so far (absolute index of the next one). */
  private get pushed(): number {
    return this.base + this.tasks.length;
  }

  /** Tasks pushed and not finished yet (running or waiting to start). */
  get pending(): number {
    return this.pushed - this.finishedCount;
  }

  /** Resolves once every task pushed (including those pushed by commits) is committed. */
  drained(): Promise<void> {
    this.settle();
    return this.drainedPromise;
  }

  private pump(): void {
    const { limit, window } = this.opts;
    while (
      !this.failed &&
      this.running < limit &&
      this.next < this.pushed &&
      this.next - this.committed < window
    ) {
      const index = this.next++;
      const task = this.tasks[index - this.base] as T;
      this.running++;
      let started: Promise<R>;
      try {
        started = this.opts.run(task);
      } catch (e) {
        started = Promise.reject(e);
      }
      started.then(
        (result) => this.finish(index, result),
        () => this.finish(index, undefined),
      );
    }
  }

  private finish(index: number, result: R | undefined): void {
    this.running--;
    this.finishedCount++;
    this.results[index - this.base] = result;
    this.finished[index - this.base] = true;
    while (this.committed < this.pushed && this.finished[this.committed - this.base]) {
      const i = this.committed++ - this.base;
      const task = this.tasks[i] as T;
      const out = this.results[i];
      // What was handed over is not kept: the pool holds only the window's results.
      this.tasks[i] = undefined;
      this.results[i] = undefined;
      if (!this.call(() => this.opts.commit(out, task))) return;
    }
    this.compact();
    this.pump();
    this.settle();
  }

  /** Cuts off the committed tasks once they are most of the arrays. */
  private compact(): void {
    const done = this.committed - this.base;
    if (done < 1024 || done < this.tasks.length / 2) return;
    this.tasks = this.tasks.slice(done);
    this.results = this.results.slice(done);
    this.finished = this.finished.slice(done);
    this.base = this.committed;
  }

  /** Runs a callback of the caller; a throw stops the pool and fails `drained()`. */
  private call(fn: () => void): boolean {
    try {
      fn();
      return true;
    } catch (e) {
      this.failed = true;
      this.rejectDrained?.(e);
      return false;
    }
  }

  private settle(): void {
    if (this.failed || this.committed < this.pushed || this.running > 0) return;
    if (this.opts.idle && !this.call(this.opts.idle)) return;
    if (this.committed < this.pushed) {
      this.pump();
      return;
    }
    this.resolveDrained?.();
    this.resolveDrained = null;
  }
}
