// Kept apart from the renderers: `audit --help` lists these without loading them (issue 11 §2).
/** Formats that are one document (stdout, `--out`, or a file under `--output-dir`). */
export const AUDIT_FORMATS = ['text', 'json', 'md', 'html', 'junit', 'csv'] as const;
export type AuditReportFormat = (typeof AUDIT_FORMATS)[number];

/** Formats `audit` can write; `github` writes annotations and the step summary. */
export const REPORT_FORMATS = [...AUDIT_FORMATS, 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
