import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
// Not the measures index: it re-exports the DOCX writer, whose library is loaded only for docx.
import { draftMeasures } from '../../core/measures/draft';
import {
  renderMeasuresHtml,
  renderMeasuresJson,
  renderMeasuresMarkdown,
} from '../../core/measures/render-text';
import { bundledPackIds } from '../../core/rules/bundled-pack-loaders';
import { loadBundledPack } from '../../core/rules/load-bundled-pack';
import { resolvePack } from '../resolve-pack';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { CliIo, Lang } from '../io';
import { say } from '../io';
import { parseBeYear } from '../parse-values';
import { loadReport } from '../load-report';

export const MEASURES_FORMATS = ['md', 'html', 'docx', 'json'] as const;
type Format = (typeof MEASURES_FORMATS)[number];

interface MeasuresFlags {
  format: string;
  out?: string;
  agency?: string;
  year?: string;
  thaiDigits?: boolean;
}

export function registerMeasures(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('measures')
    .argument('<report.json>', 'รายงานจาก oit-audit audit --format json / an audit report (JSON)')
    .description(
      'ร่างมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน / draft the Thai measures document from an audit report',
    )
    .option('--format <fmt>', `รูปแบบ / output format: ${MEASURES_FORMATS.join('|')}`, 'md')
    .option('--out <path>', 'เขียนลงไฟล์ (จำเป็นสำหรับ docx) / write to a file (required for docx)')
    .option('--agency <name>', 'ชื่อหน่วยงาน / the agency name for the title')
    .option(
      '--year <BE>',
      'ปีงบประมาณของมาตรการ (พ.ศ.) / fiscal year the measures are for, BE (default: assessed year + 1)',
    )
    .option('--thai-digits', 'ใช้เลขไทย / write Thai digits (not in JSON, URLs or host names)')
    .option(
      '--rules <dir>',
      'โฟลเดอร์ชุดเกณฑ์ของรายงานที่ตรวจด้วยชุดเกณฑ์ของผู้ใช้ / the custom pack folder a report was made with',
    )
    .action(async (path: string, flags: MeasuresFlags & { rules?: string }) => {
      const l = lang();
      if (!(MEASURES_FORMATS as readonly string[]).includes(flags.format)) {
        throw usageError(
          say(l, `--format: ไม่รู้จัก "${flags.format}"`, `--format: unknown format "${flags.format}"`),
          say(l, `เลือกจาก ${MEASURES_FORMATS.join(', ')}`, `choose one of ${MEASURES_FORMATS.join(', ')}`),
        );
      }
      const format = flags.format as Format;
      if (format === 'docx' && !flags.out) {
        throw usageError(
          say(
            l,
            '--format docx ต้องระบุ --out: ไฟล์ DOCX เป็นข้อมูลไบนารี ไม่เขียนออกทางหน้าจอ',
            '--format docx needs --out: a DOCX file is binary and is not written to the terminal (stdout)',
          ),
          say(l, 'ตัวอย่าง: --format docx --out measures.docx', 'e.g. --format docx --out measures.docx'),
        );
      }
      let year: number | undefined;
      if (flags.year !== undefined) {
        year = parseBeYear(flags.year, '--year', l);
      }
      const report = loadReport(path, io, l);
      const pack = flags.rules
        ? await resolvePack(flags.rules, l, { cwd: io.cwd })
        : await loadBundledPack(report.ruleset.id);
      if (pack && pack.id !== report.ruleset.id) {
        throw usageError(
          say(
            l,
            `--rules: ชุดเกณฑ์ ${pack.id} ไม่ใช่ชุดเกณฑ์ของรายงาน (${report.ruleset.id})`,
            `--rules: pack ${pack.id} is not the report's pack (${report.ruleset.id})`,
          ),
        );
      }
      if (!pack) {
        throw usageError(
          say(
            l,
            `${path}: ชุดเกณฑ์ "${report.ruleset.id}" ไม่มีในโปรแกรมรุ่นนี้`,
            `${path}: rule pack "${report.ruleset.id}" is not bundled with this version`,
          ),
          say(
            l,
            `ชุดเกณฑ์ที่มี: ${bundledPackIds.join(', ')} หรือระบุโฟลเดอร์ชุดเกณฑ์ด้วย --rules ./my-pack/`,
            `bundled packs: ${bundledPackIds.join(', ')}, or give the pack folder with --rules ./my-pack/`,
          ),
        );
      }
      // A report cut by hand (or of an older pack) lacks items: its draft would be silently short.
      const present = new Set(report.items.map((i) => i.id));
      const absent = pack.items.map((i) => i.id).filter((id) => !present.has(id));
      if (absent.length > 0) {
        io.stderr(
          say(
            l,
            `คำเตือน: รายงานไม่มีผลของ ${absent.length} ข้อในชุดเกณฑ์ ${pack.id}: ${absent.join(', ')} — ร่างมาตรการจะไม่ครอบคลุมข้อเหล่านี้ ตรวจใหม่ด้วย oit-audit audit\n`,
            `warning: the report has no result for ${absent.length} item(s) of ${pack.id}: ${absent.join(', ')} — the draft does not cover them; audit again with oit-audit audit\n`,
          ),
        );
      }
      const doc = draftMeasures(report, pack, {
        ...(flags.agency ? { agencyName: flags.agency } : {}),
        ...(year !== undefined ? { fiscalYear: year } : {}),
        date: new Date(),
      });
      const layout = { thaiDigits: flags.thaiDigits === true };
      const output: string | Uint8Array =
        format === 'docx'
          ? await (await import('../../core/measures/render-docx')).renderMeasuresDocx(doc, layout)
          : format === 'html'
            ? renderMeasuresHtml(doc, layout)
            : format === 'json'
              ? renderMeasuresJson(doc)
              : renderMeasuresMarkdown(doc, layout);
      if (flags.out) {
        const full = resolve(io.cwd, flags.out);
        try {
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, output);
        } catch (e) {
          throw usageError(
            say(
              l,
              `เขียนไฟล์ ${flags.out} ไม่ได้: ${(e as Error).message}`,
              `cannot write ${flags.out}: ${(e as Error).message}`,
            ),
          );
        }
        io.stderr(
          say(
            l,
            `เขียนร่างมาตรการ ${doc.rows.length} แถว (ปีงบประมาณ ${doc.fiscalYear}) ลง ${flags.out}\n`,
            `wrote a measures draft of ${doc.rows.length} rows (fiscal year ${doc.fiscalYear}) to ${flags.out}\n`,
          ),
        );
      } else {
        io.stdout(output as string);
      }
      setExit(ExitCode.ok);
    });
}
