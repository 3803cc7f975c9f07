import type { Candidate } from '../../detect/candidates';
import type { RulePack } from '../../rules/load-pack';
import type { RuleItem } from '../../rules/schema';
import type { YearMark } from '../../extract/types';
import type { YearRangeMark } from '../freshness';
import type { Problem } from '../problems';
import type { ResourceCheck } from '../resource-probe';

/** Where the words that decided a verdict were found. */
export type ReasonWhere =
  | 'title'
  | 'heading'
  | 'page-text'
  | 'document'
  | 'link-text'
  | 'index-row'
  | 'manual';

/** The few words that decided a verdict, shown beside it so an evaluator can agree in seconds. */
export interface VerdictReason {
  th: string;
  en: string;
  /** The phrase that matched (as written in the rule pack, or the link text). */
  phrase?: string;
  /** The text around it, normalised. */
  snippet?: string;
  where?: ReasonWhere;
  /** PDF page (1-based) of the snippet. */
  page?: number;
}

/**
 * What one check says about one candidate: `ok` lets the next check run; any other status
 * decides the candidate, with the problem that explains it (axe-core's check results, scaled
 * down: style-anchors §2).
 */
export type CheckResult =
  | { status: 'ok'; reason?: VerdictReason; year?: number; notes?: Problem[]; yearScope?: YearScope }
  | { status: 'pass'; reason?: VerdictReason; notes?: Problem[] }
  | { status: 'fail' | 'review'; problem: Problem };

/** The part of a page the item was found in, and its years (a block of a home page). */
export interface YearScope {
  heading: string;
  years: YearMark[];
  yearRanges: YearRangeMark[];
}

/** Everything a check may look at. */
export interface CheckInput {
  pack: RulePack;
  item: RuleItem;
  candidate: Candidate;
  /** The fetched target; absent before fetching (the on-site check runs first). */
  resource: ResourceCheck;
  fiscalYear: number;
  siteUrl: string;
  /** The target is on an off-site host the item accepts (a social network for O9). */
  offSiteOk: boolean;
  /** The item's verdict needs the target's content (year, elements, content signals). */
  needsContent: boolean;
  /** Set by the content check when the item is one section of a page with several. */
  yearScope?: YearScope;
}

export const ok: CheckResult = { status: 'ok' };

export function fail(code: Problem['code'], detail: string, detailEn: string): CheckResult {
  return { status: 'fail', problem: { code, detail, detailEn } };
}

export function review(code: Problem['code'], detail: string, detailEn: string): CheckResult {
  return { status: 'review', problem: { code, detail, detailEn } };
}

export { hostnameOf as hostOf } from '../../crawl/url';
