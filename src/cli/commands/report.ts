import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { bundledPackIds } from '../../core/rules/bundled-pack-loaders';
import { loadBundledPack } from '../../core/rules/load-bundled-pack';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { CliIo, Lang } from '../io';
import { say } from '../io';
import { loadReport } from '../load-report';
import { renderReport } from '../render-report';
import { AUDIT_FORMATS } from '../report-formats';

interface ReportFlags {
  format: string;
  out?: string;
}

/**
 * `oit-audit report <report.json>`: renders a saved report (from `audit`, `batch` or the side
 * panel's export) in any audit format, with no new crawl.
 */
export function registerReport(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('report')
    .argument('<report.json>', 'รายงาน JSON ที่บันทึกไว้ / a saved JSON report')
    .description('แสดงรายงานที่บันทึกไว้โดยไม่ตรวจใหม่ / render a saved report without a new crawl')
    .option('--format <fmt>', `รูปแบบ / output format: ${AUDIT_FORMATS.join('|')}`, 'text')
    .option('--out <path>', 'เขียนลงไฟล์ / write to a file')
    .action(async (path: string, flags: ReportFlags) => {
      const l = lang();
      const format = AUDIT_FORMATS.find((f) => f === flags.format);
      if (!format) {
        throw usageError(
          say(l, `--format: ไม่รู้จัก "${flags.format}"`, `--format: unknown format "${flags.format}"`),
          say(l, `เลือกจาก ${AUDIT_FORMATS.join(', ')}`, `choose one of ${AUDIT_FORMATS.join(', ')}`),
        );
      }
      const report = loadReport(path, io, l);
      const pack = await loadBundledPack(report.ruleset.id);
      if (!pack) {
        throw usageError(
          say(
            l,
            `${path} ใช้ชุดเกณฑ์ ${report.ruleset.id} ซึ่งโปรแกรมรุ่นนี้ไม่มี`,
            `${path} uses rule pack ${report.ruleset.id}, which this version does not bundle`,
          ),
          say(l, `ชุดเกณฑ์ที่มี: ${bundledPackIds.join(', ')}`, `bundled packs: ${bundledPackIds.join(', ')}`),
        );
      }
      const text = await renderReport(report, pack, format, l);
      if (flags.out) {
        const target = resolve(io.cwd, flags.out);
        try {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, text);
        } catch (e) {
          throw usageError(
            say(l, `เขียนไฟล์ ${flags.out} ไม่ได้`, `cannot write ${flags.out}`),
            (e as Error).message,
          );
        }
      } else io.stdout(text);
      setExit(ExitCode.ok);
    });
}
