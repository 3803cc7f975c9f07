import type { Lang } from './report/labels';

/**
 * The one message catalogue of oit-audit: every user-facing word of the side panel, the reports
 * (HTML, text, Markdown) and the CLI's shared messages, Thai first with English beside it.
 * Wording is fixed here once and shows the same in every shell. `{name}` placeholders are
 * filled by {@link msg}.
 */
export const MESSAGES = {
  // ── side panel and report view ──
  appTitle: { th: 'ตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', en: 'Open data audit (OIT)' },
  language: { th: 'ภาษา', en: 'Language' },
  siteUrl: { th: 'เว็บไซต์ที่ตรวจ', en: 'Site to audit' },
  useCurrentTab: { th: 'ใช้แท็บปัจจุบัน', en: 'Use current tab' },
  auditThisSite: { th: 'ตรวจเว็บไซต์นี้', en: 'Audit this site' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
  assessmentYear: { th: 'ปีงบประมาณที่ประเมิน (พ.ศ.)', en: 'Assessed fiscal year (BE)' },
  advanced: { th: 'ตั้งค่าเพิ่มเติม', en: 'More settings' },
  maxPages: { th: 'จำนวนหน้าสูงสุด', en: 'Max pages' },
  delayMs: { th: 'ระยะห่างระหว่างคำขอ (มิลลิวินาที)', en: 'Gap between requests (ms)' },
  permissionWhy: {
    th: 'เมื่อกด "ตรวจเว็บไซต์นี้" Chrome จะถามสิทธิ์อ่านข้อมูลของ {site} เท่านั้น เพื่อให้ส่วนขยายโหลดหน้าเว็บและเอกสารของเว็บไซต์นี้มาตรวจในเครื่องของคุณ ไม่มีการส่งข้อมูลไปที่อื่น',
    en: 'When you press "Audit this site", Chrome will ask for access to {site} only, so the extension can download this site\'s pages and documents and check them on your computer. Nothing is sent anywhere else.',
  },
  permissionGranted: { th: 'ได้รับสิทธิ์เข้าถึง {site} แล้ว', en: 'Access to {site} is granted' },
  permissionDenied: {
    th: 'ไม่ได้รับสิทธิ์เข้าถึงเว็บไซต์ จึงตรวจไม่ได้',
    en: 'Access to the site was not granted, so it cannot be audited',
  },
  invalidUrl: {
    th: 'กรุณากรอกที่อยู่เว็บไซต์ที่ขึ้นต้นด้วย http:// หรือ https://',
    en: 'Enter a URL starting with http:// or https://',
  },
  running: { th: 'กำลังตรวจ…', en: 'Auditing…' },
  phase_crawl: { th: 'กำลังอ่านหน้าเว็บ', en: 'Reading pages' },
  phase_detect: { th: 'กำลังค้นหาหลักฐาน', en: 'Finding evidence' },
  phase_verify: { th: 'กำลังตรวจหลักฐาน', en: 'Checking evidence' },
  phase_done: { th: 'ตรวจเสร็จแล้ว', en: 'Done' },
  pagesProgress: { th: 'หน้าเว็บ {n} หน้า (รอ {q})', en: '{n} pages ({q} queued)' },
  itemsProgress: { th: 'ตัดสินแล้ว {n} จาก {t} ข้อ', en: '{n} of {t} items decided' },
  cancelled: {
    th: 'ยกเลิกการตรวจแล้ว ผลครั้งก่อน (ถ้ามี) ยังอยู่',
    en: 'Audit cancelled; the previous result (if any) is kept',
  },
  noReport: { th: 'ยังไม่มีผลการตรวจของเว็บไซต์นี้', en: 'No audit of this site yet' },
  // report
  reportFor: { th: 'ผลการตรวจ', en: 'Audit of' },
  auditedOn: { th: 'ตรวจเมื่อ', en: 'Audited on' },
  rulePack: { th: 'ชุดเกณฑ์', en: 'rule pack' },
  madeBy: { th: 'สร้างโดย', en: 'Made by' },
  env_cli: { th: 'โปรแกรม CLI', en: 'the CLI' },
  env_extension: { th: 'ส่วนขยายเบราว์เซอร์', en: 'the browser extension' },
  pagesRead: { th: 'อ่าน {n} หน้า', en: '{n} pages read' },
  warnings: { th: 'ข้อสังเกตของการตรวจ', en: 'Run warnings' },
  oitScore: { th: 'คะแนน OIT', en: 'OIT score' },
  upperBound: {
    th: 'สูงสุด {n} หากรายการที่ต้องตรวจสอบผ่านทั้งหมด',
    en: 'up to {n} if every item needing review passes',
  },
  indicator: { th: 'ตัวชี้วัดที่', en: 'Indicator' },
  subIndicator: { th: 'ตัวชี้วัดย่อย', en: 'Sub-indicator' },
  passedOf: { th: 'ผ่าน {p}/{t}', en: '{p}/{t} passed' },
  itaProjection: { th: 'คะแนน ITA ที่คาดการณ์', en: 'Projected ITA' },
  rating: { th: 'ระดับ', en: 'rating' },
  itaUpper: { th: 'สูงสุด {n} ({r}) หากรายการที่ต้องตรวจสอบผ่าน', en: 'up to {n} ({r}) if review items pass' },
  noIta: {
    th: 'กรอกคะแนน IIT และ EIT ในส่วน "คะแนนแบบสำรวจ" ด้านบน เพื่อคาดการณ์คะแนน ITA',
    en: 'Enter the IIT and EIT scores under "Survey scores" above to project the ITA score',
  },
  noItaStatic: {
    th: 'ไม่มีคะแนน IIT/EIT จึงยังคาดการณ์คะแนน ITA ไม่ได้',
    en: 'No IIT/EIT scores, so the ITA cannot be projected',
  },
  topFixes: { th: 'ควรแก้ไขก่อน (เพิ่มคะแนน ITA ได้มากที่สุด)', en: 'Fix these first (largest ITA gain)' },
  itaGain: { th: '+{n} คะแนน ITA', en: '+{n} ITA points' },
  results: { th: 'ผลรายข้อ', en: 'Items' },
  all: { th: 'ทั้งหมด', en: 'All' },
  evidence: { th: 'หลักฐาน', en: 'Evidence' },
  noEvidence: { th: 'ไม่พบหลักฐาน', en: 'No evidence found' },
  linkText: { th: 'ข้อความลิงก์', en: 'Link text' },
  fileType: { th: 'ชนิดไฟล์', en: 'File type' },
  yearFound: { th: 'ปีที่พบ', en: 'Year found' },
  linkedFrom: { th: 'ลิงก์จากหน้า', en: 'Linked from' },
  foundBy: { th: 'พบจาก', en: 'Found by' },
  via_index: { th: 'ตาราง ITA ของหน่วยงาน', en: 'the ITA index page' },
  via_link: { th: 'ข้อความลิงก์', en: 'link text' },
  via_title: { th: 'ชื่อหน้า', en: 'page title' },
  via_slug: { th: 'ที่อยู่ URL', en: 'URL' },
  via_manual: { th: 'ผู้ใช้กำหนดเอง', en: 'set by hand' },
  problems: { th: 'ปัญหาที่พบ', en: 'Problems' },
  weight: { th: 'น้ำหนัก {n} คะแนน ITA', en: 'weight: {n} ITA points' },
  expects: { th: 'เกณฑ์ต้องการ', en: 'What the evaluator expects' },
  mustContain: { th: 'ต้องมีองค์ประกอบ', en: 'It must contain' },
  'freshness_current-fy': {
    th: 'ต้องเป็นข้อมูลของปีงบประมาณที่ประเมิน',
    en: 'It must be of the assessed fiscal year',
  },
  'freshness_first-half': {
    th: 'ต้องเป็นข้อมูลรอบ 6 เดือนแรกของปีงบประมาณที่ประเมิน',
    en: 'It must cover the first six months of the assessed fiscal year',
  },
  'freshness_previous-fy': {
    th: 'ต้องเป็นข้อมูลของปีงบประมาณก่อนปีที่ประเมิน',
    en: 'It must be of the fiscal year before the assessed one',
  },
  howToFix: { th: 'วิธีแก้ไข', en: 'How to fix' },
  notPassed: { th: 'ยังไม่ผ่าน', en: 'Not passed' },
  failuresOnly: { th: 'แสดงเฉพาะข้อที่ยังไม่ผ่าน', en: 'Show only items not passed' },
  // manual evidence
  manualEvidence: { th: 'หลักฐานที่กำหนดเอง', en: 'Evidence set by hand' },
  manualHint: {
    th: 'กรอกที่อยู่หน้าหรือไฟล์ที่เป็นหลักฐาน แล้วกด "ตรวจเว็บไซต์นี้" อีกครั้งเพื่อตรวจยืนยัน',
    en: 'Enter the URL of the page or file, then press "Audit this site" again to verify it',
  },
  manualSet: { th: 'ตั้งเป็นหลักฐาน', en: 'Set as evidence' },
  manualClear: { th: 'ลบ', en: 'Remove' },
  manualPending: { th: 'ยังไม่ได้ตรวจ', en: 'not verified yet' },
  // survey
  survey: { th: 'คะแนนแบบสำรวจ (IIT / EIT)', en: 'Survey scores (IIT / EIT)' },
  surveyLevel: { th: 'กรอกในระดับ', en: 'Enter at level' },
  level_tool: { th: 'เครื่องมือ (IIT, EIT)', en: 'Tool (IIT, EIT)' },
  level_indicator: { th: 'ตัวชี้วัด (1–8)', en: 'Indicator (1–8)' },
  level_question: { th: 'ข้อคำถาม (I1–I30, E1–E15)', en: 'Question (I1–I30, E1–E15)' },
  surveySave: { th: 'บันทึกและคำนวณ ITA', en: 'Save and project ITA' },
  surveyClear: { th: 'ล้างคะแนน', en: 'Clear scores' },
  surveySaved: { th: 'บันทึกคะแนนแล้ว', en: 'Scores saved' },
  surveyNeedsReport: { th: 'ตรวจเว็บไซต์ก่อน จึงจะคำนวณ ITA ได้', en: 'Audit the site first to project the ITA' },
  // data
  data: { th: 'ข้อมูล', en: 'Data' },
  exportJson: { th: 'ส่งออก JSON', en: 'Export JSON' },
  exportHtml: { th: 'ส่งออก HTML', en: 'Export HTML' },
  importJson: { th: 'นำเข้า JSON', en: 'Import JSON' },
  imported: { th: 'นำเข้ารายงานของ {site} แล้ว', en: 'Imported the report of {site}' },
  exportWarning: {
    th: 'ไฟล์ที่ส่งออกอาจมีที่อยู่หน้าเว็บภายในของหน่วยงาน ตรวจสอบก่อนส่งต่อให้ผู้อื่น',
    en: "The file may contain the agency's internal URLs: check it before passing it on",
  },
  confirmExport: { th: 'ยืนยันส่งออก', en: 'Export' },
  measuresDraft: {
    th: 'ร่างมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
    en: 'Draft of the integrity and transparency measures',
  },
  measuresHint: {
    th: 'ร่างจากผลการตรวจนี้ (และคะแนนแบบสำรวจ ถ้ามี) เรียงตามคะแนน ITA ที่จะได้เพิ่ม แก้ไขต่อได้ใน Word',
    en: 'Drafted from this audit (and the survey scores, if any), ordered by ITA gain; edit it in Word',
  },
  measuresDocx: { th: 'ร่างมาตรการ (Word)', en: 'Measures (Word)' },
  measuresMd: { th: 'ร่างมาตรการ (Markdown)', en: 'Measures (Markdown)' },
  clearSite: { th: 'ล้างข้อมูลของเว็บไซต์นี้', en: "Clear this site's data" },
  clearSiteConfirm: { th: 'ยืนยันล้างข้อมูล', en: 'Confirm clearing' },
  cleared: { th: 'ล้างข้อมูลของเว็บไซต์นี้แล้ว', en: "This site's data was cleared" },
  alreadyRunning: {
    th: 'กำลังตรวจอยู่แล้ว รอให้เสร็จหรือกดยกเลิกก่อน',
    en: 'An audit is already running: wait for it or cancel it',
  },
  via_content: { th: 'เนื้อหาของเอกสาร (เผยแพร่ไว้ใต้ข้ออื่น)', en: 'its content (filed under another item)' },
  why: { th: 'เหตุผล', en: 'Why' },
  placeOfEvidence: { th: 'ที่มา', en: 'Where it sat' },
  // ── outcomes ──
  outcome_pass: { th: 'ผ่าน', en: 'pass' },
  outcome_fail: { th: 'ไม่ผ่าน', en: 'fail' },
  outcome_review: { th: 'ต้องตรวจสอบ', en: 'needs review' },
  outcome_na: { th: 'ไม่เกี่ยวข้อง', en: 'not applicable' },
  outcome_error: { th: 'ตรวจไม่ได้', en: 'could not check' },
  manualEvidenceMark: { th: 'หลักฐานที่ผู้ใช้กำหนดเอง', en: 'manual evidence' },
  yearDefault: {
    th: 'ปีงบประมาณที่ประเมิน {y} (ค่าเริ่มต้น: ปีงบประมาณปัจจุบัน กำหนดเองด้วย --year)',
    en: 'assessed FY {y} (BE; default: the current fiscal year, pin it with --year)',
  },
  yearGiven: { th: 'ปีงบประมาณที่ประเมิน {y} (ตามที่กำหนด)', en: 'assessed FY {y} (BE; as given)' },
  yearPlain: { th: 'ปีงบประมาณที่ประเมิน {y}', en: 'assessed FY {y} (BE)' },
  // ── static HTML report ──
  doc_charts: { th: 'ภาพรวมคะแนน', en: 'Scores at a glance' },
  doc_radarTitle: { th: 'กราฟใยแมงมุม: คะแนน 10 ตัวชี้วัด', en: 'Radar chart: the ten indicators' },
  doc_radarCaption: {
    th: 'ตัวชี้วัดที่ 1–8 จากคะแนน IIT/EIT ที่กรอก ตัวชี้วัดที่ 9–10 จากผลการตรวจ OIT; เส้นประคือเกณฑ์ 85 และ 92 คะแนน',
    en: 'Indicators 1–8 from the survey scores entered, 9–10 from this OIT audit; dashed rings at 85 and 92',
  },
  doc_itaLine: { th: 'คะแนน ITA ที่คาดการณ์ {n} ระดับ {r}', en: 'Projected ITA {n}, rating {r}' },
  doc_toolTitle: { th: 'คะแนนรายแบบวัด', en: 'Scores by tool' },
  doc_toolNote: {
    th: 'คะแนน IIT/EIT กรอกเป็นคะแนนรวมรายแบบวัด จึงยังแสดงกราฟใยแมงมุมรายตัวชี้วัดไม่ได้: กรอกคะแนนรายตัวชี้วัดหรือรายข้อเพื่อดูกราฟ',
    en: 'IIT/EIT were entered as tool totals, so there is no per-indicator radar chart: enter indicator or question scores to get it',
  },
  doc_partialTitle: { th: 'คะแนนรายตัวชี้วัดที่กรอก', en: 'Indicator scores entered' },
  doc_partialNote: {
    th: 'กรอกคะแนนไม่ครบทุกตัวชี้วัด จึงแสดงเป็นแท่งเฉพาะที่มี',
    en: 'Not every indicator was entered, so only those given are shown as bars',
  },
  doc_noSurvey: {
    th: 'ไม่มีคะแนน IIT/EIT: แสดงเฉพาะผลการตรวจ OIT (เพิ่ม --survey หรือ --iit/--eit เพื่อคาดการณ์คะแนน ITA)',
    en: 'No IIT/EIT scores: OIT results only (add --survey or --iit/--eit to project the ITA)',
  },
  doc_oitTitle: { th: 'คะแนน OIT รายตัวชี้วัดย่อย', en: 'OIT by sub-indicator' },
  doc_items: { th: 'ผลรายข้อ', en: 'Items' },
  doc_footer: {
    th: 'สร้างโดย oit-audit {v} · ชุดเกณฑ์ {r} · หน้านี้ไม่มีสคริปต์และไม่โหลดสิ่งใดจากเครือข่าย',
    en: 'Made by oit-audit {v} · rule pack {r} · this page has no scripts and loads nothing from the network',
  },
  doc_itemsOf: { th: '{p}/{t} ข้อ', en: '{p}/{t} items' },
  // ── run warnings (stored in the report as "Thai — English") ──
  warn_limit: {
    th: 'ถึงขีดจำกัด (สูงสุด {pages} หน้า ลึก {depth} ชั้น) อาจยังไม่พบหลักฐานบางส่วน เพิ่ม --max-pages หรือ --max-depth',
    en: 'page or depth limit reached (max {pages} pages, depth {depth}): some evidence may not have been seen',
  },
  warn_robots: {
    th: 'robots.txt ห้ามเข้า {n} URL (เว็บไซต์ของตนเองใช้ --ignore-robots ได้)',
    en: 'robots.txt disallowed {n} URL(s)',
  },
  warn_robotsUnavailable: {
    th: 'robots.txt ตอบกลับด้วยข้อผิดพลาดของเซิร์ฟเวอร์ จึงถือว่าห้ามเข้าทั้งเว็บไซต์',
    en: 'robots.txt answered with a server error: the site was treated as disallowed',
  },
  warn_aborted: { th: 'ยกเลิกก่อนเก็บหน้าเว็บครบ', en: 'the audit was cancelled before the crawl finished' },
  warn_pageErrors: {
    th: '{n} หน้าเปิดหรืออ่านไม่ได้ (ดูรายการหน้าที่มีปัญหาในรายงาน)',
    en: '{n} page(s) could not be fetched or read (listed in the report)',
  },
  // ── CLI ──
  cli_internalError: {
    th: 'เกิดข้อผิดพลาดภายในของ oit-audit (โปรดแจ้งผู้พัฒนาพร้อมข้อความนี้)',
    en: 'internal error in oit-audit (please report it with this message)',
  },
  cli_crawling: { th: 'กำลังเก็บหน้าเว็บ…', en: 'crawling…' },
  cli_verifying: { th: 'กำลังตรวจสอบหลักฐาน…', en: 'verifying evidence…' },
  cli_progressLine: {
    th: 'ความคืบหน้า: หน้าเว็บ {pages} (รอคิว {queued}) · เอกสาร {docs} · ตัดสินแล้ว {items} ข้อ · ผ่านไป {elapsed}',
    en: 'progress: {pages} pages fetched, {queued} queued · {docs} documents · {items} items decided · elapsed {elapsed}',
  },
  cli_timeLeft: { th: ' · เหลือประมาณ {left}', en: ' · about {left} left' },
  cli_baselineMismatch: {
    th: 'baseline {file} ประเมินด้วย{diffs} จึงไม่นำมาเทียบรายข้อ ใช้เกณฑ์ปกติแทน ให้สร้าง baseline ใหม่ หรือกำหนด --year/--rules ให้ตรงกัน',
    en: 'baseline {file} was made under {diffs}: not compared item by item, the ordinary gates apply; make a new baseline or pin --year/--rules to match',
  },
  cli_baselinePack: { th: 'ชุดเกณฑ์ {was} (ครั้งนี้ {now})', en: 'rule pack {was} (this run: {now})' },
  cli_baselineYear: { th: 'ปีงบประมาณ {was} (ครั้งนี้ {now})', en: 'fiscal year {was} (this run: {now})' },
  cli_and: { th: ' และ', en: ' and ' },
  batch_status: {
    th: 'เสร็จ {done}/{total} · กำลังตรวจ {running} · รอ {waiting} · ผ่านไป {elapsed}',
    en: '{done}/{total} done · {running} running · {waiting} waiting · elapsed {elapsed}',
  },
  batch_unreachable: { th: 'เข้าเว็บไซต์ไม่ได้', en: 'site unreachable' },
  batch_invalid: { th: 'ตั้งค่าไม่ถูกต้อง', en: 'invalid settings' },
  batch_notAudited: { th: 'ยังไม่ได้ตรวจ', en: 'not audited' },
  batch_failed: { th: 'ตรวจไม่สำเร็จ', en: 'audit failed' },
} as const satisfies Record<string, { th: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;

/** A message in the wanted language, with `{name}` placeholders filled. */
export function msg(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[key][lang];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * A run warning in one language: they are stored as "Thai — English" so a report read by
 * either keeps both; each view shows only its own language.
 */
export function warningText(warning: string, lang: Lang): string {
  const i = warning.indexOf(' — ');
  if (i < 0) return warning;
  return lang === 'en' ? warning.slice(i + 3) : warning.slice(0, i);
}
