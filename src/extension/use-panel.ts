import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AuditReport } from '../core/report/schema';
import type { SurveyInput } from '../core/score/survey';
import { fiscalYearOf } from '../core/thai/fiscal-year';
import { downloadBytes, downloadText } from './download';
import { sendToBackground } from './messages';
import { hasHostAccess, requestHostAccess } from './permissions';
import {
  applySurvey,
  manualEvidenceOf,
  measuresOf,
  parseReportJson,
  reportFileName,
  reportToHtml,
  reportToJson,
  surveyInputOf,
} from './report-io';
import {
  FOCUS_KEY,
  IDLE,
  type PanelFocus,
  RUN_STATE_KEY,
  type RunState,
  readFocus,
  readRunState,
  watchSession,
} from './run-state';
import { siteHome, siteKeyOf } from './site';
import {
  addManualEvidence,
  clearManualEvidence,
  clearSite,
  DEFAULT_SETTINGS,
  loadManualEvidence,
  loadReport,
  loadSettings,
  loadSurvey,
  type ManualEvidence,
  mergeManualEvidence,
  type PanelSettings,
  saveReport,
  saveSettings,
  saveSurvey,
  storageKeys,
  watchLocal,
} from './storage';

export type Notice = { kind: 'info' | 'error'; th: string; en: string } | null;

/** The URL the panel was opened for: `?url=` first, then the active tab, then the last one used. */
async function initialUrl(settings: PanelSettings): Promise<string> {
  const fromQuery = new URLSearchParams(globalThis.location?.search ?? '').get('url');
  if (fromQuery && siteKeyOf(fromQuery)) return fromQuery;
  const fromTab = await currentTabSite();
  if (fromTab) return fromTab;
  return settings.lastUrl ?? '';
}

/** The home page of the active tab's site, when the panel may know the tab's URL. */
export async function currentTabSite(): Promise<string | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url ? siteHome(tab.url) : null;
  } catch {
    return null;
  }
}

/**
 * All state and actions of the side panel: the site in view, its stored report, manual evidence
 * and survey, the running audit's progress, settings, and the import/export/clear actions.
 */
