import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { bundledPackIds } from '../../core/rules/bundled-pack-loaders';
import { loadAllBundledPacks, loadBundledPackFiles } from '../../core/rules/load-bundled-pack';
import { itemConfidence, type RulePack } from '../../core/rules/assemble-pack';
import { itaWeightsKnown, ratingKnown } from '../../core/score/ita';
import { itemWeights } from '../../core/score/weights';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { CliIo, Lang } from '../io';
import { say } from '../io';
import { resolvePack } from '../resolve-pack';

const freshnessLabel: Record<string, [string, string]> = {
  none: ['-', '-'],
  'current-fy': ['ปีงบประมาณที่ประเมิน', 'assessed FY'],
  'first-half': ['รอบ 6 เดือนแรก', 'first half of FY'],
  'previous-fy': ['ปีงบประมาณก่อนหน้า', 'previous FY'],
};

function ratingScheme(pack: RulePack): string {
  if (pack.bands.length > 0) return 'AA–F';
  if (pack.levels.length > 0) return pack.levels.map((l) => l.rating).join('/');
  return '-';
}

/** One line per pack: the summary `oit-audit rules` prints. */
function packSummary(pack: RulePack) {
  return {
    id: pack.id,
    year: pack.year,
    family: pack.family,
    name: pack.name,
    items: pack.items.length,
    confidence: pack.confidence,
    lowConfidenceItems: pack.items.filter((i) => itemConfidence(pack, i) === 'L').map((i) => i.id),
    weightsKnown: itaWeightsKnown(pack),
    rating: ratingKnown(pack) ? (pack.bands.length > 0 ? 'bands' : 'levels') : null,
  };
}

async function listPacks(io: CliIo, l: Lang, json: boolean): Promise<void> {
  const packs = await loadAllBundledPacks();
  if (json) {
    io.stdout(`${JSON.stringify({ packs: packs.map(packSummary) }, null, 2)}\n`);
    return;
  }
  const lines = [
    say(
      l,
      'ชุดเกณฑ์ที่มีในโปรแกรม (--rules auto เลือกตามปีที่ประเมิน)',
      'Bundled rule packs (--rules auto picks by assessed year)',
    ),
    say(
      l,
      'ความเชื่อมั่น: รายการข้อ/โครงสร้าง/น้ำหนัก/ระดับ (H สูง, M กลาง, L ต่ำ, - ไม่ทราบ)',
      'confidence: items/structure/weights/rating (H high, M medium, L low, - unknown)',
    ),
    '',
  ];
  for (const p of packs) {
    const c = p.confidence;
    const conf = [c.items, c.structure, c.weights ?? '-', c.rating ?? '-'].join('/');
    const low = packSummary(p).lowConfidenceItems;
    lines.push(
      `  ${p.id.padEnd(16)} ${String(p.year).padEnd(5)} ${(p.family === 'moph' ? 'MOPH' : 'NACC').padEnd(5)} ${String(p.items.length).padStart(2)} ${say(l, 'ข้อ', 'items')}  ${conf.padEnd(8)} ${ratingScheme(p)}${low.length > 0 ? `  L: ${low.join(',')}` : ''}`,
    );
  }
  lines.push('', say(l, 'ดูรายการข้อ: oit-audit rules <ชุดเกณฑ์>', 'list the items: oit-audit rules <pack>'));
  io.stdout(`${lines.join('\n')}\n`);
}

