/** Compact, serialisable facts about one fetched page (DESIGN.md §3.3). No whole HTML is kept. */

export type { DocumentType } from '../crawl/url';
import type { DocumentType } from '../crawl/url';
import type { ContentDigest } from '../content/digest';

export interface PageLink {
  /** Absolute, normalised target URL. */
  url: string;
  /** Normalised link text; falls back to the image alt or title attribute. */
  text: string;
  /** Normalised text of the nearest row-like ancestor (tr, li, dt/dd, p), capped. */
  context: string;
  /** Normalised text of the nearest heading before the link, capped. */
  section: string;
  /** Document type from the URL's extension, or null for pages. */
  documentType: DocumentType | null;
  /** The anchor shows only an image with no text and no alt. */
  imageOnly: boolean;
  /** The link sits in a menu, header, footer or sidebar. */
  chrome?: boolean;
}

export interface PageFeatures {
  /** A form a visitor can write into (a textarea, or two or more visible fields). */
  form: boolean;
  /** A password field: the page is a login page. */
  passwordForm: boolean;
  /** An embedded map or a link to an online map. */
  map: boolean;
  emailLink: boolean;
  telLink: boolean;
  image: boolean;
  iframe: boolean;
}

/** A year mention kept from the page text (BE; month 1–12 when a date gave it). */
export interface YearMark {
  be: number;
  month?: number;
}

export interface PageSnapshot {
  url: string;
  finalUrl: string;
  status: number;
  depth: number;
  contentType: string;
  charset: string;
  /** Normalised <title>. */
  title: string;
  /** Normalised h1–h3 texts, in order, capped. */
  headings: string[];
  /** The first part of the normalised body text, for snippets and text checks. */
  text: string;
  /** Length of the whole normalised body text, in characters. */
  textLength: number;
  links: PageLink[];
  features: PageFeatures;
  /** Year mentions in the title, headings and body text (deduplicated). */
  years: YearMark[];
  /** Year ranges (e.g. a plan period 2566–2570) in the text. */
  yearRanges: { fromBe: number; toBe: number; fromMonth?: number; toMonth?: number }[];
  /** Keys "O5:phone" of the rule pack's required elements found on the page. */
  elements: string[];
  /** The page says its content is being prepared or repaired. */
  underConstruction: boolean;
  /** The body was cut at the size cap. */
  truncated: boolean;
  /** What the page's own content says about the pack's items (absent without content signals). */
  content?: ContentDigest;
  /** Links past the per-page cap that were not kept (absent when none). */
  linksDropped?: number;
  /** The page's elements nest deeper than the parser follows: the rest of the page was not read. */
  nestingCut?: boolean;
}

/**
 * What the crawl reads of every page: where it links and what it calls itself (candidate
 * detection, the site's item numbering, the report's warnings). The rest of a snapshot (text,
 * years, elements, content) costs more than half of reading a page, and verification reads it
 * only for the pages it keeps: the first pages and the candidates (snapshot-store.ts).
 */
export type PageSummary = Pick<
  PageSnapshot,
  'url' | 'finalUrl' | 'status' | 'depth' | 'title' | 'headings' | 'links' | 'linksDropped' | 'nestingCut'
>;

/** Whether a page was read whole (a snapshot) or only as far as the crawl needs (a summary). */
export function isSnapshot(page: PageSummary): page is PageSnapshot {
  return 'years' in page;
}
