#!/usr/bin/env node
/**
 * Builds the rule packs other than ita-2562 from scripts/rule-pack-specs.mjs (issue 10):
 * keywords, slug hints, required elements and measure templates come from the mapped FY2562
 * items, so every pack file carries its own data. Also writes the TypeScript that imports them:
 * src/core/rules/packs/<id>.ts (one pack each), bundled-packs.ts (all, for the extension) and
 * bundled-pack-loaders.ts (one dynamic import per pack, for the CLI's start-up).
 *
 *   node scripts/build-rule-packs.mjs && npx biome format --write src/core/rules
 *
 * Re-run after editing the specs or the FY2562 items; the files it writes are committed.
 * `--check <dir>` writes the packs under <dir> only (test/unit/core/rules/generated-packs.test.ts
 * compares them with the committed ones).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packs } from './rule-pack-specs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = join(root, 'rules');
// `--check <dir>`: write the generated packs under <dir> instead, and no TypeScript, so a test
// can compare them with the committed ones (a fix to ita-2562 must reach the packs built from it).
const checkAt = process.argv.indexOf('--check');
const checkDir = checkAt > 0 ? process.argv[checkAt + 1] : undefined;
const outRulesDir = checkDir ?? rulesDir;
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

const base = new Map();
for (const f of readdirSync(join(rulesDir, 'ita-2562/items'))) {
  const item = readJson(join(rulesDir, 'ita-2562/items', f));
  base.set(item.id, item);
}
const baseRuleset = readJson(join(rulesDir, 'ita-2562/ruleset.json'));
const built = new Map(); // "pack:id" → item

const key = (s) => s.toLowerCase().replace(/\s+/g, '');
const isCodeHint = (h) => /^(o|oit|o-|oit-|o0|moit|moit-|eb)\d+$/.test(h);

function codeHints(forms, n) {
  const out = [];
  for (const form of forms) {
    const f = form.toLowerCase();
    out.push(`${f}${n}`, `${f}-${n}`);
    if (n < 10) out.push(`${f}0${n}`);
  }
  return [...new Set(out)];
}

function uniqueByKey(list) {
  const seen = new Set();
  return list.filter((s) => {
    const k = key(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const QUARTERS = { 'previous-fy': [1], 'first-half': [2, 3], 'current-fy': [1, 2, 3, 4], none: [1] };

function genericMeasure(name, freshness, moph) {
  const steps = [
    'มอบหมายผู้รับผิดชอบรวบรวมข้อมูลตามรายละเอียดของเกณฑ์ข้อนี้',
    'จัดทำเอกสารหรือหน้าเว็บให้มีเนื้อหาครบตามเกณฑ์และระบุปีงบประมาณให้ชัดเจน',
    ...(moph ? ['จัดทำบันทึกข้อความขออนุญาตเผยแพร่ที่ผู้บริหารลงนาม และแบบฟอร์มการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์'] : []),
    'เผยแพร่บนเว็บไซต์หลักของหน่วยงานและเชื่อมโยงจากหน้ารวมข้อมูล ITA',
  ];
  return {
    issue: `เว็บไซต์ยังไม่เปิดเผย "${name}" ครบถ้วนตามเกณฑ์`,
    measure: `จัดทำและเผยแพร่ "${name}" บนเว็บไซต์หลักของหน่วยงาน`,
    steps,
    responsible: 'ผู้รับผิดชอบเรื่อง / ผู้ดูแลเว็บไซต์',
    quarters: QUARTERS[freshness] ?? [1],
    monitoring: 'ผู้บริหารหรือผู้ที่ได้รับมอบหมายตรวจสอบความครบถ้วนของข้อมูลทุกไตรมาส',
    reporting: 'รายงานผลต่อผู้บริหารเมื่อสิ้นไตรมาส',
  };
}

/**
 * The mapped item's content signals. An auto audit probes every pack at once with keys
 * "<item>:<concept>", so a concept copied under another item id is renamed after its source
 * ("manual" of O13 becomes "manual-o13" under 2566's O14): one key, one meaning, in every pack.
 */
