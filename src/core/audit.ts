import pLimit from 'p-limit';
import * as z from 'zod';
import { AuditOptionsError } from './audit-options-error';
import { CRAWL_DEFAULTS, type CrawlEvent, crawlSite } from './crawl/crawler';

export { AuditOptionsError } from './audit-options-error';
import { MAX_TIMER_MS } from './crawl/options';
import { headerProblem } from './fetch/request-scope';
import { createHostScheduler } from './crawl/host-scheduler';
import { normaliseUrl } from './crawl/url';
import { itemsHeadedBy } from './content/judge';
import { ContentScanner } from './content/scanner';
import { type Candidate, CandidateCollector } from './detect/candidates';
import {
  type ExtractorSpec,
  extractionSetup,
  inCallOrder,
  inProcessExtractor,
} from './extract/page-extractor';
import { SnapshotStore } from './extract/snapshot-store';
import { draftMeasures } from './measures/draft';
import type { PageSummary } from './extract/types';
import { buildReport } from './report/build-report';
import type { AuditReport } from './report/schema';
import { SiteNumberingDetector } from './detect/site-numbering';
import type { RulePack } from './rules/load-pack';
import { autoPack, autoStartPacks, type PackSelection, selectPack } from './rules/select-pack';
import { surveyInputSchema } from './score/survey';
import { fiscalYearOf } from './thai/fiscal-year';
import type { AuditEnv, FetchErrorCode } from './types';

import { compileElementProbes } from './verify/elements';
import { ResourceProbe } from './verify/resource-probe';
import { type ItemVerdict, type VerifyContext, verifyItem } from './verify/verify-item';
import { USER_AGENT } from './version';

/** Crawl failures that a second request during verification would only repeat, slowly. */
const FAILURES_TO_REMEMBER: ReadonlySet<string> = new Set([
  'timeout',
  'network',
  'dns',
  'blocked',
  'invalid-response',
]);

/** Options of one audit (DESIGN.md §3, §7), validated with defaults filled in. */
export const auditOptionsSchema = z
  .object({
    /** The agency's home page, absolute http(s) URL. */
    url: z.string().refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), {
      message: 'expected an absolute http(s) URL such as https://www.example.go.th/',
    }),
    /** "auto" (the assessed year's pack, or what the site's ITA index says) or a bundled pack id. */
    rules: z.string().default('auto'),
    /** A pack loaded from disk or imported as JSON (`--rules ./my-pack/`); wins over `rules`. */
    rulePack: z
      .custom<RulePack>((v) => typeof v === 'object' && v !== null && 'itemById' in v && 'items' in v)
      .optional(),
    /** Assessed fiscal year, BE; default: the current Thai fiscal year from the clock. */
    year: z.number().int().min(2550).max(2700).optional(),
    maxPages: z.number().int().min(1).default(CRAWL_DEFAULTS.maxPages),
    maxDepth: z.number().int().min(0).default(CRAWL_DEFAULTS.maxDepth),
    concurrency: z.number().int().min(1).max(32).default(CRAWL_DEFAULTS.concurrency),
    /** Minimum gap between two requests to one host, ms. */
    delayMs: z.number().min(0).max(MAX_TIMER_MS).default(CRAWL_DEFAULTS.delayMs),
    timeoutMs: z.number().int().min(1).max(MAX_TIMER_MS).default(CRAWL_DEFAULTS.timeoutMs),
    retries: z.number().int().min(0).max(10).default(CRAWL_DEFAULTS.retries),
    ignoreRobots: z.boolean().default(false),
    /** Contact private/loopback addresses although the site is public (`--allow-private`). */
    allowPrivate: z.boolean().default(false),
    /** Audit the other site a start URL redirects to (`--follow-start-redirect`). */
    followStartRedirect: z.boolean().default(false),
    /** Crawl time budget, ms; past it the audit decides from what it has (`--max-duration`). */
    maxDurationMs: z.number().int().min(1).max(MAX_TIMER_MS).optional(),
    maxHtmlBytes: z.number().int().min(1).default(CRAWL_DEFAULTS.maxHtmlBytes),
    maxDocumentBytes: z
      .number()
      .int()
      .min(1)
      .default(30 * 1024 * 1024),
    paginationCap: z.number().int().min(1).default(CRAWL_DEFAULTS.paginationCap),
    skip: z.array(z.string()).default([]),
    /** `--header` values: sent to the audited origin only; CR/LF (request splitting) refused. */
    extraHeaders: z
      .record(z.string(), z.string())
      .superRefine((headers, ctx) => {
        for (const [name, value] of Object.entries(headers)) {
          const problem = headerProblem(name, value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [name] });
        }
      })
      .default({}),
    userAgent: z.string().default(USER_AGENT),
    /** Survey scores typed in by hand, or null. */
    survey: surveyInputSchema.nullable().default(null),
    /** Evidence URLs a person chose per item ("O5": ["https://..."]); verified like any other. */
    manualEvidence: z.record(z.string().regex(/^(O|MOIT|EB)\d+$/), z.array(z.string())).default({}),
    /** Candidates verified per item before giving up. */
    maxCandidates: z.number().int().min(1).max(20).default(4),
    signal: z
      .custom<AbortSignal>((v) => typeof AbortSignal !== 'undefined' && v instanceof AbortSignal)
      .optional(),
  })
  .strict();

