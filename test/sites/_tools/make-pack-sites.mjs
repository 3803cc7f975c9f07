#!/usr/bin/env node
/**
 * Writes three labelled fixture sites for issue 10 (rule packs of other years and families):
 *   agency-2566    an NACC agency whose ITA index uses the 2566 renumbered list (O1–O43)
 *   agency-2569    an NACC agency with the 26-item 2569 list
 *   hospital-moit  a MOPH hospital publishing MOIT 1–22 (ITA 2569)
 * Each item page is written from the item definition of its pack (name, freshness, required
 * elements); a few items are left out or dated wrongly on purpose, and labels.json says so.
 *
 *   node test/sites/_tools/make-pack-sites.mjs
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

function loadPack(id) {
  const dir = join(root, 'rules', id);
  const items = readdirSync(join(dir, 'items')).map((f) => readJson(join(dir, 'items', f)));
  return items.sort((a, b) => Number(a.id.replace(/\D/g, '')) - Number(b.id.replace(/\D/g, '')));
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title, body, agency) {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>${esc(title)} | ${esc(agency)}</title></head>
<body>
<nav><a href="/">หน้าแรก</a> | <a href="/ita/">ITA</a></nav>
<main>
${body}
</main>
<footer>${esc(agency)}</footer>
</body></html>
`;
}

/** Text that satisfies an item's required elements, by element id. */
const ELEMENT_TEXT = {
  'head-position': '<p>ผู้อำนวยการ: นายสมชาย ใจดี โทร 02-123-4500 อีเมล director@agency.test</p>',
  'deputy-position': '<p>รองผู้อำนวยการ: นางสาวสมศรี มีสุข โทร 02-123-4501</p>',
  'person-name': '',
  address: '<p>ที่อยู่ เลขที่ 99 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพฯ 10400</p>',
  phone: '<p>โทรศัพท์ 02-123-4567</p>',
  'fax-or-email': '<p>โทรสาร 02-123-4568 อีเมล <a href="mailto:info@agency.test">info@agency.test</a></p>',
  map: '<p>แผนที่ตั้งหน่วยงาน</p><iframe src="https://maps.google.com/maps?q=13.76,100.53&output=embed" title="map"></iframe>',
  month: '<p>เดือนมกราคม และเดือนกุมภาพันธ์</p>',
};

const THAI_MONTH_JAN = 'มกราคม';

function yearText(freshness, fy, wrong) {
  const y = wrong ? fy - 3 : fy;
  switch (freshness) {
    case 'current-fy':
      return `<p>ประจำปีงบประมาณ พ.ศ. ${y} ประกาศ ณ วันที่ 15 ${THAI_MONTH_JAN} พ.ศ. ${y}</p>`;
    case 'first-half':
      return `<p>รอบ 6 เดือน ปีงบประมาณ พ.ศ. ${y} (1 ตุลาคม ${y - 1} – 31 มีนาคม ${y})</p>`;
    case 'previous-fy':
      return `<p>ประจำปีงบประมาณ พ.ศ. ${y - 1} (1 ตุลาคม ${y - 2} – 30 กันยายน ${y - 1})</p>`;
    default:
      return '';
  }
}

function itemBody(item, fy, opts) {
  const parts = [`<h1>${esc(item.name.th)}</h1>`, `<p>${esc(item.description.th)}</p>`];
  parts.push(yearText(item.freshness, fy, opts.wrongYear));
  // What the evidence must talk about (the item's content signals), as a real page would say it.
  for (const c of item.content?.concepts ?? []) parts.push(`<p>${esc(c.anyOf[0])} ของหน่วยงาน</p>`);
  if (item.content?.report) parts.push('<p>รายงานผลการดำเนินการ</p>');
  for (const e of item.requiredElements ?? []) parts.push(ELEMENT_TEXT[e.id] ?? '');
  if (item.evidenceKind === 'channel') {
    parts.push(
      '<form action="/submit" method="post"><label>ชื่อ <input name="name"></label><label>ข้อความ <textarea name="message"></textarea></label><button>ส่ง</button></form>',
    );
  }
  if (opts.moph) {
    parts.push(
      '<p>บันทึกข้อความขออนุญาตเผยแพร่ข้อมูล ลงนามโดยผู้อำนวยการโรงพยาบาล และแบบฟอร์มการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน</p>',
    );
  }
  return parts.filter(Boolean).join('\n');
}

