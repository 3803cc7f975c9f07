// Generates the small evidence PDFs of the fake agency sites (test/sites/agency-*/).
// The PDFs are committed; rerun this only when their content changes:
//
//   apt-get install -y fonts-thai-tlwg poppler-utils      # Thai TTF (Laksaman) + pdftotext to check
//   mkdir -p /tmp/pdfgen && cd /tmp/pdfgen && npm init -y && npm i pdf-lib@1.17.1 @pdf-lib/fontkit@1.1.1
//   node test/sites/_tools/make-pdfs.mjs                   # from the repo root
//   pdftotext test/sites/agency-complete/docs/ita2568/o10-action-plan-2568.pdf -   # check the text layer
//   node test/sites/_tools/make-pdfs.mjs --list          # prints the intended text of every PDF as JSON
//
// Env: PDFGEN_MODULES (default /tmp/pdfgen) holds node_modules with pdf-lib; THAI_FONT_DIR (default
// /usr/share/fonts/truetype/tlwg). Output is deterministic (fixed dates, no random ids).
// Every PDF has a real text layer that names the item and its year, except the one "scanned" PDF of
// agency-gaps (O20), which has only drawn shapes and no text at all.
// The OpenType feature `ccmp` is switched off so that SARA AM (U+0E33) is not split into
// NIKHAHIT + SARA AA glyphs, which would come back as "ํา" from pdftotext / pdf.js.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(path.join(process.env.PDFGEN_MODULES ?? '/tmp/pdfgen', 'noop.js'));
const { PDFDocument, rgb } = require('pdf-lib');
const fontkit = require('@pdf-lib/fontkit');

const sitesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fontDir = process.env.THAI_FONT_DIR ?? '/usr/share/fonts/truetype/tlwg';
const regularBytes = fs.readFileSync(path.join(fontDir, 'Laksaman.ttf'));
const boldBytes = fs.readFileSync(path.join(fontDir, 'Laksaman-Bold.ttf'));
const fixedDate = new Date('2025-04-01T02:00:00Z');

const C = 'กรมตัวอย่างการพัฒนา';
const CH = 'นายสมชาย ใจดีงาม';
const G = 'สำนักงานมาตรฐานตัวอย่างแห่งชาติ';
const GH = 'นางรัตนา ทองดี';