export function usePanel() {
  const [settings, setSettingsState] = useState<PanelSettings>(DEFAULT_SETTINGS);
  const [url, setUrlState] = useState('');
  const [ready, setReady] = useState(false);
  const [report, setReport] = useState<AuditReport | null>(null);
  const [manual, setManual] = useState<ManualEvidence>({});
  const [survey, setSurvey] = useState<SurveyInput | null>(null);
  const [loadedSite, setLoadedSite] = useState<string | null>(null);
  const [run, setRun] = useState<RunState>(IDLE);
  const [access, setAccess] = useState<'unknown' | 'granted' | 'missing'>('unknown');
  const [focusItem, setFocusItem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const site = useMemo(() => siteKeyOf(url), [url]);
  const year = settings.year ?? fiscalYearOf(new Date());

  const updateSettings = useCallback((patch: Partial<PanelSettings>) => {
    const next = { ...settingsRef.current, ...patch };
    settingsRef.current = next;
    setSettingsState(next);
    saveSettings(next).catch(() => {});
  }, []);

  const setUrl = useCallback(
    (next: string) => {
      setUrlState(next);
      if (siteKeyOf(next)) updateSettings({ lastUrl: next });
    },
    [updateSettings],
  );

  // Settings, the start URL, the run state and a pending context-menu focus.
  useEffect(() => {
    let alive = true;
    const applyFocus = (focus: PanelFocus) => {
      const home = siteHome(focus.pageUrl);
      if (home) setUrlState(home);
      setFocusItem(focus.itemId);
    };
    (async () => {
      const s = await loadSettings();
      if (!alive) return;
      settingsRef.current = s;
      setSettingsState(s);
      setUrlState(await initialUrl(s));
      setRun(await readRunState());
      const focus = await readFocus();
      if (focus && Date.now() - focus.at < 120_000) applyFocus(focus);
      setReady(true);
    })().catch(() => setReady(true));
    const offRun = watchSession<RunState>(RUN_STATE_KEY, (value) =>
      setRun(value ? { ...IDLE, ...value } : IDLE),
    );
    const offFocus = watchSession<PanelFocus>(FOCUS_KEY, (value) => value && applyFocus(value));
    return () => {
      alive = false;
      offRun();
      offFocus();
    };
  }, []);

  // The stored data of the site in view, kept in sync with storage (the worker writes reports).
  useEffect(() => {
    if (!site) {
      setReport(null);
      setManual({});
      setSurvey(null);
      setLoadedSite(null);
      return;
    }
    let alive = true;
    const load = async () => {
      const [r, m, s] = await Promise.all([loadReport(site), loadManualEvidence(site), loadSurvey(site)]);
      if (!alive) return;
      setReport(r);
      setManual(m);
      setSurvey(s);
      setLoadedSite(site);
    };
    load().catch(() => {});
    const off = watchLocal(
      [storageKeys.report(site), storageKeys.manual(site), storageKeys.survey(site)],
      () => {
        load().catch(() => {});
      },
    );
    return () => {
      alive = false;
      off();
    };
  }, [site]);

  // Whether the extension may already read the site (the sentence before Chrome's prompt).
  useEffect(() => {
    if (!site) {
      setAccess('unknown');
      return;
    }
    let alive = true;
    hasHostAccess(url).then((ok) => alive && setAccess(ok ? 'granted' : 'missing'));
    return () => {
      alive = false;
    };
  }, [site, url]);

  const running = run.status === 'running';

  const start = useCallback(async () => {
    if (!siteKeyOf(url)) {
      setNotice({
        kind: 'error',
        th: 'กรุณากรอกที่อยู่เว็บไซต์ที่ขึ้นต้นด้วย http:// หรือ https://',
        en: 'Enter a URL starting with http:// or https://',
      });
      return;
    }
    setNotice(null);
    let ok = (await hasHostAccess(url)) || (await requestHostAccess(url));
    if (!ok) ok = await hasHostAccess(url);
    setAccess(ok ? 'granted' : 'missing');
    if (!ok) {
      setNotice({
        kind: 'error',
        th: 'ไม่ได้รับสิทธิ์เข้าถึงเว็บไซต์ จึงตรวจไม่ได้',
        en: 'Access to the site was not granted, so it cannot be audited',
      });
      return;
    }
    const s = settingsRef.current;
    const reply = await sendToBackground({
      type: 'oit:start',
      request: {
        url,
        year: s.year ?? fiscalYearOf(new Date()),
        ...(s.maxPages !== undefined ? { maxPages: s.maxPages } : {}),
        ...(s.delayMs !== undefined ? { delayMs: s.delayMs } : {}),
        ...(s.rules === 'custom' && s.customPack !== undefined
          ? { customPack: s.customPack }
          : s.rules !== undefined
            ? { rules: s.rules }
            : {}),
      },
    });
    if (!reply.ok)
      setNotice({
        kind: 'error',
        th: `เริ่มตรวจไม่ได้: ${reply.error}`,
        en: `Could not start: ${reply.errorEn ?? reply.error}`,
      });
  }, [url]);

  const cancel = useCallback(() => {
    sendToBackground({ type: 'oit:cancel' }).catch(() => {});
  }, []);

  const addManual = useCallback(
    (itemId: string, evidenceUrl: string) => {
      if (site) addManualEvidence(site, itemId, evidenceUrl).then(setManual, () => {});
    },
    [site],
  );
  const clearManual = useCallback(
    (itemId: string, evidenceUrl: string) => {
      if (site) clearManualEvidence(site, itemId, evidenceUrl).then(setManual, () => {});
    },
    [site],
  );

  const storeSurvey = useCallback(
    async (input: SurveyInput | null) => {
      if (!site) return;
      await saveSurvey(site, input);
      setSurvey(input);
      if (report) {
        try {
          const next = applySurvey(report, input);
          setReport(next);
          await saveReport(site, next);
        } catch (e) {
          setNotice({
            kind: 'error',
            th: `คำนวณ ITA ไม่ได้: ${(e as Error).message}`,
            en: (e as Error).message,
          });
        }
      }
    },
    [site, report],
  );

  const importFile = useCallback(
    async (file: File) => {
      const result = parseReportJson(await file.text());
      if (!result.ok) {
        setNotice({ kind: 'error', th: result.error, en: result.errorEn });
        return;
      }
      const r = result.report;
      const target = siteKeyOf(r.site.url) ?? siteKeyOf(r.site.finalUrl);
      if (!target) {
        setNotice({ kind: 'error', th: 'รายงานนี้ไม่มีที่อยู่เว็บไซต์ที่ใช้ได้', en: 'The report has no usable site URL' });
        return;
      }
      await saveReport(target, r);
      await mergeManualEvidence(target, manualEvidenceOf(r));
      if (r.survey && !(await loadSurvey(target))) await saveSurvey(target, surveyInputOf(r.survey));
      setUrl(siteHome(r.site.url) ?? r.site.url);
      setNotice({
        kind: 'info',
        th: `นำเข้ารายงานของ ${target} แล้ว`,
        en: `Imported the report of ${target}`,
      });
    },
    [setUrl],
  );

  const exportJson = useCallback(() => {
    if (report) downloadText(reportFileName(report, 'json'), 'application/json', reportToJson(report));
  }, [report]);

  const exportHtml = useCallback(async () => {
    if (!report) return;
    try {
      downloadText(
        reportFileName(report, 'html'),
        'text/html',
        await reportToHtml(report, settingsRef.current.lang),
      );
    } catch (e) {
      setNotice({
        kind: 'error',
        th: 'สร้างไฟล์ HTML ไม่สำเร็จ ลองตรวจเว็บไซต์ใหม่แล้วส่งออกอีกครั้ง',
        en: `Could not build the HTML file: ${(e as Error).message}`,
      });
    }
  }, [report]);

  const exportMeasures = useCallback(
    async (format: 'docx' | 'md') => {
      if (!report) return;
      try {
        const out = await measuresOf(report, format);
        const name = reportFileName(report, format === 'docx' ? 'docx' : 'md').replace(
          /^oit-audit-/,
          'oit-measures-',
        );
        if (typeof out === 'string') downloadText(name, 'text/markdown', out);
        else
          downloadBytes(name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', out);
      } catch (e) {
        setNotice({
          kind: 'error',
          th: 'ร่างมาตรการไม่สำเร็จ ลองตรวจเว็บไซต์ใหม่แล้วร่างอีกครั้ง',
          en: `Could not draft the measures: ${(e as Error).message}`,
        });
      }
    },
    [report],
  );

  const clearSiteData = useCallback(async () => {
    if (!site) return;
    await clearSite(site);
    setReport(null);
    setManual({});
    setSurvey(null);
    setNotice({ kind: 'info', th: 'ล้างข้อมูลของเว็บไซต์นี้แล้ว', en: "This site's data was cleared" });
  }, [site]);

  const takeCurrentTab = useCallback(async () => {
    const home = await currentTabSite();
    if (home) setUrl(home);
  }, [setUrl]);

  return {
    ready,
    settings,
    updateSettings,
    year,
    url,
    setUrl,
    site,
    loadedSite,
    report,
    manual,
    survey,
    run,
    running,
    access,
    focusItem,
    notice,
    setNotice,
    start,
    cancel,
    addManual,
    clearManual,
    saveSurvey: (input: SurveyInput) => storeSurvey(input),
    clearSurvey: () => storeSurvey(null),
    importFile,
    exportJson,
    exportHtml,
    exportMeasures,
    clearSiteData,
    takeCurrentTab,
  };
}

export type PanelState = ReturnType<typeof usePanel>;
