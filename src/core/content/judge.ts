import type { RulePack } from '../rules/load-pack';
import type { Concept, RuleItem } from '../rules/schema';
import { matchKey } from '../thai/normalise';
import type { ConceptHit, ContentDigest } from './digest';

/** A target whose own text satisfies this many items without naming one in its head is a directory. */
const DIRECTORY_ITEMS = 6;

/** Own text below this many characters means the target shows (almost) nothing readable. */
export const MIN_OWN_CHARS = 40;

export type ContentVerdict =
  /** The target talks about the item: one deciding hit per concept group (and the report marker). */
  | { status: 'confirmed'; hits: ConceptHit[] }
  /** Readable, but about something else. */
  | {
      status: 'other';
      missing: Concept[];
      negative?: ConceptHit;
      reportMissing: boolean;
      /** The target has almost no text of its own (and no image): there is nothing to credit. */
      empty: boolean;
      /** The target lists many items without being any of them (an ITA index, a site map). */
      directory?: boolean;
      /** Items the target does talk about, most likely first. */
      looksLike: string[];
    }
  /** Nothing could be read: the content is an image (or empty). */
  | { status: 'unreadable' }
  /** The pack has no content signals for this item (older packs): only links and titles decide. */
  | { status: 'unchecked' };

function hitOf(digest: ContentDigest, key: string, zones: readonly string[]): ConceptHit | undefined {
  let found: ConceptHit | undefined;
  for (const h of digest.hits) {
    if (h.key !== key || !zones.includes(h.zone)) continue;
    if (h.zone === 'head') return h;
    found ??= h;
  }
  return found;
}

const OWN = ['head', 'body'] as const;

/** The report marker that makes the target a report of results, or null. */
function reportMarker(digest: ContentDigest): ConceptHit | null {
  const head = hitOf(digest, '@report', ['head']);
  if (head) return head;
  // One marker in a long text can be a phrase in passing ("…เพื่อให้ผลการดำเนินงานดีขึ้น"):
  // a report of results uses the vocabulary of results more than once.
  return digest.reportMarkers >= 2 ? (hitOf(digest, '@report', ['body']) ?? null) : null;
}

interface Fit {
  hits: ConceptHit[];
  missing: Concept[];
  negative?: ConceptHit;
  reportMissing: boolean;
  headHits: number;
  /** Length of the item's phrases found in the head: the longest, most specific subject wins. */
  headWeight: number;
}

function fitOf(item: RuleItem, digest: ContentDigest): Fit | null {
  const content = item.content;
  if (!content) return null;
  const hits: ConceptHit[] = [];
  const missing: Concept[] = [];
  let headHits = 0;
  let headWeight = 0;
  for (const c of content.concepts) {
    const h = hitOf(digest, `${item.id}:${c.id}`, OWN);
    if (h) {
      hits.push(h);
      if (h.zone === 'head') {
        headHits++;
        headWeight += matchKey(h.phrase).length;
      }
    } else missing.push(c);
  }
  // A look-alike announces itself in its head; the item's own subject there outweighs it.
  const negative =
    headHits < content.concepts.length
      ? content.negative
          .map((n) => hitOf(digest, `${item.id}!${n.id}`, ['head']))
          .find((h) => h !== undefined)
      : undefined;
  let reportMissing = false;
  if (content.report) {
    const marker = reportMarker(digest);
    if (marker) hits.push(marker);
    else reportMissing = true;
  }
  return { hits, missing, ...(negative ? { negative } : {}), reportMissing, headHits, headWeight };
}

function fits(f: Fit | null): f is Fit {
  return f !== null && f.missing.length === 0 && !f.negative && !f.reportMissing;
}

/** Items of the pack whose content signals the target satisfies, the best fits first. */
export function itemsConfirmedBy(pack: RulePack, digest: ContentDigest): string[] {
  const found: { id: string; headHits: number; weight: number }[] = [];
  for (const item of pack.items) {
    const f = fitOf(item, digest);
    if (fits(f)) {
      found.push({
        id: item.id,
        headHits: f.headHits,
        weight: f.hits.reduce((s, h) => s + h.phrase.length, 0),
      });
    }
  }
  return found.sort((a, b) => b.headHits - a.headHits || b.weight - a.weight).map((f) => f.id);
}