export type AuditOptions = z.input<typeof auditOptionsSchema>;
export type ResolvedAuditOptions = z.output<typeof auditOptionsSchema>;

function cutPageWarnings(cut: { links: string[]; nesting: string[] }): string[] {
  const out: string[] = [];
  const list = (urls: string[]) =>
    `${urls.slice(0, 5).join(', ')}${urls.length > 5 ? ` … (+${urls.length - 5})` : ''}`;
  if (cut.links.length > 0) {
    out.push(
      `${cut.links.length} หน้ามีลิงก์เกิน 1,500 ลิงก์ ลิงก์ที่เกินไม่ได้ตรวจ: ${list(cut.links)} — ${cut.links.length} page(s) have more than 1,500 links; the rest were not followed: ${list(cut.links)}`,
    );
  }
  if (cut.nesting.length > 0) {
    out.push(
      `${cut.nesting.length} หน้ามีโครงสร้าง HTML ซ้อนลึกผิดปกติ อ่านได้เพียงบางส่วน: ${list(cut.nesting)} — ${cut.nesting.length} page(s) nest HTML elements abnormally deep; only their first part was read: ${list(cut.nesting)}`,
    );
  }
  return out;
}

/** Progress of a run, for progress bars and the side panel. */
export type AuditEvent =
  | { type: 'phase'; phase: 'crawl' | 'detect' | 'verify' | 'done' }
  | { type: 'page'; url: string; pagesFetched: number; queued: number }
  | { type: 'crawl'; event: CrawlEvent }
  | { type: 'item'; id: string; outcome: ItemVerdict['outcome']; decided: number; total: number }
  | { type: 'resource'; checked: number };

/**
 * Runs the whole pipeline: configure → crawl → extract → detect → verify → score → report.
 * Environment-free: the shell passes the fetcher, clock and optional PDF reader. One item
 * that throws becomes an `error` outcome; only an unreachable start URL is fatal (CrawlError).
 */
