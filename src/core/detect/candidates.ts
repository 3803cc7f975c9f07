import { boundedMemo } from '../bounded-memo';
import { hostnameOf, sameSiteAs } from '../crawl/url';
import { detach } from '../extract/detach';
import type { PageLink, PageSnapshot, PageSummary } from '../extract/types';
import type { RulePack } from '../rules/load-pack';
import { findItemCodes, itaYearLabel, looksLikeItaIndex } from './codes';
import { ItemMatcher } from './item-matcher';

/**
 * How a candidate was found, strongest first (DESIGN.md §3.4); `content` is evidence filed
 * under another item whose own content says which item it is.
 */
export type Via = 'index' | 'link' | 'title' | 'slug' | 'manual' | 'content';

/** A place that may hold the evidence for an item. */
export interface Candidate {
  itemId: string;
  url: string;
  via: Via;
  /** What named the item: the link text, row text or title. */
  text: string;
  /** The page that linked to `url` (absent for titles and manual evidence). */
  from?: string;
  /** Link text and row text of the link, kept for the year check. */
  linkText?: string;
  /** Ranking score: higher is stronger. */
  strength: number;
  imageOnly?: boolean;
  /** For `content` candidates: the item under whose menu or row the target was found. */
  filedUnder?: string;
}

const STRENGTH = {
  indexCodeAndName: 100,
  indexName: 92,
  indexCode: 85,
  offSiteAccount: 78,
  link: 70,
  section: 62,
  title: 55,
  slug: 40,
} as const;

/** True when a code on a page labelled with ITA year `label` means this pack's item `n`. */
function codeTrusted(pack: RulePack, label: number | null, n: number): boolean {
  if (label === null || label === pack.year) return true;
  return pack.codeNumbering.some((c) => c.years.includes(label) && n <= c.upTo);
}

function hostMatches(host: string, suffixes: readonly string[]): boolean {
  return suffixes.some((s) => host === s || host.endsWith(`.${s}`));
}

export interface DetectOptions {
  /** The audited site's URL (after redirects): links to other hosts are off-site. */
  siteUrl: string;
}

/**
 * Collects candidate evidence page by page, as the crawl goes, so links need not be kept:
 * ITA index rows first (code and name), then link texts, headings under which links sit,
 * page titles and headings, URL slugs. `result()` gives candidates per item, strongest first,
 * one per URL; ties are broken by text, so the order in which pages arrive does not matter.
 */
export class CandidateCollector {
  private readonly matcher: ItemMatcher;
  private readonly byItem = new Map<string, Map<string, Candidate>>();
  /**
   * The item a page's title (or else first heading) names, for pages that name one: slug
   * candidates are judged by it at the end. Pages that name nothing are not remembered, so
   * this grows with the evidence, not with the site.
   */
  private readonly namedBy = new Map<string, string>();
  /** Per item, its strongest candidates so far, in `result()` order (see {@link leads}). */
  private readonly leaders = new Map<string, Candidate[]>();
  /** URLs that have been among an item's leaders at some point. */
  private readonly leading = new Set<string>();

  /** sameSite(url, the audited site), made once: every link of every page is asked. */
  private readonly onSite: (url: string) => boolean;

  /** Items proved by a link to the agency's own account elsewhere (O9), with their hosts. */
  private readonly offSiteAccounts: { id: string; hosts: string[] }[];

  constructor(
    readonly pack: RulePack,
    readonly options: DetectOptions,
  ) {
    this.matcher = new ItemMatcher(pack);
    this.onSite = sameSiteAs(options.siteUrl);
    this.offSiteAccounts = pack.items
      .filter((i) => i.evidenceKind === 'off-site-link')
      .map((i) => ({ id: i.id, hosts: i.offSiteKinds.flatMap((k) => pack.offSiteKinds[k] ?? []) }));
  }

