import { formatScore, round2 } from '../score/round';
import { arabicToThaiDigits } from '../thai/digits';
import { formatThaiDate } from '../thai/fiscal-year';
import type { MeasuresDocument } from './document';
import { BAND_LABELS, QUARTER_MONTHS } from './texts';

/**
 * The measures document as a neutral list of blocks, in the section order of the seeds
 * (ecosystem.md §4.2): title, background, scores, analysis, the measures table, monitoring,
 * notes, signature. Markdown, HTML and DOCX render these blocks, so the three say the same.
 */

export interface LayoutOptions {
  /** Write Thai digits ๐–๙ in the text (URLs and host names keep Arabic digits). Default false. */
  thaiDigits?: boolean;
}

export interface LayoutMeasureRow {
  band: 'urgent' | 'improve';
  /** "1. O25 นโยบาย… (ไม่ผ่าน: …)". */
  issue: string;
  /** "แก้ไขเร่งด่วน · +1.00 คะแนน ITA". */
  note: string;
  measure: string;
  /** "1) …", "2) …". */
  steps: string[];
  responsible: string;
  /** Quarters 1–4 of the fiscal year in which the measure runs. */
  quarters: [boolean, boolean, boolean, boolean];
  monitoring: string;
  reporting: string;
}

export type Block =
  | { type: 'title'; lines: string[] }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; small?: boolean }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][]; numeric: boolean[] }
  | { type: 'measures'; rows: LayoutMeasureRow[] }
  | { type: 'signature'; lines: string[] };

/** Column headers of the measures table (seeds 000 and 002). */
export const MEASURE_COLUMNS = {
  issue: 'ประเด็น',
  measure: 'มาตรการ/กิจกรรม',
  steps: 'ขั้นตอน/วิธีการ',
  responsible: 'ผู้รับผิดชอบ',
  period: 'ระยะเวลา',
  monitoring: 'การติดตาม',
  reporting: 'การรายงานผล',
} as const;

/** URLs, host names and IP addresses (kept with Arabic digits, and as Latin runs in DOCX). */
export const URLISH =
  /(https?:\/\/[^\s)"'<>]+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:\/[^\s)"'<>]*)?|\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?(?:\/[^\s)"'<>]*)?)/gi;

/** Thai digits everywhere except inside URLs, host names and IP addresses. */
export function thaiDigitsOutsideUrls(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URLISH)) {
    out += arabicToThaiDigits(text.slice(last, m.index));
    out += m[0];
    last = m.index + m[0].length;
  }
  return out + arabicToThaiDigits(text.slice(last));
}

const dash = '–';

/** A gain with two decimals, or three when it is below 0.01 (a sub-item close to 92). */
const gainText = (gain: number) => gain.toFixed(gain > 0 && gain < 0.01 ? 3 : 2);