export async function runAudit(
  input: AuditOptions,
  env: AuditEnv,
  onEvent: (event: AuditEvent) => void = () => {},
): Promise<AuditReport> {
  const parsed = auditOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AuditOptionsError(`${issue?.path.join('.')}: ${issue?.message}`, String(issue?.path[0] ?? ''));
  }
  const options = parsed.data;
  const startedAt = env.now();
  const fiscalYear = options.year ?? fiscalYearOf(startedAt);
  const requested: string | RulePack = options.rulePack ?? options.rules;
  // Validate the request before crawling: an unknown pack id is a usage error (exit 2).
  const forced = selectPack(requested, fiscalYear, null);
  if (!forced) throw new AuditOptionsError(`unknown rule pack "${options.rules}"`, 'rules');
  const auto = requested === 'auto';
  // The crawl's pages are read by the shell's extractor (worker threads in Node) when it has
  // one; both read them with the probes and scanner of `extractorSpec`.
  const extractorSpec: ExtractorSpec = auto ? { rules: 'bundled' } : { rules: 'pack', pack: forced.pack };
  let setup: ReturnType<typeof extractionSetup> | null = null;
  const readWith = () => {
    setup ??= extractionSetup(extractorSpec);
    return setup;
  };
  const extractor = env.createExtractor
    ? inCallOrder(env.createExtractor(extractorSpec))
    : inProcessExtractor(extractorSpec, readWith());
  const emit = (e: AuditEvent) => {
    try {
      onEvent(e);
    } catch {
      // A broken progress listener never stops an audit.
    }
  };

  // Crawl and extract: snapshots are kept, HTML is not.
  emit({ type: 'phase', phase: 'crawl' });
  // Pages are reduced as they arrive: their links feed the candidate collector, and only a
  // slim snapshot (years, elements, features, title) of the pages verification may read is
  // kept: memory follows the evidence, not the size of the site.
  const snapshots = new SnapshotStore((url) => {
    for (const c of collectors.values()) if (c.leads(url)) return true;
    return false;
  });
  // Every page is read as a summary (links, title and headings), which is all the crawl and the
  // collectors read; the pages kept are read whole too, at once or (threads) when no page waits,
  // and a page a collector comes to want while it is read is completed. Whole snapshots are
  // stored as they come, all of them before verification (awaited with the crawl).
  let pagesRead = 0;
  const completing: Promise<void>[] = [];
  // Pages read only in part, for the report's warnings (what was cut is said, never hidden).
  const cutPages = { links: [] as string[], nesting: [] as string[] };
  // One collector per pack in play: the requested one, or (auto) the assessed year's NACC and
  // MOPH packs from the start, plus the pack of a labelled ITA index when the site shows one.
  const collectors = new Map<string, CandidateCollector>();
  const numbering = new SiteNumberingDetector();
  let siteUrl: string | null = null;
  let startPage: PageSummary | null = null;
  const collectorFor = (p: RulePack, siteUrlNow: string) => {
    let c = collectors.get(p.id);
    if (!c) {
      c = new CandidateCollector(p, { siteUrl: siteUrlNow });
      // A pack taken up mid-crawl still sees the start page and its menus.
      if (startPage) c.addPage(startPage);
      collectors.set(p.id, c);
    }
    return c;
  };
  const crawl = await crawlSite(
    {
      startUrl: options.url,
      maxPages: options.maxPages,
      maxDepth: options.maxDepth,
      concurrency: options.concurrency,
      delayMs: options.delayMs,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      maxHtmlBytes: options.maxHtmlBytes,
      obeyRobots: !options.ignoreRobots,
      allowPrivate: options.allowPrivate,
      followStartRedirect: options.followStartRedirect,
      ...(options.maxDurationMs !== undefined ? { maxDurationMs: options.maxDurationMs } : {}),
      userAgent: options.userAgent,
      paginationCap: options.paginationCap,
      skip: options.skip,
      extraHeaders: options.extraHeaders,
      ...(options.signal ? { signal: options.signal } : {}),
    },
    { fetcher: env.fetcher, sleep: env.sleep, now: env.now },
    {
      onPage: async ({ response, depth, url }) => {
        const expected = snapshots.expects(pagesRead++, url, response.finalUrl);
        const snapshot = await extractor.summarise(response, depth, expected);
        // The start page comes first: its final URL is the site the crawler keeps to.
        if (siteUrl === null) {
          siteUrl = snapshot.finalUrl;
          for (const p of auto ? autoStartPacks(fiscalYear) : [forced.pack]) collectorFor(p, siteUrl);
        }
        // Every audit notes the site's numbering: a forced pack that disagrees is warned about.
        numbering.addPage(snapshot);
        if (auto) {
          const preferred = autoPack(fiscalYear, numbering.current(fiscalYear));
          if (preferred) collectorFor(preferred, siteUrl);
        }
        for (const c of collectors.values()) c.addPage(snapshot);
        startPage ??= snapshot;
        if (snapshot.linksDropped) cutPages.links.push(`${url} (${snapshot.linksDropped})`);
        if (snapshot.nestingCut) cutPages.nesting.push(url);
        if (snapshots.keeps(snapshot)) {
          completing.push(
            extractor.complete(snapshot).then((whole) => {
              // Not held any more: verification fetches the page again, if an item names it.
              if (whole) snapshots.put(url, whole);
            }),
          );
        }
        return { links: snapshot.links.map((l) => l.url) };
      },
      onEvent: (event) => {
        if (event.type === 'page') {
          emit({ type: 'page', url: event.url, pagesFetched: event.pagesFetched, queued: event.queued });
        } else emit({ type: 'crawl', event });
      },
    },
    // The extractor's threads end with the crawl (and the pages it completes), well or not.
  ).finally(async () => {
    await Promise.all(completing);
    await extractor.close();
  });

  // The PDF reader starts now, while candidates are chosen and fetched: it would otherwise
  // start on the first PDF verification reads (after the crawl: the pages' threads are gone).
  if (crawl.documents.some((d) => d.type === 'pdf')) env.preparePdfReader?.();

  emit({ type: 'phase', phase: 'detect' });
  startPage = null;
  const selection = selectPack(requested, fiscalYear, numbering.current(fiscalYear)) as PackSelection;
  const pack = selection.pack;
  const candidates = (
    collectors.get(pack.id) ?? new CandidateCollector(pack, { siteUrl: crawl.siteUrl })
  ).result();
  collectors.clear();
  for (const [itemId, urls] of Object.entries(options.manualEvidence)) {
    const manual: Candidate[] = urls
      .map((u) => normaliseUrl(u))
      .filter((u): u is string => u !== null)
      .map((url) => ({ itemId, url, via: 'manual', text: 'หลักฐานที่ผู้ใช้กำหนด (manual)', strength: 1000 }));
    candidates.set(itemId, [
      ...manual,
      ...(candidates.get(itemId) ?? []).filter((c) => !urls.includes(c.url)),
    ]);
  }

  emit({ type: 'phase', phase: 'verify' });
  const scheduler = createHostScheduler({
    concurrency: options.concurrency,
    delayMs: crawl.delayMs,
    sleep: env.sleep,
    now: env.now,
  });
  const probe = new ResourceProbe(env, scheduler, snapshots, {
    siteUrl: crawl.siteUrl,
    timeoutMs: options.timeoutMs,
    maxHtmlBytes: options.maxHtmlBytes,
    maxDocumentBytes: options.maxDocumentBytes,
    maxRedirects: CRAWL_DEFAULTS.maxRedirects,
    retries: options.retries,
    userAgent: options.userAgent,
    headers: options.extraHeaders,
    startUrl: crawl.startUrl,
    allowPrivate: options.allowPrivate,
    offSiteKinds: pack.offSiteKinds,
    // A URL that timed out or could not be reached in the crawl is not fetched again (issue 12).
    knownFailures: new Map(
      crawl.errors
        .filter((e) => FAILURES_TO_REMEMBER.has(e.code))
        .map((e) => [e.url, { code: e.code as FetchErrorCode, message: e.message }]),
    ),
    probes: auto ? compileElementProbes(pack) : readWith().probes,
    scanner: auto ? new ContentScanner(pack) : readWith().scanner,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // Evidence filed under another item's menu or row still counts for the item its content
  // announces (issue 9): every target read is classified, and phase 2 offers it to that item.
  const misfiled = new Map<string, Candidate[]>();
  const onTarget: VerifyContext['onTarget'] = (item, candidate, resource) => {
    if (!resource.content) return;
    // Only the item the target is most specifically about, and only when that is another one.
    for (const other of itemsHeadedBy(pack, resource.content).slice(0, 1)) {
      if (other === item.id) continue;
      const list = misfiled.get(other) ?? [];
      if (list.some((c) => c.url === resource.url)) continue;
      list.push({
        itemId: other,
        url: resource.url,
        via: 'content',
        text: `${resource.title || candidate.text}`.slice(0, 200),
        ...(candidate.from ? { from: candidate.from } : {}),
        strength: 0,
        filedUnder: item.id,
      });
      misfiled.set(other, list);
    }
  };
  const verifyContext: VerifyContext = {
    pack,
    probe,
    fiscalYear,
    siteUrl: crawl.siteUrl,
    maxCandidates: options.maxCandidates,
    onTarget,
  };
  const verdicts = new Map<string, ItemVerdict>();
  let decided = 0;
  const limit = pLimit(Math.max(2, options.concurrency * 2));
  await Promise.all(
    pack.items.map((item) =>
      limit(async () => {
        let verdict: ItemVerdict;
        try {
          verdict = await verifyItem(verifyContext, item, candidates.get(item.id) ?? []);
        } catch (e) {
          verdict = {
            outcome: 'error',
            evidence: [],
            problems: [
              {
                code: 'check-error',
                detail: `ตรวจไม่สำเร็จ: ${(e as Error).message}`,
                detailEn: (e as Error).message,
              },
            ],
          };
        }
        verdicts.set(item.id, verdict);
        decided++;
        emit({ type: 'item', id: item.id, outcome: verdict.outcome, decided, total: pack.items.length });
        emit({ type: 'resource', checked: probe.fetched });
      }),
    ),
  );

  // Phase 2: items not passed get the evidence found filed under other items.
  for (const item of pack.items) {
    const found = misfiled.get(item.id);
    const current = verdicts.get(item.id);
    if (!found || !current || current.outcome === 'pass') continue;
    try {
      const second = await verifyItem({ ...verifyContext, onTarget: () => {} }, item, found);
      if (second.outcome === 'pass') verdicts.set(item.id, second);
    } catch {
      // The first verdict stands.
    }
  }

  const report = buildReport({
    pack,
    options,
    env,
    startedAt,
    fiscalYear,
    crawl,
    verdicts,
    resourcesChecked: probe.fetched,
    warnings: [...cutPageWarnings(cutPages), ...probe.warnings()],
    selection,
  });
  if (!pack.items.some((i) => i.content)) {
    report.runWarnings.push(
      `ชุดเกณฑ์ ${pack.id} ไม่มีสัญญาณเนื้อหา จึงตัดสินจากลิงก์ ชื่อหน้า ปี และองค์ประกอบเท่านั้น ไม่ได้อ่านว่าเนื้อหาตรงกับข้อหรือไม่ — the rule pack ${pack.id} has no content signals: verdicts rest on links, titles, years and elements, not on what the targets say`,
    );
  }
  // The measures draft travels in the report (DESIGN.md §8); `oit-audit measures` renders it.
  const withMeasures = { ...report, measures: draftMeasures(report, pack).rows };
  emit({ type: 'phase', phase: 'done' });
  return withMeasures;
}
