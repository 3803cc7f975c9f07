interface Node<T> {
  next: Map<number, Node<T>>;
  /** The longest proper suffix of this node's path that is also a path of the trie. */
  fail: Node<T> | null;
  /** The nearest node along the fail chain where a phrase ends. */
  out: Node<T> | null;
  /** Entries whose phrase ends here (all with the same phrase), and their values. */
  ends: { phrase: string; value: T }[];
  values: T[];
}

const node = <T>(): Node<T> => ({ next: new Map(), fail: null, out: null, ends: [], values: [] });

/** Table cells (states × character classes) past which the index keeps to its trie. */
const MAX_TABLE = 4_000_000;

/**
 * Finds many short phrases in a text in one pass: Aho–Corasick over UTF-16 units (a trie of
 * the phrases with failure links), so each character of the text costs about one step
 * whatever the number of phrases. Measured on news pages of the bench site with the FY2562
 * pack's ~1,000 phrases; the npm Aho–Corasick library we tried took 5–7 ms a page (it segments
 * graphemes) and one `includes` per phrase 7.6 ms. Thai syllable boundaries are the caller's
 * business (see the content scanner).
 *
 * The trie is then flattened into a table (state × character class → state, failure links
 * followed in advance): one array read a character instead of Map look-ups along the failure
 * chain, about twice as fast on the bench site (test/bench/scan-micro.ts). The bundled packs
 * merged make ~4,400 states × ~100 classes; a pack far larger keeps to the trie.
 */
export class PhraseIndex<T> {
  private readonly root: Node<T> = node<T>();
  /** UTF-16 unit → character class; 0 for units in no phrase. */
  private readonly classOf: Uint8Array | Uint16Array | null = null;
  private readonly width: number = 0;
  /**
   * (state × width + class) → next state; state 0 is the root. The narrowest array that holds
   * the states: the table is read at random, and half the bytes was twice the speed.
   */
  private readonly next: Uint16Array | Int32Array | null = null;
  /**
   * The phrases ending at each state, longest first: entries outAt[s] .. outAt[s + 1] of the
   * three arrays below, one per phrase with the values of its entries (kept apart: one array
   * of objects made the reads megamorphic).
   */
  private readonly outAt: Int32Array | null = null;
  private readonly endValues: (readonly T[])[] = [];
  private readonly endPhrase: string[] = [];
  private endLength: Int32Array = new Int32Array(0);
  /** UTF-16 units read as if absent (options.ignore); their class in the table. */
  private readonly ignored: Set<number>;
  private readonly ignoredClass: number = -1;
  /** The bit of a `next` entry that says phrases end at that state. */
  private readonly flag: number = 0;