/** The document as blocks, with digits already in the chosen style. */
export function layoutMeasures(doc: MeasuresDocument, options: LayoutOptions = {}): Block[] {
  const d = (text: string) => (options.thaiDigits ? thaiDigitsOutsideUrls(text) : text);
  const fy = doc.fiscalYear;
  const agency = doc.agencyName ?? '(ชื่อหน่วยงาน)';
  const { urgentBelow, improveBelow } = doc.bands;
  const blocks: Block[] = [];

  blocks.push({
    type: 'title',
    lines: [doc.title, `ประจำปีงบประมาณ พ.ศ. ${fy}`, agency].map(d),
  });

  // 1. Background
  const source = doc.site
    ? `ผลการตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ของเว็บไซต์ ${doc.site} ตามเกณฑ์การประเมิน ITA ชุดปี ${doc.ruleset.year}${
        doc.resultsYear ? ` สำหรับปีงบประมาณ พ.ศ. ${doc.resultsYear}` : ''
      }${doc.surveyLevel ? ' ร่วมกับคะแนนแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายในและภายนอก (IIT/EIT)' : ''}`
    : `ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)${
        doc.resultsYear ? ` ประจำปีงบประมาณ พ.ศ. ${doc.resultsYear}` : ''
      }`;
  blocks.push({ type: 'heading', text: d('1. ที่มา') });
  blocks.push({
    type: 'paragraph',
    text: d(
      `${doc.agencyName ? `${doc.agencyName} ` : 'หน่วยงาน'}นำ${source} มาวิเคราะห์ โดยแบ่งประเด็นเป็น ประเด็นที่ต้องแก้ไขเร่งด่วน (คะแนนต่ำกว่า ${urgentBelow} คะแนน และข้อ OIT ที่ยังไม่ผ่าน) ประเด็นที่ต้องพัฒนาให้ดีขึ้น (${urgentBelow}${dash}${improveBelow} คะแนน) และจุดแข็งที่ต้องรักษาไว้ (มากกว่า ${improveBelow} คะแนน) แล้วกำหนดมาตรการ ขั้นตอน ผู้รับผิดชอบ ระยะเวลา การกำกับติดตาม และการรายงานผล เพื่อดำเนินการในปีงบประมาณ พ.ศ. ${fy} เรียงตามคะแนน ITA ที่จะได้เพิ่มจากมากไปน้อย`,
    ),
  });

  // 2. Scores
  blocks.push({ type: 'heading', text: d('2. ผลการประเมินและคะแนนที่คาดว่าจะได้รับ') });
  const fmt = (v: number | null) => (v === null ? dash : formatScore(v));
  const { before, projected } = doc.scores;
  const ita = (v: number | null, r: string | null) => (v === null ? dash : `${formatScore(v)} (${r})`);
  blocks.push({
    type: 'table',
    header: ['แบบวัด', 'น้ำหนัก (ร้อยละ)', 'คะแนนปัจจุบัน', 'เมื่อดำเนินการครบทุกมาตรการ'].map(d),
    numeric: [false, true, true, true],
    rows: [
      ['IIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', String(doc.weights.iit), fmt(before.iit), fmt(projected.iit)],
      ['EIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', String(doc.weights.eit), fmt(before.eit), fmt(projected.eit)],
      ['OIT การเปิดเผยข้อมูลสาธารณะ', String(doc.weights.oit), fmt(before.oit), fmt(projected.oit)],
      ['ITA คะแนนรวม (ระดับ)', '100', ita(before.ita, before.rating), ita(projected.ita, projected.rating)],
    ].map((r) => r.map(d)),
  });
  const indicatorKeys = Object.keys(before.indicators).sort((a, b) => Number(a) - Number(b));
  if (indicatorKeys.length > 0) {
    const group = (v: number) =>
      round2(v) < urgentBelow
        ? BAND_LABELS.urgent
        : round2(v) <= improveBelow
          ? BAND_LABELS.improve
          : BAND_LABELS.strength;
    blocks.push({
      type: 'table',
      header: ['ตัวชี้วัด', 'คะแนน', 'กลุ่ม', 'เมื่อดำเนินการครบทุกมาตรการ'].map(d),
      numeric: [false, true, false, true],
      rows: indicatorKeys.map((k) => {
        const v = before.indicators[k] as number;
        return [
          `ตัวชี้วัดที่ ${k} ${doc.indicatorNames[k] ?? ''}`.trim(),
          formatScore(v),
          group(v),
          fmt(projected.indicators[k] ?? v),
        ].map(d);
      }),
    });
  }

  // 3. Analysis
  blocks.push({ type: 'heading', text: d('3. ผลการวิเคราะห์') });
  const targets = (band: 'urgent' | 'improve') => {
    const ids = doc.rows.filter((r) => r.band === band).map((r) => r.target.replace(/^IND/, 'ตัวชี้วัดที่ '));
    return [...new Set(ids)];
  };
  const urgent = targets('urgent');
  const improve = targets('improve');
  const analysis: string[] = [];
  if (doc.oitItems) {
    analysis.push(
      `ข้อ OIT ที่ยังไม่ผ่าน ${doc.oitItems.notPassed} จาก ${doc.oitItems.total} ข้อ (นับเป็นประเด็นที่ต้องแก้ไขเร่งด่วน)`,
    );
  }
  if (doc.surveyLevel === 'tool' && before.iit !== null && before.eit !== null) {
    const band = (v: number) =>
      round2(v) < urgentBelow
        ? BAND_LABELS.urgent
        : round2(v) <= improveBelow
          ? BAND_LABELS.improve
          : BAND_LABELS.strength;
    analysis.push(
      `IIT ${formatScore(before.iit)} (${band(before.iit)}) และ EIT ${formatScore(before.eit)} (${band(before.eit)}): กรอกคะแนนรายตัวชี้วัดหรือรายข้อเพื่อระบุประเด็น IIT/EIT`,
    );
  }
  analysis.push(
    `ประเด็นที่ต้องแก้ไขเร่งด่วน ${urgent.length} ประเด็น${urgent.length > 0 ? `: ${urgent.join(' ')}` : ''}`,
  );
  analysis.push(
    `ประเด็นที่ต้องพัฒนาให้ดีขึ้น ${improve.length} ประเด็น${improve.length > 0 ? `: ${improve.join(' ')}` : ''}`,
  );
  if (doc.strengths.length > 0) {
    const byIndicator = new Map<number, string[]>();
    for (const s of doc.strengths) {
      const list = byIndicator.get(s.indicator) ?? [];
      list.push(s.kind === 'question' ? s.target : `(${formatScore(s.score)})`);
      byIndicator.set(s.indicator, list);
    }
    const parts = [...byIndicator.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, list]) => {
        const name = `ตัวชี้วัดที่ ${k} ${doc.indicatorNames[String(k)] ?? ''}`.trim();
        return list[0]?.startsWith('(') ? `${name} ${list.join(' ')}` : `${name} ได้แก่ ข้อ ${list.join(' ')}`;
      });
    analysis.push(`จุดแข็งที่ต้องรักษาไว้ (มากกว่า ${improveBelow} คะแนน): ${parts.join('; ')}`);
  }
  blocks.push({ type: 'list', items: analysis.map(d) });

  // 4. Measures
  blocks.push({ type: 'heading', text: d('4. มาตรการ ขั้นตอน ระยะเวลา และผู้รับผิดชอบ') });
  const quarters = QUARTER_MONTHS.map((m, i) => `ไตรมาสที่ ${i + 1} = ${m} ${i === 0 ? fy - 1 : fy}`).join(
    ', ',
  );
  if (doc.rows.length === 0) {
    blocks.push({ type: 'paragraph', text: d('ไม่พบประเด็นที่ต้องกำหนดมาตรการเพิ่มเติม') });
  } else {
    blocks.push({
      type: 'paragraph',
      text: d(`เรียงตามคะแนน ITA ที่จะได้เพิ่มจากมากไปน้อย ระยะเวลาดำเนินการ: ${quarters}`),
    });
    blocks.push({
      type: 'measures',
      rows: doc.rows.map((row, i) => ({
        band: row.band,
        issue: d(`${i + 1}. ${row.issue}`),
        note: d(`${BAND_LABELS[row.band]} · +${gainText(row.itaGain ?? 0)} คะแนน ITA`),
        measure: d(row.measure),
        steps: row.steps.map((s, j) => d(`${j + 1}) ${s}`)),
        responsible: d(row.responsible),
        quarters: [1, 2, 3, 4].map((q) => row.quarters.includes(q)) as LayoutMeasureRow['quarters'],
        monitoring: d(row.monitoring),
        reporting: d(row.reporting),
      })),
    });
  }

  // Notes
  blocks.push({ type: 'heading', text: d('หมายเหตุ') });
  blocks.push({
    type: 'list',
    items: [
      ...doc.notes,
      doc.gainNote,
      `ร่างนี้จัดทำโดยโปรแกรม oit-audit ${doc.tool.version}: ผู้รับผิดชอบและขั้นตอนเป็นข้อเสนอ ตรวจทานและปรับให้ตรงกับโครงสร้างของหน่วยงานก่อนลงนาม`,
    ].map(d),
  });

  // 5. Monitoring
  blocks.push({ type: 'heading', text: d('5. การกำกับติดตามและการรายงานผล') });
  blocks.push({
    type: 'paragraph',
    text: d(
      'ผู้บริหารสูงสุดมอบหมายให้ ........................................ กำกับติดตามการดำเนินการตามมาตรการนี้ ผู้รับผิดชอบแต่ละมาตรการรายงานความคืบหน้าทุกไตรมาส และสรุปผลเสนอผู้บริหารสูงสุดทุก 6 เดือน (สิ้นไตรมาสที่ 2 และไตรมาสที่ 4) พร้อมเผยแพร่มาตรการและผลการดำเนินการบนเว็บไซต์ของหน่วยงาน',
    ),
  });

  // Signature
  const dateLine = doc.date
    ? `วันที่ ${formatThaiDate(new Date(doc.date))}`
    : 'วันที่ ........ เดือน .................... พ.ศ. ........';
  blocks.push({
    type: 'signature',
    lines: [
      'ลงชื่อ ....................................',
      '(....................................)',
      'ผู้อำนวยการ/หัวหน้าหน่วยงาน',
      dateLine,
    ].map(d),
  });
  return blocks;
}
