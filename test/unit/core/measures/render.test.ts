import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  draftMeasuresFromSurvey,
  layoutMeasures,
  type MeasuresDocument,
  measuresDocumentSchema,
  renderMeasuresDocx,
  renderMeasuresHtml,
  renderMeasuresJson,
  renderMeasuresMarkdown,
  thaiDigitsOutsideUrls,
} from '../../../../src/core/measures';
import { getRulePack } from '../../../../src/core/rules/registry';
import fixture from '../../../fixtures/seed-002-survey.json';
import { describeNeeding } from '../../../helpers/describe-needing';
import { unzip } from '../../../helpers/unzip';

const pack = getRulePack('ita-2562')!;
const HOSTILE = 'O99 <script>alert(1)</script> | **x** [a](javascript:alert(1))';

/** Seed 002's draft plus one OIT-like row carrying hostile site text, and a site with digits. */
function sampleDoc(): MeasuresDocument {
  const doc = draftMeasuresFromSurvey(fixture.survey, pack, {
    subScores: fixture.subScores,
    oit: fixture.oit,
    agencyName: 'สำนักงานส่งเสริมการจัดประชุมและนิทรรศการ (องค์การมหาชน)',
    date: new Date('2021-11-20T03:00:00Z'),
  });
  const template = pack.itemById.get('O12')!.measure;
  return {
    ...doc,
    site: 'http://127.0.0.1:8080/ita2568/',
    rows: [
      {
        ...template,
        target: 'O12',
        kind: 'item',
        band: 'urgent',
        issue: HOSTILE,
        itaGain: 0.5,
      },
      ...doc.rows,
    ],
  };
}

describe('measures layout and digits', () => {
  it('keeps Arabic digits in URLs, hosts and IPs and turns the rest into Thai digits', () => {
    expect(thaiDigitsOutsideUrls('O34 ปี 2568 ที่ http://127.0.0.1:8080/a2568 และ www.moe2.go.th 91.50')).toBe(
      'O๓๔ ปี ๒๕๖๘ ที่ http://127.0.0.1:8080/a2568 และ www.moe2.go.th ๙๑.๕๐',
    );
  });

  it('follows the section order of the seeds and numbers the rows', () => {
    const blocks = layoutMeasures(sampleDoc());
    expect(blocks.map((b) => b.type)).toEqual([
      'title',
      'heading',
      'paragraph',
      'heading',
      'table',
      'table',
      'heading',
      'list',
      'heading',
      'paragraph',
      'measures',
      'heading',
      'list',
      'heading',
      'paragraph',
      'signature',
    ]);
    const title = blocks[0];
    expect(title?.type === 'title' && title.lines).toEqual([
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
      'ประจำปีงบประมาณ พ.ศ. 2565',
      'สำนักงานส่งเสริมการจัดประชุมและนิทรรศการ (องค์การมหาชน)',
    ]);
    const signature = blocks.at(-1);
    expect(signature?.type === 'signature' && signature.lines).toContain('วันที่ 20 พฤศจิกายน 2564');
  });
});

describe('renderMeasuresMarkdown / Html / Json', () => {
  it('Markdown: the seed columns, quarters marked, site text escaped', () => {
    const md = renderMeasuresMarkdown(sampleDoc());
    expect(md).toContain('# มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(md).toContain(
      '| ประเด็น | มาตรการ/กิจกรรม | ขั้นตอน/วิธีการ | ผู้รับผิดชอบ | ไตรมาส 1 | ไตรมาส 2 | ไตรมาส 3 | ไตรมาส 4 | การติดตาม | การรายงานผล |',
    );
    expect(md).toContain('I7 การรับรู้แผนการใช้จ่ายงบประมาณประจำปีของหน่วยงาน (81.80 คะแนน ระดับ B)');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('O99 \\<script\\>alert(1)\\</script\\> \\| \\*\\*x\\*\\* \\[a\\]');
    // Every measures row has ten cells.
    const rows = md.split('\n').filter((l) => /^\| \d+\. /.test(l));
    expect(rows.length).toBe(sampleDoc().rows.length);
    for (const r of rows) expect(r.split(/(?<!\\)\|/).length - 2).toBe(10);
  });

  it('Markdown with Thai digits', () => {
    const md = renderMeasuresMarkdown(sampleDoc(), { thaiDigits: true });
    expect(md).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕');
    expect(md).toContain('(๘๑.๘๐ คะแนน ระดับ B)');
    expect(md).toContain('http://127.0.0.1:8080/ita2568/');
    expect(md).toContain('I๑๔');
  });

  it('HTML: self-contained, escaped, with the quarter columns', () => {
    const html = renderMeasuresHtml(sampleDoc());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html).toContain('O99 &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('<th colspan="4">ระยะเวลา</th>');
    expect(html).toContain('class="q on"');
    expect(html).toContain("default-src 'none'");
  });

  it('JSON is the document itself', () => {
    const doc = sampleDoc();
    const parsed = measuresDocumentSchema.parse(JSON.parse(renderMeasuresJson(doc)));
    expect(parsed.rows).toHaveLength(doc.rows.length);
    expect(parsed.fiscalYear).toBe(2565);
  });
});