/** @type {{out: string, title: string, lines: string[]}[]} */
const docs = [
  // ---------------------------------------------------------------- agency-complete
  {
    out: 'agency-complete/docs/plan/strategic-plan-2566-2570.pdf',
    title: `แผนยุทธศาสตร์${C} พ.ศ. 2566 – 2570`,
    lines: [
      'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน ระยะ 5 ปี (ปีงบประมาณ พ.ศ. 2566 ถึง พ.ศ. 2570)',
      'วิสัยทัศน์: เป็นองค์กรหลักในการพัฒนาคุณภาพชีวิตของประชาชนอย่างยั่งยืน',
      'ยุทธศาสตร์ที่ 1 ส่งเสริมการพัฒนาชุมชนให้พึ่งพาตนเองได้ เป้าหมาย: ชุมชนต้นแบบ 500 แห่ง ตัวชี้วัด: ร้อยละของชุมชนที่ผ่านเกณฑ์',
      'ยุทธศาสตร์ที่ 2 พัฒนาการให้บริการประชาชนด้วยระบบดิจิทัล เป้าหมาย: บริการออนไลน์ครบทุกงานบริการ',
      'ยุทธศาสตร์ที่ 3 พัฒนาองค์กรให้มีธรรมาภิบาลและโปร่งใส เป้าหมาย: ผลการประเมิน ITA ระดับ A ขึ้นไป',
    ],
  },
  {
    out: 'agency-complete/docs/ita2568/o10-action-plan-2568.pdf',
    title: 'แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2568',
    lines: [
      C,
      'ระยะเวลา 1 ตุลาคม 2567 – 30 กันยายน 2568',
      'โครงการที่ 1 โครงการพัฒนาชุมชนต้นแบบ งบประมาณ 12,500,000 บาท ระยะเวลา ต.ค. 2567 – ก.ย. 2568 ผู้รับผิดชอบ กองส่งเสริมการพัฒนาชุมชน',
      'โครงการที่ 2 โครงการพัฒนาระบบบริการออนไลน์ งบประมาณ 4,800,000 บาท ระยะเวลา ม.ค. – มิ.ย. 2568',
      'โครงการที่ 3 โครงการส่งเสริมคุณธรรมและความโปร่งใส งบประมาณ 350,000 บาท ระยะเวลา ต.ค. 2567 – ก.ย. 2568',
    ],
  },
  {
    out: 'agency-complete/docs/ita2568/o11-report-6-months-2568.pdf',
    title: 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน',
    lines: [
      `${C} ปีงบประมาณ พ.ศ. 2568`,
      'รอบ 6 เดือน ระหว่างวันที่ 1 ตุลาคม 2567 ถึงวันที่ 31 มีนาคม 2568 (ต.ค.67 – มี.ค.68)',
      'โครงการที่ 1 โครงการพัฒนาชุมชนต้นแบบ ความก้าวหน้าร้อยละ 55 ใช้จ่ายงบประมาณ 6,100,000 บาท',
      'โครงการที่ 2 โครงการพัฒนาระบบบริการออนไลน์ ความก้าวหน้าร้อยละ 30 ใช้จ่ายงบประมาณ 1,200,000 บาท',
      'โครงการที่ 3 โครงการส่งเสริมคุณธรรมและความโปร่งใส ความก้าวหน้าร้อยละ 60',
      'ปัญหาอุปสรรค: การจัดซื้อจัดจ้างล่าช้า ข้อเสนอแนะ: เร่งรัดการจัดทำขอบเขตของงาน',
    ],
  },
  {
    out: 'agency-complete/docs/ita2568/o12-annual-report-2567.pdf',
    title: 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567',
    lines: [
      C,
      'ผลการดำเนินงานระหว่างวันที่ 1 ตุลาคม 2566 ถึงวันที่ 30 กันยายน 2567',
      'โครงการพัฒนาชุมชนต้นแบบ ดำเนินการแล้วเสร็จ 480 ชุมชน ใช้จ่ายงบประมาณ 11,950,000 บาท',
      'โครงการพัฒนาระบบสารสนเทศ ดำเนินการแล้วเสร็จร้อยละ 100',
      'ปัญหาอุปสรรคและข้อเสนอแนะ: ควรเพิ่มการมีส่วนร่วมของภาคประชาชนในการติดตามผล',
    ],
  },
  {
    out: 'agency-complete/docs/ita2568/o16-satisfaction-2567.pdf',
    title: 'รายงานผลการสำรวจความพึงพอใจการให้บริการ ประจำปีงบประมาณ พ.ศ. 2567',
    lines: [
      C,
      'กลุ่มตัวอย่าง: ผู้รับบริการ 1,250 คน ระหว่างเดือนตุลาคม 2566 – กันยายน 2567',
      'ความพึงพอใจต่อกระบวนการให้บริการ ร้อยละ 88.40',
      'ความพึงพอใจต่อเจ้าหน้าที่ผู้ให้บริการ ร้อยละ 91.20',
      'ความพึงพอใจต่อสิ่งอำนวยความสะดวก ร้อยละ 85.60',
    ],
  },
  {
    out: 'agency-complete/docs/ita2568/o16-satisfaction-6-months-2568.pdf',
    title: 'รายงานผลการสำรวจความพึงพอใจการให้บริการ รอบ 6 เดือน',
    lines: [
      `${C} ปีงบประมาณ พ.ศ. 2568 (ต.ค. 2567 – มี.ค. 2568)`,
      'กลุ่มตัวอย่าง: ผู้รับบริการ 640 คน',
      'ความพึงพอใจโดยรวม ร้อยละ 89.75',
    ],
  },
  {
    out: 'agency-complete/docs/ita2568/o18-spending-plan-2568.pdf',
    title: 'แผนการใช้จ่ายงบประมาณประจำปีงบประมาณ พ.ศ. 2568',
    lines: [
      C,
      'งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568 รวมทั้งสิ้น 200,000,000 บาท',
      'งบบุคลากร 120,000,000 บาท / งบดำเนินงาน 45,000,000 บาท / งบลงทุน 30,000,000 บาท / งบรายจ่ายอื่น 5,000,000 บาท',
      'แผนการเบิกจ่ายรายไตรมาส: ไตรมาสที่ 1 ร้อยละ 25 ไตรมาสที่ 2 ร้อยละ 25 ไตรมาสที่ 3 ร้อยละ 25 ไตรมาสที่ 4 ร้อยละ 25',
    ],
  },
  {
    out: 'agency-complete/docs/ita2568/o20-spending-report-2567.pdf',
    title: 'รายงานผลการใช้จ่ายงบประมาณประจำปีงบประมาณ พ.ศ. 2567',
    lines: [
      C,
      'ได้รับจัดสรรงบประมาณ 195,000,000 บาท เบิกจ่ายทั้งสิ้น 189,540,000 บาท คิดเป็นร้อยละ 97.20',
      'ปัญหาอุปสรรค: งบลงทุนบางรายการต้องกันเงินไว้เบิกเหลื่อมปี',
    ],
  },
  {
    out: 'agency-complete/docs/procurement/procurement-plan-2568.pdf',
    title: 'ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568',
    lines: [
      `ประกาศ${C} เรื่อง เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568`,
      '1. จ้างปรับปรุงอาคารศูนย์บริการประชาชน วงเงิน 8,500,000 บาท คาดว่าจะประกาศจัดซื้อจัดจ้าง มกราคม 2568',
      '2. ซื้อครุภัณฑ์คอมพิวเตอร์ วงเงิน 2,400,000 บาท คาดว่าจะประกาศจัดซื้อจัดจ้าง กุมภาพันธ์ 2568',
      `ประกาศ ณ วันที่ 28 ตุลาคม พ.ศ. 2567 (${CH}) อธิบดี${C}`,
    ],
  },
  {
    out: 'agency-complete/docs/procurement/sor-khor-ror-1-2568-03.pdf',
    title: 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน (แบบ สขร.1)',
    lines: [
      `${C} ประจำเดือนมีนาคม 2568 (ปีงบประมาณ พ.ศ. 2568)`,
      '1. ซื้อวัสดุสำนักงาน 48,500 บาท วิธีเฉพาะเจาะจง ผู้ได้รับการคัดเลือก: ร้านตัวอย่างพาณิชย์',
      '2. จ้างปรับปรุงอาคารศูนย์บริการประชาชน 1,980,000 บาท วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
    ],
  },
  {
    out: 'agency-complete/docs/procurement/procurement-report-2567.pdf',
    title: 'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปีงบประมาณ พ.ศ. 2567',
    lines: [
      C,
      'จำนวนโครงการทั้งสิ้น 142 โครงการ วงเงินรวม 38,450,000 บาท',
      'วิธีเฉพาะเจาะจง 128 โครงการ วิธีประกวดราคาอิเล็กทรอนิกส์ 14 โครงการ',
      'การวิเคราะห์ผล: ควรจัดทำแผนจัดซื้อจัดจ้างให้เร็วขึ้นเพื่อลดการเบิกจ่ายล่าช้า',
    ],
  },
  {
    out: 'agency-complete/docs/hr/hr-policy-implementation-6-months-2568.pdf',
    title: 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล รอบ 6 เดือน',
    lines: [
      `${C} ปีงบประมาณ พ.ศ. 2568 (1 ตุลาคม 2567 – 31 มีนาคม 2568)`,
      'ด้านการสรรหา: บรรจุข้าราชการใหม่ 12 อัตรา ด้วยการสอบแข่งขัน',
      'ด้านการพัฒนา: จัดอบรม 6 หลักสูตร ผู้เข้าอบรม 410 คน',
      'ด้านการประเมินผล: ประเมินผลการปฏิบัติงานรอบที่ 1 แล้วเสร็จร้อยละ 100',
    ],
  },
  {
    out: 'agency-complete/docs/hr/hr-annual-report-2567.pdf',
    title: 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปีงบประมาณ พ.ศ. 2567',
    lines: [
      C,
      'ผลการดำเนินงานตามแผนการบริหารและพัฒนาทรัพยากรบุคคล ระหว่าง ต.ค. 2566 – ก.ย. 2567',
      'บุคลากรได้รับการพัฒนาครบ 10 ชั่วโมงต่อปี ร้อยละ 96.50',
      'ปัญหาอุปสรรคและข้อเสนอแนะ: ควรเพิ่มหลักสูตรการเรียนรู้ออนไลน์',
    ],
  },
  {
    out: 'agency-complete/docs/anti-corruption/integrity-declaration-2568.pdf',
    title: 'ประกาศเจตจำนงสุจริตของผู้บริหาร',
    lines: [
      `ประกาศ${C} เรื่อง เจตจำนงสุจริตในการบริหารงาน ประจำปีงบประมาณ พ.ศ. 2568`,
      `ข้าพเจ้า ${CH} อธิบดี${C} ขอประกาศเจตจำนงว่าจะปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต`,
      'โปร่งใส ตรวจสอบได้ และจะไม่ทนต่อการทุจริตและประพฤติมิชอบทุกรูปแบบ',
      `ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2567 (${CH}) อธิบดี${C}`,
    ],
  },
  {
    out: 'agency-complete/docs/anti-corruption/risk-assessment-2568.pdf',
    title: 'การประเมินความเสี่ยงการทุจริตประจำปีงบประมาณ พ.ศ. 2568',
    lines: [
      C,
      'เหตุการณ์ความเสี่ยงที่ 1: การเอื้อประโยชน์ในการจัดซื้อจัดจ้าง ระดับความเสี่ยง สูง มาตรการควบคุม: แบบแสดงความไม่มีส่วนได้เสีย',
      'เหตุการณ์ความเสี่ยงที่ 2: การใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน ระดับความเสี่ยง ปานกลาง',
    ],
  },
  {
    out: 'agency-complete/docs/anti-corruption/anti-corruption-plan-2568.pdf',
    title: 'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568',
    lines: [
      C,
      'โครงการที่ 1 อบรมเสริมสร้างวัฒนธรรมองค์กร "ไม่ทนต่อการทุจริต" งบประมาณ 150,000 บาท ม.ค. 2568',
      'โครงการที่ 2 เผยแพร่ข้อมูลต่อสาธารณะตามเกณฑ์ ITA งบประมาณ 50,000 บาท ต.ค. 2567 – ก.ย. 2568',
      'โครงการที่ 3 ประเมินความเสี่ยงการทุจริตและติดตามมาตรการควบคุม งบประมาณ 30,000 บาท',
    ],
  },
  {
    out: 'agency-complete/docs/anti-corruption/anti-corruption-report-6-months-2568.pdf',
    title: 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ ๖ เดือน',
    lines: [
      `${C} ประจำปีงบประมาณ พ.ศ. ๒๕๖๘`,
      'ระหว่างวันที่ ๑ ตุลาคม ๒๕๖๗ ถึงวันที่ ๓๑ มีนาคม ๒๕๖๘',
      'โครงการที่ ๑ อบรมเสริมสร้างวัฒนธรรมองค์กร ดำเนินการแล้วเสร็จ ผู้เข้าร่วม ๒๓๐ คน',
      'โครงการที่ ๒ เผยแพร่ข้อมูลต่อสาธารณะ อยู่ระหว่างดำเนินการ ร้อยละ ๖๐',
    ],
  },
  {
    out: 'agency-complete/docs/anti-corruption/anti-corruption-report-2567.pdf',
    title: 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปีงบประมาณ พ.ศ. 2567',
    lines: [
      C,
      'ผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ระหว่าง 1 ต.ค. 2566 – 30 ก.ย. 2567',
      'ดำเนินการครบ 3 โครงการ ร้อยละ 100 ผลการประเมิน ITA ปี 2567 ได้ 91.25 คะแนน',
    ],
  },

  // ---------------------------------------------------------------- agency-gaps
  {
    out: 'agency-gaps/files/ita2568/O4/strategic-plan-2566-2570.pdf',
    title: `แผนยุทธศาสตร์${G} พ.ศ. 2566 – 2570`,
    lines: [
      'แผนพัฒนาหน่วยงานระยะ 5 ปี ปีงบประมาณ พ.ศ. 2566 – 2570',
      'ยุทธศาสตร์ที่ 1 ยกระดับมาตรฐานตัวอย่างให้เป็นที่ยอมรับ ยุทธศาสตร์ที่ 2 พัฒนาระบบรับรองมาตรฐานดิจิทัล',
    ],
  },
  {
    // stale: linked as O10 of ITA 2568, but it is the FY2566 plan (also the "O11" of the ITA 2566 archive)
    out: 'agency-gaps/files/ita2566/O11/action-plan-2566.pdf',
    title: 'แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2566',
    lines: [
      G,
      'ระยะเวลา 1 ตุลาคม 2565 – 30 กันยายน 2566',
      'โครงการที่ 1 ปรับปรุงมาตรฐานตัวอย่าง งบประมาณ 2,000,000 บาท',
      'โครงการที่ 2 อบรมผู้ตรวจประเมิน งบประมาณ 500,000 บาท',
    ],
  },
  {
    // stale: first half of FY2567, not FY2568
    out: 'agency-gaps/files/ita2568/O11/report-6-months-2567.pdf',
    title: 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน',
    lines: [
      `${G} ปีงบประมาณ พ.ศ. 2567`,
      'ระหว่างวันที่ 1 ตุลาคม 2566 ถึงวันที่ 31 มีนาคม 2567 (ต.ค.66 – มี.ค.67)',
      'โครงการที่ 1 ความก้าวหน้าร้อยละ 45 โครงการที่ 2 ความก้าวหน้าร้อยละ 50',
    ],
  },
  {
    // stale: FY2565 annual report (FY2567 expected)
    out: 'agency-gaps/files/ita2566/O13/annual-report-2565.pdf',
    title: 'รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2565',
    lines: [G, 'ผลการดำเนินงานระหว่าง 1 ตุลาคม 2564 – 30 กันยายน 2565', 'ดำเนินการแล้วเสร็จ 8 โครงการ จาก 9 โครงการ'],
  },
  {
    out: 'agency-gaps/files/ita2568/O18/spending-plan-2568.pdf',
    title: 'แผนการใช้จ่ายงบประมาณประจำปีงบประมาณ พ.ศ. 2568',
    lines: [G, 'งบดำเนินงาน 8,500,000 บาท งบลงทุน 3,000,000 บาท รวม 11,500,000 บาท'],
  },
  {
    out: 'agency-gaps/files/ita2568/O21/procurement-plan-2568.pdf',
    title: 'แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568',
    lines: [`ประกาศ${G} เรื่อง เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568`, '1. ซื้อเครื่องมือวัดมาตรฐาน วงเงิน 2,500,000 บาท'],
  },
  {
    out: 'agency-gaps/files/ita2568/O28/hr-annual-report-2567.pdf',
    title: 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปีงบประมาณ พ.ศ. 2567',
    lines: [G, 'พนักงานได้รับการพัฒนาตามแผน ร้อยละ 92 (ต.ค. 2566 – ก.ย. 2567)'],
  },
  {
    out: 'agency-gaps/files/ita2568/O34/integrity-declaration-2568.pdf',
    title: 'ประกาศเจตจำนงสุจริตของผู้บริหาร ประจำปีงบประมาณ พ.ศ. 2568',
    lines: [
      `ข้าพเจ้า ${GH} ผู้อำนวยการ${G} ขอประกาศเจตจำนงว่าจะบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส`,
      'ประกาศ ณ วันที่ 2 ตุลาคม พ.ศ. 2567',
    ],
  },
  {
    // stale: FY2567 risk assessment (FY2568 expected)
    out: 'agency-gaps/files/ita2568/O36/risk-assessment-2567.pdf',
    title: 'การประเมินความเสี่ยงการทุจริตประจำปีงบประมาณ พ.ศ. 2567',
    lines: [G, 'ความเสี่ยง: การเรียกรับผลประโยชน์ในการตรวจประเมิน ระดับ สูง'],
  },
  {
    out: 'agency-gaps/files/ita2568/O39/anti-corruption-plan-2568.pdf',
    title: 'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568',
    lines: [G, 'โครงการอบรมคุณธรรม งบประมาณ 60,000 บาท / โครงการเผยแพร่ข้อมูลต่อสาธารณะ งบประมาณ 20,000 บาท'],
  },
  {
    out: 'agency-gaps/files/ita2568/O40/anti-corruption-report-6-months-2568.pdf',
    title: 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน',
    lines: [`${G} ปีงบประมาณ พ.ศ. 2568 (ต.ค.67 – มี.ค.68)`, 'โครงการอบรมคุณธรรม ดำเนินการแล้วเสร็จ'],
  },
  {
    out: 'agency-gaps/files/ita2568/O41/anti-corruption-report-2567.pdf',
    title: 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปีงบประมาณ พ.ศ. 2567',
    lines: [G, 'ดำเนินการตามแผนครบ 2 โครงการ (1 ต.ค. 2566 – 30 ก.ย. 2567)'],
  },
];

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Wraps at spaces; a word wider than the line (Thai runs have no spaces) is split at Thai word boundaries. */
function wrap(text, font, size, width) {
  const fits = (s) => font.widthOfTextAtSize(s, size) <= width;
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) out.push(line);
    line = '';
    if (fits(word)) {
      line = word;
      continue;
    }
    for (const { segment } of segmenter.segment(word)) {
      if (line && !fits(line + segment)) {
        out.push(line);
        line = '';
      }
      line += segment;
    }
  }
  if (line) out.push(line);
  return out;
}

