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
    const store = new SnapshotStore((url) => wanted.has(url), 2);
    for (let i = 0; i < 5; i++) {
      const snapshot = page(`/p${i}`);
      if (store.keeps(snapshot)) store.put(`https://www.example.go.th/p${i}`, snapshot);
    }
    expect(store.get('https://www.example.go.th/p0')?.title).toBe('/p0');
    expect(store.get('https://www.example.go.th/p1?final')?.title).toBe('/p1');
    expect(store.get('https://www.example.go.th/p2')).toBeUndefined();
    expect(store.get('https://www.example.go.th/p3')?.title).toBe('/p3');
    expect(store.get('https://www.example.go.th/p4')).toBeUndefined();
    expect(store.dropped).toBe(2);
  });

  it('says which pages it will keep before they are read: the first ones, and candidates already', () => {
    const wanted = new Set(['https://www.example.go.th/lead?final']);
    const store = new SnapshotStore((url) => wanted.has(url), 2);
    expect(store.expects(0, 'https://www.example.go.th/a', 'https://www.example.go.th/a')).toBe(true);
    expect(store.expects(1, 'https://www.example.go.th/b', 'https://www.example.go.th/b')).toBe(true);
    expect(store.expects(2, 'https://www.example.go.th/c', 'https://www.example.go.th/c')).toBe(false);
    // Wanted by its final URL (a redirect's target named by a link).
    expect(store.expects(9, 'https://www.example.go.th/lead', 'https://www.example.go.th/lead?final')).toBe(
      true,
    );
  });

  it('keeps snapshots slim: no links', () => {
    const store = new SnapshotStore(() => true, 10);
    store.put('https://www.example.go.th/a', page('/a'));
    expect(store.get('https://www.example.go.th/a')?.links).toEqual([]);
  });
});
