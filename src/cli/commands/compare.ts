import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { compareReports } from '../../core/compare/compare-reports';
import {
  renderCompareHtml,
  renderCompareMarkdown,
  renderCompareText,
} from '../../core/compare/render-compare';
import { type AuditReport, auditReportSchema } from '../../core/report/schema';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { CliIo, Lang } from '../io';
import { say } from '../io';
import { readJsonFile } from '../read-json-file';

const FORMATS = ['text', 'md', 'html', 'json'] as const;

function readReport(path: string, io: CliIo, l: Lang): AuditReport {
  const parsed = auditReportSchema.safeParse(readJsonFile(path, io.cwd, l, 'รายงาน'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usageError(
      say(
        l,
        `${path}: ไม่ใช่รายงาน JSON ของ oit-audit (ช่อง "${issue?.path.join('.')}": ${issue?.message})`,
        `${path}: not an oit-audit JSON report (field "${issue?.path.join('.')}": ${issue?.message})`,
      ),
      say(
        l,
        'สร้างด้วย oit-audit audit <url> --format json --out report.json',
        'write one with oit-audit audit <url> --format json --out report.json',
      ),
    );
  }
  return parsed.data;
}

export function registerCompare(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('compare')
    .argument('<older>', 'รายงาน JSON ครั้งก่อน / the older JSON report')
    .argument('<newer>', 'รายงาน JSON ครั้งใหม่ / the newer JSON report')
    .description(
      'เทียบผลการตรวจสองครั้ง (ข้ามปีได้): ผ่านเพิ่ม ไม่ผ่านแล้ว ยังไม่ผ่าน คะแนนที่เปลี่ยน / compare two audits, also across years: gained, lost, still missing, score change',
    )
    .option('--format <format>', `รูปแบบ / output format: ${FORMATS.join(', ')}`, 'text')
    .option('--out <file>', 'เขียนลงไฟล์ / write to a file')
    .action((older: string, newer: string, flags: { format: string; out?: string }) => {
      const l = lang();
      if (!(FORMATS as readonly string[]).includes(flags.format)) {
        throw usageError(
          say(l, `--format: ไม่รู้จัก "${flags.format}"`, `--format: unknown format "${flags.format}"`),
          say(l, `เลือกจาก ${FORMATS.join(', ')}`, `choose one of ${FORMATS.join(', ')}`),
        );
      }
      const c = compareReports(readReport(older, io, l), readReport(newer, io, l));
      const text =
        flags.format === 'json'
          ? `${JSON.stringify(c, null, 2)}\n`
          : flags.format === 'md'
            ? renderCompareMarkdown(c, l)
            : flags.format === 'html'
              ? renderCompareHtml(c, l)
              : renderCompareText(c, l);
      if (flags.out) writeFileSync(resolve(io.cwd, flags.out), text);
      else io.stdout(text);
      setExit(ExitCode.ok);
    });
}