function listItems(pack: RulePack, io: CliIo, l: Lang, json: boolean): void {
  const weights = itemWeights(pack);
  if (json) {
    const out = {
      ruleset: {
        id: pack.id,
        year: pack.year,
        name: pack.name,
        family: pack.family,
        confidence: pack.confidence,
      },
      subIndicators: pack.subIndicators.map((s) => ({
        id: s.id,
        indicator: s.indicatorId,
        name: s.name,
        items: s.items,
      })),
      items: pack.items.map((item) => ({
        id: item.id,
        name: item.name,
        subIndicator: item.subIndicator,
        evidenceKind: item.evidenceKind,
        freshness: item.freshness,
        requiredElements: item.requiredElements.map((e) => e.id),
        offSiteKinds: item.offSiteKinds,
        weight: weights.get(item.id)?.itaPoints ?? 0,
        confidence: itemConfidence(pack, item),
        ...(item.mapsTo ? { mapsTo: item.mapsTo } : {}),
      })),
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const known = itaWeightsKnown(pack);
  const lines: string[] = [
    say(l, `ชุดเกณฑ์ ${pack.id}: ${pack.name.th}`, `Rule pack ${pack.id}: ${pack.name.en ?? pack.name.th}`),
    known
      ? say(l, 'น้ำหนัก = คะแนน ITA ที่ได้เมื่อข้อนั้นผ่าน', 'weight = ITA points gained when the item passes')
      : say(
          l,
          'ไม่ทราบน้ำหนักแบบวัดของปีนี้: น้ำหนัก = คะแนน OIT ที่ได้เมื่อข้อนั้นผ่าน',
          "this year's tool weights are unknown: weight = OIT points gained when the item passes",
        ),
    say(l, '[L] = ความเชื่อมั่นต่ำ ควรตรวจผลด้วยคน', '[L] = low confidence: check its result by hand'),
  ];
  for (const indicator of pack.indicators.filter((i) => i.subIndicators.length > 0)) {
    lines.push(
      '',
      `${say(l, 'ตัวชี้วัดที่', 'Indicator')} ${indicator.id} ${l === 'en' ? (indicator.name.en ?? indicator.name.th) : indicator.name.th}`,
    );
    for (const sub of indicator.subIndicators) {
      lines.push(
        `  ${sub.id} ${l === 'en' ? (sub.name.en ?? sub.name.th) : sub.name.th} (${sub.items.length} ${say(l, 'ข้อ', 'items')})`,
      );
      for (const id of sub.items) {
        const item = pack.itemById.get(id);
        if (!item) continue;
        const w = weights.get(id);
        const value = (known ? w?.itaPoints : w?.oitPoints) ?? 0;
        const fresh = freshnessLabel[item.freshness]?.[l === 'en' ? 1 : 0] ?? item.freshness;
        const name = l === 'en' ? (item.name.en ?? item.name.th) : item.name.th;
        const low = itemConfidence(pack, item) === 'L' ? ' [L]' : '';
        lines.push(
          `    ${id.padEnd(6)} ${value.toFixed(2)}  ${name}${low}${fresh !== '-' ? `  [${fresh}]` : ''}`,
        );
      }
    }
  }
  io.stdout(`${lines.join('\n')}\n`);
}

/** `rules init <dir> --from <pack>`: copies a bundled pack to start a custom one. */
async function initPack(dir: string | undefined, from: string, io: CliIo, l: Lang): Promise<void> {
  if (!dir) {
    throw usageError(
      say(l, 'rules init: ไม่ได้ระบุโฟลเดอร์', 'rules init: no folder given'),
      say(
        l,
        'ตัวอย่าง: oit-audit rules init ./my-pack --from ita-2569',
        'e.g. oit-audit rules init ./my-pack --from ita-2569',
      ),
    );
  }
  const files = await loadBundledPackFiles(from);
  if (!files) {
    throw usageError(
      say(l, `--from: ไม่รู้จักชุดเกณฑ์ "${from}"`, `--from: unknown rule pack "${from}"`),
      say(l, `ชุดเกณฑ์ที่มี: ${bundledPackIds.join(', ')}`, `bundled packs: ${bundledPackIds.join(', ')}`),
    );
  }
  const target = resolve(io.cwd, dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw usageError(
      say(l, `rules init: ${dir} มีไฟล์อยู่แล้ว`, `rules init: ${dir} is not empty`),
      say(l, 'เลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง', 'choose a new or empty folder'),
    );
  }
  mkdirSync(join(target, 'items'), { recursive: true });
  // The copy gets its own id so reports never mistake it for the bundled pack.
  const ruleset = { ...(files.ruleset as Record<string, unknown>), id: `custom-${from}` };
  writeFileSync(join(target, 'ruleset.json'), `${JSON.stringify(ruleset, null, 2)}\n`);
  for (const [name, item] of Object.entries(files.items)) {
    writeFileSync(join(target, 'items', name), `${JSON.stringify(item, null, 2)}\n`);
  }
  io.stdout(
    say(
      l,
      `สร้างชุดเกณฑ์ custom-${from} ที่ ${dir} (${Object.keys(files.items).length} ข้อ) แก้ไขแล้วใช้ด้วย --rules ${dir}\n`,
      `wrote rule pack custom-${from} to ${dir} (${Object.keys(files.items).length} items); edit it, then audit with --rules ${dir}\n`,
    ),
  );
}

export function registerRules(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('rules')
    .argument('[pack]', 'ชุดเกณฑ์ที่จะแสดงรายการข้อ, init หรือ export / a pack to list, or init | export')
    .argument('[dir]', 'โฟลเดอร์ (rules init) หรือชุดเกณฑ์ (rules export) / folder for init, pack for export')
    .description(
      'แสดงชุดเกณฑ์ที่มี หรือรายการข้อและน้ำหนักของชุดเกณฑ์ / list the rule packs, or the items of one pack with their weight',
    )
    .option('--rules <id>', 'ชุดเกณฑ์ (เหมือน [pack]) / rule pack (same as [pack])')
    .option('--from <id>', 'rules init: ชุดเกณฑ์ต้นแบบ / pack to copy', 'ita-2569')
    .option('--year <be>', 'rules auto: ปีที่ประเมิน / assessed year for "auto"')
    .option('--json', 'แสดงผลเป็น JSON / print JSON')
    .action(
      async (
        packArg: string | undefined,
        dirArg: string | undefined,
        flags: { rules?: string; from: string; year?: string; json?: boolean },
      ) => {
        const l = lang();
        if (packArg === 'init') {
          await initPack(dirArg, flags.from, io, l);
          setExit(ExitCode.ok);
          return;
        }
        if (packArg === 'export') {
          // One-file JSON of a pack, for the extension's "import rule pack".
          const pack = await resolvePack(dirArg ?? flags.rules ?? 'ita-2569', l, { cwd: io.cwd });
          const files = await loadBundledPackFiles(pack.id);
          const out = files
            ? { ruleset: files.ruleset, items: files.items }
            : { ruleset: null, items: {} as Record<string, unknown> };
          if (!files) {
            throw usageError(
              say(
                l,
                'rules export: ส่งออกได้เฉพาะชุดเกณฑ์ในโปรแกรม',
                'rules export: only bundled packs can be exported',
              ),
            );
          }
          io.stdout(`${JSON.stringify(out, null, 2)}\n`);
          setExit(ExitCode.ok);
          return;
        }
        const id = packArg ?? flags.rules;
        if (id === undefined) await listPacks(io, l, flags.json === true);
        else {
          const year = flags.year !== undefined ? Number(flags.year) : undefined;
          listItems(
            await resolvePack(id, l, { cwd: io.cwd, ...(year !== undefined ? { year } : {}) }),
            io,
            l,
            flags.json === true,
          );
        }
        setExit(ExitCode.ok);
      },
    );
}
