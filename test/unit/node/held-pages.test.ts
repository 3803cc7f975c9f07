import { describe, expect, it } from 'vitest';
import type { FetchResponse } from '../../../src/core/types';
import { HeldPages } from '../../../src/node/held-pages';

function page(bytes: number) {
  const response = { url: 'http://127.0.0.1/', body: new Uint8Array(bytes) } as FetchResponse;
  return { response, depth: 1 };
}

describe('HeldPages', () => {
  it('holds the last pages up to a count, letting the oldest go first', () => {
    const held = new HeldPages(3, 1_000_000);
    for (let id = 1; id <= 5; id++) held.hold(id, page(10));
    expect(held.size).toBe(3);
    expect(held.take(1)).toBeUndefined();
    expect(held.take(2)).toBeUndefined();
    expect(held.take(3)?.response.body.byteLength).toBe(10);
    // Taken once: gone.
    expect(held.take(3)).toBeUndefined();
    expect(held.size).toBe(2);
  });

  it('holds no more body bytes than its bound, however few pages', () => {
    const held = new HeldPages(100, 1_000);
    held.hold(1, page(400));
    held.hold(2, page(400));
    held.hold(3, page(400));
    expect(held.take(1)).toBeUndefined();
    expect(held.size).toBe(2);
    // A page bigger than the bound alone is not held at all.
    held.hold(4, page(5_000));
    expect(held.size).toBe(0);
    held.hold(5, page(10));
    expect(held.take(5)).toBeDefined();
  });
});
