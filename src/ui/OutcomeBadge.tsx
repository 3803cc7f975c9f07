import { OUTCOME_LABELS } from '../core/report/labels';
import type { Outcome } from '../core/types';
import type { Lang } from './i18n';

/** The five states with the shared labels (ผ่าน / ไม่ผ่าน / ต้องตรวจสอบ / ไม่เกี่ยวข้อง / ตรวจไม่ได้). */
export function OutcomeBadge({ outcome, lang }: { outcome: Outcome; lang: Lang }) {
  const label = OUTCOME_LABELS[outcome];
  return (
    <span className={`oit-badge oit-${outcome}`} data-outcome={outcome}>
      <span aria-hidden="true">{label.symbol}</span> {label[lang]}
    </span>
  );
}
