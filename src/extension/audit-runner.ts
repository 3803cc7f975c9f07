import { AuditOptionsError, runAudit } from '../core/audit';
import { CrawlError } from '../core/crawl/crawler';
import { msg } from '../core/messages';
import type { AuditReport } from '../core/report/schema';
import type { RulePack } from '../core/rules/load-pack';
import { packFromJson } from '../core/rules/pack-json';
import { getRulePack } from '../core/rules/registry';
import { autoStartPacks } from '../core/rules/select-pack';
import { fiscalYearOf } from '../core/thai/fiscal-year';
import type { SurveyInput } from '../core/score/survey';
import type { AuditEnv } from '../core/types';
import { readPdfText } from '../core/pdf-text';
import { createExtensionFetcher } from './extension-fetcher';
import { readOfficeText } from './office-text';
import type { StartAuditRequest } from './messages';
import { IDLE, type RunState } from './run-state';
import { siteKeyOf } from './site';
import type { ManualEvidence } from './storage';

/** What the runner needs from its surroundings (the service worker, or a test). */
export interface AuditRunnerDeps {
  /** Builds the environment of one run; `signal` fires on cancel. */
  makeEnv: (signal: AbortSignal) => AuditEnv;
  loadManualEvidence: (site: string) => Promise<ManualEvidence>;
  loadSurvey: (site: string) => Promise<SurveyInput | null>;
  saveReport: (site: string, report: AuditReport) => Promise<void>;
  /** Publishes progress (the service worker writes it to `storage.session`). */
  publish: (state: RunState) => Promise<void> | void;
  /** Called every `keepAliveMs` while a run is going (keeps the MV3 worker awake). */
  keepAlive?: () => void;
  keepAliveMs?: number;
  /** Minimum ms between two progress publications (phase changes always publish). */
  throttleMs?: number;
  now?: () => Date;
}

/**
 * The service worker's environment: its fetch, the system clock, and the same PDF and DOCX text
 * readers as the CLI (unpdf's pdf.js build, which needs no DOM and no separate worker), so the panel and
 * the CLI give the same verdicts on document items. Size and count limits are the core's, shared.
 */
export function createExtensionEnv(signal: AbortSignal): AuditEnv {
  return {
    fetcher: createExtensionFetcher({ signal }),
    readPdfText,
    readOfficeText,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    environment: 'extension',
  };
}

/**
 * Runs one audit at a time in the service worker with the shared `runAudit`, publishes its
 * progress, and stores the report of the site when it completes. A cancelled run stores nothing
 * (the last complete report stays); an unreachable site ends in status `error`.
 */