describe('renderMeasuresDocx', () => {
  it('is a valid zip whose document.xml has the Thai rows and declares TH Sarabun New for Thai', async () => {
    const bytes = await renderMeasuresDocx(sampleDoc());
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    const files = unzip(bytes);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );
    const xml = files.get('word/document.xml')!.toString('utf8');
    const styles = files.get('word/styles.xml')!.toString('utf8');
    // The rows, in Thai, escaped as XML.
    expect(xml).toContain('I7 การรับรู้แผนการใช้จ่ายงบประมาณประจำปีของหน่วยงาน (81.80 คะแนน ระดับ B)');
    expect(xml).toContain('E14 การเปิดโอกาสให้ผู้รับบริการหรือผู้มีส่วนได้ส่วนเสียมีส่วนร่วมปรับปรุงการดำเนินงาน');
    expect(xml).toContain('O99 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    // The seed columns and the quarters.
    for (const col of [
      'ประเด็น',
      'มาตรการ/กิจกรรม',
      'ขั้นตอน/วิธีการ',
      'ผู้รับผิดชอบ',
      'ระยะเวลา',
      'การติดตาม',
      'การรายงานผล',
    ])
      expect(xml).toContain(`>${col}</w:t>`);
    expect(xml).toContain('w:fill="A6B4C8"');
    expect(xml).toContain('<w:tblHeader/>');
    // TH Sarabun New for every script, complex script included, 16 pt (32 half-points) for Thai.
    expect(styles).toContain('w:cs="TH Sarabun New"');
    expect(styles).toContain('<w:szCs w:val="32"/>');
    expect(xml).toContain('w:cs="TH Sarabun New"');
    expect(xml).toContain('<w:cs/>');
    // A4 portrait with Thai official margins, and a landscape section for the table.
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1701"/);
    // BE dates and the signature block.
    expect(xml).toContain('ประจำปีงบประมาณ พ.ศ. 2565');
    expect(xml).toContain('วันที่ 20 พฤศจิกายน 2564');
    expect(xml).toContain('ผู้อำนวยการ/หัวหน้าหน่วยงาน');
    expect(xml).toMatch(/ลงชื่อ \.{10,}/);
  });

  it('Thai digits on request (URLs keep theirs)', async () => {
    const xml = unzip(await renderMeasuresDocx(sampleDoc(), { thaiDigits: true }))
      .get('word/document.xml')!
      .toString('utf8');
    expect(xml).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕');
    expect(xml).toContain('วันที่ ๒๐ พฤศจิกายน ๒๕๖๔');
    expect(xml).toContain('w:fmt="thaiNumbers"');
  });
});

// LibreOffice and poppler come from apt (.ci/run installs them): the DOCX must open in a real
// word processor, and page 1 is kept as a PNG to look at.
describeNeeding(['soffice', 'pdftoppm'], 'measures DOCX rendered by LibreOffice', (programs) => {
  it('renders with LibreOffice to PDF and a PNG of page 1 (test-results/measures/)', async () => {
    const dir = join(import.meta.dirname, '../../../../test-results/measures');
    mkdirSync(dir, { recursive: true });
    const docx = join(dir, 'seed-002-measures.docx');
    writeFileSync(docx, await renderMeasuresDocx(sampleDoc()));
    execFileSync(programs.soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      timeout: 120_000,
      stdio: 'ignore',
      env: { ...process.env, HOME: dir },
    });
    const pdf = join(dir, 'seed-002-measures.pdf');
    expect(existsSync(pdf)).toBe(true);
    execFileSync(programs.pdftoppm, ['-r', '80', '-f', '1', '-l', '1', '-png', pdf, join(dir, 'page')]);
    const png = ['page-1.png', 'page-01.png', 'page-001.png']
      .map((f) => join(dir, f))
      .find((f) => existsSync(f));
    expect(png).toBeDefined();
  }, 150_000);
});
