import { describe, expect, it } from 'vitest';
import { SnapshotStore } from '../../../../src/core/extract/snapshot-store';
import { extractSnapshot } from '../../../../src/core/extract/snapshot';

function page(path: string) {
  const url = `https://www.example.go.th${path}`;
  return extractSnapshot(
    {
      url,
      finalUrl: `${url}?final`,
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      redirects: [],
      body: new TextEncoder().encode(`<title>${path}</title><a href="/x">x</a>`),
      truncated: false,
      timingMs: 1,
    },
    { depth: 1 },
  );
}

describe('SnapshotStore', () => {
  it('keeps the first pages whatever they are, then only the wanted ones, by both URLs', () => {
    const wanted = new Set(['https://www.example.go.th/p3']);
    const store = new SnapshotStore((s) => wanted.has(s.url), 2);
    for (let i = 0; i < 5; i++) store.add(`https://www.example.go.th/p${i}`, page(`/p${i}`));
    expect(store.get('https://www.example.go.th/p0')?.title).toBe('/p0');
    expect(store.get('https://www.example.go.th/p1?final')?.title).toBe('/p1');
    expect(store.get('https://www.example.go.th/p2')).toBeUndefined();
    expect(store.get('https://www.example.go.th/p3')?.title).toBe('/p3');
    expect(store.get('https://www.example.go.th/p4')).toBeUndefined();
    expect(store.dropped).toBe(2);
  });

  it('keeps snapshots slim: no links', () => {
    const store = new SnapshotStore(() => true, 10);
    store.add('https://www.example.go.th/a', page('/a'));
    expect(store.get('https://www.example.go.th/a')?.links).toEqual([]);
  });
});
