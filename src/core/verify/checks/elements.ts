import { elementLabels } from '../element-labels';
import { missingElements } from '../elements';
import { type CheckInput, type CheckResult, fail, ok, review } from './types';

/** The item's required elements (O5's phone, O2's names and positions) are on the target. */
export function checkElements({ item, resource: r }: CheckInput): CheckResult {
  const missing = missingElements(item, r.elements);
  if (missing.length > 0) {
    const labels = elementLabels(missing);
    return fail('missing-element', `ขาด: ${labels.th}`, `missing: ${labels.en}`);
  }
  if (item.evidenceKind === 'channel' && r.kind === 'page' && r.onSite && !r.features?.form) {
    return review('no-form', 'พบหน้าแต่ไม่พบแบบฟอร์มหรือช่องทางส่งข้อมูล', 'page found but no form to write in');
  }
  return ok;
}
