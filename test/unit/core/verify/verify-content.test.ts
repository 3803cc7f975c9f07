import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../../src/core/detect/candidates';
import { verifyItem } from '../../../../src/core/verify/verify-item';
import { concept, MARKERS, packWithContent, SIGNALS } from '../content/content-pack';
import { fakeContext, page, SITE } from './fake-probe';

const pack = packWithContent(
  {
    ...SIGNALS,
    O2: {
      concepts: [concept('executives', 'ผู้บริหาร')],
      negative: [],
      report: false,
    },
  },
  MARKERS,
);
const item = (id: string) => pack.itemById.get(id)!;
const url = (path: string) => new URL(path, SITE).href;
const cand = (itemId: string, path: string, extra: Partial<Candidate> = {}): Candidate => ({
  itemId,
  url: url(path),
  via: 'index',
  text: `${itemId} คลิกลิงค์ข้อมูล`,
  strength: 90,
  ...extra,
});
const body = 'กรมตัวอย่างจัดทำเอกสารนี้เพื่อเผยแพร่ต่อสาธารณะ ประกอบด้วยรายละเอียดโครงการ กิจกรรม งบประมาณ และผู้รับผิดชอบ';

describe('verifyItem reads the target (issue 9)', () => {
  it('passes a page whose own text is the item, with the phrase, snippet and place that decided it', async () => {
    const { ctx } = fakeContext(pack, {
      [url('/plan-2568')]: {
        html: page('แผนปฏิบัติราชการ ประจำปี 2568', `<h1>แผนปฏิบัติราชการ ประจำปีงบประมาณ 2568</h1><p>${body}</p>`),
      },
    });
    const v = await verifyItem(ctx, item('O10'), [cand('O10', '/plan-2568')]);
    expect(v.outcome).toBe('pass');
    expect(v.reason?.phrase).toBe('แผนปฏิบัติราชการ');
    expect(['title', 'heading']).toContain(v.reason?.where);
    expect(v.evidence[0]?.reason?.snippet).toContain('แผนปฏิบัติราชการ');
  });

  it('fails wrong-content when the row links something else, says what it looks like, and tries the next candidate', async () => {
    const { ctx, requested } = fakeContext(pack, {
      [url('/annual-2567')]: {
        html: page(
          'รายงานผลการดำเนินงานประจำปี 2567',
          `<h1>รายงานผลการดำเนินงานประจำปี 2567</h1><p>ผลการดำเนินงาน ร้อยละ 90 ${body}</p>`,
        ),
      },
      [url('/plan-2566')]: {
        html: page('แผนปฏิบัติราชการ 2566', `<h1>แผนปฏิบัติราชการ ประจำปี 2566</h1><p>${body}</p>`),
      },
    });
    const v = await verifyItem(ctx, item('O10'), [
      cand('O10', '/annual-2567'),
      cand('O10', '/plan-2566', { strength: 70 }),
    ]);
    expect(requested).toContain(url('/plan-2566'));
    // The second candidate is the plan but of an old year: that verdict speaks, not wrong-content.
    expect(v.outcome).toBe('fail');
    expect(v.problems.map((p) => p.code)).toEqual(['stale-year']);
    const only = await verifyItem(ctx, item('O10'), [cand('O10', '/annual-2567')]);
    expect(only.problems[0]?.code).toBe('wrong-content');
    expect(only.problems[0]?.detail).toContain('ดูเหมือน O12');
    expect(only.reason?.th).toContain('ไม่ใช่ O10');
  });

  it('menus and footers never confirm an item: only the page’s own text does', async () => {
    const { ctx } = fakeContext(pack, {
      [url('/news')]: { html: page('ข่าวประชาสัมพันธ์', `<h1>ข่าวประชาสัมพันธ์</h1><p>${body}</p>`) },
    });
    const v = await verifyItem(ctx, item('O10'), [
      cand('O10', '/news', { via: 'link', text: 'ประชาสัมพันธ์แผน' }),
    ]);
    expect(v.outcome).toBe('fail');
    expect(v.problems[0]?.code).toBe('wrong-content');
  });

  it('an image-only page is review (no-readable-text), never missing-element', async () => {
    const { ctx } = fakeContext(pack, {
      [url('/executives')]: { html: page('คณะผู้บริหาร', '<h1>คณะผู้บริหาร</h1><img src="/img/board.jpg">') },
    });
    const v = await verifyItem(ctx, item('O2'), [cand('O2', '/executives')]);
    expect(v.outcome).toBe('review');
    expect(v.problems[0]?.code).toBe('no-readable-text');
  });

  it('a report item linked to the policy it reports on fails: not a report of results', async () => {
    const { ctx } = fakeContext(pack, {
      [url('/hr-policy')]: {
        html: page(
          'นโยบายการบริหารทรัพยากรบุคคล',
          `<h1>นโยบายการบริหารทรัพยากรบุคคล ปี 2568</h1><p>${body} พัฒนาบุคลากร</p>`,
        ),
      },
    });
    const v = await verifyItem(ctx, item('O26'), [cand('O26', '/hr-policy')]);
    expect(v.outcome).toBe('fail');
    expect(v.problems[0]?.code).toBe('wrong-content');
    expect(v.problems[0]?.detail).toContain('ไม่ใช่รายงานผล');
  });

  it('follows a landing page one step to the document that carries the content, and names the PDF page', async () => {
    const { ctx } = fakeContext(pack, {
      [url('/downloads')]: {
        html: page(
          'ดาวน์โหลดเอกสาร',
          '<h1>ดาวน์โหลด</h1><ul><li><a href="/files/manual.pdf">คู่มือประชาชน</a></li><li><a href="/files/plan-2568.pdf">แผนปฏิบัติราชการ 2568</a></li></ul>',
        ),
      },
      [url('/files/manual.pdf')]: { pdfPages: ['คู่มือสำหรับประชาชน การขอรับบริการ ขั้นตอน ระยะเวลา'] },
      [url('/files/plan-2568.pdf')]: {
        pdfPages: [`กรมตัวอย่าง ${body}`, 'ภาคผนวก: แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2568 โครงการที่ 1'],
      },
    });
    const v = await verifyItem(ctx, item('O10'), [cand('O10', '/downloads')]);
    expect(v.outcome).toBe('pass');
    expect(v.evidence[0]?.url).toBe(url('/files/plan-2568.pdf'));
    expect(v.evidence[0]?.hub).toBe(url('/downloads'));
    expect(v.reason?.where).toBe('document');
    expect(v.reason?.page).toBe(2);
  });

  it('reports every target it read, so misfiled evidence can be credited to its real item', async () => {
    const { ctx, targets } = fakeContext(pack, {
      [url('/o10')]: {
        html: page('รายงานประจำปี 2567', `<h1>รายงานประจำปี 2567</h1><p>ผลการดำเนินงาน ร้อยละ 90 ${body}</p>`),
      },
    });
    await verifyItem(ctx, item('O10'), [cand('O10', '/o10')]);
    expect(targets).toEqual([{ item: 'O10', url: url('/o10') }]);
  });
});
