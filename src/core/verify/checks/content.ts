import type { ConceptHit } from '../../content/digest';
import { judgeContent } from '../../content/judge';
import type { RulePack } from '../../rules/load-pack';
import type { ResourceCheck } from '../resource-probe';
import { matchKey, normaliseText } from '../../thai/normalise';
import { findYearRanges, findYears } from '../../thai/years';
import {
  type CheckInput,
  type CheckResult,
  ok,
  type ReasonWhere,
  review,
  type VerdictReason,
  type YearScope,
} from './types';

function itemLabel(pack: RulePack, id: string): string {
  const item = pack.itemById.get(id);
  return item ? `${id} ${item.name.th}` : id;
}

function itemLabelEn(pack: RulePack, id: string): string {
  const item = pack.itemById.get(id);
  return item ? `${id} ${item.name.en ?? item.name.th}` : id;
}

function whereOf(hit: ConceptHit, r: ResourceCheck): { where: ReasonWhere; page?: number } {
  if (r.kind === 'document') {
    // A document's head is the start of its body text: offsets in both count from its page 1.
    if (!r.pageStarts || hit.offset === undefined) return { where: 'document' };
    let page = 1;
    for (const [i, start] of r.pageStarts.entries()) if (start <= hit.offset) page = i + 1;
    return { where: 'document', page };
  }
  if (hit.zone === 'head')
    return { where: r.title && hit.snippet.includes(r.title.slice(0, 20)) ? 'title' : 'heading' };
  return { where: 'page-text' };
}

const WHERE_TH: Record<ReasonWhere, string> = {
  title: 'ชื่อหน้า',
  heading: 'หัวข้อของหน้า',
  'page-text': 'เนื้อหาของหน้า',
  document: 'เนื้อหาเอกสาร',
  'link-text': 'ข้อความลิงก์',
  'index-row': 'แถวในหน้ารวมข้อมูล ITA',
  manual: 'หลักฐานที่ผู้ใช้กำหนด',
};

const WHERE_EN: Record<ReasonWhere, string> = {
  title: 'page title',
  heading: 'page heading',
  'page-text': 'page text',
  document: 'document text',
  'link-text': 'link text',
  'index-row': 'ITA index row',
  manual: 'manual evidence',
};

/** The reason shown for a hit: "พบ "แผนปฏิบัติราชการ" ในเนื้อหาเอกสาร หน้า 1". */
export function reasonFromHit(hit: ConceptHit, r: ResourceCheck): VerdictReason {
  const { where, page } = whereOf(hit, r);
  const pageTh = page ? ` หน้า ${page}` : '';
  const pageEn = page ? ` page ${page}` : '';
  return {
    th: `พบ "${hit.phrase}" ใน${WHERE_TH[where]}${pageTh}`,
    en: `found "${hit.phrase}" in the ${WHERE_EN[where]}${pageEn}`,
    phrase: hit.phrase,
    snippet: hit.snippet,
    where,
    ...(page ? { page } : {}),
  };
}

/**
 * On a page of several sections (a home page), the section whose heading named the item:
 * its years, not the page's, date the evidence. Sections follow the outline (an h1 covers
 * the h2s below it).
 */
function sectionOf(r: ResourceCheck, hits: readonly ConceptHit[]): YearScope | undefined {
  const sections = r.content?.sections;
  if (!sections) return undefined;
  const head = hits.find((h) => h.zone === 'head' && h.key !== '@report');
  if (!head) return undefined;
  const phrase = matchKey(head.phrase);
  const index = sections.findIndex((s) => matchKey(s.heading).includes(phrase));
  if (index < 0) return undefined;
  const s = sections[index] as NonNullable<typeof sections>[number];
  const text = normaliseText(s.text);
  const mentions = findYears(text);
  return {
    heading: s.heading,
    years: mentions.map((y) => (y.month ? { be: y.be, month: y.month } : { be: y.be })),
    yearRanges: findYearRanges(text, mentions).map((r) => ({ fromBe: r.fromBe, toBe: r.toBe })),
  };
}

/**
 * The target talks about the item (issue 9): every concept group of the item is in its own
 * text, no look-alike concept heads it, and a report of results reads as one. Readable text
 * about something else fails `wrong-content` with what the target looks like instead; a
 * target whose content is an image is `review`, never a fail for what could not be read.
 */
export function checkContent({ pack, item, resource: r }: CheckInput): CheckResult {
  if (!r.content) return ok;
  const verdict = judgeContent(pack, item, r.content, { document: r.kind === 'document' });
  if (verdict.status === 'unchecked') return ok;
  if (verdict.status === 'confirmed') {
    const first = verdict.hits[0];
    if (!first) return ok;
    const yearScope = sectionOf(r, verdict.hits);
    return { status: 'ok', reason: reasonFromHit(first, r), ...(yearScope ? { yearScope } : {}) };
  }
  if (verdict.status === 'unreadable') {
    return review(
      'no-readable-text',
      `${r.title ? `หน้า "${r.title.slice(0, 80)}" ` : ''}มีแต่ภาพ ไม่มีข้อความให้อ่าน ต้องเปิดดูด้วยตนเอง`,
      `${r.title ? `the page "${r.title.slice(0, 80)}" ` : 'the content '}is an image with no readable text; check it by eye`,
    );
  }
  const parts: string[] = [];
  const partsEn: string[] = [];
  if (verdict.looksLike.length > 0) {
    parts.push(`ดูเหมือน ${itemLabel(pack, verdict.looksLike[0] as string)}`);
    partsEn.push(`looks like ${itemLabelEn(pack, verdict.looksLike[0] as string)}`);
  } else if (verdict.negative) {
    parts.push(`เป็นเรื่อง "${verdict.negative.phrase}"`);
    partsEn.push(`it is about "${verdict.negative.phrase}"`);
  }
  if (verdict.directory) {
    parts.push('เป็นหน้ารวมรายการของหลายข้อ (เช่น หน้ารวมข้อมูล ITA) ไม่ใช่หลักฐานของข้อนี้');
    partsEn.push('it lists many items (an ITA index or a directory), it is not the evidence itself');
  }
  if (verdict.empty) {
    parts.push('แทบไม่มีเนื้อหา');
    partsEn.push('it has almost no content');
  }
  if (verdict.missing.length > 0) {
    const expected = verdict.missing.map((c) => `"${c.anyOf[0]}"`).join(', ');
    parts.push(`ไม่พบเรื่องที่ต้องมี: ${verdict.missing.map((c) => c.label.th).join(', ')} (เช่น ${expected})`);
    partsEn.push(
      `does not mention: ${verdict.missing.map((c) => c.label.en ?? c.label.th).join(', ')} (e.g. ${expected})`,
    );
  } else if (verdict.reportMissing) {
    parts.push('ไม่ใช่รายงานผลการดำเนินการ (ไม่พบคำว่า "ผลการดำเนินการ" หรือ "รายงานผล")');
    partsEn.push('not a report of results (no "ผลการดำเนินการ" or "รายงานผล")');
  }
  // A page by its title; a document by its first words (its title line).
  const name = r.title || (r.kind === 'document' ? r.excerpt?.slice(0, 60) : '') || '';
  const title = name ? ` "${name}${name.length >= 60 && !r.title ? '…' : ''}"` : '';
  return {
    status: 'fail',
    problem: {
      code: 'wrong-content',
      detail: `เนื้อหา${title} ไม่ใช่ ${item.id}: ${parts.join('; ')}`,
      detailEn: `the content${title} is not ${item.id}: ${partsEn.join('; ')}`,
    },
  };
}
