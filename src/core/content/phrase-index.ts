/**
 * Finds many short phrases in a text in one pass. Phrases are indexed by their first two
 * UTF-16 units, so each text position costs one Map lookup and a `startsWith` per phrase that
 * shares the prefix. Measured on a 6,000-character Thai page with 1,000 phrases: about 1 ms,
 * against 5–7 ms for the npm Aho–Corasick library we tried (it segments graphemes) and 7.6 ms
 * for one `includes` per phrase.
 */
export class PhraseIndex<T> {
  private readonly byPrefix = new Map<number, { phrase: string; value: T }[]>();
  private readonly single = new Map<number, { phrase: string; value: T }[]>();

  constructor(entries: Iterable<{ phrase: string; value: T }>) {
    for (const e of entries) {
      if (e.phrase.length === 0) continue;
      const map = e.phrase.length === 1 ? this.single : this.byPrefix;
      const k = e.phrase.length === 1 ? e.phrase.charCodeAt(0) : prefixKey(e.phrase, 0);
      let list = map.get(k);
      if (!list) {
        list = [];
        map.set(k, list);
      }
      list.push(e);
    }
    // Longest first, so the first phrase found at a position is the most specific one.
    for (const list of this.byPrefix.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** Calls `onHit` for every phrase occurrence (overlaps included), left to right. */
  scan(text: string, onHit: (value: T, start: number, phrase: string) => void): void {
    const n = text.length;
    const hasSingle = this.single.size > 0;
    for (let i = 0; i < n; i++) {
      if (i + 1 < n) {
        const list = this.byPrefix.get(prefixKey(text, i));
        if (list) {
          for (const e of list) if (text.startsWith(e.phrase, i)) onHit(e.value, i, e.phrase);
        }
      }
      if (hasSingle) {
        const one = this.single.get(text.charCodeAt(i));
        if (one) for (const e of one) onHit(e.value, i, e.phrase);
      }
    }
  }
}

function prefixKey(s: string, i: number): number {
  return (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
}
