import { describe, expect, it } from 'vitest';
import { judgeContent } from '../../../../src/core/content/judge';
import { ContentScanner } from '../../../../src/core/content/scanner';
import { getRulePack } from '../../../../src/core/rules/registry';
import type { RuleItem } from '../../../../src/core/rules/schema';
import { matchKey, normaliseText } from '../../../../src/core/thai/normalise';

/**
 * Data checks of the content signals of ita-2562 (issue 9): what each item's evidence must
 * talk about. Phrases are matched as substrings of `matchKey` text (DESIGN.md §5), so the
 * checks below compare phrases in that form too.
 */

const pack = getRulePack('ita-2562')!;
const items = pack.items;
const markers = (pack.reportMarkers ?? []).map(matchKey);

function contentOf(item: RuleItem) {
  if (!item.content) throw new Error(`${item.id} has no content signals`);
  return item.content;
}

const has = (text: string, phrases: readonly string[]) => phrases.some((p) => text.includes(matchKey(p)));

/** Distinct report markers in a matchKey text. */
const markersIn = (text: string) => markers.filter((m) => text.includes(m)).length;

/**
 * Whether a text whose head (title) is `head` and whose body is `body` satisfies an item's
 * concepts: every concept group has a phrase in it and, for report items, the head carries a
 * report marker or the body at least two (the rule of a report, stated in the schema).
 * Negative concepts are deliberately left out: this asks what the item's positive signals
 * accept on their own.
 */
function satisfies(item: RuleItem, head: string, body: string): boolean {
  const content = contentOf(item);
  if (!content.concepts.every((c) => has(body, c.anyOf))) return false;
  return !content.report || markersIn(head) > 0 || markersIn(body) >= 2;
}

