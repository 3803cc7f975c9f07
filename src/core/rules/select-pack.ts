import type { IndexPageNumbering } from '../detect/site-numbering';
import type { RulePack } from './load-pack';
import { bundledPackMeta } from './bundled-pack-loaders';
import { autoStartPacksOf, packForYear as packForYearOf } from './pack-for-year';
import { getRulePack } from './registry';

/** A message in both languages (Thai first in every output). */
export interface Bilingual {
  th: string;
  en: string;
}

/** How the rule pack of an audit was chosen, and what the site's own numbering said. */
export interface PackSelection {
  mode: 'auto' | 'forced' | 'custom';
  pack: RulePack;
  reason: Bilingual;
  /** The site's current ITA index page and its numbering, when one was seen. */
  site: IndexPageNumbering | null;
  /** The site numbers its items another way than the pack: results compare two lists. */
  mismatch: Bilingual | null;
  /** Other things the reader should know (no pack for the assessed year...). */
  warnings: Bilingual[];
}

const familyName: Record<IndexPageNumbering['family'], Bilingual> = {
  nacc: { th: 'รหัส O ของ ป.ป.ช.', en: 'NACC "O" codes' },
  moph: { th: 'รหัส MOIT ของกระทรวงสาธารณสุข', en: 'MOPH "MOIT" codes' },
  'moph-eb': { th: 'รหัส EB ของกระทรวงสาธารณสุข (ITA 2563–2564)', en: 'MOPH "EB" codes (ITA 2563–2564)' },
};

/**
 * {@link packForYearOf} among the bundled packs (or `packs`). The choice reads the bundled packs'
 * index (family and year); only the pack chosen is loaded.
 */
export function packForYear(
  year: number,
  family: RulePack['family'],
  packs?: readonly RulePack[],
): { pack: RulePack; exact: boolean } | null {
  if (packs) return packForYearOf(year, family, packs);
  const found = packForYearOf(year, family, bundledPackMeta);
  return found ? { pack: bundled(found.pack.id), exact: found.exact } : null;
}

/** Packs whose candidates an auto audit collects from the first page on (NACC and MOPH of the year). */
export function autoStartPacks(assessedYear: number): RulePack[] {
  return autoStartPacksOf(assessedYear, bundledPackMeta).map((m) => bundled(m.id));
}

/** A pack of the bundled index (bundled-pack-loaders.ts lists exactly the registry's packs). */
function bundled(id: string): RulePack {
  const pack = getRulePack(id);
  if (!pack) throw new Error(`bundled pack ${id} is in the index but not in the registry`);
  return pack;
}

/** True when codes on a page labelled `year` mean this pack's items (same list or kept numbering). */
function numberingCompatible(pack: RulePack, year: number): boolean {
  return year === pack.year || pack.codeNumbering.some((c) => c.years.includes(year));
}

/** Why the site's numbering and `pack` disagree, or null when they agree (or nothing was seen). */
export function numberingMismatch(pack: RulePack, site: IndexPageNumbering | null): Bilingual | null {
  if (!site) return null;
  const where = site.url;
  const packFamily = pack.family === 'moph' ? 'moph' : 'nacc';
  if (site.family !== packFamily) {
    const f = familyName[site.family];
    return {
      th: `เว็บไซต์ใช้${f.th} (หน้า ${where}) แต่ตรวจด้วยชุดเกณฑ์ ${pack.id}: ผลนี้เทียบรายการหนึ่งกับอีกรายการหนึ่ง ไม่ใช่ผลตามเกณฑ์ที่หน่วยงานถูกประเมิน`,
      en: `the site uses ${f.en} (page ${where}) but was scored against ${pack.id}: this compares one list with another, not the list the agency is assessed on`,
    };
  }
  // A page labelled with another year but numbered like this pack (a 2568 label over
  // O1–O48) follows this pack's list: that is the site's label lagging, not a mismatch.
  const labelled = site.year !== null ? packForYear(site.year, pack.family) : null;
  const numberedLikePack =
    site.maxCode === pack.items.length &&
    !(labelled?.exact && labelled.pack.items.length === pack.items.length);
  if (site.year !== null && !numberingCompatible(pack, site.year) && !numberedLikePack) {
    return {
      th: `หน้ารวมข้อมูล ITA ของเว็บไซต์ (${where}) ระบุปี ITA ${site.year} แต่ตรวจด้วยชุดเกณฑ์ ${pack.id} (ปี ${pack.year}) ซึ่งเรียงลำดับข้อต่างกัน: รหัสข้อบนเว็บไซต์ไม่ตรงกับข้อในรายงาน`,
      en: `the site's ITA index (${where}) is labelled ITA ${site.year} but was scored against ${pack.id} (year ${pack.year}), whose numbering differs: item codes on the site do not mean the report's items`,
    };
  }
  // Even under the right year label, codes beyond the pack's last item mean another list.
  if (site.maxCode > pack.items.length) {
    return {
      th: `หน้ารวมข้อมูล ITA ของเว็บไซต์ (${where}) มีรหัสถึงข้อ ${site.maxCode} แต่ชุดเกณฑ์ ${pack.id} มี ${pack.items.length} ข้อ: เว็บไซต์อาจใช้รายการของปีอื่น`,
      en: `the site's ITA index (${where}) numbers items up to ${site.maxCode} but ${pack.id} has ${pack.items.length}: the site may follow another year's list`,
    };
  }
  return null;
}

