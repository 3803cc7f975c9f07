/**
 * What a target (page or document) says about the items of a rule pack, gathered once when
 * the target is read, so the verdicts need no page text later (style-anchors §6: gather,
 * then evaluate). Hits are kept per zone: the head (title, main headings, a document's first
 * lines) and the body (the target's own text; for pages, not the texts of links: a list of
 * links names documents without being them).
 */

/** Where a phrase was found: the head (title lines) or the body (the target's own text). */
export type Zone = 'head' | 'body';

export interface ConceptHit {
  /** "O26:hr-plan" (a concept), "O10!budget" (a negative concept) or "@report" (a report marker). */
  key: string;
  /** The phrase as written in the pack. */
  phrase: string;
  zone: Zone;
  /** A short piece of the text around the phrase, normalised. */
  snippet: string;
  /** Where the phrase starts in the zone's normalised text (to tell a PDF page). */
  offset?: number;
}

export interface ContentDigest {
  /** First hit per key and zone. */
  hits: ConceptHit[];
  /** Characters of the target's own text: not link texts, not menus and footers. */
  ownChars: number;
  /** Distinct report-marker phrases found in the body. */
  reportMarkers: number;
  /** The main content shows an image. */
  image: boolean;
  /**
   * Sections of a page with several main headings whose heading named an item, with the start
   * of their text (raw): a home page's news block is dated by its own posts.
   */
  sections?: { heading: string; text: string }[];
  /** Document links of the main content, kept only when the page has little text of its own. */
  docLinks?: { url: string; text: string }[];
}

export const EMPTY_DIGEST: ContentDigest = { hits: [], ownChars: 0, reportMarkers: 0, image: false };