describe('content signals of ita-2562', () => {
  it('every item has content signals with at least one non-empty concept group', () => {
    expect(items).toHaveLength(48);
    for (const item of items) {
      const content = contentOf(item);
      expect(content.concepts.length, item.id).toBeGreaterThan(0);
      for (const c of content.concepts) expect(c.anyOf.length, `${item.id}:${c.id}`).toBeGreaterThan(0);
    }
  });

  it('every phrase keeps at least two characters after matchKey', () => {
    const short: string[] = [];
    for (const item of items) {
      const content = contentOf(item);
      for (const c of [...content.concepts, ...content.negative]) {
        for (const p of c.anyOf) if (matchKey(p).length < 2) short.push(`${item.id}:${c.id} "${p}"`);
      }
    }
    for (const p of pack.reportMarkers ?? []) if (matchKey(p).length < 2) short.push(`reportMarkers "${p}"`);
    expect(short).toEqual([]);
  });

  it('no phrase cuts a Thai syllable (the scanner refuses such matches, so the phrase could never be found)', () => {
    // A phrase cannot start with an above/below vowel or a tone mark, nor end with a leading vowel.
    const cut = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]|[\u0E40-\u0E44]$/;
    const bad: string[] = [];
    for (const item of items) {
      const content = contentOf(item);
      for (const c of [...content.concepts, ...content.negative]) {
        for (const p of c.anyOf) if (cut.test(matchKey(p))) bad.push(`${item.id}:${c.id} "${p}"`);
      }
    }
    for (const p of pack.reportMarkers ?? []) if (cut.test(matchKey(p))) bad.push(`reportMarkers "${p}"`);
    expect(bad).toEqual([]);
  });

  it('no phrase appears twice within an item (concepts and negatives, compared after matchKey)', () => {
    const dups: string[] = [];
    for (const item of items) {
      const content = contentOf(item);
      const seen = new Map<string, string>();
      for (const c of [...content.concepts, ...content.negative]) {
        for (const p of c.anyOf) {
          const k = matchKey(p);
          const first = seen.get(k);
          if (first) dups.push(`${item.id}: "${p}" in ${c.id} and ${first}`);
          else seen.set(k, c.id);
        }
      }
    }
    expect(dups).toEqual([]);
  });

  it('concept ids and negative ids are unique within each item', () => {
    for (const item of items) {
      const content = contentOf(item);
      const ids = content.concepts.map((c) => c.id);
      const negIds = content.negative.map((c) => c.id);
      expect(new Set(ids).size, `${item.id} concepts`).toBe(ids.length);
      expect(new Set(negIds).size, `${item.id} negatives`).toBe(negIds.length);
    }
  });

  it('report items have report markers in the ruleset, each marker distinct and none inside another', () => {
    const reportItems = items.filter((i) => contentOf(i).report).map((i) => i.id);
    expect(reportItems.length).toBeGreaterThan(0);
    expect(markers.length).toBeGreaterThan(0);
    expect(new Set(markers).size).toBe(markers.length);
    // The engine counts distinct markers in a body: a marker inside another would count one phrase twice.
    const nested = markers.flatMap((a) =>
      markers.filter((b) => a !== b && b.includes(a)).map((b) => `${a} ⊂ ${b}`),
    );
    expect(nested).toEqual([]);
  });

  it("each item's own name and description satisfy its own concept groups", () => {
    const missed: string[] = [];
    for (const item of items) {
      const text = matchKey(`${item.name.th} ${item.description.th}`);
      for (const c of contentOf(item).concepts) if (!has(text, c.anyOf)) missed.push(`${item.id}:${c.id}`);
    }
    expect(missed).toEqual([]);
  });

  it("no item's own name contains one of its negative phrases (it would look like a look-alike of itself)", () => {
    const hits: string[] = [];
    for (const item of items) {
      const name = matchKey(item.name.th);
      for (const n of contentOf(item).negative) {
        for (const p of n.anyOf) if (name.includes(matchKey(p))) hits.push(`${item.id}!${n.id} "${p}"`);
      }
    }
    expect(hits).toEqual([]);
  });

  describe('concepts discriminate between items', () => {
    // "A few": an item's text may legitimately talk about a neighbour (a report names the plan
    // it reports on, a procurement-transparency measure speaks of conflicts of interest).
    const A_FEW = 3;
    /** For each item, the other items whose concepts its name + description fully satisfy. */
    const satisfiedBy = new Map(
      items.map((a) => {
        const head = matchKey(a.name.th);
        const body = matchKey(`${a.name.th} ${a.description.th}`);
        return [
          a.id,
          items.filter((b) => b.id !== a.id && satisfies(b, head, body)).map((b) => b.id),
        ] as const;
      }),
    );

    it(`no item's name and description satisfy the concepts of more than ${A_FEW} other items`, () => {
      const wide = [...satisfiedBy]
        .filter(([, others]) => others.length > A_FEW)
        .map(([id, o]) => `${id} → ${o}`);
      expect(wide).toEqual([]);
    });

    it(`no item's concepts are satisfied by the name and description of more than ${A_FEW} other items`, () => {
      const inbound = new Map<string, string[]>();
      for (const [id, others] of satisfiedBy)
        for (const o of others) inbound.set(o, [...(inbound.get(o) ?? []), id]);
      const generic = [...inbound].filter(([, from]) => from.length > A_FEW).map(([id, f]) => `${id} ← ${f}`);
      expect(generic).toEqual([]);
    });
  });

  describe('look-alike pairs an evaluator tells apart, judged by the content engine with this pack', () => {
    // Targets written from the item definitions (oit-criteria.md §1.3), one per trap of issue 9:
    // a plan for its report, a questionnaire for its results, a measure for an activity…
    // `yes` items must be confirmed by the target, `no` items must not.
    const scanner = new ContentScanner(pack);
    const cases: { name: string; head: string; text: string; yes: string[]; no: string[] }[] = [
      {
        name: 'annual operating plan',
        head: 'แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2562',
        text: 'ยุทธศาสตร์ที่ 1 พัฒนาเศรษฐกิจชุมชน โครงการส่งเสริมอาชีพ งบประมาณ 120,000 บาท ระยะเวลาดำเนินการ ต.ค. 61 - ก.ย. 62',
        yes: ['O10'],
        no: ['O11', 'O12', 'O39'],
      },
      {
        name: 'annual report of the previous year',
        head: 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2561',
        text: 'ผลการดำเนินงานระหว่างวันที่ 1 ตุลาคม 2560 ถึงวันที่ 30 กันยายน 2561 โครงการตามแผนปฏิบัติราชการ 58 โครงการ ดำเนินการแล้วเสร็จ 51 โครงการ คิดเป็นร้อยละ 87.93',
        yes: ['O12'],
        no: ['O10', 'O11'],
      },
      {
        name: 'anti-corruption plan',
        head: 'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2562',
        text: 'โครงการที่ 1 อบรมคุณธรรมจริยธรรม งบประมาณ 50,000 บาท ระยะเวลา มกราคม 2562 โครงการที่ 2 ประกาศเจตจำนงสุจริตของผู้บริหาร ไม่ใช้งบประมาณ',
        yes: ['O39'],
        no: ['O10', 'O40', 'O41'],
      },
      {
        name: '6-month anti-corruption report',
        head: 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน (ตุลาคม 2561 - มีนาคม 2562)',
        text: 'โครงการอบรมคุณธรรมจริยธรรม ดำเนินการแล้วเสร็จ มีผู้เข้าร่วม 60 คน โครงการประกาศเจตจำนงสุจริต ดำเนินการแล้ว',
        yes: ['O40'],
        no: ['O39', 'O41'],
      },
      {
        name: 'satisfaction survey results',
        head: 'รายงานผลการสำรวจความพึงพอใจการให้บริการ ประจำปีงบประมาณ 2562',
        text: 'ผู้ตอบแบบสอบถามจำนวน 215 คน มีระดับความพึงพอใจต่อการให้บริการโดยรวมในระดับมาก ค่าเฉลี่ย 4.21 คิดเป็นร้อยละ 84.20',
        yes: ['O16'],
        no: ['O15'],
      },
      {
        name: 'the satisfaction questionnaire itself',
        head: 'แบบสอบถามความพึงพอใจการให้บริการ',
        text: 'คำชี้แจง โปรดทำเครื่องหมายในช่องที่ตรงกับความคิดเห็นของท่าน ระดับความพึงพอใจ มากที่สุด มาก ปานกลาง น้อย น้อยที่สุด ด้านกระบวนการให้บริการ ด้านเจ้าหน้าที่ผู้ให้บริการ',
        yes: [],
        no: ['O16'],
      },
      {
        name: 'budget publication headed with "ประชาสัมพันธ์"',
        head: 'ประชาสัมพันธ์งบประมาณรายจ่ายประจำปี 2562',
        text: 'เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2562 ประกาศ ณ วันที่ 20 กันยายน 2561 รายละเอียดตามเอกสารแนบ',
        yes: ['O18'],
        no: ['O7'],
      },
      {
        name: 'news of an activity',
        head: 'ข่าวประชาสัมพันธ์',
        text: 'นายกเทศมนตรีเป็นประธานเปิดโครงการอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน เมื่อวันที่ 12 มีนาคม 2562 ณ หอประชุมเทศบาล',
        yes: ['O7'],
        no: ['O18'],
      },
      {
        name: 'HR policy',
        head: 'นโยบายการบริหารทรัพยากรบุคคล',
        text: 'เพื่อให้การบริหารทรัพยากรบุคคลเป็นไปอย่างมีประสิทธิภาพ จึงกำหนดนโยบาย ดังนี้ 1. ด้านการสรรหาและคัดเลือก ยึดหลักคุณธรรม 2. ด้านการพัฒนาบุคลากร ส่งเสริมการเรียนรู้อย่างต่อเนื่อง',
        yes: ['O25'],
        no: ['O26', 'O27', 'O28'],
      },
      {
        name: '6-month report on the HR policy',
        head: 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล รอบ 6 เดือน',
        text: 'ปีงบประมาณ พ.ศ. 2562 (1 ตุลาคม 2561 - 31 มีนาคม 2562) ด้านการสรรหา บรรจุพนักงานใหม่ 4 อัตรา ด้านการพัฒนา จัดอบรม 3 หลักสูตร ผู้เข้าอบรม 120 คน',
        yes: ['O26'],
        no: ['O27', 'O28'],
      },
      {
        name: 'stakeholder-participation measure',
        head: 'มาตรการให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงาน',
        text: '1. เปิดรับฟังความคิดเห็นผู้มีส่วนได้ส่วนเสียก่อนจัดทำแผน 2. แต่งตั้งผู้แทนเครือข่ายร่วมเป็นคณะทำงานติดตามโครงการ ผู้รับผิดชอบ กองยุทธศาสตร์',
        yes: ['O43'],
        no: ['O33'],
      },
      {
        name: 'public forum that took place',
        head: 'ประชุมประชาคมเมือง เพื่อรับฟังความคิดเห็นต่อร่างแผนพัฒนาท้องถิ่น',
        text: 'เมื่อวันที่ 12 กุมภาพันธ์ 2562 เทศบาลจัดประชุมประชาคมเมือง มีผู้แทนชุมชน 24 ชุมชน ผู้เข้าร่วม 180 คน ร่วมแสดงความคิดเห็นและจัดลำดับความสำคัญของโครงการ',
        yes: ['O33'],
        no: ['O43', 'O32'],
      },
      {
        name: "citizen's manual",
        head: 'คู่มือสำหรับประชาชน: การขออนุญาตก่อสร้างอาคาร',
        text: 'งานที่ให้บริการ การขออนุญาตก่อสร้างอาคาร หน่วยงานที่รับผิดชอบ กองช่าง ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ เจ้าหน้าที่ตรวจสอบเอกสาร 1 วัน รายการเอกสารหลักฐานประกอบ',
        yes: ['O14'],
        no: ['O13'],
      },
      {
        name: 'corruption risk assessment',
        head: 'การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ 2562',
        text: 'เหตุการณ์ความเสี่ยงที่ 1 การเรียกรับผลประโยชน์ในการอนุมัติเงินอุดหนุน ระดับความเสี่ยง สูง มาตรการควบคุม พิจารณาโดยคณะกรรมการ 3 คน',
        yes: ['O36'],
        no: ['O37'],
      },
      {
        name: 'complaint-handling guideline',
        head: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต',
        text: 'ขั้นตอนที่ 1 รับเรื่องร้องเรียนจากช่องทางต่าง ๆ ขั้นตอนที่ 2 ลงทะเบียนและเสนอผู้บริหารภายใน 3 วัน ขั้นตอนที่ 3 แจ้งผลผู้ร้องเรียนภายใน 15 วัน',
        yes: ['O29'],
        no: ['O30', 'O31', 'O45'],
      },
      {
        name: 'procurement award notice',
        head: 'ประกาศ เรื่อง ผู้ชนะการเสนอราคา ซื้อวัสดุสำนักงาน โดยวิธีเฉพาะเจาะจง',
        text: 'ตามที่ได้มีโครงการซื้อวัสดุสำนักงาน ตามแผนการจัดซื้อจัดจ้างประจำปี 2562 นั้น ผู้ได้รับการคัดเลือก ได้แก่ ร้านตัวอย่างพาณิชย์ เสนอราคาเป็นเงิน 12,500 บาท',
        yes: ['O22'],
        no: ['O21', 'O44'],
      },
    ];

    for (const c of cases) {
      it(c.name, () => {
        const head = normaliseText(c.head);
        const digest = scanner.scan({ head, body: normaliseText(`${c.head} ${c.text}`) });
        const status = (id: string) => judgeContent(pack, pack.itemById.get(id)!, digest).status;
        for (const id of c.yes) expect(status(id), `${id} should be confirmed`).toBe('confirmed');
        for (const id of c.no) expect(status(id), `${id} should not be confirmed`).not.toBe('confirmed');
      });
    }
  });
});
