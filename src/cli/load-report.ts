import { type AuditReport, auditReportSchema } from '../core/report/schema';
import { usageError } from './errors';
import type { CliIo, Lang } from './io';
import { say } from './io';
import { readJsonFile } from './read-json-file';

/** Reads an audit report and validates it, or a usage error that says what is wrong and where. */
export function loadReport(path: string, io: CliIo, lang: Lang): AuditReport {
  const json = readJsonFile(path, io.cwd, lang, say(lang, 'รายงาน', 'report'));
  const parsed = auditReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw usageError(
      say(
        lang,
        `${path} ไม่ใช่รายงาน oit-audit ที่ถูกต้อง: ช่อง "${where}": ${issue?.message ?? 'invalid'}`,
        `${path} is not a valid oit-audit report: field "${where}": ${issue?.message ?? 'invalid'}`,
      ),
      say(
        lang,
        'ใช้ไฟล์ที่ได้จาก oit-audit audit --format json --out report.json',
        'use a report written by oit-audit audit --format json --out report.json',
      ),
    );
  }
  return parsed.data;
}
