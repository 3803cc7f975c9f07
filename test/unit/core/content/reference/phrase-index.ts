// REFERENCE COPY, frozen for the differential test (scan-equivalence.test.ts) and the
// micro-benchmark (test/bench/scan-micro.ts): src/core/content/phrase-index.ts verbatim as of
// commit 94270fb, before the scan was made cheaper. Do not edit: it is what the new scanner
// must agree with.
interface Node<T> {
  next: Map<number, Node<T>>;
  /** The longest proper suffix of this node's path that is also a path of the trie. */
  fail: Node<T> | null;
  /** The nearest node along the fail chain where a phrase ends. */
  out: Node<T> | null;
  /** Entries whose phrase ends here. */
  ends: { phrase: string; value: T }[];
}

const node = <T>(): Node<T> => ({ next: new Map(), fail: null, out: null, ends: [] });

/**
 * Finds many short phrases in a text in one pass: Aho–Corasick over UTF-16 units (a trie of
 * the phrases with failure links), so each character of the text costs about one step
 * whatever the number of phrases. Measured on news pages of the bench site with the FY2562
 * pack's ~1,000 phrases; the npm Aho–Corasick library we tried took 5–7 ms a page (it segments
 * graphemes) and one `includes` per phrase 7.6 ms. Thai syllable boundaries are the caller's
 * business (see the content scanner).
 */
export class PhraseIndex<T> {
  private readonly root: Node<T> = node<T>();

  constructor(entries: Iterable<{ phrase: string; value: T }>) {
    for (const e of entries) {
      if (e.phrase.length === 0) continue;
      let at = this.root;
      for (let i = 0; i < e.phrase.length; i++) {
        const c = e.phrase.charCodeAt(i);
        let child = at.next.get(c);
        if (!child) {
          child = node<T>();
          at.next.set(c, child);
        }
        at = child;
      }
      at.ends.push(e);
    }
    // Failure links, breadth first: a node's link is found from its parent's.
    const queue: Node<T>[] = [];
    for (const child of this.root.next.values()) {
      child.fail = this.root;
      queue.push(child);
    }
    for (let q = 0; q < queue.length; q++) {
      const parent = queue[q] as Node<T>;
      for (const [c, child] of parent.next) {
        let f = parent.fail;
        while (f && !f.next.has(c)) f = f.fail;
        const fail = f ? (f.next.get(c) as Node<T>) : this.root;
        child.fail = fail;
        child.out = fail.ends.length > 0 ? fail : fail.out;
        queue.push(child);
      }
    }
  }

  /**
   * Calls `onHit` for every phrase occurrence (overlaps included), in the order the phrases end
   * in the text; of phrases ending at one place, the longest first.
   */
  scan(text: string, onHit: (value: T, start: number, phrase: string) => void): void {
    const root = this.root;
    let at = root;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let step = at.next.get(c);
      while (!step && at !== root) {
        at = at.fail as Node<T>;
        step = at.next.get(c);
      }
      at = step ?? root;
      for (let o: Node<T> | null = at.ends.length > 0 ? at : at.out; o; o = o.out) {
        for (const e of o.ends) onHit(e.value, i - e.phrase.length + 1, e.phrase);
      }
    }
  }
}
