import type { Candidate } from '../detect/candidates';
import type { RulePack } from '../rules/load-pack';
import type { RuleItem } from '../rules/schema';
import { matchKey } from '../thai/normalise';
import type { Outcome } from '../types';
import { checkContent } from './checks/content';
import { checkElements } from './checks/elements';
import { acceptedOffSite, checkOnSite } from './checks/on-site';
import { checkReachable } from './checks/reachable';
import type { CheckInput, CheckResult, ReasonWhere, VerdictReason } from './checks/types';
import { checkYear, linkYears } from './checks/year';
import { checkFreshness } from './freshness';
import type { Problem } from './problems';
import type { ResourceCheck, ResourceProbe } from './resource-probe';

export type { VerdictReason } from './checks/types';

export interface EvidenceRef {
  url: string;
  via: Candidate['via'];
  text: string;
  from?: string;
  fileType?: string;
  /** The fiscal year (BE) the evidence was found to belong to. */
  year?: number;
  /** The words that decided the verdict and where they were found. */
  reason?: VerdictReason;
  /** The landing page that listed this document (a hub followed one step). */
  hub?: string;
  /** The item under whose menu or row the evidence was filed, when it is another item's. */
  filedUnder?: string;
}

export interface ItemVerdict {
  outcome: Outcome;
  evidence: EvidenceRef[];
  problems: Problem[];
  /** Why, in a few words: the deciding phrase for a pass, the problem for a fail or review. */
  reason?: VerdictReason;
}

interface CandidateResult {
  outcome: 'pass' | 'fail' | 'review';
  problems: Problem[];
  evidence: EvidenceRef;
  reason?: VerdictReason;
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
  /** Told of every target whose content was read (to credit misfiled evidence to its item). */
  onTarget?: (item: RuleItem, candidate: Candidate, resource: ResourceCheck) => void;
}

/** Documents of one landing page followed for an item. */
const HUB_DOCUMENTS = 5;

const VIA_WHERE: Record<Candidate['via'], ReasonWhere> = {
  index: 'index-row',
  link: 'link-text',
  title: 'title',
  slug: 'link-text',
  manual: 'manual',
  content: 'document',
};

/** The reason of a pass that no content signal decided: the link, row or title naming the item. */
function linkReason(candidate: Candidate): VerdictReason {
  const where = VIA_WHERE[candidate.via];
  const text = candidate.text.slice(0, 120);
  if (candidate.via === 'manual') {
    return { th: 'หลักฐานที่ผู้ใช้กำหนด', en: 'evidence chosen by the user', where };
  }
  return {
    th: `ระบุชื่อข้อใน${where === 'index-row' ? 'แถวของหน้ารวมข้อมูล ITA' : where === 'title' ? 'ชื่อหน้า' : 'ข้อความลิงก์'}: "${text}"`,
    en: `named in the ${where === 'index-row' ? 'ITA index row' : where === 'title' ? 'page title' : 'link text'}: "${text}"`,
    phrase: text,
    where,
  };
}

/** Documents of a landing page, those whose link names the item first. */
function hubDocuments(item: RuleItem, links: readonly { url: string; text: string }[]) {
  const words = [item.name.th, ...item.keywords.th].map(matchKey).filter((k) => k.length >= 4);
  const named = (t: string) => {
    const k = matchKey(t);
    return words.some((w) => k.includes(w));
  };
  return [...links.filter((l) => named(l.text)), ...links.filter((l) => !named(l.text))].slice(
    0,
    HUB_DOCUMENTS,
  );
}

