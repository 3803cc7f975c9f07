import type { AuditReport } from '../core/report/schema';
import type { Lang } from './i18n';

/**
 * Which rule pack scored the report and why, and, loud, a site/pack numbering mismatch
 * (issue 10). Site text (URLs in the reason) stays a React text node.
 */
export function PackNotice({ report, lang }: { report: AuditReport; lang: Lang }) {
  const { selection, mismatch, id } = report.ruleset;
  if (!selection && !mismatch) return null;
  return (
    <div className="oit-pack-notice" data-testid="pack-notice">
      {selection ? (
        <p data-testid="pack-reason">
          {lang === 'en' ? 'Rule pack' : 'ชุดเกณฑ์'} <code>{id}</code>:{' '}
          {lang === 'en' ? selection.reasonEn : selection.reason}
        </p>
      ) : null}
      {mismatch ? (
        <p className="oit-pack-mismatch" role="alert" data-testid="pack-mismatch">
          <strong>{lang === 'en' ? '⚠ Rule pack mismatch: ' : '⚠ ชุดเกณฑ์ไม่ตรงกับเว็บไซต์: '}</strong>
          {lang === 'en' ? mismatch.en : mismatch.th}
        </p>
      ) : null}
    </div>
  );
}
