import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { AuditOptions } from '../../core/audit';
import { AuditOptionsError } from '../../core/audit-options-error';
import { CrawlError } from '../../core/crawl/crawl-error';
import { MAX_TIMER_MS } from '../../core/crawl/options';
import { msg } from '../../core/messages';
import { siteKey } from '../../core/crawl/url';
import { describeGateFailure, evaluateGates, type GateResult, type ItemLevel } from '../../core/report/gates';
import { escapeData, renderAnnotations, renderGithubSummary } from '../../core/report/render-github';
import { renderText } from '../../core/report/render-text';
import { type AuditReport, auditReportSchema } from '../../core/report/schema';
import type { RulePack } from '../../core/rules/load-pack';
import { loadAutoStartPacks, loadBundledPack } from '../../core/rules/load-bundled-pack';
import { fiscalYearOf } from '../../core/thai/fiscal-year';
import type { SurveyInput } from '../../core/score/survey';
import { runAuditThreaded } from '../../node/audit-thread';
import { checkConfigItems, includeAsSkip, type LoadedConfig, loadConfig } from '../config';
import { CliError, usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { CliIo, Lang } from '../io';
import { say } from '../io';
import { checkWritableDir, checkWritableFile } from '../output-paths';
import { parseBeYear, parseCount, parseDuration, parseScore } from '../parse-values';
import { createProgress, parseProgressMode } from '../progress';
import { readJsonFile } from '../read-json-file';
import { resolvePackRequest } from '../resolve-pack';
import { type AuditReportFormat, REPORT_FORMATS } from '../report-formats';
import { renderReport } from '../render-report';
import { type AuditFlags, DEFAULT_MAX_DURATION_MS } from './audit';

/** A survey file is a few hundred bytes; anything past this is not one. */
const SURVEY_MAX_BYTES = 1024 * 1024;

type Format = AuditReportFormat;

/** File name of each format under `--output-dir`. */
export const OUTPUT_FILES: Record<Format | 'github', string> = {
  text: 'report.txt',
  json: 'report.json',
  md: 'report.md',
  html: 'report.html',
  junit: 'junit.xml',
  csv: 'report.csv',
  github: 'github-summary.md',
};

function parseUrl(raw: string, lang: Lang): string {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text) && URL.canParse(text)) return text;
  const hint = /^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(text)
    ? say(lang, `ลองใส่ https://${text}`, `try https://${text}`)
    : say(
        lang,
        'ใส่ URL เต็ม เช่น https://www.example.go.th/',
        'give a full URL such as https://www.example.go.th/',
      );
  throw usageError(say(lang, `URL ไม่ถูกต้อง: "${raw}"`, `not a valid URL: "${raw}"`), hint);
}

function parseEvidence(values: string[], pack: RulePack, lang: Lang): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of values) {
    const m = /^(O\d+)=(https?:\/\/.+)$/i.exec(v.trim());
    const id = m?.[1]?.toUpperCase();
    if (!m || !id || !pack.itemById.has(id)) {
      throw usageError(
        say(lang, `--evidence: "${v}" ไม่ถูกต้อง`, `--evidence: "${v}" is not valid`),
        say(
          lang,
          'รูปแบบ: --evidence O5=https://www.example.go.th/contact',
          'form: --evidence O5=https://www.example.go.th/contact',
        ),
      );
    }
    out[id] = [...(out[id] ?? []), m[2] as string];
  }
  return out;
}

function parseRegexes(values: string[], flag: string, lang: Lang): string[] {
  for (const v of values) {
    try {
      new RegExp(v, 'u');
    } catch (e) {
      throw usageError(
        say(
          lang,
          `${flag}: "${v}" ไม่ใช่ regular expression ที่ถูกต้อง`,
          `${flag}: "${v}" is not a valid regular expression`,
        ),
        (e as Error).message,
      );
    }
  }
  return values;
}