async function verifyCandidate(
  ctx: VerifyContext,
  item: RuleItem,
  candidate: Candidate,
  depth = 0,
): Promise<CandidateResult> {
  const evidence: EvidenceRef = {
    url: candidate.url,
    via: candidate.via,
    text: candidate.text.slice(0, 200),
    ...(candidate.from ? { from: candidate.from } : {}),
    ...(candidate.filedUnder ? { filedUnder: candidate.filedUnder } : {}),
  };
  const decide = (result: CheckResult): CandidateResult | null => {
    if (result.status === 'fail' || result.status === 'review') {
      return { outcome: result.status, problems: [{ url: candidate.url, ...result.problem }], evidence };
    }
    if (result.status === 'pass') {
      return {
        outcome: 'pass',
        problems: (result.notes ?? []).map((n) => ({ url: candidate.url, ...n })),
        evidence: { ...evidence, reason: result.reason ?? linkReason(candidate) },
        reason: result.reason ?? linkReason(candidate),
      };
    }
    return null;
  };

  // Evidence on another host that the item does not accept fails without being fetched.
  const offSiteFirst = acceptedOffSite(ctx.pack, item, candidate.url);
  const before = decide(checkOnSite(candidate.url, ctx.siteUrl, offSiteFirst));
  if (before) return before;

  const oldNeeds =
    item.freshness !== 'none' || item.requiredElements.length > 0 || item.evidenceKind === 'channel';
  // Content signals are read on the agency's own site; an accepted account elsewhere (O9's
  // social networks) is judged by where it is, not by what a login wall shows.
  const needsContent = oldNeeds || (item.content !== undefined && !offSiteFirst);
  const r = await ctx.probe.check(candidate.url, needsContent, item.offSiteKinds);
  if (r.documentType) evidence.fileType = r.documentType;
  const offSiteOk = offSiteFirst || acceptedOffSite(ctx.pack, item, r.finalUrl);
  const input: CheckInput = {
    pack: ctx.pack,
    item,
    candidate,
    resource: r,
    fiscalYear: ctx.fiscalYear,
    siteUrl: ctx.siteUrl,
    offSiteOk,
    needsContent,
  };

  const reachable = decide(checkReachable(input));
  if (reachable) return reachable;
  const onSite = decide(checkOnSite(r.finalUrl, ctx.siteUrl, offSiteOk));
  if (onSite) return onSite;
  if (!r.onSite && offSiteOk && !oldNeeds) {
    return decide({
      status: 'pass',
      reason: {
        th: `ลิงก์ไปยังบัญชีของหน่วยงานที่ ${new URL(r.finalUrl).hostname}`,
        en: 'an accepted off-site account',
      },
    }) as CandidateResult;
  }

  // Documents whose text cannot be read: a person must look (DESIGN.md §3.5).
  if (needsContent && r.unreadable) {
    const fromLink = linkYears(candidate);
    const fresh = checkFreshness(item.freshness, ctx.fiscalYear, fromLink.years, fromLink.ranges);
    if (r.unreadable === 'no-text-layer') {
      return decide({
        status: 'review',
        problem: {
          code: 'no-text-layer',
          detail: `เอกสารไม่มีชั้นข้อความ ต้องตรวจด้วยตนเอง${fresh.found.length ? ` (ลิงก์ระบุปี ${fresh.found.join(', ')})` : ''}`,
          detailEn: 'the document has no text layer; check it by eye',
        },
      }) as CandidateResult;
    }
    // A reader that failed on the file (malformed, past a limit) proves nothing: a person looks.
    // Without content signals (an older pack) a dated link to an unreadable file passes as before.
    if (
      r.unreadable !== 'unreadable-document' &&
      !item.content &&
      item.requiredElements.length === 0 &&
      fresh.status === 'ok'
    ) {
      return { outcome: 'pass', problems: [], evidence: { ...evidence, year: fresh.expected } };
    }
    return decide({
      status: 'review',
      problem: {
        code: 'unreadable-document',
        detail: `อ่านเอกสาร ${r.documentType ?? ''} ไม่ได้ ต้องตรวจด้วยตนเอง`,
        detailEn: `cannot read the ${r.documentType ?? ''} document`,
      },
    }) as CandidateResult;
  }

  if (r.content) ctx.onTarget?.(item, candidate, r);

  // A landing page with little text of its own: its documents carry the content. An evaluator
  // clicks through it, so its documents are checked one step deep.
  const docLinks = r.content?.docLinks;
  if (depth === 0 && item.content && docLinks && docLinks.length > 0) {
    const results: CandidateResult[] = [];
    for (const doc of hubDocuments(item, docLinks)) {
      const sub = await verifyCandidate(
        ctx,
        item,
        {
          itemId: item.id,
          url: doc.url,
          via: candidate.via,
          text: doc.text || candidate.text,
          from: r.finalUrl,
          linkText: doc.text,
          strength: candidate.strength,
        },
        depth + 1,
      );
      if (sub.outcome === 'pass') return { ...sub, evidence: { ...sub.evidence, hub: candidate.url } };
      results.push(sub);
    }
    const page = checkContent(input);
    if (page.status !== 'ok') {
      // The documents decide: a flawed copy of the item (old, incomplete) over one about something else.
      const best = results.find((x) => !x.problems.some((p) => p.code === 'wrong-content')) ?? results[0];
      if (best) return { ...best, evidence: { ...best.evidence, hub: candidate.url } };
    }
  }

  let reason: VerdictReason | undefined;
  let year: number | undefined;
  for (const check of [checkContent, checkElements, checkYear]) {
    const result = check(input);
    const decided = decide(result);
    if (decided) return decided;
    if (result.status === 'ok') {
      reason ??= result.reason;
      year ??= result.year;
      if (result.yearScope) input.yearScope = result.yearScope;
    }
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
  const why = reason ?? linkReason(candidate);
  return {
    outcome: 'pass',
    problems: notes,
    evidence: { ...evidence, ...(year ? { year } : {}), reason: why },
    reason: why,
  };
}

function verdictReason(result: CandidateResult): VerdictReason | undefined {
  if (result.reason) return result.reason;
  const p = result.problems.find((x) => x.code !== 'image-only-link' && x.code !== 'off-site-unchecked');
  return p ? { th: p.detail, en: p.detailEn ?? p.detail } : undefined;
}

/**
 * Verifies an item's candidates strongest first and stops at the first that passes. Without
 * a pass, the strongest candidate's verdict stands, except that a target found to be about
 * something else (`wrong-content`) gives way to a later candidate that is the item but flawed;
 * with no candidate at all the item is `fail` with `not-found`.
 */
export async function verifyItem(
  ctx: VerifyContext,
  item: RuleItem,
  candidates: readonly Candidate[],
): Promise<ItemVerdict> {
  if (candidates.length === 0) {
    const problem: Problem = {
      code: 'not-found',
      detail: `ไม่พบ "${item.name.th}" บนเว็บไซต์`,
      detailEn: `no evidence of "${item.name.en ?? item.name.th}" found`,
    };
    return {
      outcome: 'fail',
      evidence: [],
      problems: [problem],
      reason: { th: problem.detail, en: problem.detailEn ?? problem.detail },
    };
  }
  const results: CandidateResult[] = [];
  for (const candidate of candidates.slice(0, ctx.maxCandidates)) {
    const result = await verifyCandidate(ctx, item, candidate);
    results.push(result);
    if (result.outcome === 'pass') break;
  }
  // Without a pass, the strongest candidate's verdict stands: a weaker candidate that merely
  // could not be dated must not soften a stale or broken piece of evidence. A candidate that
  // is something else altogether says nothing about the item, so the next one speaks instead.
  const isOther = (r: CandidateResult) => r.problems.some((p) => p.code === 'wrong-content');
  const best =
    results.find((r) => r.outcome === 'pass') ??
    results.find((r) => !isOther(r)) ??
    (results[0] as CandidateResult);
  const reason = verdictReason(best);
  return {
    outcome: best.outcome,
    evidence: [best.evidence],
    problems: best.problems,
    ...(reason ? { reason } : {}),
  };
}
