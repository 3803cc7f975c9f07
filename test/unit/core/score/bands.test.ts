import { describe, expect, it } from 'vitest';
import { getRulePack } from '../../../../src/core/rules/registry';
import { ratingOf } from '../../../../src/core/score';

const pack = getRulePack()!;

describe('rating bands', () => {
  const edges: [number, string][] = [
    [100, 'AA'],
    [95.0, 'AA'],
    [94.99, 'A'],
    [94.994, 'A'],
    [94.995, 'AA'], // rounds to 95.00 first, as the documents compare
    [85.0, 'A'],
    [84.99, 'B'],
    [75, 'B'],
    [74.99, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [55, 'D'],
    [54.99, 'E'],
    [50.0, 'E'],
    [49.99, 'F'],
    [0, 'F'],
  ];
  for (const [score, rating] of edges) {
    it(`${score} → ${rating}`, () => expect(ratingOf(pack, score)).toBe(rating));
  }
});