function parseHeaders(values: string[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    // Shown escaped: a raw CR/LF or ESC of the value must not reach the terminal either.
    const shown = JSON.stringify(v);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(v)) {
      throw usageError(
        say(
          lang,
          `--header: ${shown} มีการขึ้นบรรทัดใหม่หรืออักขระควบคุม`,
          `--header: ${shown} contains a line break or another control character`,
        ),
        say(
          lang,
          'รูปแบบ: --header "Cookie: session=…" บรรทัดเดียว',
          'form: --header "Cookie: session=…", on one line',
        ),
      );
    }
    const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(v);
    if (!m) {
      throw usageError(
        say(lang, `--header: ${shown} ไม่ถูกต้อง`, `--header: ${shown} is not valid`),
        say(lang, 'รูปแบบ: --header "Cookie: session=…"', 'form: --header "Cookie: session=…"'),
      );
    }
    out[m[1] as string] = m[2] as string;
  }
  return out;
}

function parseItemList(raw: string, flag: string, pack: RulePack, lang: Lang): string[] {
  const ids = raw
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  for (const id of ids) {
    if (!pack.itemById.has(id)) {
      throw usageError(
        say(lang, `${flag}: ไม่มีข้อ ${id}`, `${flag}: no item ${id}`),
        say(lang, 'ดูรายการข้อด้วย oit-audit rules', 'list the items with oit-audit rules'),
      );
    }
  }
  return ids;
}

/** Reads a baseline report and checks it is an AuditReport (comparability is checked after the run). */
function readBaseline(path: string, shown: string, lang: Lang): AuditReport {
  const raw = readJsonFile(path, '/', lang, 'baseline');
  const parsed = auditReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usageError(
      say(
        lang,
        `--baseline: ${shown} ไม่ใช่รายงาน oit-audit (JSON): "${issue?.path.join('.')}": ${issue?.message}`,
        `--baseline: ${shown} is not an oit-audit JSON report: "${issue?.path.join('.')}": ${issue?.message}`,
      ),
      say(lang, 'ใช้ report.json จากการตรวจครั้งก่อน', 'use the report.json of an earlier run'),
    );
  }
  return parsed.data;
}

/** Why a baseline cannot be compared item by item with this run (another year or pack), or null. */
export function baselineMismatch(
  baseline: AuditReport,
  report: AuditReport,
  shown: string,
): { th: string; en: string } | null {
  const diffs = (lang: Lang) => {
    const out: string[] = [];
    if (baseline.ruleset.id !== report.ruleset.id)
      out.push(msg(lang, 'cli_baselinePack', { was: baseline.ruleset.id, now: report.ruleset.id }));
    if (baseline.assessmentYear !== report.assessmentYear)
      out.push(msg(lang, 'cli_baselineYear', { was: baseline.assessmentYear, now: report.assessmentYear }));
    return out.join(msg(lang, 'cli_and'));
  };
  if (diffs('en') === '') return null;
  return {
    th: msg('th', 'cli_baselineMismatch', { file: shown, diffs: diffs('th') }),
    en: msg('en', 'cli_baselineMismatch', { file: shown, diffs: diffs('en') }),
  };
}

function writeOutput(path: string, text: string, shown: string, lang: Lang): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw usageError(
      say(
        lang,
        `เขียนไฟล์ ${shown} ไม่ได้: ${(e as Error).message}`,
        `cannot write ${shown}: ${(e as Error).message}`,
      ),
    );
  }
}

