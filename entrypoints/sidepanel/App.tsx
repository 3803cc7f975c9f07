import { useMemo, useRef, useState } from 'react';
import { getRulePack } from '../../src/core/rules/registry';
import { type PanelState, usePanel } from '../../src/extension/use-panel';
import { type Lang, type StringKey, t } from '../../src/ui/i18n';
import { packFromJson } from '../../src/core/rules/pack-json';
import { labelsFromPack } from '../../src/ui/labels';
import { PackPicker } from '../../src/ui/PackPicker';
import { ReportView } from '../../src/ui/ReportView';
import { REPORT_CSS } from '../../src/ui/styles';
import { SurveyForm } from '../../src/ui/SurveyForm';

/** The side panel: audit the site in the current tab, read the checklist, project the ITA. */
export function App() {
  const panel = usePanel();
  const lang = panel.settings.lang;
  const customPack = panel.settings.customPack;
  const pack = useMemo(() => {
    const id = panel.report?.ruleset.id;
    const bundled = id ? getRulePack(id) : undefined;
    if (bundled || customPack === undefined) return bundled;
    // A report of an imported pack is grouped by that pack's sub-indicators.
    try {
      const imported = packFromJson(customPack);
      return imported.id === id ? imported : undefined;
    } catch {
      return undefined;
    }
  }, [panel.report?.ruleset.id, customPack]);
  const defaultPack = useMemo(() => getRulePack(), []);
  const labels = useMemo(() => (pack ? labelsFromPack(pack) : undefined), [pack]);
  return (
    <main className="oit-app" lang={lang}>
      <style>{REPORT_CSS}</style>
      <div className="oit-row">
        <h1 className="oit-grow">{t(lang, 'appTitle')}</h1>
        <button
          type="button"
          className="oit-secondary"
          aria-label={t(lang, 'language')}
          onClick={() => panel.updateSettings({ lang: lang === 'th' ? 'en' : 'th' })}
        >
          {lang === 'th' ? 'English' : 'ภาษาไทย'}
        </button>
      </div>
      <AuditControls panel={panel} lang={lang} />
      {panel.notice ? (
        <p
          className={panel.notice.kind === 'error' ? 'oit-msg-error' : 'oit-notice'}
          role="status"
          data-testid="notice"
        >
          {panel.notice[lang]}
        </p>
      ) : null}
      <Progress panel={panel} lang={lang} />
      {/* The survey sits above the checklist: the score card points to it. */}
      {panel.site && defaultPack ? (
        <section className="oit-section" id="oit-survey" data-testid="survey-section">
          <SurveyForm
            key={`${panel.loadedSite}:${JSON.stringify(panel.survey)}`}
            pack={pack ?? defaultPack}
            lang={lang}
            initial={panel.survey}
            hasReport={panel.report !== null}
            projection={panel.report?.ita ?? null}
            onSave={(input) => {
              panel.saveSurvey(input).catch(() => {});
            }}
            onClear={() => {
              panel.clearSurvey().catch(() => {});
            }}
          />
        </section>
      ) : null}
      {panel.report ? (
        <ReportView
          report={panel.report}
          lang={lang}
          {...(labels ? { labels } : {})}
          manual={panel.manual}
          openItems={panel.focusItem ? [panel.focusItem] : []}
          onAddManual={panel.addManual}
          onClearManual={panel.clearManual}
        />
      ) : panel.site ? (
        <p className="oit-muted" data-testid="no-report">
          {t(lang, 'noReport')}
        </p>
      ) : null}
      <DataActions panel={panel} lang={lang} />
    </main>
  );
}