function contentFor(id, src, ownTexts) {
  const content = structuredClone(src.content);
  // A look-alike of the FY2562 item can be this item itself (FY2562 O34's "No Gift" look-alike
  // is what 2569's O20 is about): drop negatives that the item's own name or keywords contain.
  const own = ownTexts.map(key);
  const negative = (content.negative ?? []).filter(
    (c) => !c.anyOf.some((p) => own.some((o) => o.includes(key(p)))),
  );
  if (id === src.id) return { ...content, negative };
  const rename = (c) => ({ ...c, id: `${c.id}-${src.id.toLowerCase()}` });
  return {
    ...content,
    concepts: content.concepts.map(rename),
    negative: negative.map(rename),
  };
}

function buildItem(pack, spec, subOf) {
  const [id, th, en, , mapsTo, confidence, fresh, extra = {}] = spec;
  if (extra.sameAs) {
    const from = built.get(`${extra.sameAs[0]}:${extra.sameAs[1]}`);
    if (!from) throw new Error(`${pack.id}:${id}: sameAs ${extra.sameAs.join(':')} not built yet`);
    return {
      ...structuredClone(from),
      id,
      subIndicator: subOf(id),
      confidence,
      mapsTo,
      slugHints: [
        ...from.slugHints.filter((h) => !isCodeHint(h)),
        ...codeHints(pack.codeForms ?? ['O', 'OIT'], Number(id.replace(/\D/g, ''))),
      ],
      notes:
        `Same item as ${extra.sameAs.join(' ')}; written by scripts/build-rule-packs.mjs. Confidence ${confidence}. ${pack.notesRef ?? ''}`.trim(),
    };
  }
  const mapped = mapsTo.filter((m) => /^O\d+$/.test(m)).map((m) => base.get(m));
  const src = extra.from ? base.get(extra.from) : mapped[0];
  if (!src) throw new Error(`${pack.id}:${id}: no FY2562 item to copy from`);
  const name = { th: th ?? src.name.th, ...((en ?? src.name.en) ? { en: en ?? src.name.en } : {}) };
  const custom = extra.keywords !== undefined;
  const sources = custom ? [] : mapped;
  const keywordsTh = uniqueByKey(
    custom
      ? extra.keywords
      : [
          ...(th && !sources.some((s) => s.keywords.th.some((k) => key(k) === key(th))) ? [th] : []),
          ...sources.flatMap((s) => s.keywords.th),
        ],
  );
  const keywordsEn = uniqueByKey(custom ? (extra.en ?? []) : sources.flatMap((s) => s.keywords.en));
  const ownKeys = [...keywordsTh, ...keywordsEn, name.th].map(key);
  const excludes = uniqueByKey([
    ...sources.flatMap((s) => s.excludeKeywords ?? []),
    ...(extra.exclude ?? []),
  ]).filter((x) => !ownKeys.some((k) => k.includes(key(x))));
  const number = Number(id.replace(/\D/g, ''));
  const slugHints = uniqueByKey([
    ...(custom ? (extra.slugs ?? []) : sources.flatMap((s) => s.slugHints ?? [])).filter(
      (h) => !isCodeHint(h),
    ),
    ...codeHints(pack.codeForms ?? ['O', 'OIT'], number),
  ]);
  const freshness = fresh ?? src.freshness;
  const carriedAsIs = !custom && mapped.length > 0 && !extra.moit;
  const item = {
    id,
    name,
    subIndicator: subOf(id),
    confidence,
    mapsTo,
    ...(carriedAsIs && mapped.length === 1 && src.topic && pack.keepTopics ? { topic: src.topic } : {}),
    description: carriedAsIs
      ? {
          th: mapped.map((s) => s.description.th).join(' / '),
          ...(src.description.en ? { en: mapped.map((s) => s.description.en ?? '').join(' / ') } : {}),
        }
      : {
          th: `หลักฐานที่แสดง "${name.th}" ตามเกณฑ์ของปีที่ประเมิน`,
          en: `Evidence of "${name.en ?? name.th}" as the year's criteria describe it`,
        },
    evidenceKind: extra.evidenceKind ?? (extra.moit ? 'page-or-document' : src.evidenceKind),
    keywords: { th: keywordsTh, en: keywordsEn },
    excludeKeywords: excludes,
    slugHints,
    requiredElements: carriedAsIs ? structuredClone(src.requiredElements ?? []) : [],
    freshness,
    offSiteKinds: carriedAsIs ? [...(src.offSiteKinds ?? [])] : [],
    measure: carriedAsIs
      ? structuredClone(src.measure)
      : genericMeasure(name.th, freshness, extra.moit === true),
    ...(carriedAsIs && mapped.length === 1 && src.content
      ? { content: contentFor(id, src, [name.th, ...keywordsTh, ...keywordsEn]) }
      : {}),
    notes: `${carriedAsIs ? `Keywords, slugs, elements and measure copied from FY2562 ${mapped.map((m) => m.id).join(' + ')}` : 'Keywords written for this item'} by scripts/build-rule-packs.mjs. Confidence ${confidence} (${pack.id} notes in ruleset.json).`,
  };
  return item;
}