function makeSite(spec) {
  const items = loadPack(spec.pack);
  const dir = join(root, 'test/sites', spec.site);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'ita'), { recursive: true });
  const labels = {};
  const rows = [];
  for (const item of items) {
    const code = spec.code(item.id);
    const slug = item.id.toLowerCase();
    const missing = spec.missing[item.id];
    const wrong = spec.wrongYear[item.id];
    if (missing) {
      rows.push(`<tr><td>${code}</td><td>${esc(item.name.th)}</td><td>อยู่ระหว่างจัดทำ</td></tr>`);
      labels[item.id] = { outcome: 'fail', reason: missing };
      continue;
    }
    const off = item.evidenceKind === 'off-site-link';
    const href = off ? 'https://www.facebook.com/agency.test' : `/ita/${slug}.html`;
    rows.push(
      `<tr><td>${code}</td><td>${esc(item.name.th)}</td><td><a href="${href}">คลิกลิงก์ข้อมูล</a></td></tr>`,
    );
    if (!off) {
      writeFileSync(
        join(dir, 'ita', `${slug}.html`),
        page(item.name.th, itemBody(item, spec.year, { wrongYear: Boolean(wrong), moph: spec.moph }), spec.agency),
      );
    }
    labels[item.id] = wrong
      ? { outcome: 'fail', reason: wrong }
      : off
        ? {
            outcome: 'pass',
            evidence: [href],
            reason: "the ITA row links the agency's own social-network account, which the item accepts off-site",
          }
        : {
            outcome: 'pass',
            evidence: [`/ita/${slug}.html`],
            reason: `page titled "${item.name.th}" with the content, elements and year the item definition asks for`,
          };
  }
  const indexTitle = spec.indexTitle;
  writeFileSync(
    join(dir, 'ita', 'index.html'),
    page(
      indexTitle,
      `<h1>${esc(indexTitle)}</h1>\n<table>\n<tr><th>ข้อ</th><th>รายการ</th><th>ลิงก์</th></tr>\n${rows.join('\n')}\n</table>`,
      spec.agency,
    ),
  );
  writeFileSync(
    join(dir, 'index.html'),
    page(
      'หน้าแรก',
      `<h1>${esc(spec.agency)}</h1>\n<ul>\n<li><a href="/ita/">${esc(indexTitle)}</a></li>\n</ul>\n<p>ยินดีต้อนรับสู่เว็บไซต์${esc(spec.agency)}</p>`,
      spec.agency,
    ),
  );
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nAllow: /\n');
  writeFileSync(
    join(dir, 'README.md'),
    `# ${spec.site}\n\n${spec.description}\n\nGenerated by \`test/sites/_tools/make-pack-sites.mjs\` from the item definitions of \`rules/${spec.pack}\`; do not edit by hand.\n`,
  );
  writeFileSync(
    join(dir, 'labels.json'),
    `${JSON.stringify(
      {
        site: spec.site,
        description: spec.description,
        assessmentYear: spec.year,
        now: spec.now,
        rules: 'auto',
        expectPack: spec.pack,
        items: labels,
      },
      null,
      2,
    )}\n`,
  );
}

makeSite({
  site: 'agency-2566',
  pack: 'ita-2566',
  year: 2566,
  now: '2023-04-20T03:00:00Z',
  agency: 'สำนักงานส่งเสริมกิจการตัวอย่าง',
  indexTitle: 'ITA 2566 การเปิดเผยข้อมูลสาธารณะ (OIT)',
  description:
    'NACC agency with an ITA 2566 index in the renumbered 2566 list (O1–O43); O10 and O33 are not published and the 6-month report O12 is three years old',
  code: (id) => id,
  missing: {
    O10: 'row O10 says "อยู่ระหว่างจัดทำ": no personal-data protection policy is published',
    O33: 'row O33 has no link: no No Gift Policy report',
  },
  wrongYear: { O12: 'the 6-month report covers FY2563, not the first half of FY2566' },
});

makeSite({
  site: 'agency-2569',
  pack: 'ita-2569',
  year: 2569,
  now: '2026-04-20T03:00:00Z',
  agency: 'สถาบันวิจัยตัวอย่าง (องค์การมหาชน)',
  indexTitle: 'ITA 2569 การเปิดเผยข้อมูลสาธารณะ (OIT)',
  description:
    'NACC public organisation with the 26-item ITA 2569 list; O6 and O19 are not published and the HR report O14 is for the wrong year',
  code: (id) => id,
  missing: {
    O6: 'row O6 says "อยู่ระหว่างจัดทำ": no annual operating plan',
    O19: 'row O19 has no link: no evidence of participation results',
  },
  wrongYear: { O14: 'the HR report is for FY2565, not the previous fiscal year 2568' },
});

makeSite({
  site: 'hospital-moit',
  pack: 'moph-moit-2569',
  year: 2569,
  now: '2026-04-20T03:00:00Z',
  agency: 'โรงพยาบาลตัวอย่าง',
  indexTitle: 'ITA 2569 MOIT การประเมินคุณธรรมและความโปร่งใส กระทรวงสาธารณสุข',
  description:
    'MOPH hospital publishing MOIT 1–22 for ITA 2569 (evidence bundles with a signed memo); MOIT 13 and MOIT 20 are not published',
  code: (id) => `MOIT ${id.replace(/\D/g, '')}`,
  missing: {
    MOIT13: 'row MOIT 13 says "อยู่ระหว่างจัดทำ": no drug-promotion ethics guideline',
    MOIT20: 'row MOIT 20 has no link: no anti-corruption day activity',
  },
  wrongYear: {},
  moph: true,
});
console.log('wrote agency-2566, agency-2569, hospital-moit');
