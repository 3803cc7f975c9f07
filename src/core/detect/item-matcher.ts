import { boundedMemo } from '../bounded-memo';
import type { RulePack } from '../rules/load-pack';
import type { RuleItem } from '../rules/schema';
import { matchKey, slugKey } from '../thai/normalise';

/** Anchor texts that say nothing about their target; the item comes from their row. */
const GENERIC_ANCHORS = [
  'คลิกลิงค์ข้อมูล',
  'คลิกลิงก์ข้อมูล',
  'คลิกลิ้งค์ข้อมูล',
  'คลิกที่นี่',
  'คลิก',
  'ลิงค์',
  'ลิงก์',
  'ลิ้งค์',
  'รายละเอียด',
  'ดูรายละเอียด',
  'ดาวน์โหลด',
  'ดาวน์โหลดเอกสาร',
  'เอกสาร',
  'ดูข้อมูล',
  'ข้อมูล',
  'อ่านต่อ',
  'เปิด',
  'click',
  'clickhere',
  'link',
  'download',
  'more',
  'readmore',
  'view',
  'pdf',
  'ไฟล์',
  'ไฟล์แนบ',
].map(matchKey);

export interface TextMatch {
  id: string;
  /** Length of the matched keyword (longer = more specific). */
  length: number;
}

interface CompiledItem {
  item: RuleItem;
  keys: string[];
  exclude: string[];
  slugs: string[];
}

/** Texts and URLs each of the matcher's memos remembers (see CandidateCollector's). */
const MATCH_MEMO_ENTRIES = 5_000;

/**
 * Matches texts and URLs to items using the rule pack's keywords. Text is compared after
 * `matchKey` (normalised, lower case, no whitespace), never with `\b` (DESIGN.md §5).
 * When a text contains keywords of several items, the longest keyword wins.
 */
export class ItemMatcher {
  private readonly items: CompiledItem[];
  // Menus repeat on every page; the rest of a site's texts and URLs mostly come once. Bounded
  // as the collector's memos are: an unbounded (or 50,000-entry) table made a 50,000-page
  // audit's memory grow with the site, not with what it keeps (issue 11 §3).
  private readonly textMatch = boundedMemo(MATCH_MEMO_ENTRIES, (key) => this.findText(key));
  private readonly slugMatch = boundedMemo(MATCH_MEMO_ENTRIES, (url) => this.findSlug(url));

  constructor(readonly pack: RulePack) {
    this.items = pack.items.map((item) => {
      const words = [
        item.name.th,
        ...(item.name.en ? [item.name.en] : []),
        ...item.keywords.th,
        ...item.keywords.en,
      ];
      const keys = [...new Set(words.map(matchKey).filter((k) => k.length >= 2))].sort(
        (a, b) => b.length - a.length,
      );
      const slugs = [
        ...new Set([
          ...item.slugHints.map(slugKey),
          // Thai keywords as Google Sites writes them in slugs: marks dropped, no separators.
          ...[item.name.th, ...item.keywords.th].map(slugKey).filter((k) => k.length >= 6),
        ]),
      ].filter((k) => k.length >= 2);
      return { item, keys, exclude: item.excludeKeywords.map(matchKey), slugs };
    });
  }

  /** The item a text names, or null. Cached: menus repeat on every page. */
  matchText(text: string): TextMatch | null {
    const key = matchKey(text);
    return key.length < 2 ? null : this.textMatch(key);
  }

  private findText(key: string): TextMatch | null {
    let best: TextMatch | null = null;
    for (const c of this.items) {
      let length = 0;
      for (const k of c.keys) {
        if (k.length <= length) break;
        if (key.includes(k)) length = k.length;
      }
      if (length === 0) continue;
      if (c.exclude.some((x) => key.includes(x))) continue;
      if (!best || length > best.length) best = { id: c.item.id, length };
    }
    return best;
  }

  /** True when an anchor text carries no meaning of its own ("คลิกลิงค์ข้อมูล", "ดาวน์โหลด"). */
  isGeneric(text: string): boolean {
    const key = matchKey(text);
    return key === '' || GENERIC_ANCHORS.includes(key) || /^[0-9.\-()]+$/.test(key);
  }

  /**
   * The item whose slug hint best matches a path segment of the URL, or null. A hint equals a
   * whole segment ("/o23/", "/contact.html"), or, when long (a Thai name with its marks
   * stripped, as Google Sites writes slugs), sits inside one. The longest hint wins.
   */
  matchSlug(url: string): TextMatch | null {
    return this.slugMatch(url);
  }

  private findSlug(url: string): TextMatch | null {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return null;
    }
    const segments = path
      .split('/')
      .filter(Boolean)
      .map((s) => slugKey(s.replace(/\.(html?|php|aspx?|jsp|pdf|docx?|xlsx?)$/i, '')));
    if (segments.length === 0) return null;
    let best: TextMatch | null = null;
    for (const c of this.items) {
      for (const hint of c.slugs) {
        if (best && hint.length <= best.length) continue;
        if (segments.some((seg) => seg === hint || (hint.length >= 6 && seg.includes(hint)))) {
          best = { id: c.item.id, length: hint.length };
        }
      }
    }
    return best;
  }
}
