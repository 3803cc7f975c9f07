import { browser } from 'wxt/browser';
import { type AuditReport, auditReportSchema } from '../core/report/schema';
import { type SurveyInput, surveyInputSchema } from '../core/score/survey';

/**
 * Everything the extension keeps, in `chrome.storage.local` (survives a browser restart), per
 * site key (see `siteKeyOf`): the last report, the manual evidence and the survey input. The
 * progress of a running audit lives in `chrome.storage.session` (see run-state.ts).
 */

/** Evidence URLs a person chose, per item id ("O5": ["https://..."]). */
export type ManualEvidence = Record<string, string[]>;

export interface PanelSettings {
  lang: 'th' | 'en';
  /** Assessed fiscal year (BE); absent = the current fiscal year. */
  year?: number;
  maxPages?: number;
  /** Minimum gap between two requests to the site, ms. */
  delayMs?: number;
  /** The site URL last shown in the panel. */
  lastUrl?: string;
  /** Rule pack: "auto" (absent), a bundled pack id, or "custom" for `customPack`. */
  rules?: string;
  /** A rule pack imported as one JSON file ({ruleset, items}); validated when an audit starts. */
  customPack?: unknown;
}

export const DEFAULT_SETTINGS: PanelSettings = { lang: 'th' };

export const storageKeys = {
  report: (site: string) => `oit:report:${site}`,
  manual: (site: string) => `oit:manual:${site}`,
  survey: (site: string) => `oit:survey:${site}`,
  settings: 'oit:settings',
} as const;

async function read(key: string): Promise<unknown> {
  const got = await browser.storage.local.get(key);
  return (got as Record<string, unknown>)[key];
}

/** The last report of a site; a stored value that no longer validates is treated as absent. */
export async function loadReport(site: string): Promise<AuditReport | null> {
  const parsed = auditReportSchema.safeParse(await read(storageKeys.report(site)));
  return parsed.success ? parsed.data : null;
}

export async function saveReport(site: string, report: AuditReport): Promise<void> {
  await browser.storage.local.set({ [storageKeys.report(site)]: report });
}

export async function loadManualEvidence(site: string): Promise<ManualEvidence> {
  const value = await read(storageKeys.manual(site));
  return sanitiseManual(value);
}

export function sanitiseManual(value: unknown): ManualEvidence {
  const out: ManualEvidence = {};
  if (!value || typeof value !== 'object') return out;
  for (const [id, urls] of Object.entries(value as Record<string, unknown>)) {
    if (!/^(O|MOIT|EB)\d+$/.test(id) || !Array.isArray(urls)) continue;
    const list = urls.filter((u): u is string => typeof u === 'string' && /^https?:\/\//i.test(u));
    if (list.length > 0) out[id] = [...new Set(list)];
  }
  return out;
}

async function saveManual(site: string, manual: ManualEvidence): Promise<void> {
  if (Object.keys(manual).length === 0) await browser.storage.local.remove(storageKeys.manual(site));
  else await browser.storage.local.set({ [storageKeys.manual(site)]: manual });
}

/** Adds one evidence URL to an item (kept once; the newest first). */
export async function addManualEvidence(site: string, itemId: string, url: string): Promise<ManualEvidence> {
  const manual = await loadManualEvidence(site);
  manual[itemId] = [url, ...(manual[itemId] ?? []).filter((u) => u !== url)];
  await saveManual(site, manual);
  return manual;
}

/** Removes one URL from an item, or every manual URL of the item when `url` is omitted. */
export async function clearManualEvidence(
  site: string,
  itemId: string,
  url?: string,
): Promise<ManualEvidence> {
  const manual = await loadManualEvidence(site);
  const rest = url === undefined ? [] : (manual[itemId] ?? []).filter((u) => u !== url);
  if (rest.length > 0) manual[itemId] = rest;
  else delete manual[itemId];
  await saveManual(site, manual);
  return manual;
}

/** Merges evidence into the stored list (imports): items already set by hand keep their URLs. */
export async function mergeManualEvidence(site: string, incoming: ManualEvidence): Promise<ManualEvidence> {
  const manual = await loadManualEvidence(site);
  for (const [id, urls] of Object.entries(sanitiseManual(incoming))) {
    if (!manual[id]) manual[id] = urls;
  }
  await saveManual(site, manual);
  return manual;
}

export async function loadSurvey(site: string): Promise<SurveyInput | null> {
  const parsed = surveyInputSchema.safeParse(await read(storageKeys.survey(site)));
  return parsed.success ? parsed.data : null;
}

export async function saveSurvey(site: string, survey: SurveyInput | null): Promise<void> {
  if (survey === null) await browser.storage.local.remove(storageKeys.survey(site));
  else await browser.storage.local.set({ [storageKeys.survey(site)]: survey });
}

export async function loadSettings(): Promise<PanelSettings> {
  const value = (await read(storageKeys.settings)) as Partial<PanelSettings> | undefined;
  return { ...DEFAULT_SETTINGS, ...(value && typeof value === 'object' ? value : {}) };
}

export async function saveSettings(settings: PanelSettings): Promise<void> {
  await browser.storage.local.set({ [storageKeys.settings]: settings });
}

/** "Clear this site's data": the report, manual evidence and survey of one site. */
export async function clearSite(site: string): Promise<void> {
  await browser.storage.local.remove([
    storageKeys.report(site),
    storageKeys.manual(site),
    storageKeys.survey(site),
  ]);
}

/**
 * Calls `listener` whenever one of `keys` changes in `chrome.storage.local`; returns the
 * unsubscribe function.
 */
export function watchLocal(keys: string[], listener: () => void): () => void {
  const wanted = new Set(keys);
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((k) => wanted.has(k))) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