/** Largest size up to `max` at which the widest space-separated word of `text` fits on one line. */
function fitSize(text, font, max, width) {
  const widest = Math.max(...text.split(' ').map((w) => font.widthOfTextAtSize(w, max)));
  return widest <= width ? max : Math.floor((max * width) / widest);
}

async function newDoc(title) {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator('oit-audit test fixtures');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(fixedDate);
  doc.setModificationDate(fixedDate);
  return doc;
}

async function textPdf({ title, lines }) {
  const doc = await newDoc(title);
  doc.registerFontkit(fontkit);
  const opts = { subset: true, features: { ccmp: false } };
  const regular = await doc.embedFont(regularBytes, opts);
  const bold = await doc.embedFont(boldBytes, opts);
  const page = doc.addPage([595, 842]);
  const width = 595 - 2 * 56;
  let y = 842 - 72;
  const titleSize = fitSize(title, bold, 20, width);
  for (const l of wrap(title, bold, titleSize, width)) {
    page.drawText(l, { x: 56, y, size: titleSize, font: bold });
    y -= titleSize + 8;
  }
  y -= 8;
  for (const para of lines) {
    for (const l of wrap(para, regular, 15, width)) {
      page.drawText(l, { x: 56, y, size: 15, font: regular });
      y -= 21;
    }
    y -= 6;
  }
  return doc.save({ useObjectStreams: false });
}