function AuditControls({ panel, lang }: { panel: PanelState; lang: Lang }) {
  const [showAdvanced, setShowAdvanced] = useState(false);
  return (
    <section>
      <label htmlFor="oit-url">{t(lang, 'siteUrl')}</label>
      <div className="oit-row">
        <input
          id="oit-url"
          className="oit-grow"
          type="url"
          placeholder="https://www.example.go.th/"
          value={panel.url}
          onChange={(e) => panel.setUrl(e.target.value)}
          data-testid="site-url"
        />
        <button type="button" className="oit-secondary" onClick={() => panel.takeCurrentTab()}>
          {t(lang, 'useCurrentTab')}
        </button>
      </div>
      <div className="oit-row">
        <label htmlFor="oit-year">{t(lang, 'assessmentYear')}</label>
        <input
          id="oit-year"
          type="number"
          min={2560}
          max={2700}
          style={{ width: '6rem' }}
          value={panel.year}
          onChange={(e) => {
            const y = Number(e.target.value);
            if (Number.isInteger(y) && y >= 2550 && y <= 2700) panel.updateSettings({ year: y });
          }}
          data-testid="year"
        />
        <button type="button" className="oit-link-button" onClick={() => setShowAdvanced((v) => !v)}>
          {t(lang, 'advanced')}
        </button>
      </div>
      <PackPicker
        lang={lang}
        value={panel.settings.rules}
        customPack={panel.settings.customPack}
        onChange={(patch) => panel.updateSettings(patch)}
      />
      {showAdvanced ? (
        <div className="oit-row">
          <label htmlFor="oit-max-pages">{t(lang, 'maxPages')}</label>
          <input
            id="oit-max-pages"
            type="number"
            min={1}
            style={{ width: '6rem' }}
            value={panel.settings.maxPages ?? 500}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1) panel.updateSettings({ maxPages: n });
            }}
          />
          <label htmlFor="oit-delay">{t(lang, 'delayMs')}</label>
          <input
            id="oit-delay"
            type="number"
            min={0}
            style={{ width: '6rem' }}
            value={panel.settings.delayMs ?? 250}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isFinite(n) && n >= 0) panel.updateSettings({ delayMs: n });
            }}
            data-testid="delay"
          />
        </div>
      ) : null}
      {panel.site ? (
        <p className="oit-notice" data-testid="permission-note">
          {panel.access === 'granted'
            ? t(lang, 'permissionGranted', { site: panel.site })
            : t(lang, 'permissionWhy', { site: panel.site })}
        </p>
      ) : null}
      <div className="oit-row">
        <button type="button" disabled={panel.running || !panel.site} onClick={() => panel.start()}>
          {t(lang, 'auditThisSite')}
        </button>
        {panel.running ? (
          <button type="button" className="oit-secondary" onClick={panel.cancel}>
            {t(lang, 'cancel')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

function Progress({ panel, lang }: { panel: PanelState; lang: Lang }) {
  const { run } = panel;
  if (run.status === 'idle' || (run.site && run.site !== panel.site)) return null;
  if (run.status === 'cancelled') return <p className="oit-muted">{t(lang, 'cancelled')}</p>;
  if (run.status === 'error') {
    return (
      <p className="oit-msg-error" role="alert" data-testid="run-error">
        {lang === 'en' ? (run.errorEn ?? run.error) : run.error}
      </p>
    );
  }
  if (run.status !== 'running') return null;
  const pagesMax = Math.max(1, run.pagesFetched + run.queued);
  return (
    <section className="oit-progress" data-testid="progress" aria-live="polite">
      <div>
        {t(lang, 'running')} {run.phase ? t(lang, `phase_${run.phase}` as StringKey) : null}
      </div>
      <div className="oit-muted">{t(lang, 'pagesProgress', { n: run.pagesFetched, q: run.queued })}</div>
      <progress max={pagesMax} value={run.pagesFetched} aria-label="pages" />
      <div className="oit-muted">{t(lang, 'itemsProgress', { n: run.decided, t: run.total || 48 })}</div>
      <progress max={Math.max(1, run.total)} value={run.decided} aria-label="items" />
    </section>
  );
}

type ExportKind = 'json' | 'html' | 'docx' | 'md';

function DataActions({ panel, lang }: { panel: PanelState; lang: Lang }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  // Exports may carry the agency's internal URLs: each one is confirmed first.
  const [pending, setPending] = useState<ExportKind | null>(null);
  const run = (kind: ExportKind) => {
    if (kind === 'json') panel.exportJson();
    else if (kind === 'html') panel.exportHtml().catch(() => {});
    else panel.exportMeasures(kind).catch(() => {});
  };
  const ask = (kind: ExportKind, label: StringKey) => (
    <button type="button" disabled={!panel.report} onClick={() => setPending(kind)}>
      {t(lang, label)}
    </button>
  );
  return (
    <section className="oit-section">
      <h3>{t(lang, 'data')}</h3>
      <div className="oit-row">
        {ask('json', 'exportJson')}
        {ask('html', 'exportHtml')}
        <button type="button" className="oit-secondary" onClick={() => fileInput.current?.click()}>
          {t(lang, 'importJson')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) panel.importFile(file).catch(() => {});
          }}
        />
      </div>
      <h4>{t(lang, 'measuresDraft')}</h4>
      <p className="oit-muted">{t(lang, 'measuresHint')}</p>
      <div className="oit-row">
        {ask('docx', 'measuresDocx')}
        {ask('md', 'measuresMd')}
      </div>
      {pending ? (
        <div className="oit-confirm" role="alertdialog" aria-label={t(lang, 'confirmExport')}>
          <p>{t(lang, 'exportWarning')}</p>
          <div className="oit-row">
            <button
              type="button"
              data-testid="confirm-export"
              onClick={() => {
                const kind = pending;
                setPending(null);
                run(kind);
              }}
            >
              {t(lang, 'confirmExport')}
            </button>
            <button type="button" className="oit-secondary" onClick={() => setPending(null)}>
              {t(lang, 'cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {panel.site ? (
        <div className="oit-row">
          {confirming ? (
            <>
              <button
                type="button"
                onClick={() => {
                  setConfirming(false);
                  panel.clearSiteData().catch(() => {});
                }}
              >
                {t(lang, 'clearSiteConfirm')}
              </button>
              <button type="button" className="oit-secondary" onClick={() => setConfirming(false)}>
                {t(lang, 'cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="oit-secondary" onClick={() => setConfirming(true)}>
              {t(lang, 'clearSite')}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