function buildRuleset(pack, subs) {
  const survey = baseRuleset.indicators.filter((i) => i.id <= 8);
  const nacc = pack.family === 'nacc';
  const indicators = nacc
    ? [
        ...survey,
        ...baseRuleset.indicators
          .filter((i) => i.id >= 9)
          .map((ind) => ({ ...ind, subIndicators: subs.filter((s) => s.id.startsWith(`${ind.id}.`)) }))
          .filter((ind) => ind.subIndicators.length > 0),
      ]
    : pack.moitIndicators.map(([id, th, en]) => ({
        id,
        name: { th, en },
        questions: [],
        subIndicators: subs.filter((s) => s.id === String(id)),
      }));
  const tools = nacc
    ? baseRuleset.tools.map((t, i) => ({
        ...t,
        weight: pack.weights[i],
        indicators: t.id === 'OIT' ? indicators.filter((x) => x.id >= 9).map((x) => x.id) : t.indicators,
      }))
    : [
        {
          id: 'OIT',
          name: {
            th: 'แบบประเมิน MOIT (การเปิดเผยข้อมูลและการป้องกันการทุจริต)',
            en: 'MOIT evidence-based assessment',
          },
          weight: null,
          indicators: pack.moitIndicators.map(([id]) => id),
        },
      ];
  return {
    id: pack.id,
    year: pack.year,
    name: { th: pack.name, en: pack.nameEn },
    family: pack.family,
    codeForms: pack.codeForms ?? ['O', 'OIT'],
    confidence: pack.confidence,
    tools,
    indicators,
    bands: pack.bands ?? [],
    levels: pack.levels ?? [],
    ratingParts: pack.ratingParts ?? [],
    offSiteKinds: baseRuleset.offSiteKinds,
    codeNumbering: pack.codeNumbering ?? [],
    surveyQuestions: nacc ? baseRuleset.surveyQuestions : {},
    measureBands: baseRuleset.measureBands,
    ...(baseRuleset.reportMarkers ? { reportMarkers: baseRuleset.reportMarkers } : {}),
    notes: pack.notes,
  };
}

const written = [];
for (const pack of packs) {
  const subs =
    pack.subs ?? pack.moitIndicators.map(([id, th, en]) => ({ id: String(id), name: { th, en }, items: [] }));
  if (!pack.subs) {
    for (const spec of pack.items) subs.find((s) => s.id === spec[3]).items.push(spec[0]);
  }
  const subOf = (id) => {
    const s = subs.find((x) => x.items.includes(id));
    if (!s) throw new Error(`${pack.id}:${id} is in no sub-indicator`);
    return s.id;
  };
  pack.keepTopics = pack.id === 'ita-2563' || pack.id === 'ita-2564' || pack.id === 'ita-2565';
  const dir = join(outRulesDir, pack.id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'items'), { recursive: true });
  const ids = [];
  for (const spec of pack.items) {
    const item = buildItem(pack, spec, subOf);
    built.set(`${pack.id}:${item.id}`, item);
    writeFileSync(join(dir, 'items', `${item.id}.json`), `${JSON.stringify(item, null, 2)}\n`);
    ids.push(item.id);
  }
  writeFileSync(join(dir, 'ruleset.json'), `${JSON.stringify(buildRuleset(pack, subs), null, 2)}\n`);
  written.push({ id: pack.id, ids });
}