export class AuditRunner {
  private current: RunState = IDLE;
  private controller: AbortController | null = null;
  private lastPublish = 0;
  /** The imported pack of the running audit, validated in start(). */
  private customPack: RulePack | undefined;
  /** Settles when the running audit has finished (tests await it). */
  running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AuditRunnerDeps) {}

  get state(): RunState {
    return this.current;
  }

  /** Starts an audit unless one is running; returns at once (progress is published). */
  start(request: StartAuditRequest): { ok: true } | { ok: false; error: string; errorEn: string } {
    if (this.controller)
      return { ok: false, error: msg('th', 'alreadyRunning'), errorEn: msg('en', 'alreadyRunning') };
    const site = siteKeyOf(request.url);
    if (!site) return { ok: false, error: msg('th', 'invalidUrl'), errorEn: msg('en', 'invalidUrl') };
    const controller = new AbortController();
    this.controller = controller;
    const now = this.deps.now ?? (() => new Date());
    // A custom pack is validated before anything starts: a broken one is refused with its field.
    let customPack: RulePack | undefined;
    if (request.customPack !== undefined) {
      try {
        customPack = packFromJson(request.customPack, 'imported-pack.json');
      } catch (e) {
        this.controller = null;
        const message = (e as Error).message;
        return {
          ok: false,
          error: `ชุดเกณฑ์ที่นำเข้าไม่ถูกต้อง: ${message}`,
          errorEn: `invalid imported rule pack: ${message}`,
        };
      }
    }
    const pack =
      customPack ??
      (request.rules && request.rules !== 'auto'
        ? getRulePack(request.rules)
        : autoStartPacks(request.year ?? fiscalYearOf(now()))[0]);
    if (!pack) {
      this.controller = null;
      return {
        ok: false,
        error: `ไม่รู้จักชุดเกณฑ์ "${request.rules}"`,
        errorEn: `unknown rule pack "${request.rules}"`,
      };
    }
    this.customPack = customPack;
    this.current = {
      ...IDLE,
      status: 'running',
      site,
      url: request.url,
      phase: 'crawl',
      total: pack?.items.length ?? 0,
      startedAt: now().toISOString(),
    };
    this.publish(true);
    this.running = this.run(site, request, controller).finally(() => {
      if (this.controller === controller) this.controller = null;
    });
    return { ok: true };
  }

  /** Cancels the running audit, if any. */
  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort();
    return true;
  }

  private async run(site: string, request: StartAuditRequest, controller: AbortController): Promise<void> {
    const now = this.deps.now ?? (() => new Date());
    const timer =
      this.deps.keepAlive !== undefined
        ? setInterval(() => this.deps.keepAlive?.(), this.deps.keepAliveMs ?? 20_000)
        : null;
    try {
      const [manualEvidence, survey] = await Promise.all([
        this.deps.loadManualEvidence(site),
        this.deps.loadSurvey(site),
      ]);
      const report = await runAudit(
        {
          url: request.url,
          ...(request.year !== undefined ? { year: request.year } : {}),
          ...(this.customPack ? { rulePack: this.customPack } : { rules: request.rules ?? 'auto' }),
          ...(request.maxPages !== undefined ? { maxPages: request.maxPages } : {}),
          ...(request.delayMs !== undefined ? { delayMs: request.delayMs } : {}),
          manualEvidence,
          survey,
          signal: controller.signal,
        },
        this.deps.makeEnv(controller.signal),
        (event) => {
          const s = this.current;
          switch (event.type) {
            case 'phase':
              this.current = { ...s, phase: event.phase };
              this.publish(true);
              return;
            case 'page':
              this.current = { ...s, pagesFetched: event.pagesFetched, queued: event.queued };
              break;
            case 'item':
              this.current = { ...s, decided: event.decided, total: event.total };
              break;
            case 'resource':
              this.current = { ...s, resourcesChecked: event.checked };
              break;
            default:
              return;
          }
          this.publish(false);
        },
      );
      if (controller.signal.aborted) {
        this.finish({ status: 'cancelled', finishedAt: now().toISOString() });
        return;
      }
      await this.deps.saveReport(site, report);
      this.finish({
        status: 'done',
        phase: 'done',
        pagesFetched: report.crawl.pagesFetched,
        decided: report.items.length,
        total: report.items.length,
        finishedAt: now().toISOString(),
      });
    } catch (e) {
      if (controller.signal.aborted) {
        this.finish({ status: 'cancelled', finishedAt: now().toISOString() });
        return;
      }
      this.finish({ status: 'error', finishedAt: now().toISOString(), ...describeError(e) });
    } finally {
      if (timer !== null) clearInterval(timer);
    }
  }

  private finish(patch: Partial<RunState>): void {
    this.current = { ...this.current, ...patch };
    this.publish(true);
  }

  private publish(force: boolean): void {
    const t = Date.now();
    if (!force && t - this.lastPublish < (this.deps.throttleMs ?? 200)) return;
    this.lastPublish = t;
    try {
      Promise.resolve(this.deps.publish(this.current)).catch(() => {});
    } catch {
      // Progress that cannot be shown never stops an audit.
    }
  }
}

/** A run error in Thai and English, for the panel. */
export function describeError(e: unknown): { error: string; errorEn: string } {
  if (e instanceof CrawlError && e.code === 'SITE_UNREACHABLE') {
    const status = e.detail?.status ? ` (HTTP ${e.detail.status})` : '';
    return {
      error: `เปิดหน้าแรกของเว็บไซต์ไม่ได้${status}: ตรวจสอบที่อยู่เว็บไซต์ การเชื่อมต่อ และสิทธิ์เข้าถึงเว็บไซต์ของส่วนขยาย`,
      errorEn: `The site's start page could not be opened${status}: ${e.message}`,
    };
  }
  if (e instanceof AuditOptionsError) {
    return {
      error: `ค่าที่ตั้งไว้ไม่ถูกต้อง (${e.field}) ตรวจสอบปีงบประมาณ จำนวนหน้า และระยะห่างระหว่างคำขอ`,
      errorEn: `Invalid setting (${e.field}): ${e.message}`,
    };
  }
  const message = (e as Error)?.message ?? String(e);
  // The technical message is English (from the code); the Thai text stays Thai throughout.
  return {
    error: 'ตรวจไม่สำเร็จเพราะข้อผิดพลาดภายในของส่วนขยาย ลองตรวจใหม่อีกครั้ง',
    errorEn: `The audit failed: ${message}`,
  };
}