/** Runs `oit-audit audit`: the action of the command that audit.ts defines. */
export async function runAuditCommand(
  rawUrl: string | undefined,
  flags: AuditFlags,
  command: Command,
  { io, lang: l, setExit }: { io: CliIo; lang: Lang; setExit: (code: number) => void },
): Promise<void> {
  const loaded: LoadedConfig | null = loadConfig(flags.config, io.cwd, l);
  const cfg = loaded?.config ?? {};
  const fromConfig = (p: string) => (loaded ? loaded.resolvePath(p) : resolve(io.cwd, p));
  const request = await resolvePackRequest(flags.rules ?? cfg.rules ?? 'auto', l, io.cwd);
  const yearForPack = flags.year !== undefined ? parseBeYear(flags.year, '--year', l) : cfg.year;
  // Before the crawl an auto audit knows only the assessed year: item ids in flags and
  // config are checked against that year's NACC pack (the MOPH pack's ids are accepted too).
  // Those packs are loaded here only when ids are to be checked: the audit's own thread loads
  // what it needs, and this thread would only compete with it for the CPU as both start.
  let idPack: RulePack | undefined;
  const idPackFor = async (): Promise<RulePack> => {
    if (request.kind !== 'auto') return request.pack;
    if (!idPack) {
      const [first, ...rest] = await loadAutoStartPacks(yearForPack ?? fiscalYearOf(new Date()));
      const start = first as RulePack;
      idPack =
        rest.length > 0
          ? { ...start, itemById: new Map([start, ...rest].flatMap((p) => [...p.itemById])) }
          : start;
    }
    return idPack;
  };
  if (loaded) checkConfigItems(loaded, await idPackFor(), l);

  const siteRaw = rawUrl ?? cfg.site;
  if (siteRaw === undefined) {
    throw usageError(
      say(l, 'ไม่ได้ระบุเว็บไซต์ที่จะตรวจ', 'no site to audit'),
      say(
        l,
        'ใส่ URL เช่น oit-audit audit https://www.example.go.th/ หรือใส่ "site" ใน oit-audit.config.json',
        'give a URL (oit-audit audit https://www.example.go.th/) or set "site" in oit-audit.config.json',
      ),
    );
  }
  const url = parseUrl(siteRaw, l);

  // Formats: flags replace the config's list.
  const flagFormats = [...(flags.format ?? []), ...(flags.reporter ?? [])];
  const requested = [...new Set(flagFormats.length > 0 ? flagFormats : (cfg.formats ?? []))];
  for (const f of requested) {
    if (!(REPORT_FORMATS as readonly string[]).includes(f)) {
      throw usageError(
        say(l, `--format: ไม่รู้จัก "${f}"`, `--format: unknown format "${f}"`),
        say(l, `เลือกจาก ${REPORT_FORMATS.join(', ')}`, `choose one of ${REPORT_FORMATS.join(', ')}`),
      );
    }
  }
  const github = requested.includes('github') || io.env.GITHUB_ACTIONS === 'true';
  const documents = requested.filter((f): f is Format => f !== 'github');
  const outputDir =
    flags.outputDir !== undefined
      ? resolve(io.cwd, flags.outputDir)
      : cfg.outputDir !== undefined
        ? fromConfig(cfg.outputDir)
        : undefined;
  if (outputDir !== undefined && flags.out) {
    throw usageError(
      say(l, 'ใช้ --out หรือ --output-dir อย่างใดอย่างหนึ่ง', 'give --out or --output-dir, not both'),
      say(l, '--output-dir เขียนทุกรูปแบบลงโฟลเดอร์', '--output-dir writes every format into the folder'),
    );
  }
  if (outputDir === undefined && documents.length > 1) {
    throw usageError(
      say(
        l,
        `หลายรูปแบบ (${documents.join(', ')}) ต้องใช้ --output-dir`,
        `several formats (${documents.join(', ')}) need --output-dir`,
      ),
      say(l, 'เช่น --output-dir oit-reports', 'e.g. --output-dir oit-reports'),
    );
  }

  const progressMode = parseProgressMode(flags.progress, l);
  const yearRaw = flags.year !== undefined ? parseBeYear(flags.year, '--year', l) : cfg.year;

  // Survey: --survey replaces the config's; --iit/--eit go on top.
  let survey: SurveyInput | null = null;
  if (flags.survey) {
    survey = readJsonFile(
      flags.survey,
      io.cwd,
      l,
      say(l, 'แบบสำรวจ', 'survey'),
      SURVEY_MAX_BYTES,
    ) as SurveyInput;
  } else if (typeof cfg.survey === 'string') {
    survey = readJsonFile(
      fromConfig(cfg.survey),
      '/',
      l,
      say(l, 'แบบสำรวจ', 'survey'),
      SURVEY_MAX_BYTES,
    ) as SurveyInput;
  } else if (cfg.survey) survey = cfg.survey;
  if (flags.iit !== undefined || flags.eit !== undefined) {
    if (flags.iit === undefined || flags.eit === undefined) {
      throw usageError(
        say(l, 'ต้องใส่ทั้ง --iit และ --eit', 'give both --iit and --eit'),
        say(l, 'หรือใช้ --survey file.json', 'or use --survey file.json'),
      );
    }
    survey = {
      ...(survey ?? {}),
      iit: parseScore(flags.iit, '--iit', l),
      eit: parseScore(flags.eit, '--eit', l),
    };
  }

  // Gates: each flag overrides its config key.
  const failUnder =
    flags.failUnder !== undefined ? parseScore(flags.failUnder, '--fail-under', l) : cfg.gates?.failUnder;
  const required =
    flags.required !== undefined
      ? parseItemList(flags.required, '--required', await idPackFor(), l)
      : (cfg.gates?.required ?? []);
  const maxMissing =
    flags.maxMissing !== undefined
      ? parseCount(flags.maxMissing, '--max-missing', l, 0)
      : cfg.gates?.maxMissing;
  const levels: Record<string, ItemLevel> = cfg.items ?? {};
  for (const id of required) {
    const level = levels[id];
    if (level === 'warn' || level === 'off') {
      throw usageError(
        say(
          l,
          `${id} เป็นข้อที่ต้องผ่าน แต่ตั้งระดับเป็น "${level}" ใน "items.${id}"`,
          `${id} is required but "items.${id}" sets it to "${level}"`,
        ),
        say(l, 'เลือกอย่างใดอย่างหนึ่ง', 'choose one'),
      );
    }
  }
  const baselinePath =
    flags.baseline !== undefined
      ? resolve(io.cwd, flags.baseline)
      : cfg.baseline !== undefined
        ? fromConfig(cfg.baseline)
        : undefined;
  const baseline = baselinePath
    ? readBaseline(baselinePath, flags.baseline ?? cfg.baseline ?? baselinePath, l)
    : null;

  const skip = [
    ...(flags.skip ? parseRegexes(flags.skip, '--skip', l) : (cfg.skip ?? [])),
    ...[
      includeAsSkip(flags.include ? parseRegexes(flags.include, '--include', l) : (cfg.include ?? [])),
    ].filter((s): s is string => s !== undefined),
  ];
  const count = (flag: string | undefined, name: string, configValue: number | undefined, min = 1) =>
    flag !== undefined ? parseCount(flag, name, l, min) : configValue;
  const maxPages = count(flags.maxPages, '--max-pages', cfg.maxPages);
  const maxDepth = count(flags.maxDepth, '--max-depth', cfg.maxDepth, 0);
  const paginationCap = count(flags.paginationCap, '--pagination-cap', cfg.paginationCap);
  const concurrency = count(flags.concurrency, '--concurrency', cfg.concurrency);
  const delayMs =
    flags.delay !== undefined ? parseCount(flags.delay, '--delay', l, 0, MAX_TIMER_MS) : cfg.delay;
  const timeoutMs =
    flags.timeout !== undefined ? parseCount(flags.timeout, '--timeout', l, 1, MAX_TIMER_MS) : cfg.timeout;
  const maxDurationMs =
    flags.maxDuration !== undefined
      ? parseDuration(flags.maxDuration, '--max-duration', l)
      : DEFAULT_MAX_DURATION_MS;
  const retries = count(flags.retries, '--retries', cfg.retries, 0);
  const offsiteCheck =
    command.getOptionValueSource('offsiteCheck') === 'cli' ? flags.offsiteCheck : (cfg.offsiteCheck ?? true);
  const evidence: Record<string, string[]> = {};
  for (const [id, v] of Object.entries(cfg.evidence ?? {})) evidence[id] = Array.isArray(v) ? v : [v];
  if (flags.evidence?.length) Object.assign(evidence, parseEvidence(flags.evidence, await idPackFor(), l));

  const options: AuditOptions = {
    url,
    rules: request.kind === 'bundled' ? request.pack.id : 'auto',
    ...(request.kind === 'custom' ? { rulePack: request.pack } : {}),
    ...(yearRaw !== undefined ? { year: yearRaw } : {}),
    ...(maxPages !== undefined ? { maxPages } : {}),
    ...(maxDepth !== undefined ? { maxDepth } : {}),
    ...(paginationCap !== undefined ? { paginationCap } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(delayMs !== undefined ? { delayMs } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ignoreRobots: flags.ignoreRobots ?? cfg.ignoreRobots ?? false,
    allowPrivate: flags.allowPrivate ?? false,
    followStartRedirect: flags.followStartRedirect ?? false,
    maxDurationMs,
    skip,
    extraHeaders: { ...(cfg.headers ?? {}), ...parseHeaders(flags.header ?? [], l) },
    survey,
    manualEvidence: evidence,
  };
  if ((options.concurrency ?? 4) > 32) {
    throw usageError(
      say(l, '--concurrency: สูงสุด 32', '--concurrency: at most 32'),
      say(l, 'เว็บไซต์ภาครัฐมักจำกัดความถี่ ใช้ 4–8', 'government hosting rate-limits: use 4–8'),
    );
  }
  if ((options.retries ?? 0) > 10) throw usageError(say(l, '--retries: สูงสุด 10', '--retries: at most 10'));

  // Output paths are checked now: a typo must not throw away a finished audit.
  if (outputDir !== undefined) checkWritableDir(outputDir, flags.outputDir ?? outputDir, l);
  else if (flags.out) checkWritableFile(resolve(io.cwd, flags.out), flags.out, l);

  // The site is host and port: another port of the same host is another site.
  const startHost = siteKey(new URL(url).host);
  const progress = createProgress(io, l, flags.quiet ? 'none' : progressMode, {
    maxPages: options.maxPages,
  });
  let report: AuditReport;
  try {
    report = await runAuditThreaded(options, progress.onEvent, offsiteCheck ? {} : { onlyHost: startHost });
  } catch (e) {
    progress.stop();
    if (e instanceof CrawlError && e.code === 'SITE_UNREACHABLE') {
      const message = say(
        l,
        `เข้าเว็บไซต์ไม่ได้: ${e.url} — ${e.message}`,
        `site unreachable: ${e.url} — ${e.message}`,
      );
      if (github) io.stderr(`::error title=oit-audit::${escapeData(message)}\n`);
      throw new CliError(
        message,
        say(l, 'ตรวจ URL การเชื่อมต่อ หรือลองใหม่ภายหลัง', 'check the URL and the connection, or try again later'),
        ExitCode.crawlFailed,
      );
    }
    if (e instanceof CrawlError && (e.code === 'ROBOTS_FORBIDDEN' || e.code === 'START_REDIRECTED')) {
      const message =
        e.code === 'ROBOTS_FORBIDDEN'
          ? say(l, `robots.txt ห้ามตรวจเว็บไซต์นี้: ${e.message}`, `robots.txt forbids this audit: ${e.message}`)
          : say(
              l,
              `URL เริ่มต้นเปลี่ยนเส้นทางไปเว็บไซต์อื่น: ${e.message}`,
              `the start URL redirects to another site: ${e.message}`,
            );
      if (github) io.stderr(`::error title=oit-audit::${escapeData(message)}\n`);
      throw new CliError(
        message,
        e.code === 'ROBOTS_FORBIDDEN'
          ? say(
              l,
              'ขอให้ผู้ดูแลเว็บไซต์อนุญาต User-Agent ของ oit-audit หรือใช้ --ignore-robots กับเว็บไซต์ของตนเองเท่านั้น',
              'ask the site admin to allow the oit-audit User-Agent, or use --ignore-robots for your own site only',
            )
          : say(
              l,
              'ตรวจ URL ปลายทางโดยตรง หรือใช้ --follow-start-redirect',
              'audit the final URL directly, or add --follow-start-redirect',
            ),
        ExitCode.crawlFailed,
      );
    }
    if (e instanceof AuditOptionsError || (e instanceof CrawlError && e.code === 'INVALID_OPTIONS')) {
      throw usageError(e.message);
    }
    if (e instanceof Error && e.name === 'SurveyError') throw usageError(`--survey: ${e.message}`);
    throw e;
  }
  progress.stop();
  // The report names the pack the audit ended with (auto may have followed the site).
  const pack: RulePack =
    (request.kind !== 'custom' ? await loadBundledPack(report.ruleset.id) : undefined) ?? (await idPackFor());

  // A baseline of another year or rule pack judges other requirements: comparing items would
  // turn every baseline red on 1 October with no change to the site. Warn and leave it out.
  const baselineShown = flags.baseline ?? cfg.baseline ?? baselinePath ?? '';
  const mismatch = baseline ? baselineMismatch(baseline, report, baselineShown) : null;
  if (mismatch) {
    report.runWarnings.push(`${mismatch.th} — ${mismatch.en}`);
    io.stderr(say(l, `คำเตือน: ${mismatch.th}\n`, `warning: ${mismatch.en}\n`));
    if (github)
      io.stderr(`::warning title=oit-audit baseline::${escapeData(say(l, mismatch.th, mismatch.en))}\n`);
  }
  const usedBaseline = mismatch ? null : baseline;

  // Gates (DESIGN.md §7): decided before writing, so the GitHub summary can say the verdict.
  const gate: GateResult = evaluateGates(report, {
    failUnder,
    required,
    maxMissing,
    levels,
    baseline: usedBaseline,
  });

  if (outputDir === undefined) {
    const output = await renderReport(report, pack, documents[0] ?? 'text', l);
    if (flags.out) {
      writeOutput(resolve(io.cwd, flags.out), output, flags.out, l);
      if (!flags.quiet) io.stderr(say(l, `เขียนรายงานที่ ${flags.out}\n`, `report written to ${flags.out}\n`));
    } else {
      io.stdout(output);
    }
  } else {
    // Each format to its own file; report.json always, pass or fail. stdout gets the text.
    const written: string[] = [];
    for (const format of new Set<Format>(['json', ...documents])) {
      const path = join(outputDir, OUTPUT_FILES[format]);
      writeOutput(path, await renderReport(report, pack, format, l), path, l);
      written.push(path);
    }
    if (github && requested.includes('github')) {
      const path = join(outputDir, OUTPUT_FILES.github);
      writeOutput(path, renderGithubSummary(report, pack, gate, l), path, l);
      written.push(path);
    }
    io.stdout(renderText(report, pack, l));
    if (!flags.quiet) {
      const shown = written.map((p) => relative(io.cwd, p) || p).join(', ');
      io.stderr(say(l, `เขียนรายงานที่ ${shown}\n`, `reports written: ${shown}\n`));
    }
  }

  if (github) {
    io.stderr(renderAnnotations(report, gate, levels, l));
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      try {
        appendFileSync(summaryFile, renderGithubSummary(report, pack, gate, l));
      } catch (e) {
        io.stderr(
          say(
            l,
            `เขียน GITHUB_STEP_SUMMARY ไม่ได้: ${(e as Error).message}\n`,
            `cannot write GITHUB_STEP_SUMMARY: ${(e as Error).message}\n`,
          ),
        );
      }
    }
  }

  if (gate.known.length > 0) {
    io.stderr(
      say(
        l,
        `ไม่ผ่านตั้งแต่ baseline (ไม่นับ): ${gate.known.join(', ')}\n`,
        `not passing since the baseline (not counted): ${gate.known.join(', ')}\n`,
      ),
    );
  }
  for (const failure of gate.failures) {
    io.stderr(
      say(
        l,
        `เกณฑ์ไม่ผ่าน: ${describeGateFailure(failure, l)}\n`,
        `gate failed: ${describeGateFailure(failure, l)}\n`,
      ),
    );
  }
  setExit(gate.passed ? ExitCode.ok : ExitCode.gateFailed);
}
