import { describe, expect, it } from 'vitest';
import { itemsConfirmedBy, itemsHeadedBy, judgeContent } from '../../../../src/core/content/judge';
import { ContentScanner } from '../../../../src/core/content/scanner';
import { MARKERS, packWithContent, SIGNALS } from './content-pack';

const pack = packWithContent(SIGNALS, MARKERS);
const scanner = new ContentScanner(pack);
const item = (id: string) => pack.itemById.get(id)!;
const filler = ' รายละเอียดตามเอกสารแนบ ประกอบด้วยโครงการและกิจกรรมต่าง ๆ ของหน่วยงาน';

describe('judgeContent', () => {
  it('confirms a target whose own text talks about the item', () => {
    const d = scanner.scan({ head: 'แผนปฏิบัติราชการ ประจำปี 2568', body: `แผนปฏิบัติราชการ${filler}` });
    expect(judgeContent(pack, item('O10'), d).status).toBe('confirmed');
  });

  it('says what a readable target about something else looks like', () => {
    const d = scanner.scan({
      head: 'รายงานผลการดำเนินงานประจำปี 2567',
      body: `ผลการดำเนินงาน ร้อยละ 95 ดำเนินการแล้ว${filler}`,
    });
    const v = judgeContent(pack, item('O10'), d);
    expect(v.status).toBe('other');
    if (v.status !== 'other') return;
    expect(v.looksLike[0]).toBe('O12');
    expect(v.missing.map((c) => c.id)).toEqual(['plan']);
  });

  it('refuses a look-alike that announces another subject in its head', () => {
    const d = scanner.scan({
      head: 'ประกาศการจัดซื้อจัดจ้าง ประจำปี 2568',
      body: `ตามแผนปฏิบัติการ${filler}`,
    });
    const v = judgeContent(pack, item('O10'), d);
    expect(v.status).toBe('other');
    if (v.status === 'other') expect(v.negative?.phrase).toBe('ประกาศการจัดซื้อจัดจ้าง');
  });

  it('the item named in the head outweighs a negative phrase also there', () => {
    const d = scanner.scan({ head: 'แผนปฏิบัติราชการ และงบประมาณรายจ่าย 2568', body: `แผนปฏิบัติราชการ${filler}` });
    expect(judgeContent(pack, item('O10'), d).status).toBe('confirmed');
  });

  it('a report item needs the vocabulary of results: the policy it reports on is not it', () => {
    const policy = scanner.scan({
      head: 'นโยบายการบริหารทรัพยากรบุคคล',
      body: `นโยบายการบริหารทรัพยากรบุคคล มุ่งพัฒนาบุคลากรให้มีสมรรถนะ เพื่อให้ผลการดำเนินงานดีขึ้น${filler}`,
    });
    const v = judgeContent(pack, item('O26'), policy);
    expect(v.status).toBe('other');
    if (v.status === 'other') expect(v.reportMissing).toBe(true);
    const report = scanner.scan({
      head: 'รายงานผลการดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล',
      body: `อบรมบุคลากร 3 หลักสูตร${filler}`,
    });
    expect(judgeContent(pack, item('O26'), report).status).toBe('confirmed');
  });

  it('an image with (almost) no text is unreadable, not a fail', () => {
    const d = scanner.scan({ head: 'คณะผู้บริหาร', body: 'คณะผู้บริหาร' }, { image: true });
    expect(judgeContent(pack, item('O2'), d).status).toBe('unreadable');
  });

  it('a page with almost no text and no image is empty: nothing to credit', () => {
    const d = scanner.scan({ head: 'แผนปฏิบัติราชการ', body: '' });
    const v = judgeContent(pack, item('O10'), d);
    expect(v.status).toBe('other');
    if (v.status === 'other') expect(v.empty).toBe(true);
  });

  it('an item without signals is unchecked (older packs)', () => {
    const d = scanner.scan({ head: 'x', body: 'y' });
    expect(judgeContent(pack, item('O5'), d).status).toBe('unchecked');
  });
});

describe('classifying a target by its content', () => {
  it('itemsHeadedBy needs the subject in the head; a long combined document is about its head only', () => {
    const d = scanner.scan({
      head: 'รายงานประจำปี 2567',
      body: `ผลการดำเนินงาน ร้อยละ 90 ตามแผนปฏิบัติราชการ และการพัฒนาบุคลากร ทรัพยากรบุคคล${filler}`,
    });
    expect(itemsConfirmedBy(pack, d)).toEqual(expect.arrayContaining(['O12', 'O10', 'O26']));
    expect(itemsHeadedBy(pack, d)).toEqual(['O12']);
  });
});
