import type { MeasureTemplate } from '../rules/schema';

/** The fixed Thai words of the measures document (seeds 000–004, ecosystem.md §4.2). */
export const MEASURES_TITLE = 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

export const BAND_LABELS = {
  urgent: 'แก้ไขเร่งด่วน',
  improve: 'พัฒนาให้ดีขึ้น',
  strength: 'จุดแข็ง',
} as const;

/** Months of each fiscal quarter: ไตรมาสที่ 1 = ต.ค.–ธ.ค. of the previous calendar year. */
export const QUARTER_MONTHS = ['ต.ค.–ธ.ค.', 'ม.ค.–มี.ค.', 'เม.ย.–มิ.ย.', 'ก.ค.–ก.ย.'] as const;

/** Used when a rule pack has no template for an indicator or question. */
export const GENERIC_TEMPLATE: MeasureTemplate = {
  issue: 'คะแนนของประเด็นนี้ยังต่ำกว่าเป้าหมาย',
  measure: 'วิเคราะห์สาเหตุร่วมกับผู้เกี่ยวข้อง และกำหนดกิจกรรมปรับปรุงประเด็นนี้',
  steps: [
    'ประชุมผู้เกี่ยวข้องเพื่อวิเคราะห์สาเหตุของคะแนนที่ต่ำ',
    'กำหนดกิจกรรมปรับปรุง ผู้รับผิดชอบ และตัวชี้วัดความสำเร็จ',
    'ดำเนินการตามกิจกรรมและสื่อสารผลให้ผู้เกี่ยวข้องทราบ',
  ],
  responsible: 'ส่วนงานที่เกี่ยวข้อง',
  quarters: [1, 2, 3, 4],
  monitoring: 'ติดตามความคืบหน้าทุกไตรมาส',
  reporting: 'รายงานผลการดำเนินงานต่อผู้บริหาร ทุก 6 เดือน',
};

/**
 * A first step that fixes the problem the audit found, put before the item template's steps
 * (the template says how to produce the evidence; this says what is wrong with what is there).
 * `not-found` has none: the template already starts from nothing.
 */
export function problemStep(code: string, detail: string): string | undefined {
  switch (code) {
    case 'stale-year':
      return 'เปลี่ยนข้อมูลบนเว็บไซต์เป็นฉบับของปีงบประมาณที่เกณฑ์กำหนด และระบุปีงบประมาณในชื่อเอกสารหรือหัวข้อให้ชัดเจน';
    case 'no-year':
      return 'ระบุปีงบประมาณหรือวันที่ของข้อมูลในชื่อเอกสารหรือหัวข้อให้ชัดเจน';
    case 'missing-element':
      return `เพิ่มองค์ประกอบที่ยังขาดให้ครบ (${detail})`;
    case 'off-site':
      return 'นำข้อมูลขึ้นเผยแพร่บนเว็บไซต์หลักของหน่วยงาน (ลิงก์ไปเว็บไซต์อื่นได้เฉพาะกรณีที่เกณฑ์อนุญาต)';
    case 'off-site-unchecked':
      return 'ตรวจสอบว่าลิงก์ไปเว็บไซต์ภายนอกเปิดได้ หรือนำข้อมูลขึ้นเว็บไซต์หลักของหน่วยงาน';
    case 'login-required':
      return 'เปิดให้ข้อมูลเข้าถึงได้โดยไม่ต้องเข้าสู่ระบบ';
    case 'broken-link':
      return 'แก้ไขลิงก์ที่เสียให้เปิดได้ และตรวจลิงก์บนหน้ารวมข้อมูล ITA เป็นประจำทุกเดือน';
    case 'under-construction':
      return 'นำเนื้อหาจริงขึ้นแทนหน้าที่แจ้งว่าอยู่ระหว่างปรับปรุง';
    case 'no-text-layer':
      return 'เผยแพร่เอกสารฉบับที่มีข้อความ (ไม่ใช่ภาพสแกนอย่างเดียว) หรือแนบฉบับข้อความคู่กับฉบับลงนาม';
    case 'unreadable-document':
      return 'ตรวจสอบว่าไฟล์เอกสารเปิดอ่านได้ แล้วเผยแพร่ใหม่เป็นไฟล์ PDF ที่มีข้อความ';
    case 'document-too-large':
      return 'ลดขนาดไฟล์เอกสาร หรือแยกเป็นหลายไฟล์ตามหัวข้อ';
    case 'no-form':
      return 'จัดให้มีแบบฟอร์มหรือช่องทางที่ผู้ใช้ส่งข้อมูลได้จริงบนเว็บไซต์';
    case 'image-only-link':
      return 'ใส่ข้อความบนลิงก์ที่เป็นรูปภาพ ให้ระบุชื่อข้อมูลอย่างชัดเจน';
    case 'check-error':
      return 'ตรวจสอบหลักฐานของข้อนี้ด้วยตนเองอีกครั้ง';
    default:
      return undefined;
  }
}
