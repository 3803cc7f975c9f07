import type { Command } from 'commander';
import { itemWeights } from '../../core/score';
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

export function registerRules(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
): void {
  program
    .command('rules')
    .description('แสดงรายการข้อ OIT และน้ำหนักคะแนน / list the OIT items with their weight in ITA points')
    .option('--rules <id>', 'ชุดเกณฑ์ / rule pack', 'ita-2562')
    .option('--json', 'แสดงผลเป็น JSON / print JSON')
    .action((flags: { rules: string; json?: boolean }) => {
      const l = lang();
      const pack = resolvePack(flags.rules, l);
      const weights = itemWeights(pack);
      if (flags.json) {
        const out = {
          ruleset: { id: pack.id, year: pack.year, name: pack.name },
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
          })),
        };
        io.stdout(`${JSON.stringify(out, null, 2)}\n`);
        setExit(ExitCode.ok);
        return;
      }
      const lines: string[] = [
        say(l, `ชุดเกณฑ์ ${pack.id}: ${pack.name.th}`, `Rule pack ${pack.id}: ${pack.name.en ?? pack.name.th}`),
        say(l, 'น้ำหนัก = คะแนน ITA ที่ได้เมื่อข้อนั้นผ่าน', 'weight = ITA points gained when the item passes'),
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
            const w = weights.get(id)?.itaPoints ?? 0;
            const fresh = freshnessLabel[item.freshness]?.[l === 'en' ? 1 : 0] ?? item.freshness;
            const name = l === 'en' ? (item.name.en ?? item.name.th) : item.name.th;
            lines.push(`    ${id.padEnd(4)} ${w.toFixed(2)}  ${name}${fresh !== '-' ? `  [${fresh}]` : ''}`);
          }
        }
      }
      io.stdout(`${lines.join('\n')}\n`);
      setExit(ExitCode.ok);
    });
}