/** A "scanned" page: grey bars for lines of text, a stamp and a signature, and no text layer at all. */
async function scannedPdf(title) {
  const doc = await newDoc(title);
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 0, y: 0, width: 595, height: 842, color: rgb(0.96, 0.95, 0.9) });
  page.drawRectangle({ x: 150, y: 760, width: 295, height: 16, color: rgb(0.35, 0.35, 0.35) });
  for (let i = 0; i < 22; i++) {
    const w = 420 + ((i * 37) % 60) - (i % 5 === 4 ? 180 : 0);
    page.drawRectangle({ x: 70, y: 700 - i * 24, width: w, height: 9, color: rgb(0.55, 0.55, 0.55) });
  }
  page.drawEllipse({ x: 420, y: 120, xScale: 45, yScale: 45, borderColor: rgb(0.7, 0.1, 0.1), borderWidth: 3 });
  page.drawLine({ start: { x: 300, y: 110 }, end: { x: 380, y: 125 }, thickness: 2, color: rgb(0.1, 0.1, 0.5) });
  return doc.save({ useObjectStreams: false });
}

if (process.argv.includes('--list')) {
  // machine-readable list of the text PDFs and their intended text (used to check the text layer)
  console.log(JSON.stringify(docs, null, 2));
  process.exit(0);
}

for (const d of docs) {
  const file = path.join(sitesDir, d.out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await textPdf(d));
}
// agency-gaps O20: the FY2567 budget report, scanned (no text layer) -> review / no-text-layer
const scan = path.join(sitesDir, 'agency-gaps/files/ita2568/O20/scan0001.pdf');
fs.mkdirSync(path.dirname(scan), { recursive: true });
fs.writeFileSync(scan, await scannedPdf('scan0001'));
console.log(`wrote ${docs.length + 1} PDFs under ${sitesDir}`);