  /**
   * `options.ignore`: characters the index reads a text as if they were not there (a phrase
   * then matches across them); phrases must not contain them. `options.maxTable`: table cells
   * past which the index keeps to its trie.
   */
  constructor(
    entries: Iterable<{ phrase: string; value: T }>,
    options: { ignore?: string; maxTable?: number } = {},
  ) {
    const maxTable = options.maxTable ?? MAX_TABLE;
    this.ignored = new Set([...(options.ignore ?? '')].map((c) => c.charCodeAt(0)));
    const units = new Map<number, number>();
    for (const e of entries) {
      if (e.phrase.length === 0) continue;
      let at = this.root;
      for (let i = 0; i < e.phrase.length; i++) {
        const c = e.phrase.charCodeAt(i);
        if (!units.has(c)) units.set(c, units.size + 1);
        let child = at.next.get(c);
        if (!child) {
          child = node<T>();
          at.next.set(c, child);
        }
        at = child;
      }
      at.ends.push(e);
      at.values.push(e.value);
    }
    // Failure links, breadth first: a node's link is found from its parent's.
    const queue: Node<T>[] = [this.root];
    for (const child of this.root.next.values()) {
      child.fail = this.root;
      queue.push(child);
    }
    for (let q = 1; q < queue.length; q++) {
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
    const width = units.size + 1;
    if (queue.length * width > maxTable) return;
    // Ignored units get a class of their own, one past the table's columns: never looked up.
    const ignoredClass = width;
    // States are numbered in breadth-first order, so a state's failure target (shallower) has
    // its row filled before the state's own.
    const id = new Map<Node<T>, number>(queue.map((n, i) => [n, i]));
    const classOf = width < 256 ? new Uint8Array(65_536) : new Uint16Array(65_536);
    for (const [c, k] of units) classOf[c] = k;
    for (const c of this.ignored) classOf[c] = ignoredClass;
    // A state where phrases end is stored with a flag bit set, so the scan reads its outputs only there.
    const small = queue.length <= 0x8000;
    const flag = small ? 0x8000 : 0x40000000;
    const next = small ? new Uint16Array(queue.length * width) : new Int32Array(queue.length * width);
    const ending = (n: Node<T>) => ((n.ends.length > 0 || n.out ? flag : 0) | (id.get(n) as number)) >>> 0;
    const outAt = new Int32Array(queue.length + 1);
    const lengths: number[] = [];
    for (const [s, n] of queue.entries()) {
      const row = s * width;
      const failRow = n.fail ? (id.get(n.fail) as number) * width : -1;
      for (let k = 1; k < width; k++) next[row + k] = failRow >= 0 ? (next[failRow + k] as number) : 0;
      for (const [c, child] of n.next) {
        // A phrase holding an ignored character never matches (the trie reads it the same way).
        const k = classOf[c] as number;
        if (k !== ignoredClass) next[row + k] = ending(child);
      }
      outAt[s] = lengths.length;
      for (let o: Node<T> | null = n.ends.length > 0 ? n : n.out; o; o = o.out) {
        const phrase = (o.ends[0] as { phrase: string }).phrase;
        this.endValues.push(o.values);
        this.endPhrase.push(phrase);
        lengths.push(phrase.length);
      }
    }
    outAt[queue.length] = lengths.length;
    this.endLength = Int32Array.from(lengths);
    this.classOf = classOf;
    this.ignoredClass = this.ignored.size > 0 ? ignoredClass : -1;
    this.width = width;
    this.next = next;
    this.outAt = outAt;
    this.flag = flag;
  }

  /**
   * Calls `onHit` for every phrase occurrence (overlaps included), in the order the phrases end
   * in the text; of phrases ending at one place, the longest first. `start` and `end` are where
   * the phrase's first and last characters are in `text` (ignored characters may lie between).
   */
  scan(text: string, onHit: (value: T, start: number, phrase: string, end: number) => void): void {
    const { classOf, next, outAt, width, endValues, endPhrase, endLength, ignoredClass, flag } = this;
    if (!classOf || !next || !outAt) {
      this.scanTrie(text, onHit);
      return;
    }
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const k = classOf[text.charCodeAt(i)] as number;
      if (k === ignoredClass) continue;
      s = next[s * width + k] as number;
      if (s < flag) continue;
      s -= flag;
      const to = outAt[s + 1] as number;
      for (let o = outAt[s] as number; o < to; o++) {
        const phrase = endPhrase[o] as string;
        const start = this.startOf(text, i, endLength[o] as number);
        for (const v of endValues[o] as T[]) onHit(v, start, phrase, i);
      }
    }
  }

  /** Where a phrase of `length` characters ending at `end` starts, ignored characters skipped. */
  private startOf(text: string, end: number, length: number): number {
    if (this.ignored.size === 0) return end - length + 1;
    const { classOf, ignoredClass, ignored } = this;
    let at = end;
    for (let n = length - 1; n > 0; ) {
      at--;
      const c = text.charCodeAt(at);
      if (classOf ? classOf[c] !== ignoredClass : !ignored.has(c)) n--;
    }
    return at;
  }

  /** `scan` on the trie itself: for an index too large for a table. */
  private scanTrie(
    text: string,
    onHit: (value: T, start: number, phrase: string, end: number) => void,
  ): void {
    const root = this.root;
    let at = root;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.ignored.has(c)) continue;
      let step = at.next.get(c);
      while (!step && at !== root) {
        at = at.fail as Node<T>;
        step = at.next.get(c);
      }
      at = step ?? root;
      for (let o: Node<T> | null = at.ends.length > 0 ? at : at.out; o; o = o.out) {
        for (const e of o.ends) onHit(e.value, this.startOf(text, i, e.phrase.length), e.phrase, i);
      }
    }
  }
}