  // Menus and their rows repeat on every page: remember what their texts say. Menus repeat a
  // few hundred texts; the rest (rows, news titles) rarely come back.
  private readonly sectionLabel = boundedMemo(MEMO_ENTRIES, (section) => itaYearLabel(section));
  private readonly codesIn = boundedMemo(MEMO_ENTRIES, (text) =>
    findItemCodes(text, this.pack.items.length, this.pack.codeForms),
  );
  /** `matcher.matchText`, remembered: menu, row and heading texts repeat on every page. */
  private readonly named = boundedMemo(MEMO_ENTRIES, (text) => this.matcher.matchText(text));
  private readonly generic = boundedMemo(MEMO_ENTRIES, (text) => this.matcher.isGeneric(text));

  /**
   * Files a candidate unless its item has one as strong for its URL already (an equal one wins
   * by the smaller "from text"). Menu links name the same items on every page, so most offers
   * lose: the candidate is built only when it wins, its strings only then copied.
   */
  private add(
    itemId: string,
    url: string,
    via: Via,
    text: string,
    strength: number,
    link?: { page: string; link: PageLink },
  ): void {
    let m = this.byItem.get(itemId);
    if (!m) {
      m = new Map();
      this.byItem.set(itemId, m);
    }
    const prev = m.get(url);
    const from = link?.page;
    if (
      prev &&
      !(
        strength > prev.strength ||
        (strength === prev.strength && joinedBefore(from ?? '', text, prev.from ?? '', prev.text))
      )
    ) {
      return;
    }
    // Candidates live until the end of the audit: keep no view into a page's text. (Fields in
    // the order they always had: a report lists them as they are.)
    const c: Candidate = link
      ? {
          url,
          from: link.page,
          linkText: detach(`${link.link.text} ${link.link.context}`.trim()),
          imageOnly: link.link.imageOnly,
          itemId,
          via,
          text: detach(text),
          strength,
        }
      : { itemId, url, via, text: detach(text), strength };
    m.set(url, c);
    this.lead(c);
    if (m.size > 2 * KEPT_PER_ITEM) prune(m);
  }

  /** Files a new or stronger candidate among its item's leaders when it ranks there. */
  private lead(c: Candidate): void {
    const current = this.leaders.get(c.itemId) ?? [];
    const last = current[current.length - 1];
    // Most candidates of a big site rank below a full list of leaders and were never in it.
    if (current.length >= LEADERS && last && byStrength(c, last) > 0 && !current.some((x) => x.url === c.url))
      return;
    const list = current.filter((x) => x.url !== c.url);
    let at = list.findIndex((x) => byStrength(c, x) < 0);
    if (at < 0) at = list.length;
    if (at >= LEADERS) return;
    list.splice(at, 0, c);
    if (list.length > LEADERS) list.pop();
    this.leaders.set(c.itemId, list);
    this.leading.add(c.url);
  }

  /**
   * True when `url` has ranked among the strongest candidates of some item: a page verification
   * will probably read. Verification tries a few candidates per item (`maxCandidates`, 4 by
   * default), so the crawl need not keep the other pages a news site names by the thousand.
   */
  leads(url: string): boolean {
    return this.leading.has(url);
  }

