/**
 * How a page-reading thread sends a snapshot's links to the pool: each distinct string once,
 * then by number, and the links as one array of numbers (moved, not copied).
 *
 * A page's 45 links carry about 50 KB of text (target, link text, row, heading), nearly all of
 * it the site's menus, the same on every page. Structured clone copied it on every page, on
 * both threads, and the pool then looked every string up to share one copy between pages:
 * about a tenth of the audit's CPU on the bench site. Now a string crosses once per thread.
 */
import type { ConceptHit } from '../core/content/digest';
import type { DocumentType } from '../core/crawl/url';
import { isSnapshot, type PageLink, type PageSnapshot, type PageSummary } from '../core/extract/types';

/** Numbers per link in {@link WireSnapshot.links}: url, text, context, section, document type, flags. */
const PER_LINK = 6;
const IMAGE_ONLY = 1;
const CHROME = 2;
/**
 * Distinct strings a thread and its pool remember; both start over together past this. The pool
 * holds them all meanwhile: at 50,000 a 50,000-page crawl kept about 5 MB of link targets that
 * nothing else needed. A restart costs a page's menu strings sent once more.
 */
const MAX_STRINGS = 10_000;

/**
 * Numbers per content hit in {@link WireSnapshot.hits}: key and phrase (string numbers), zone,
 * snippet (in the page's `snippets`), offset (-1 for none).
 */
const PER_HIT = 5;
const ZONES = ['head', 'body'] as const;

/** A snapshot (or a summary) as a thread posts it. */
export interface WireSnapshot {
  snapshot: PageSummary | PageSnapshot;
  /** Links, {@link PER_LINK} numbers each: string numbers, then -1 or the document type's. */
  links: Int32Array;
  /**
   * The content digest's hits, {@link PER_HIT} numbers each (its `hits` is left empty). A page has
   * about 150 hits of a few dozen concepts, and its hits share a few dozen snippets: structured
   * clone wrote every key, phrase and snippet out again, about 37 KB a page of the 40 KB sent.
   */
  hits?: Int32Array;
  /** The page's distinct snippets, which `hits` number. */
  snippets?: string[];
  /** Strings the pool has not been sent yet, numbered on from the ones it has. */
  strings: string[];
  /** The thread started its numbering over before this page: forget the earlier strings. */
  restart: boolean;
}

/** The thread's side: numbers every string it sends. */
export class StringSender {
  private readonly ids = new Map<string, number>();
  private fresh: string[] = [];

  constructor(private readonly maxStrings = MAX_STRINGS) {}

  private id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
      this.fresh.push(s);
    }
    return id;
  }

  /** The snapshot to post, its links by number; `snapshot.links` is left empty. */
  encode(snapshot: PageSummary | PageSnapshot): WireSnapshot {
    // Only between pages, so a page's numbers all belong to one numbering.
    const restart = this.ids.size >= this.maxStrings;
    if (restart) this.ids.clear();
    const links = new Int32Array(snapshot.links.length * PER_LINK);
    let at = 0;
    for (const l of snapshot.links) {
      links[at++] = this.id(l.url);
      links[at++] = this.id(l.text);
      links[at++] = this.id(l.context);
      links[at++] = this.id(l.section);
      links[at++] = l.documentType === null ? -1 : this.id(l.documentType);
      links[at++] = (l.imageOnly ? IMAGE_ONLY : 0) | (l.chrome ? CHROME : 0);
    }
    const content = isSnapshot(snapshot) ? snapshot.content : undefined;
    let hits: Int32Array | undefined;
    let snippets: string[] | undefined;
    if (content) {
      hits = new Int32Array(content.hits.length * PER_HIT);
      snippets = [];
      const snippetIds = new Map<string, number>();
      let h = 0;
      for (const hit of content.hits) {
        let sid = snippetIds.get(hit.snippet);
        if (sid === undefined) {
          sid = snippets.length;
          snippetIds.set(hit.snippet, sid);
          snippets.push(hit.snippet);
        }
        hits[h++] = this.id(hit.key);
        hits[h++] = this.id(hit.phrase);
        hits[h++] = hit.zone === 'head' ? 0 : 1;
        hits[h++] = sid;
        hits[h++] = hit.offset === undefined ? -1 : hit.offset;
      }
    }
    const strings = this.fresh;
    this.fresh = [];
    const sent = { ...snapshot, links: [] };
    if (content) (sent as PageSnapshot).content = { ...content, hits: [] };
    return { snapshot: sent, links, ...(hits ? { hits, snippets } : {}), strings, restart };
  }
}

/** The pool's side, one per thread: turns the numbers back into the thread's strings. */
export class StringReceiver {
  private strings: string[] = [];

  decode(wire: WireSnapshot): PageSummary | PageSnapshot {
    if (wire.restart) this.strings = [];
    for (const s of wire.strings) this.strings.push(s);
    const table = this.strings;
    const { links } = wire;
    const out: PageLink[] = new Array(links.length / PER_LINK);
    for (let i = 0, at = 0; at < links.length; i++, at += PER_LINK) {
      const doc = links[at + 4] as number;
      const flags = links[at + 5] as number;
      const link: PageLink = {
        url: table[links[at] as number] as string,
        text: table[links[at + 1] as number] as string,
        context: table[links[at + 2] as number] as string,
        section: table[links[at + 3] as number] as string,
        documentType: doc < 0 ? null : (table[doc] as DocumentType),
        imageOnly: (flags & IMAGE_ONLY) !== 0,
      };
      if (flags & CHROME) link.chrome = true;
      out[i] = link;
    }
    wire.snapshot.links = out;
    const { hits, snippets } = wire;
    const content = isSnapshot(wire.snapshot) ? wire.snapshot.content : undefined;
    if (content && hits && snippets) {
      const list: ConceptHit[] = new Array(hits.length / PER_HIT);
      for (let i = 0, at = 0; at < hits.length; i++, at += PER_HIT) {
        const offset = hits[at + 4] as number;
        // The scanner's own shape and key order (the reports are compared byte for byte).
        const hit: ConceptHit = {
          key: table[hits[at] as number] as string,
          phrase: table[hits[at + 1] as number] as string,
          zone: ZONES[hits[at + 2] as number] as ConceptHit['zone'],
          snippet: snippets[hits[at + 3] as number] as string,
        };
        if (offset >= 0) hit.offset = offset;
        list[i] = hit;
      }
      content.hits = list;
    }
    return wire.snapshot;
  }
}
