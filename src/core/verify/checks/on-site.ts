import { sameSite } from '../../crawl/url';
import type { RulePack } from '../../rules/load-pack';
import type { RuleItem } from '../../rules/schema';
import { type CheckResult, fail, hostOf, ok } from './types';

/** True when `url` is on a host of one of the item's accepted off-site kinds. */
export function acceptedOffSite(pack: RulePack, item: RuleItem, url: string): boolean {
  const host = hostOf(url);
  return item.offSiteKinds.some((k) =>
    (pack.offSiteKinds[k] ?? []).some((s) => host === s || host.endsWith(`.${s}`)),
  );
}

/**
 * The evidence is on the agency's own site, or on another host of a kind the item accepts.
 * Runs before fetching (a link elsewhere is not fetched at all) and after (a redirect away).
 */
export function checkOnSite(url: string, siteUrl: string, offSiteOk: boolean): CheckResult {
  if (sameSite(url, siteUrl) || offSiteOk) return ok;
  return fail(
    'off-site',
    `หลักฐานอยู่ที่ ${hostOf(url)} ไม่ใช่เว็บไซต์หลักของหน่วยงาน`,
    `evidence is on ${hostOf(url)}, not the agency's site`,
  );
}