if (checkDir) process.exit(0);

// The registry's static imports, ita-2562 first: one module per pack (src/core/rules/packs/), the
// registry of all of them (bundled-packs.ts, for the extension and the core) and a loader per
// pack (bundled-pack-loaders.ts): the CLI imports only the pack a command needs (issue 11 §2).
const all = [
  { id: 'ita-2562', ids: [...base.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))) },
  ...written,
].sort((a, b) => a.id.localeCompare(b.id));
const ident = (id) => id.replace(/-/g, '_');
const HEADER = '// Written by scripts/build-rule-packs.mjs. Do not edit by hand.';
const packsDir = join(root, 'src/core/rules/packs');
rmSync(packsDir, { recursive: true, force: true });
mkdirSync(packsDir, { recursive: true });
for (const p of all) {
  const lines = [
    HEADER,
    '// Static imports (style-anchors.md §6.8 item 7: no directory reads at run time).',
    "import type { PackFiles } from '../pack-files';",
    `import ruleset from '../../../../rules/${p.id}/ruleset.json';`,
  ];
  for (const id of p.ids) lines.push(`import ${id} from '../../../../rules/${p.id}/items/${id}.json';`);
  lines.push('', `/** Ruleset and item files (by file name) of ${p.id}. */`);
  lines.push('export const files: PackFiles = {', '  ruleset,', '  items: {');
  for (const id of p.ids) lines.push(`    '${id}.json': ${id},`);
  lines.push('  },', '};', '');
  writeFileSync(join(packsDir, `${p.id}.ts`), lines.join('\n'));
}

const registry = [
  HEADER,
  '// Every pack, statically: the extension bundle carries them all.',
  "import type { RulePack } from './assemble-pack';",
  "import type { PackFiles } from './pack-files';",
  ...all.map((p) => `import { files as ${ident(p.id)} } from './packs/${p.id}';`),
  '',
  '/** Ruleset and item files (by file name) of every bundled pack. */',
  'export const bundledPackFiles: Record<string, PackFiles> = {',
  ...all.map((p) => `  '${p.id}': ${ident(p.id)},`),
  '};',
  '',
  '/** No merged extraction pack is prebuilt here (the compiled CLI has one: bundled-packs-from-disk.ts). */',
  'export const prebuiltExtractionPack: (() => RulePack) | null = null;',
  '',
];
writeFileSync(join(root, 'src/core/rules/bundled-packs.ts'), registry.join('\n'));

const loaders = [
  HEADER,
  '// One dynamic import per pack: a command that needs one pack loads only that pack (in the',
  '// CLI build each is a chunk of its own), not the JSON of every pack.',
  "import type { PackYear } from './pack-for-year';",
  "import type { PackFiles } from './pack-files';",
  '',
  '/** Ids of the bundled rule packs, sorted. */',
  `export const bundledPackIds: readonly string[] = [${all.map((p) => `'${p.id}'`).join(', ')}];`,
  '',
  '/** Family and year of each bundled pack (from its ruleset.json): enough to choose one without loading any. */',
  'export const bundledPackMeta: readonly PackYear[] = [',
  ...all.map((p) => {
    const r = JSON.parse(readFileSync(join(root, 'rules', p.id, 'ruleset.json'), 'utf8'));
    return `  { id: '${p.id}', family: '${r.family ?? 'nacc'}', year: ${Number(r.year)} },`;
  }),
  '];',
  '',
  '/** Loads the files of one bundled pack. */',
  'export const bundledPackLoaders: Readonly<Record<string, () => Promise<PackFiles>>> = {',
  ...all.map((p) => `  '${p.id}': async () => (await import('./packs/${p.id}')).files,`),
  '};',
  '',
];
writeFileSync(join(root, 'src/core/rules/bundled-pack-loaders.ts'), loaders.join('\n'));
console.log(`built ${written.map((w) => `${w.id} (${w.ids.length})`).join(', ')}`);