  /** Adds the candidates one page gives. */
  addPage(page: PageSummary): void {
    const { pack, matcher } = this;
    const self = this;
    const itemOfCode = (n: number) => pack.items[n - 1]?.id;
    const titleMatch = matcher.matchText(page.title);
    const headingMatch = matcher.matchText(page.headings[0] ?? '');
    const named = titleMatch ?? headingMatch;
    if (named) {
      this.namedBy.set(page.url, named.id);
      this.namedBy.set(page.finalUrl, named.id);
    }
    const pageHead = `${page.title} ${page.headings.slice(0, 3).join(' ')}`;
    const pageIsIndex = looksLikeItaIndex(pageHead);
    // The page's own year label comes from its title and first heading; later headings
    // label their own sections (an archived "ITA ปี 2566" list below the current one).
    const pageLabel = itaYearLabel(page.title) ?? itaYearLabel(page.headings[0] ?? '');

    for (const link of page.links) {
      if (link.url === page.finalUrl || link.url === page.url) continue;
      classifyLink(link);
    }

    // Titles and main headings name the page itself; an ITA index names every item and is none.
    const ownHeads = pageIsIndex ? [] : [page.title, ...page.headings.slice(0, 2)];
    for (const [i, text] of ownHeads.entries()) {
      const m = i === 0 ? titleMatch : i === 1 ? headingMatch : matcher.matchText(text);
      if (m) this.add(m.id, page.finalUrl, 'title', text, STRENGTH.title - i + Math.min(m.length, 30) / 10);
    }
    const slug = pageIsIndex ? null : matcher.matchSlug(page.finalUrl);
    if (slug) this.add(slug.id, page.finalUrl, 'slug', page.title, STRENGTH.slug);

    // A link's candidate: built by add() only when it wins (a function of the page, not a
    // closure made anew per link).
    function addLink(link: PageLink, itemId: string, via: Via, text: string, strength: number) {
      self.add(itemId, link.url, via, text, strength, { page: page.finalUrl, link });
    }

    /** Item codes in `text` that the page's label lets stand (no array made when there are none). */
    function trustedCodes(text: string, label: ReturnType<typeof itaYearLabel>): number[] {
      const codes = self.codesIn(text);
      return codes.length === 0 ? codes : codes.filter((n) => codeTrusted(pack, label, n));
    }

    function classifyLink(link: PageLink) {
      const offSite = !self.onSite(link.url);
      const generic = link.imageOnly || self.generic(link.text);
      const textMatch = generic ? null : self.named(link.text);

      // 0. On an ITA index, a link under a label with one item code ("O45 มาตรการ…" in bold,
      // then "– เอกสาร…") belongs to that item whatever its own text says; its content decides.
      if (pageIsIndex && link.section && !offSite) {
        const label = self.sectionLabel(link.section) ?? pageLabel;
        const sectionCodes = trustedCodes(link.section, label);
        const rowCodes = trustedCodes(link.context, label);
        const sectionItem = sectionCodes.length === 1 ? itemOfCode(sectionCodes[0] as number) : undefined;
        if (sectionItem && rowCodes.length === 0) {
          addLink(link, sectionItem, 'index', `${link.section} › ${link.text}`, STRENGTH.indexCode);
          return;
        }
      }
      // 1. A row of an index (table row, list item) that names the item by code or name.
      const rowHasMore = link.context.length > link.text.length + 1;
      if (rowHasMore) {
        const label = self.sectionLabel(link.section) ?? pageLabel;
        const codes = trustedCodes(link.context, label);
        const codeItem = codes.length === 1 ? itemOfCode(codes[0]!) : undefined;
        const nameMatch = self.named(link.context);
        const inIndex = pageIsIndex || codes.length > 0 || generic;
        if (
          inIndex &&
          (codeItem || nameMatch) &&
          !(textMatch && nameMatch && textMatch.id !== nameMatch.id)
        ) {
          let itemId: string;
          let strength: number;
          if (codeItem && nameMatch && codeItem === nameMatch.id) {
            itemId = codeItem;
            strength = STRENGTH.indexCodeAndName;
          } else if (nameMatch) {
            // Name wins over a code that disagrees: the code is probably another year's numbering.
            itemId = nameMatch.id;
            strength = STRENGTH.indexName;
          } else {
            itemId = codeItem as string;
            strength = STRENGTH.indexCode;
          }
          addLink(link, itemId, 'index', link.context, strength);
          return;
        }
      }
      // 2. The link text itself names the item.
      if (textMatch) {
        addLink(link, textMatch.id, 'link', link.text, STRENGTH.link + Math.min(textMatch.length, 30) / 10);
        return;
      }
      // 3. A generic link or a document under a heading that names the item ("O1 โครงสร้าง" then "– ผังองค์กร").
      if (link.section && (generic || link.documentType)) {
        const label = self.sectionLabel(link.section) ?? pageLabel;
        const nameMatch = self.named(link.section);
        const codes = trustedCodes(link.section, label);
        const itemId = nameMatch?.id ?? (codes.length === 1 ? itemOfCode(codes[0]!) : undefined);
        if (itemId && (pageIsIndex || codes.length > 0)) {
          addLink(link, itemId, 'index', `${link.section} › ${link.text}`, STRENGTH.section);
          return;
        }
      }
      // 4. Links to the agency's own accounts elsewhere (O9 social networks).
      if (offSite) {
        const host = hostnameOf(link.url);
        for (const item of self.offSiteAccounts) {
          if (hostMatches(host, item.hosts) && !/sharer|share\?|intent\/tweet|\/share/i.test(link.url)) {
            addLink(link, item.id, 'link', link.text || host, STRENGTH.offSiteAccount);
          }
        }
        return;
      }
      // 5. The target's URL slug.
      const slug = matcher.matchSlug(link.url);
      if (slug) addLink(link, slug.id, 'slug', link.text, STRENGTH.slug);
    }
  }

