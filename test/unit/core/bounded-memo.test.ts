import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../src/core/bounded-memo';

describe('boundedMemo', () => {
  it('computes a key once, starts over when full, and always answers as the function would', () => {
    const calls: string[] = [];
    const length = boundedMemo(3, (k) => {
      calls.push(k);
      return k.length;
    });
    expect([length('a'), length('bb'), length('a'), length('')]).toEqual([1, 2, 1, 0]);
    expect(calls).toEqual(['a', 'bb', '']);
    // Full (3 keys): the next new key clears the table, so 'a' is computed again.
    expect(length('cccc')).toBe(4);
    expect(length('a')).toBe(1);
    expect(calls).toEqual(['a', 'bb', '', 'cccc', 'a']);
  });

  it('remembers null and false answers too', () => {
    let n = 0;
    const f = boundedMemo(10, (k) => {
      n++;
      return k === 'x' ? null : false;
    });
    f('x');
    f('x');
    f('y');
    f('y');
    expect(n).toBe(2);
  });
});