/** The pack an auto audit prefers once the site's numbering is known (also used while crawling). */
export function autoPack(assessedYear: number, site: IndexPageNumbering | null): RulePack | null {
  return decideAuto(assessedYear, site)?.pack ?? null;
}

function decideAuto(
  assessedYear: number,
  site: IndexPageNumbering | null,
): { pack: RulePack; reason: Bilingual; warnings: Bilingual[] } | null {
  const base = packForYear(assessedYear, 'nacc');
  if (!base) return null;
  const warnings: Bilingual[] = [];
  const yearReason = (p: RulePack, exact: boolean, family: Bilingual): Bilingual =>
    exact
      ? {
          th: `ปีที่ประเมิน ${assessedYear}: ใช้ชุดเกณฑ์${family.th}ของปีนั้น (${p.id})`,
          en: `assessed year ${assessedYear}: that year's ${family.en} pack (${p.id})`,
        }
      : {
          th: `ยังไม่มีชุดเกณฑ์${family.th}ของปี ${assessedYear}: ใช้ชุดล่าสุดก่อนหน้า ${p.id}`,
          en: `no ${family.en} pack for ${assessedYear} yet: using the latest earlier one, ${p.id}`,
        };
  const nacc = { th: ' ป.ป.ช.', en: 'NACC' };
  if (site?.family === 'moph') {
    const year = site.year !== null && site.year <= assessedYear + 1 ? site.year : assessedYear;
    const moph = packForYear(year, 'moph');
    if (moph) {
      if (!moph.exact)
        warnings.push({
          th: `ยังไม่มีชุดเกณฑ์ MOIT ของปี ${year}: ใช้ ${moph.pack.id}`,
          en: `no MOIT pack for ${year}: using ${moph.pack.id}`,
        });
      return {
        pack: moph.pack,
        reason: {
          th: `หน้ารวมข้อมูล ITA ของเว็บไซต์ (${site.url}) ใช้รหัส MOIT (${site.codes} ข้อ${site.year !== null ? ` ระบุปี ${site.year}` : ''}) จึงใช้ชุดเกณฑ์ MOIT ของกระทรวงสาธารณสุข ${moph.pack.id}`,
          en: `the site's ITA index (${site.url}) uses MOIT codes (${site.codes} items${site.year !== null ? `, labelled ${site.year}` : ''}): MOPH MOIT pack ${moph.pack.id}`,
        },
        warnings,
      };
    }
  }
  if (site?.family === 'nacc' && site.year !== null && site.year !== base.pack.year) {
    const labelled = packForYear(site.year, 'nacc');
    if (labelled?.exact) {
      warnings.push({
        th: `ปีที่ประเมิน ${assessedYear} ใช้ชุดเกณฑ์ ${base.pack.id} แต่หน้ารวมข้อมูล ITA ล่าสุดของเว็บไซต์เป็นของปี ${site.year}: ผลนี้ตรวจตามรายการปี ${site.year} (ใช้ --rules ${base.pack.id} เพื่อตรวจตามรายการของปีที่ประเมิน)`,
        en: `assessed year ${assessedYear} uses ${base.pack.id} but the site's newest ITA index is for ${site.year}: scored against the ${site.year} list (use --rules ${base.pack.id} for the assessed year's list)`,
      });
      return {
        pack: labelled.pack,
        reason: {
          th: `หน้ารวมข้อมูล ITA ของเว็บไซต์ (${site.url}) ระบุปี ITA ${site.year} และใช้รหัส O ของปีนั้น จึงใช้ชุดเกณฑ์ ${labelled.pack.id}`,
          en: `the site's ITA index (${site.url}) is labelled ITA ${site.year} with that year's O codes: pack ${labelled.pack.id}`,
        },
        warnings,
      };
    }
  }
  if (!base.exact)
    warnings.push({
      th: `ยังไม่มีชุดเกณฑ์ของปี ${assessedYear}: ตรวจด้วย ${base.pack.id} ซึ่งอาจต่างจากเกณฑ์จริงของปีนี้`,
      en: `no pack for ${assessedYear} yet: scored against ${base.pack.id}, which may differ from this year's criteria`,
    });
  return { pack: base.pack, reason: yearReason(base.pack, base.exact, nacc), warnings };
}

/**
 * Decides the pack of an audit: `auto` (the assessed year's NACC pack, or what the site's ITA
 * index says), a bundled pack id (forced), or a pack loaded from disk (custom). A forced or
 * custom pack is kept whatever the site says, with a loud mismatch warning.
 */
export function selectPack(
  requested: string | RulePack,
  assessedYear: number,
  site: IndexPageNumbering | null,
): PackSelection | null {
  if (typeof requested !== 'string') {
    return {
      mode: 'custom',
      pack: requested,
      reason: { th: `ชุดเกณฑ์ที่ผู้ใช้กำหนด (${requested.id})`, en: `custom rule pack (${requested.id})` },
      site,
      mismatch: numberingMismatch(requested, site),
      warnings: [],
    };
  }
  if (requested !== 'auto') {
    const pack = getRulePack(requested);
    if (!pack) return null;
    return {
      mode: 'forced',
      pack,
      reason: { th: `กำหนดด้วย --rules ${pack.id}`, en: `forced with --rules ${pack.id}` },
      site,
      mismatch: numberingMismatch(pack, site),
      warnings: [],
    };
  }
  const auto = decideAuto(assessedYear, site);
  if (!auto) return null;
  return { mode: 'auto', ...auto, site, mismatch: numberingMismatch(auto.pack, site) };
}
