import type { PageSummary } from '../extract/types';
import { findItemCodes, itaYearLabel, looksLikeItaIndex } from './codes';

/** Which list an ITA index page numbers its items with. */
export type NumberingFamily = 'nacc' | 'moph' | 'moph-eb';

/** One ITA index page seen while crawling, with the codes its rows use. */
export interface IndexPageNumbering {
  url: string;
  family: NumberingFamily;
  /** The ITA year the page's title or first heading labels it with (BE), or null. */
  year: number | null;
  /** Distinct item numbers seen in the family's code form. */
  codes: number;
  /** The highest item number seen (48 for FY2562 lists, 43 for 2563–2566, 26 for 2568–2569). */
  maxCode: number;
}

/** Distinct codes a page needs before it counts as an index page of that numbering. */
const MIN_CODES = 5;

const FORMS: Record<NumberingFamily, readonly string[]> = {
  nacc: ['O', 'OIT'],
  moph: ['MOIT'],
  'moph-eb': ['EB'],
};

/**
 * Notices, while the crawl goes, the ITA index pages of a site and which numbering they use:
 * NACC "O1…", MOPH "MOIT 1…" or MOPH "EB1…" (2563–2564), and the year their title labels them
 * with. Cheap: it reads only link texts and rows of pages whose head looks like an ITA page.
 */
export class SiteNumberingDetector {
  private readonly pages = new Map<string, IndexPageNumbering>();

  addPage(page: PageSummary): IndexPageNumbering | null {
    const head = `${page.title} ${page.headings.slice(0, 3).join(' ')}`;
    if (!looksLikeItaIndex(head) && !/moit|(?<![a-z])eb\s?\d/i.test(head)) return null;
    const found: Record<NumberingFamily, Set<number>> = {
      nacc: new Set(),
      moph: new Set(),
      'moph-eb': new Set(),
    };
    const texts = new Set<string>();
    for (const link of page.links) {
      texts.add(link.text);
      texts.add(link.context);
    }
    for (const h of page.headings) texts.add(h);
    for (const text of texts) {
      if (!text) continue;
      for (const family of Object.keys(FORMS) as NumberingFamily[]) {
        for (const n of findItemCodes(text, 60, FORMS[family])) found[family].add(n);
      }
    }
    // The family with most distinct codes names the page's numbering.
    const family = (Object.keys(found) as NumberingFamily[]).reduce((best, f) =>
      found[f].size > found[best].size ? f : best,
    );
    const codes = found[family];
    if (codes.size < MIN_CODES) return null;
    const entry: IndexPageNumbering = {
      url: page.finalUrl,
      family,
      year: itaYearLabel(page.title) ?? itaYearLabel(page.headings[0] ?? ''),
      codes: codes.size,
      maxCode: Math.max(...codes),
    };
    this.pages.set(page.finalUrl, entry);
    return entry;
  }

  /** Every index page seen, in URL order (stable whatever order pages arrived in). */
  indexPages(): IndexPageNumbering[] {
    return [...this.pages.values()].sort((a, b) => a.url.localeCompare(b.url));
  }

  /**
   * The site's current numbering: MOPH lists win over NACC ones (a hospital's NACC-looking
   * page is rare; a MOIT page is decisive), then the newest labelled year not after
   * `assessedYear + 1`, then the page with most codes.
   */
  current(assessedYear: number): IndexPageNumbering | null {
    const pages = this.indexPages();
    const rank = (p: IndexPageNumbering) => [
      p.family === 'moph' ? 2 : p.family === 'moph-eb' ? 1 : 0,
      p.year !== null && p.year <= assessedYear + 1 ? p.year : 0,
      p.codes,
    ];
    let best: IndexPageNumbering | null = null;
    for (const p of pages) {
      if (!best) {
        best = p;
        continue;
      }
      const a = rank(p);
      const b = rank(best);
      for (let i = 0; i < a.length; i++) {
        if ((a[i] ?? 0) !== (b[i] ?? 0)) {
          if ((a[i] ?? 0) > (b[i] ?? 0)) best = p;
          break;
        }
      }
    }
    return best;
  }
}
