import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { AuditOptionsError, type AuditOptions, runAudit } from '../../core/audit';
import { CrawlError } from '../../core/crawl/crawler';
import { siteKey } from '../../core/crawl/url';
import type { AuditReport } from '../../core/report/schema';
import { renderHtml } from '../../core/report/render-html';
import { renderMarkdown } from '../../core/report/render-markdown';
import { renderText } from '../../core/report/render-text';
import type { RulePack } from '../../core/rules/load-pack';
import { round2 } from '../../core/score/round';
import type { SurveyInput } from '../../core/score/survey';
import { createNodeEnv } from '../../node/node-env';
import { CliError, usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { CliIo, Lang } from '../io';
import { say } from '../io';
import { parseCount, parseScore } from '../parse-values';
import { createProgress } from '../progress';
import { readJsonFile } from '../read-json-file';
import { resolvePack } from '../resolve-pack';

export const AUDIT_FORMATS = ['text', 'json', 'md', 'html'] as const;
type Format = (typeof AUDIT_FORMATS)[number];

interface AuditFlags {
  rules: string;
  year?: string;
  maxPages?: string;
  maxDepth?: string;
  concurrency?: string;
  delay?: string;
  timeout?: string;
  iit?: string;
  eit?: string;
  survey?: string;
  format: string;
  out?: string;
  failUnder?: string;
  required?: string;
  ignoreRobots?: boolean;
  offsiteCheck: boolean;
  evidence?: string[];
  quiet?: boolean;
}

/** Renders a report in one of the audit formats. */
export function renderReport(report: AuditReport, pack: RulePack, format: Format, lang: Lang): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return renderMarkdown(report, pack, lang);
    case 'html':
      return renderHtml(report, pack, lang);
    default:
      return renderText(report, pack, lang);
  }
}

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

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerAudit(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('audit')
    .argument('<url>', 'หน้าแรกของเว็บไซต์หน่วยงาน / the agency home page URL')
    .description('ตรวจเว็บไซต์ตามข้อ OIT ทุกข้อ / audit a website against every OIT item')
    .option('--rules <id>', 'ชุดเกณฑ์ / rule pack', 'ita-2562')
    .option('--year <BE>', 'ปีงบประมาณที่ประเมิน (พ.ศ.) / assessed fiscal year, BE (default: current)')
    .option('--max-pages <n>', 'จำนวนหน้าสูงสุด / most pages fetched (500)')
    .option('--max-depth <n>', 'ความลึกสูงสุด / deepest link level (6)')
    .option('--concurrency <n>', 'คำขอพร้อมกันต่อโฮสต์ / requests in flight per host (4)')
    .option('--delay <ms>', 'ระยะห่างขั้นต่ำระหว่างคำขอ / minimum gap between requests to a host, ms (250)')
    .option('--timeout <ms>', 'เวลารอสูงสุดต่อคำขอ / request timeout, ms (20000)')
    .option('--iit <n>', 'คะแนน IIT / IIT score')
    .option('--eit <n>', 'คะแนน EIT / EIT score')
    .option('--survey <file>', 'ไฟล์ JSON คะแนน IIT/EIT / survey JSON')
    .option('--format <fmt>', `รูปแบบผลลัพธ์ / output format: ${AUDIT_FORMATS.join('|')}`, 'text')
    .option('--out <path>', 'เขียนผลลงไฟล์ / write the output to a file')
    .option('--fail-under <n>', 'ออกด้วยรหัส 1 ถ้าคะแนนต่ำกว่า / exit 1 when the score is below n')
    .option('--required <ids>', 'ข้อที่ต้องผ่าน / items that must pass, e.g. O5,O30')
    .option(
      '--ignore-robots',
      'ไม่ทำตาม robots.txt (เฉพาะเว็บไซต์ของตนเอง) / ignore robots.txt (your own site only)',
    )
    .option(
      '--no-offsite-check',
      'ไม่ติดต่อโฮสต์อื่นนอกจากเว็บไซต์ที่ตรวจ / never contact hosts other than the audited site',
    )
    .option('--evidence <item=url>', 'กำหนดหลักฐานเอง / manual evidence, repeatable: O5=https://…', collect)
    .option('-q, --quiet', 'ไม่แสดงความคืบหน้า / no progress on stderr')
    .action(async (rawUrl: string, flags: AuditFlags) => {
      const l = lang();
      const pack = resolvePack(flags.rules, l);
      const url = parseUrl(rawUrl, l);
      if (!(AUDIT_FORMATS as readonly string[]).includes(flags.format)) {
        throw usageError(
          say(l, `--format: ไม่รู้จัก "${flags.format}"`, `--format: unknown format "${flags.format}"`),
          say(l, `เลือกจาก ${AUDIT_FORMATS.join(', ')}`, `choose one of ${AUDIT_FORMATS.join(', ')}`),
        );
      }
      const format = flags.format as Format;
      const year = flags.year !== undefined ? parseCount(flags.year, '--year', l, 2500) : undefined;
      if (year !== undefined && year > 2700) {
        throw usageError(
          say(l, `--year: ${year} ไม่ใช่ปี พ.ศ.`, `--year: ${year} is not a BE year`),
          say(l, 'ใช้ปีพุทธศักราช เช่น 2568', 'use a Buddhist-era year such as 2568'),
        );
      }
      let survey: SurveyInput | null = null;
      if (flags.survey) {
        survey = readJsonFile(flags.survey, io.cwd, l, say(l, 'แบบสำรวจ', 'survey')) as SurveyInput;
      }
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
      const failUnder =
        flags.failUnder !== undefined ? parseScore(flags.failUnder, '--fail-under', l) : undefined;
      const required = (flags.required ?? '')
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean);
      for (const id of required) {
        if (!pack.itemById.has(id)) {
          throw usageError(
            say(l, `--required: ไม่มีข้อ ${id}`, `--required: no item ${id}`),
            say(l, 'ดูรายการข้อด้วย oit-audit rules', 'list the items with oit-audit rules'),
          );
        }
      }
      const options: AuditOptions = {
        url,
        rules: pack.id,
        ...(year !== undefined ? { year } : {}),
        ...(flags.maxPages !== undefined ? { maxPages: parseCount(flags.maxPages, '--max-pages', l) } : {}),
        ...(flags.maxDepth !== undefined
          ? { maxDepth: parseCount(flags.maxDepth, '--max-depth', l, 0) }
          : {}),
        ...(flags.concurrency !== undefined
          ? { concurrency: parseCount(flags.concurrency, '--concurrency', l) }
          : {}),
        ...(flags.delay !== undefined ? { delayMs: parseCount(flags.delay, '--delay', l, 0) } : {}),
        ...(flags.timeout !== undefined ? { timeoutMs: parseCount(flags.timeout, '--timeout', l) } : {}),
        ignoreRobots: flags.ignoreRobots === true,
        survey,
        manualEvidence: parseEvidence(flags.evidence ?? [], pack, l),
      };
      if ((options.concurrency ?? 4) > 32) {
        throw usageError(
          say(l, '--concurrency: สูงสุด 32', '--concurrency: at most 32'),
          say(l, 'เว็บไซต์ภาครัฐมักจำกัดความถี่ ใช้ 4–8', 'government hosting rate-limits: use 4–8'),
        );
      }
      const startHost = siteKey(new URL(url).hostname);
      const env = createNodeEnv(flags.offsiteCheck ? {} : { allowHost: (h) => siteKey(h) === startHost });
      const progress = createProgress(io, l, flags.quiet === true);
      let report: AuditReport;
      try {
        report = await runAudit(options, env, progress.onEvent);
      } catch (e) {
        progress.stop();
        if (e instanceof CrawlError && e.code === 'SITE_UNREACHABLE') {
          throw new CliError(
            say(l, `เข้าเว็บไซต์ไม่ได้: ${e.url} — ${e.message}`, `site unreachable: ${e.url} — ${e.message}`),
            say(
              l,
              'ตรวจ URL การเชื่อมต่อ หรือลองใหม่ภายหลัง',
              'check the URL and the connection, or try again later',
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
      const output = renderReport(report, pack, format, l);
      if (flags.out) {
        const path = resolve(io.cwd, flags.out);
        try {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, output);
        } catch (e) {
          throw usageError(
            say(
              l,
              `เขียนไฟล์ ${flags.out} ไม่ได้: ${(e as Error).message}`,
              `cannot write ${flags.out}: ${(e as Error).message}`,
            ),
          );
        }
        if (!flags.quiet) io.stderr(say(l, `เขียนรายงานที่ ${flags.out}\n`, `report written to ${flags.out}\n`));
      } else {
        io.stdout(output);
      }
      // Gates (DESIGN.md §7): projected ITA when a survey is given, OIT otherwise.
      let exit: number = ExitCode.ok;
      if (failUnder !== undefined) {
        const value = report.ita ? report.ita.score : report.oit.score;
        const what = report.ita ? 'ITA' : 'OIT';
        if (round2(value) < failUnder) {
          io.stderr(
            say(
              l,
              `เกณฑ์ไม่ผ่าน: ${what} ${round2(value).toFixed(2)} ต่ำกว่า ${failUnder}\n`,
              `gate failed: ${what} ${round2(value).toFixed(2)} is below ${failUnder}\n`,
            ),
          );
          exit = ExitCode.gateFailed;
        }
      }
      const notPassed = required.filter((id) => report.items.find((i) => i.id === id)?.outcome !== 'pass');
      if (notPassed.length > 0) {
        io.stderr(
          say(
            l,
            `เกณฑ์ไม่ผ่าน: ข้อที่ต้องผ่านแต่ไม่ผ่าน ${notPassed.join(', ')}\n`,
            `gate failed: required item(s) not passed: ${notPassed.join(', ')}\n`,
          ),
        );
        exit = ExitCode.gateFailed;
      }
      setExit(exit);
    });
}
