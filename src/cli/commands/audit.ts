import type { Command } from 'commander';
import type { CliIo, Lang } from '../io';
import { PROGRESS_MODES } from '../progress-modes';
import { REPORT_FORMATS } from '../report-formats';
import { auditThreadHintForRules } from '../start-ahead';

/** `--max-duration` when not given: long enough for a 500-page site, short enough for CI. */
export const DEFAULT_MAX_DURATION_MS = 15 * 60_000;

export interface AuditFlags {
  config?: string | boolean;
  rules?: string;
  year?: string;
  maxPages?: string;
  maxDepth?: string;
  paginationCap?: string;
  concurrency?: string;
  delay?: string;
  timeout?: string;
  retries?: string;
  iit?: string;
  eit?: string;
  survey?: string;
  format?: string[];
  reporter?: string[];
  out?: string;
  outputDir?: string;
  failUnder?: string;
  required?: string;
  maxMissing?: string;
  baseline?: string;
  ignoreRobots?: boolean;
  offsiteCheck: boolean;
  evidence?: string[];
  skip?: string[];
  include?: string[];
  header?: string[];
  allowPrivate?: boolean;
  followStartRedirect?: boolean;
  maxDuration?: string;
  quiet?: boolean;
  progress?: string;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A repeatable flag that also takes a comma-separated list: `--format html,json,junit`. */
function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim())];
}

export function registerAudit(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('audit')
    .argument('[url]', 'หน้าแรกของเว็บไซต์หน่วยงาน / the agency home page URL (or "site" in the config)')
    .description('ตรวจเว็บไซต์ตามข้อ OIT ทุกข้อ / audit a website against every OIT item')
    .option('--config <path>', 'ไฟล์ตั้งค่า / config file (default: ./oit-audit.config.json if present)')
    .option('--no-config', 'ไม่อ่านไฟล์ตั้งค่า / read no config file')
    .option(
      '--rules <id|dir>',
      'ชุดเกณฑ์: auto (ค่าเริ่มต้น), ita-2566 ฯลฯ หรือโฟลเดอร์ชุดเกณฑ์ / rule pack: auto (default), a bundled id, or a pack folder',
    )
    .option('--year <BE>', 'ปีงบประมาณที่ประเมิน (พ.ศ.) / assessed fiscal year, BE (default: current)')
    .option('--max-pages <n>', 'จำนวนหน้าสูงสุด / most pages fetched (500)')
    .option('--max-depth <n>', 'ความลึกสูงสุด / deepest link level (6)')
    .option(
      '--pagination-cap <n>',
      'จำนวนหน้าสูงสุดต่อชุดหน้าแบ่งหน้า / most pages of one paginated list, e.g. /news?page=N (10)',
    )
    .option('--concurrency <n>', 'คำขอพร้อมกันต่อโฮสต์ / requests in flight per host (4)')
    .option('--delay <ms>', 'ระยะห่างขั้นต่ำระหว่างคำขอ / minimum gap between requests to a host, ms (250)')
    .option('--timeout <ms>', 'เวลารอสูงสุดต่อคำขอ / request timeout, ms (20000)')
    .option('--retries <n>', 'จำนวนครั้งที่ลองใหม่ / retries after a failed request (2)')
    .option('--skip <regex>', 'ไม่ตรวจ URL ที่ตรงกับรูปแบบ / do not crawl matching URLs, repeatable', collect)
    .option('--include <regex>', 'ตรวจเฉพาะ URL ที่ตรงกับรูปแบบ / crawl only matching URLs, repeatable', collect)
    .option('--header <name: value>', 'ส่วนหัวคำขอเพิ่มเติม / extra request header, repeatable', collect)
    .option('--iit <n>', 'คะแนน IIT / IIT score')
    .option('--eit <n>', 'คะแนน EIT / EIT score')
    .option('--survey <file>', 'ไฟล์ JSON คะแนน IIT/EIT / survey JSON')
    .option(
      '--format <fmt>',
      `รูปแบบผลลัพธ์ / output format, repeatable or comma-separated: ${REPORT_FORMATS.join('|')} (text)`,
      collectList,
    )
    .option('--reporter <fmt>', 'เหมือน --format / same as --format', collectList)
    .option('--out <path>', 'เขียนผลลงไฟล์ / write the output to a file')
    .option('--output-dir <dir>', 'เขียนแต่ละรูปแบบลงไฟล์ในโฟลเดอร์ / write each format to a file in DIR')
    .option('--fail-under <n>', 'ออกด้วยรหัส 1 ถ้าคะแนนต่ำกว่า / exit 1 when the score is below n')
    .option('--required <ids>', 'ข้อที่ต้องผ่าน / items that must pass, e.g. O5,O30')
    .option('--max-missing <n>', 'ออกด้วยรหัส 1 ถ้าขาดเกิน n ข้อ / exit 1 when more than n items are missing')
    .option(
      '--baseline <report.json>',
      'ล้มเหลวเฉพาะข้อที่เคยผ่าน / fail only on items that passed in this report',
    )
    .option(
      '--ignore-robots',
      'ไม่ทำตาม robots.txt (เฉพาะเว็บไซต์ของตนเอง) / ignore robots.txt (your own site only)',
    )
    .option(
      '--no-offsite-check',
      'ไม่ติดต่อโฮสต์อื่นนอกจากเว็บไซต์ที่ตรวจ / never contact hosts other than the audited site',
    )
    .option(
      '--allow-private',
      'ยอมให้ติดต่อที่อยู่ภายใน (loopback, private) แม้เว็บไซต์เป็นสาธารณะ / allow loopback and private addresses although the site is public',
    )
    .option(
      '--follow-start-redirect',
      'ตรวจเว็บไซต์ปลายทางเมื่อ URL เริ่มต้นเปลี่ยนเส้นทางไปเว็บไซต์อื่น / audit the other site the start URL redirects to',
    )
    .option(
      '--max-duration <time>',
      'เวลาเก็บหน้าเว็บสูงสุด แล้วตัดสินจากที่มี / crawl time budget, then decide from what was found: 15m, 90s, 1h (15m)',
    )
    .option('--evidence <item=url>', 'กำหนดหลักฐานเอง / manual evidence, repeatable: O5=https://…', collect)
    .option('-q, --quiet', 'ไม่แสดงความคืบหน้า / no progress on stderr')
    .option(
      '--progress <mode>',
      `ความคืบหน้าบน stderr / progress on stderr: ${PROGRESS_MODES.join('|')} (auto: bar on a terminal, lines otherwise)`,
    )
    .action(async (rawUrl: string | undefined, flags: AuditFlags, command: Command) => {
      // The audit's thread starts loading the pipeline now, while this thread checks the
      // options and loads its own part; a custom pack (a path) runs in this thread instead.
      const hint = auditThreadHintForRules(flags.rules);
      if (hint) (await import('../../node/audit-thread-start')).startAuditThreadEarly(hint);
      // The pipeline (crawler, extractors, every rule pack, zod) loads only when an audit runs:
      // `audit --help` and a mistyped command do not pay for it (issue 11 §2).
      const { runAuditCommand } = await import('./audit-run');
      await runAuditCommand(rawUrl, flags, command, { io, lang: lang(), setExit });
    });
}