  /** Candidates per item, strongest first. */
  result(): Map<string, Candidate[]> {
    // A URL slug is weak evidence: drop it when the page behind it is titled as another item
    // ("/budget/report-6-months" is the budget report, not the operations report).
    const titledAsOther = (c: Candidate) => {
      const named = this.namedBy.get(c.url);
      return named !== undefined && named !== c.itemId;
    };
    const result = new Map<string, Candidate[]>();
    for (const item of this.pack.items) {
      const list = [...(this.byItem.get(item.id)?.values() ?? [])]
        .filter((c) => c.via !== 'slug' || !titledAsOther(c))
        .sort(byStrength);
      result.set(item.id, list);
    }
    return result;
  }
}

/**
 * Candidates kept per item: verification tries at most 20 (`maxCandidates`, 4 by default), and a
 * news site names its news item on thousands of pages. A candidate pruned can only come back
 * stronger (strengths never drop), so the strongest ones are those an unbounded list would have.
 */
const KEPT_PER_ITEM = 64;

/** Texts each of the collector's memos remembers. */
const MEMO_ENTRIES = 4_000;

/** Keeps the {@link KEPT_PER_ITEM} strongest candidates of one item. */
function prune(m: Map<string, Candidate>): void {
  const keep = [...m.values()].sort(byStrength).slice(0, KEPT_PER_ITEM);
  m.clear();
  for (const c of keep) m.set(c.url, c);
}

/**
 * `${a1} ${a2}` < `${b1} ${b2}`, compared without building either string (UTF-16 code units,
 * as `<` compares): the tie-break of two equal candidates, asked for every menu link of a page.
 */
export function joinedBefore(a1: string, a2: string, b1: string, b2: string): boolean {
  const la = a1.length + 1 + a2.length;
  const lb = b1.length + 1 + b2.length;
  const n = Math.min(la, lb);
  for (let i = 0; i < n; i++) {
    const ca = i < a1.length ? a1.charCodeAt(i) : i === a1.length ? 32 : a2.charCodeAt(i - a1.length - 1);
    const cb = i < b1.length ? b1.charCodeAt(i) : i === b1.length ? 32 : b2.charCodeAt(i - b1.length - 1);
    if (ca !== cb) return ca < cb;
  }
  return la < lb;
}

/** Candidates kept as leaders per item: twice the default number verification tries. */
const LEADERS = 8;

/** Strongest first; ties by URL, so the order in which pages arrive does not matter. */
function byStrength(a: Candidate, b: Candidate): number {
  return b.strength - a.strength || a.url.localeCompare(b.url);
}

/** Candidates of every item from a set of pages (see {@link CandidateCollector}). */
export function detectCandidates(
  pack: RulePack,
  pages: readonly PageSnapshot[],
  options: DetectOptions,
): Map<string, Candidate[]> {
  const collector = new CandidateCollector(pack, options);
  for (const page of pages) collector.addPage(page);
  return collector.result();
}
