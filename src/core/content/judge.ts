import type { RulePack } from '../rules/load-pack';
import type { Concept, RuleItem } from '../rules/schema';
import type { ConceptHit, ContentDigest } from './digest';

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
}

function fit(item: RuleItem, digest: ContentDigest): Fit | null {
  const content = item.content;
  if (!content) return null;
  const hits: ConceptHit[] = [];
  const missing: Concept[] = [];
  let headHits = 0;
  for (const c of content.concepts) {
    const h = hitOf(digest, `${item.id}:${c.id}`, OWN);
    if (h) {
      hits.push(h);
      if (h.zone === 'head') headHits++;
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
  return { hits, missing, ...(negative ? { negative } : {}), reportMissing, headHits };
}

function fits(f: Fit | null): f is Fit {
  return f !== null && f.missing.length === 0 && !f.negative && !f.reportMissing;
}

/** Items of the pack whose content signals the target satisfies, the best fits first. */
export function itemsConfirmedBy(pack: RulePack, digest: ContentDigest): string[] {
  const found: { id: string; headHits: number; weight: number }[] = [];
  for (const item of pack.items) {
    const f = fit(item, digest);
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
export function judgeContent(pack: RulePack, item: RuleItem, digest: ContentDigest): ContentVerdict {
  const f = fit(item, digest);
  if (!f) return { status: 'unchecked' };
  const thin = digest.ownChars < MIN_OWN_CHARS && item.evidenceKind !== 'channel';
  // An image (a scanned table, a chart, photos with names) cannot be read: a person must look.
  if (thin && digest.image) return { status: 'unreadable' };
  if (!thin && fits(f)) return { status: 'confirmed', hits: f.hits };
  return {
    status: 'other',
    missing: f.missing,
    ...(f.negative ? { negative: f.negative } : {}),
    reportMissing: f.reportMissing,
    empty: thin,
    looksLike: itemsConfirmedBy(pack, digest).filter((id) => id !== item.id),
  };
}

/**
 * Items the target is *about*: every concept group of the item in its head (title, main
 * headings, a document's first lines), no look-alike there, and read as a report where the
 * item needs one. Stricter than {@link itemsConfirmedBy}: a long combined document mentions
 * many subjects in its body, but announces only its own in its head. Used to credit evidence
 * filed under another item's menu.
 */
export function itemsHeadedBy(pack: RulePack, digest: ContentDigest): string[] {
  if (digest.ownChars < MIN_OWN_CHARS) return [];
  const out: string[] = [];
  for (const item of pack.items) {
    const f = fit(item, digest);
    if (fits(f) && item.content && f.headHits === item.content.concepts.length) out.push(item.id);
  }
  return out;
}