/**
 * Decides whether a target talks about `item`, as an evaluator reading it would. `channel`
 * items (a form, a web board) are judged on their head: the form is their content.
 */
export function judgeContent(
  pack: RulePack,
  item: RuleItem,
  digest: ContentDigest,
  target: { document?: boolean } = {},
): ContentVerdict {
  const f = fitOf(item, digest);
  if (!f) return { status: 'unchecked' };
  const thin = digest.ownChars < MIN_OWN_CHARS && item.evidenceKind !== 'channel';
  // An image (a scanned table, a chart, photos with names) cannot be read: a person must look.
  if (thin && digest.image) return { status: 'unreadable' };
  const confirmedItems =
    fits(f) && f.headHits < (item.content?.concepts.length ?? 0) ? itemsConfirmedBy(pack, digest) : [];
  // A combined document (the measures O42–O48 in one PDF) is evidence of each part it holds.
  if (!thin && !target.document && confirmedItems.length >= DIRECTORY_ITEMS) {
    // An ITA index, a site map or a list of documents talks about every item in passing and
    // is evidence of none: its links are (the candidates they give are checked one by one).
    return {
      status: 'other',
      missing: [],
      reportMissing: false,
      empty: false,
      directory: true,
      looksLike: [],
    };
  }
  if (!thin && fits(f)) {
    // The head names another item more specifically: "มาตรการให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม"
    // is O43's measure although it says O33's "มีส่วนร่วม" (the longer phrase at the same place
    // wins, as in link matching); a document headed as another item that mentions this one only
    // in its body is that other item's evidence.
    const other = headedBy(pack, digest).find((h) => h.id !== item.id && outranks(digest, h.id, f));
    if (other) {
      return { status: 'other', missing: [], reportMissing: false, empty: false, looksLike: [other.id] };
    }
    return { status: 'confirmed', hits: f.hits };
  }
  return {
    status: 'other',
    missing: f.missing,
    ...(f.negative ? { negative: f.negative } : {}),
    reportMissing: f.reportMissing,
    empty: thin,
    looksLike: itemsConfirmedBy(pack, digest).filter((id) => id !== item.id),
  };
}

/** True when item `otherId`'s head hits explain every head hit of the item fitted in `f`. */
function outranks(digest: ContentDigest, otherId: string, f: Fit): boolean {
  const own = f.hits.filter((h) => h.zone === 'head' && h.key !== '@report');
  if (own.length === 0) return true;
  const theirs = digest.hits.filter((h) => h.zone === 'head' && h.key.startsWith(`${otherId}:`));
  const span = (h: ConceptHit) => [h.offset ?? -1, (h.offset ?? -1) + h.phrase.length] as const;
  return own.every((mine) => {
    const [a, b] = span(mine);
    return theirs.some((t) => {
      const [c, d] = span(t);
      return c <= a && b <= d && d - c > b - a;
    });
  });
}

/**
 * Items the target is *about*: every concept group of the item in its head (title, main
 * headings, a document's first lines), no look-alike there, and read as a report where the
 * item needs one. Stricter than {@link itemsConfirmedBy}: a long combined document mentions
 * many subjects in its body, but announces only its own in its head. Used to credit evidence
 * filed under another item's menu.
 */
export function itemsHeadedBy(pack: RulePack, digest: ContentDigest): string[] {
  return headedBy(pack, digest).map((h) => h.id);
}

function headedBy(pack: RulePack, digest: ContentDigest): { id: string; weight: number }[] {
  if (digest.ownChars < MIN_OWN_CHARS) return [];
  const out: { id: string; weight: number }[] = [];
  for (const item of pack.items) {
    const f = fitOf(item, digest);
    if (!f || !item.content || f.headHits !== item.content.concepts.length) continue;
    if (f.reportMissing) continue;
    // A look-alike phrase in the head disqualifies, even next to the item's own subject.
    const lookAlike = item.content.negative.some((n) => hitOf(digest, `${item.id}!${n.id}`, ['head']));
    if (!lookAlike) out.push({ id: item.id, weight: f.headWeight });
  }
  return out.sort((a, b) => b.weight - a.weight);
}
