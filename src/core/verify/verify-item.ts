import { sameSite } from '../crawl/url';
import type { Candidate } from '../detect/candidates';
import type { RulePack } from '../rules/load-pack';
import type { RuleItem } from '../rules/schema';
import type { Outcome } from '../types';
import { findYearRanges, findYears } from '../thai/years';
import { normaliseText } from '../thai/normalise';
import { elementLabels } from './element-labels';
import { missingElements } from './elements';
import { checkFreshness } from './freshness';
import type { Problem } from './problems';
import type { ResourceCheck, ResourceProbe } from './resource-probe';

export interface EvidenceRef {
  url: string;
  via: Candidate['via'];
  text: string;
  from?: string;
  fileType?: string;
  /** The fiscal year (BE) the evidence was found to belong to. */
  year?: number;
}

export interface ItemVerdict {
  outcome: Outcome;
  evidence: EvidenceRef[];
  problems: Problem[];
}

interface CandidateResult {
  outcome: 'pass' | 'fail' | 'review';
  problems: Problem[];
  evidence: EvidenceRef;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function acceptedOffSite(pack: RulePack, item: RuleItem, url: string): boolean {
  const host = hostOf(url);
  return item.offSiteKinds.some((k) =>
    (pack.offSiteKinds[k] ?? []).some((s) => host === s || host.endsWith(`.${s}`)),
  );
}

/** Years written in the link that led to the evidence and in its file name. */
function linkYears(candidate: Candidate) {
  let file = '';
  try {
    file = decodeURIComponent(new URL(candidate.url).pathname.split('/').pop() ?? '').replace(/[-_.]/g, ' ');
  } catch {
    file = '';
  }
  const text = normaliseText(
    `${candidate.linkText ?? ''} ${candidate.via === 'title' ? candidate.text : ''} ${file}`,
  );
  return { years: findYears(text).map((y) => ({ be: y.be, month: y.month })), ranges: findYearRanges(text) };
}

export interface VerifyContext {
  pack: RulePack;
  probe: ResourceProbe;
  /** The assessed fiscal year, BE. */
  fiscalYear: number;
  /** The audited site's URL after redirects. */
  siteUrl: string;
  /** Candidates checked per item before giving up (strongest first). */
  maxCandidates: number;
}

async function verifyCandidate(
  ctx: VerifyContext,
  item: RuleItem,
  candidate: Candidate,
): Promise<CandidateResult> {
  const needsContent =
    item.freshness !== 'none' || item.requiredElements.length > 0 || item.evidenceKind === 'channel';
  const evidence: EvidenceRef = {
    url: candidate.url,
    via: candidate.via,
    text: candidate.text.slice(0, 200),
    ...(candidate.from ? { from: candidate.from } : {}),
  };
  const fail = (p: Problem): CandidateResult => ({
    outcome: 'fail',
    problems: [{ url: candidate.url, ...p }],
    evidence,
  });
  const review = (p: Problem): CandidateResult => ({
    outcome: 'review',
    problems: [{ url: candidate.url, ...p }],
    evidence,
  });
  // Evidence on another host that the item does not accept fails without being fetched.
  if (!sameSite(candidate.url, ctx.siteUrl) && !acceptedOffSite(ctx.pack, item, candidate.url)) {
    return fail({
      code: 'off-site',
      detail: `หลักฐานอยู่ที่ ${hostOf(candidate.url)} ไม่ใช่เว็บไซต์หลักของหน่วยงาน`,
      detailEn: `evidence is on ${hostOf(candidate.url)}, not the agency's site`,
    });
  }
  const r: ResourceCheck = await ctx.probe.check(candidate.url, needsContent);
  if (r.documentType) evidence.fileType = r.documentType;
  const offSiteOk =
    acceptedOffSite(ctx.pack, item, r.finalUrl) || acceptedOffSite(ctx.pack, item, candidate.url);

  if (r.error) {
    if (offSiteOk && ['blocked', 'network', 'dns', 'timeout'].includes(r.error.code)) {
      // Social networks and portals often refuse robots; a person clicks such links in a browser.
      return {
        outcome: 'pass',
        problems: [
          {
            code: 'off-site-unchecked',
            detail: `ไม่ได้ตรวจลิงก์ ${hostOf(candidate.url)} (${r.error.code})`,
            detailEn: `${hostOf(candidate.url)} not checked (${r.error.code})`,
            url: candidate.url,
          },
        ],
        evidence,
      };
    }
    if (r.error.code === 'document-too-large') {
      return review({
        code: 'document-too-large',
        detail: `เอกสารใหญ่เกินกำหนด (${r.error.message})`,
        detailEn: r.error.message,
      });
    }
    return fail({
      code: 'broken-link',
      detail: `เปิดไม่ได้: ${r.error.code} (${r.error.message})`,
      detailEn: `${r.error.code}: ${r.error.message}`,
    });
  }
  if (r.status === 401 || r.status === 403 || r.status === 407) {
    return fail({
      code: 'login-required',
      detail: `HTTP ${r.status}: ต้องเข้าสู่ระบบ`,
      detailEn: `HTTP ${r.status}`,
    });
  }
  if (r.status < 200 || r.status >= 300) {
    if (offSiteOk && r.status >= 400 && r.status !== 404 && r.status !== 410) {
      return {
        outcome: 'pass',
        problems: [
          {
            code: 'off-site-unchecked',
            detail: `${hostOf(candidate.url)} ตอบ HTTP ${r.status}`,
            detailEn: `${hostOf(candidate.url)} answered HTTP ${r.status}`,
            url: candidate.url,
          },
        ],
        evidence,
      };
    }
    return fail({ code: 'broken-link', detail: `HTTP ${r.status}`, detailEn: `HTTP ${r.status}` });
  }
  if (!r.onSite && !offSiteOk) {
    return fail({
      code: 'off-site',
      detail: `หลักฐานอยู่ที่ ${hostOf(r.finalUrl)} ไม่ใช่เว็บไซต์หลักของหน่วยงาน`,
      detailEn: `evidence is on ${hostOf(r.finalUrl)}, not the agency's site`,
    });
  }
  // A login form is the evidence itself for some channels (an e-service sign-in); being sent
  // to one by a redirect means the content is behind a login.
  const redirectedToLogin = r.finalUrl !== candidate.url && r.finalUrl !== r.url;
  if (
    r.features?.passwordForm &&
    r.kind === 'page' &&
    (item.evidenceKind !== 'channel' || redirectedToLogin)
  ) {
    return fail({
      code: 'login-required',
      detail: 'ลิงก์นำไปสู่หน้าเข้าสู่ระบบ',
      detailEn: 'the link leads to a login page',
    });
  }
  if (r.underConstruction) {
    return fail({
      code: 'under-construction',
      detail: 'หน้าระบุว่าอยู่ระหว่างปรับปรุงข้อมูล',
      detailEn: 'the page says it is under construction',
    });
  }
  if (!r.onSite && offSiteOk && !needsContent) return { outcome: 'pass', problems: [], evidence };

  // Documents whose text cannot be read: a person must look (DESIGN.md §3.5).
  if (needsContent && r.unreadable) {
    const fromLink = linkYears(candidate);
    const fresh = checkFreshness(item.freshness, ctx.fiscalYear, fromLink.years, fromLink.ranges);
    if (r.unreadable === 'no-text-layer') {
      return review({
        code: 'no-text-layer',
        detail: `เอกสารไม่มีชั้นข้อความ ต้องตรวจด้วยตนเอง${fresh.found.length ? ` (ลิงก์ระบุปี ${fresh.found.join(', ')})` : ''}`,
        detailEn: 'the document has no text layer; check it by eye',
      });
    }
    if (item.requiredElements.length === 0 && fresh.status === 'ok') {
      return { outcome: 'pass', problems: [], evidence: { ...evidence, year: fresh.expected } };
    }
    return review({
      code: 'unreadable-document',
      detail: `อ่านเอกสาร ${r.documentType ?? ''} ไม่ได้ ต้องตรวจด้วยตนเอง`,
      detailEn: `cannot read the ${r.documentType ?? ''} document`,
    });
  }

  const missing = missingElements(item, r.elements);
  if (missing.length > 0) {
    const labels = elementLabels(missing);
    return fail({ code: 'missing-element', detail: `ขาด: ${labels.th}`, detailEn: `missing: ${labels.en}` });
  }

  if (item.evidenceKind === 'channel' && r.kind === 'page' && r.onSite && !r.features?.form) {
    return review({
      code: 'no-form',
      detail: 'พบหน้าแต่ไม่พบแบบฟอร์มหรือช่องทางส่งข้อมูล',
      detailEn: 'page found but no form to write in',
    });
  }

  if (item.freshness !== 'none') {
    const fromLink = linkYears(candidate);
    const fresh = checkFreshness(
      item.freshness,
      ctx.fiscalYear,
      [...r.years, ...fromLink.years],
      [...r.yearRanges, ...fromLink.ranges],
    );
    if (fresh.status === 'stale') {
      return fail({
        code: 'stale-year',
        detail: `พบปีงบประมาณ ${fresh.found.slice(0, 4).join(', ')} ต้องเป็นปี ${fresh.expected}`,
        detailEn: `found fiscal year ${fresh.found.slice(0, 4).join(', ')}, expected ${fresh.expected}`,
      });
    }
    if (fresh.status === 'unknown') {
      return review({
        code: 'no-year',
        detail: `ไม่พบปีของข้อมูล ต้องเป็นปีงบประมาณ ${fresh.expected}`,
        detailEn: `no year found; expected fiscal year ${fresh.expected}`,
      });
    }
    evidence.year = fresh.expected;
  }
  const notes: Problem[] = candidate.imageOnly
    ? [
        {
          code: 'image-only-link',
          detail: 'ลิงก์เป็นรูปภาพ ไม่มีข้อความ ผู้ประเมินอาจหาไม่พบ',
          detailEn: 'the link is an image with no text',
          url: candidate.url,
        },
      ]
    : [];
  return { outcome: 'pass', problems: notes, evidence };
}

/**
 * Verifies an item's candidates strongest first and stops at the first that passes. Without
 * a pass, the strongest candidate's verdict stands; with no candidate at all the item is
 * `fail` with `not-found`.
 */
export async function verifyItem(
  ctx: VerifyContext,
  item: RuleItem,
  candidates: readonly Candidate[],
): Promise<ItemVerdict> {
  if (candidates.length === 0) {
    return {
      outcome: 'fail',
      evidence: [],
      problems: [
        {
          code: 'not-found',
          detail: `ไม่พบ "${item.name.th}" บนเว็บไซต์`,
          detailEn: `no evidence of "${item.name.en ?? item.name.th}" found`,
        },
      ],
    };
  }
  const results: CandidateResult[] = [];
  for (const candidate of candidates.slice(0, ctx.maxCandidates)) {
    const result = await verifyCandidate(ctx, item, candidate);
    results.push(result);
    if (result.outcome === 'pass') break;
  }
  // Without a pass, the strongest candidate's verdict stands: a weaker candidate that merely
  // could not be dated must not soften a stale or broken piece of evidence.
  const best = results.find((r) => r.outcome === 'pass') ?? (results[0] as CandidateResult);
  return { outcome: best.outcome, evidence: [best.evidence], problems: best.problems };
}
