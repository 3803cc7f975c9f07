/** Problem codes an item can carry (kebab-case, DESIGN.md §8), with Thai and English labels. */
export const PROBLEM_LABELS = {
  'not-found': { th: 'ไม่พบข้อมูลบนเว็บไซต์', en: 'not found on the site' },
  'broken-link': { th: 'ลิงก์เสีย / เปิดไม่ได้', en: 'broken link' },
  'stale-year': { th: 'ข้อมูลไม่เป็นปีงบประมาณที่กำหนด', en: 'wrong or old fiscal year' },
  'no-year': { th: 'ไม่พบปีของข้อมูล', en: 'no year found in the evidence' },
  'missing-element': { th: 'องค์ประกอบไม่ครบ', en: 'required elements missing' },
  'off-site': { th: 'อยู่นอกเว็บไซต์หลักของหน่วยงาน', en: "not on the agency's own site" },
  'off-site-unchecked': { th: 'ลิงก์ภายนอก ยังไม่ได้ตรวจว่าเปิดได้', en: 'off-site link not checked' },
  'login-required': { th: 'ต้องเข้าสู่ระบบจึงจะเห็นข้อมูล', en: 'behind a login' },
  'under-construction': { th: 'หน้าอยู่ระหว่างปรับปรุง ไม่มีเนื้อหา', en: 'page under construction' },
  'no-text-layer': { th: 'เอกสารเป็นภาพสแกน อ่านข้อความไม่ได้', en: 'document has no text layer' },
  'unreadable-document': { th: 'อ่านเนื้อหาเอกสารไม่ได้', en: 'document text could not be read' },
  'document-too-large': { th: 'เอกสารใหญ่เกินกำหนด', en: 'document over the size cap' },
  'no-form': { th: 'ไม่พบช่องทางให้กรอกหรือส่งข้อมูล', en: 'no form or channel found on the page' },
  'image-only-link': { th: 'ลิงก์เป็นรูปภาพ ไม่มีข้อความ', en: 'link is an image without text' },
  'wrong-content': { th: 'เนื้อหาไม่ตรงกับข้อที่ประเมิน', en: 'the target is about something else' },
  'no-readable-text': { th: 'เนื้อหาเป็นภาพ อ่านข้อความไม่ได้', en: 'no readable text (an image)' },
  'check-error': { th: 'ตรวจไม่สำเร็จ', en: 'the check failed' },
} as const;

export type ProblemCode = keyof typeof PROBLEM_LABELS;

export interface Problem {
  code: ProblemCode;
  /** Thai detail: what was found, where. */
  detail: string;
  /** The same in English. */
  detailEn?: string;
  url?: string;
}
