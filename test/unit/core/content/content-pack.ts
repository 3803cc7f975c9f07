import { getRulePack } from '../../../../src/core/rules/registry';
import type { RulePack } from '../../../../src/core/rules/load-pack';
import type { ContentSignals, RuleItem } from '../../../../src/core/rules/schema';

/**
 * The FY2562 pack with content signals written here for a few items only, so the tests of the
 * content checks do not move when the pack's own phrase lists are tuned.
 */
export function packWithContent(
  signals: Record<string, ContentSignals>,
  reportMarkers: string[] = [],
): RulePack {
  const base = getRulePack() as RulePack;
  const items: RuleItem[] = base.items.map((i) => {
    const { content: _drop, ...rest } = i;
    return signals[i.id] ? { ...rest, content: signals[i.id] } : rest;
  });
  return { ...base, reportMarkers, items, itemById: new Map(items.map((i) => [i.id, i])) };
}

export const concept = (id: string, ...anyOf: string[]) => ({ id, label: { th: id, en: id }, anyOf });

/** Signals for a handful of items, written from their definitions. */
export const SIGNALS: Record<string, ContentSignals> = {
  O2: { concepts: [concept('executives', 'ผู้บริหาร', 'คณะผู้บริหาร')], negative: [], report: false },
  O10: {
    concepts: [concept('plan', 'แผนปฏิบัติราชการ', 'แผนดำเนินงาน', 'แผนปฏิบัติการ')],
    negative: [concept('budget', 'งบประมาณรายจ่าย', 'ประกาศการจัดซื้อจัดจ้าง')],
    report: false,
  },
  O12: {
    concepts: [concept('annual-report', 'รายงานผลการดำเนินงานประจำปี', 'รายงานประจำปี')],
    negative: [],
    report: true,
  },
  O26: {
    concepts: [concept('hr', 'ทรัพยากรบุคคล', 'พัฒนาบุคลากร')],
    negative: [],
    report: true,
  },
};

export const MARKERS = ['ผลการดำเนินงาน', 'ผลการดำเนินการ', 'รายงานผล', 'ร้อยละ', 'ดำเนินการแล้ว'];
