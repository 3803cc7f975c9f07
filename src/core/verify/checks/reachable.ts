import { type CheckInput, type CheckResult, fail, hostOf, ok, review } from './types';

/**
 * The target opens: no network error, a 2xx answer, no login in the way, not an empty
 * "under construction" page. Off-site evidence of an accepted kind that refuses robots (social
 * networks do) passes unchecked: a person clicks such links in a browser.
 */
export function checkReachable({ resource: r, candidate, item, offSiteOk }: CheckInput): CheckResult {
  const host = hostOf(candidate.url);
  if (r.error) {
    if (offSiteOk && ['blocked', 'network', 'dns', 'timeout'].includes(r.error.code)) {
      return {
        status: 'pass',
        reason: { th: `ลิงก์ไปยังบัญชีของหน่วยงานที่ ${host}`, en: `links to the agency's account on ${host}` },
        notes: [
          {
            code: 'off-site-unchecked',
            detail: `ไม่ได้ตรวจลิงก์ ${host} (${r.error.code})`,
            detailEn: `${host} not checked (${r.error.code})`,
          },
        ],
      };
    }
    if (r.error.code === 'document-too-large') {
      return review('document-too-large', `เอกสารใหญ่เกินกำหนด (${r.error.message})`, r.error.message);
    }
    return fail(
      'broken-link',
      `เปิดไม่ได้: ${r.error.code} (${r.error.message})`,
      `${r.error.code}: ${r.error.message}`,
    );
  }
  if (r.status === 401 || r.status === 403 || r.status === 407) {
    return fail('login-required', `HTTP ${r.status}: ต้องเข้าสู่ระบบ`, `HTTP ${r.status}`);
  }
  if (r.status < 200 || r.status >= 300) {
    if (offSiteOk && r.status >= 400 && r.status !== 404 && r.status !== 410) {
      return {
        status: 'pass',
        reason: { th: `ลิงก์ไปยังบัญชีของหน่วยงานที่ ${host}`, en: `links to the agency's account on ${host}` },
        notes: [
          {
            code: 'off-site-unchecked',
            detail: `${host} ตอบ HTTP ${r.status}`,
            detailEn: `${host} answered HTTP ${r.status}`,
          },
        ],
      };
    }
    return fail('broken-link', `HTTP ${r.status}`, `HTTP ${r.status}`);
  }
  // A login form is the evidence itself for some channels (an e-service sign-in); being sent
  // to one by a redirect means the content is behind a login.
  const redirectedToLogin = r.finalUrl !== candidate.url && r.finalUrl !== r.url;
  if (
    r.features?.passwordForm &&
    r.kind === 'page' &&
    (item.evidenceKind !== 'channel' || redirectedToLogin)
  ) {
    return fail('login-required', 'ลิงก์นำไปสู่หน้าเข้าสู่ระบบ', 'the link leads to a login page');
  }
  if (r.underConstruction) {
    return fail('under-construction', 'หน้าระบุว่าอยู่ระหว่างปรับปรุงข้อมูล', 'the page says it is under construction');
  }
  return ok;
}
