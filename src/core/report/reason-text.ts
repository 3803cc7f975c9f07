import type { Lang } from './labels';
import type { EvidenceRecord, ItemResult } from './schema';

/**
 * The "why" of one item in plain words for every report (text, Markdown, HTML, side panel):
 * the deciding phrase with its snippet and place, and where misfiled or hub-reached evidence
 * sat. Returns unescaped text; each renderer escapes it for its format.
 */
export function reasonText(item: ItemResult, lang: Lang): string | null {
  const r = item.reason ?? item.evidence[0]?.reason;
  if (!r) return null;
  const main = lang === 'en' ? r.en : r.th;
  const snippet = r.snippet && item.outcome === 'pass' ? ` — “${r.snippet}”` : '';
  return `${main}${snippet}`;
}

/** Where the evidence was filed or reached from, when that is not the plain link it seems. */
export function evidencePlace(ev: EvidenceRecord | undefined, lang: Lang): string | null {
  if (!ev) return null;
  const parts: string[] = [];
  if (ev.filedUnder) {
    parts.push(
      lang === 'en'
        ? `filed under ${ev.filedUnder}${ev.from ? ` on ${displayUrl(ev.from)}` : ''}; its content is this item`
        : `เผยแพร่ไว้ใต้ ${ev.filedUnder}${ev.from ? ` ที่ ${displayUrl(ev.from)}` : ''} แต่เนื้อหาเป็นข้อนี้`,
    );
  }
  if (ev.hub)
    parts.push(
      lang === 'en' ? `reached from the page ${displayUrl(ev.hub)}` : `เข้าถึงจากหน้า ${displayUrl(ev.hub)}`,
    );
  return parts.length > 0 ? parts.join('; ') : null;
}

/**
 * A URL as people read it: percent-escapes of Thai paths decoded ("/เกี่ยวกับเรา/" rather than
 * "/%E0%B9%80…"). Only for display; links keep the URL as it is.
 */
export function displayUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
