import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedPool } from '../../../../src/core/crawl/ordered-pool';

/** A task that finishes after `delay` macrotask turns. */
const turnsThen = <T>(delay: number, value: T) =>
  new Promise<T>((resolve) => {
    let left = delay;
    const tick = () => (left-- <= 0 ? resolve(value) : setImmediate(tick));
    tick();
  });

describe('OrderedPool', () => {
  it('hands results over in push order whatever order they finish in (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(6), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        async (delays, limit) => {
          const committed: number[] = [];
          let running = 0;
          let peak = 0;
          const pool = new OrderedPool<number, number>({
            run: async (i) => {
              running++;
              peak = Math.max(peak, running);
              const v = await turnsThen(delays[i] as number, i);
              running--;
              return v;
            },
            commit: (r) => committed.push(r as number),
            limit,
            window: limit + 2,
          });
          for (let i = 0; i < delays.length; i++) pool.push(i);
          await pool.drained();
          expect(committed).toEqual(delays.map((_, i) => i));
          expect(peak).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lets a commit push more work, and waits for it', async () => {
    const seen: string[] = [];
    const pool = new OrderedPool<string, string>({
      run: (t) => turnsThen(t.length % 3, t),
      commit: (r, t) => {
        seen.push(r as string);
        if (t.length < 3) {
          pool.push(`${t}a`);
          pool.push(`${t}b`);
        }
      },
      limit: 2,
      window: 4,
    });
    pool.push('');
    await pool.drained();
    expect(seen).toEqual([
      '',
      'a',
      'b',
      'aa',
      'ab',
      'ba',
      'bb',
      'aaa',
      'aab',
      'aba',
      'abb',
      'baa',
      'bab',
      'bba',
      'bbb',
    ]);
  });

  it('starts nothing past the window while the oldest task is still running', async () => {
    let release: (v: number) => void = () => {};
    const started: number[] = [];
    const pool = new OrderedPool<number, number>({
      run: (i) => {
        started.push(i);
        return i === 0 ? new Promise<number>((r) => (release = r)) : Promise.resolve(i);
      },
      commit: () => {},
      limit: 8,
      window: 3,
    });
    for (let i = 0; i < 10; i++) pool.push(i);
    await turnsThen(5, null);
    expect(started).toEqual([0, 1, 2]);
    release(0);
    await pool.drained();
    expect(started).toHaveLength(10);
  });

  it('hands a rejected task over as undefined and goes on', async () => {
    const committed: (number | undefined)[] = [];
    const pool = new OrderedPool<number, number>({
      run: async (i) => {
        if (i === 1) throw new Error('boom');
        return i;
      },
      commit: (r) => committed.push(r),
      limit: 2,
      window: 4,
    });
    for (let i = 0; i < 3; i++) pool.push(i);
    await pool.drained();
    expect(committed).toEqual([0, undefined, 2]);
  });

  it('calls idle when everything is merged, and goes on with what idle pushes', async () => {
    const committed: number[] = [];
    let idles = 0;
    const pool = new OrderedPool<number, number>({
      run: async (i) => i,
      commit: (r) => committed.push(r as number),
      idle: () => {
        idles++;
        if (idles === 1) pool.push(99);
      },
      limit: 2,
      window: 2,
    });
    pool.push(1);
    await pool.drained();
    expect(committed).toEqual([1, 99]);
    expect(idles).toBe(2);
  });

  it('fails drained() when a commit throws, instead of hanging', async () => {
    const pool = new OrderedPool<number, number>({
      run: async (i) => i,
      commit: () => {
        throw new Error('merge failed');
      },
      limit: 1,
      window: 1,
    });
    pool.push(1);
    pool.push(2);
    await expect(pool.drained()).rejects.toThrow('merge failed');
  });

  it('keeps order over thousands of tasks, and holds only the tasks not yet merged, not every task pushed', async () => {
    const n = 6000;
    const lanes = 50;
    const committed: number[] = [];
    let held = 0;
    const pool: OrderedPool<number, number> = new OrderedPool<number, number>({
      run: (i) => turnsThen((i * 7919) % 5, i),
      commit: (r, i) => {
        expect(r).toBe(i);
        committed.push(i);
        // Each merged page finds one new page, as a paginated list does: the queue stays short.
        if (i + lanes < n) pool.push(i + lanes);
        // The arrays are private: read their length to check they are cut as tasks are merged.
        held = Math.max(held, (pool as unknown as { tasks: unknown[] }).tasks.length);
      },
      limit: 8,
      window: 64,
    });
    for (let i = 0; i < lanes; i++) pool.push(i);
    await pool.drained();
    // Task i is pushed by i − lanes, so push order is 0, 1, 2, …
    expect(committed).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(held).toBeLessThanOrEqual(2 * 1024 + lanes);
  });
});
