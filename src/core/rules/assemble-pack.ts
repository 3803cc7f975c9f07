import { RulePackError } from './rule-pack-error';
import type { RuleItem, RulesetFile } from './schema';

// Builds a RulePack from files already in their validated form. Kept free of zod: the CLI
// builds bundled packs, which the tests validate, without loading it at start (issue 11 §2);
// load-pack.ts validates every other pack with the schema first.

/** Reads one file of a pack into its validated form, or throws a RulePackError naming it. */
export interface PackFileParser {
  ruleset: (file: string, json: unknown) => RulesetFile;
  item: (file: string, json: unknown) => RuleItem;
}

/** A sub-indicator with the indicator it belongs to, resolved from the ruleset. */
export interface SubIndicatorDef {
  id: string;
  indicatorId: number;
  name: RulesetFile['indicators'][number]['name'];
  items: string[];
}

/** A validated rule pack: the ruleset plus its items, ordered by item number. */
export interface RulePack {
  id: string;
  year: number;
  name: RulesetFile['name'];
  tools: RulesetFile['tools'];
  indicators: RulesetFile['indicators'];
  family: RulesetFile['family'];
  codeForms: RulesetFile['codeForms'];
  confidence: RulesetFile['confidence'];
  bands: RulesetFile['bands'];
  levels: RulesetFile['levels'];
  ratingParts: RulesetFile['ratingParts'];
  notes?: string;
  offSiteKinds: RulesetFile['offSiteKinds'];
  measureBands: RulesetFile['measureBands'];
  /** Survey question texts and measure templates; optional for packs built by hand in tests. */
  surveyQuestions?: RulesetFile['surveyQuestions'];
  codeNumbering: RulesetFile['codeNumbering'];
  /** Phrases of a report of results (for items with `content.report`); empty in older packs. */
  reportMarkers?: RulesetFile['reportMarkers'];
  items: RuleItem[];
  itemById: ReadonlyMap<string, RuleItem>;
  subIndicators: SubIndicatorDef[];
}

/** The number of an item code: 7 for "O7", 12 for "MOIT12". */
export function itemNumber(id: string): number {
  return Number(/\d+$/.exec(id)?.[0] ?? Number.NaN);
}

/** The item's confidence, or the pack's confidence for its items when the item does not say. */
export function itemConfidence(pack: Pick<RulePack, 'confidence'>, item: RuleItem): 'H' | 'M' | 'L' {
  return item.confidence ?? pack.confidence.items;
}

/**
 * Cross-checks a ruleset and its item files, each read by `parse`: every item named in a
 * sub-indicator has a file, every file is named, file name equals id, sub-indicators agree.
 *
 * @param packDir display path used in error messages, e.g. "rules/ita-2562"
 * @param itemFiles map from file name ("O7.json") to parsed JSON
 */
export function assembleRulePack(
  packDir: string,
  rulesetJson: unknown,
  itemFiles: Record<string, unknown>,
  parse: PackFileParser,
): RulePack {
  const rulesetFile = `${packDir}/ruleset.json`;
  const ruleset = parse.ruleset(rulesetFile, rulesetJson);

  const items = new Map<string, RuleItem>();
  for (const [fileName, json] of Object.entries(itemFiles)) {
    const file = `${packDir}/items/${fileName}`;
    const item = parse.item(file, json);
    if (`${item.id}.json` !== fileName) {
      throw new RulePackError(`${file}: field "id": "${item.id}" does not match the file name`, file, 'id');
    }
    for (const kind of item.offSiteKinds) {
      if (!ruleset.offSiteKinds[kind]) {
        throw new RulePackError(
          `${file}: field "offSiteKinds": unknown kind "${kind}" (ruleset.json defines ${Object.keys(ruleset.offSiteKinds).join(', ')})`,
          file,
          'offSiteKinds',
        );
      }
    }
    items.set(item.id, item);
  }

  const subIndicators: SubIndicatorDef[] = [];
  const named = new Set<string>();
  for (const indicator of ruleset.indicators) {
    for (const sub of indicator.subIndicators) {
      subIndicators.push({ id: sub.id, indicatorId: indicator.id, name: sub.name, items: sub.items });
      for (const id of sub.items) {
        if (named.has(id)) {
          throw new RulePackError(
            `${rulesetFile}: item ${id} appears in two sub-indicators`,
            rulesetFile,
            'indicators',
          );
        }
        named.add(id);
        const item = items.get(id);
        if (!item) {
          throw new RulePackError(
            `${rulesetFile}: sub-indicator ${sub.id} names ${id} but ${packDir}/items/${id}.json is missing`,
            rulesetFile,
            'indicators',
          );
        }
        if (item.subIndicator !== sub.id) {
          throw new RulePackError(
            `${packDir}/items/${id}.json: field "subIndicator": "${item.subIndicator}" but ruleset.json lists it under ${sub.id}`,
            `${packDir}/items/${id}.json`,
            'subIndicator',
          );
        }
      }
    }
  }
  for (const id of items.keys()) {
    if (!named.has(id)) {
      throw new RulePackError(
        `${packDir}/items/${id}.json: not listed in any sub-indicator of ruleset.json`,
        `${packDir}/items/${id}.json`,
        'subIndicator',
      );
    }
  }

  const questionCodes = new Set(ruleset.indicators.flatMap((i) => i.questions));
  for (const code of Object.keys(ruleset.surveyQuestions)) {
    if (!questionCodes.has(code)) {
      throw new RulePackError(
        `${rulesetFile}: field "surveyQuestions.${code}": no indicator lists question ${code}`,
        rulesetFile,
        `surveyQuestions.${code}`,
      );
    }
  }

  const indicatorIds = new Set(ruleset.indicators.map((i) => i.id));
  for (const [index, part] of ruleset.ratingParts.entries()) {
    const unknown = part.indicators.find((i) => !indicatorIds.has(i));
    if (unknown !== undefined) {
      throw new RulePackError(
        `${rulesetFile}: field "ratingParts.${index}.indicators": no indicator ${unknown}`,
        rulesetFile,
        `ratingParts.${index}.indicators`,
      );
    }
  }
  for (const [index, tool] of ruleset.tools.entries()) {
    const unknown = tool.indicators.find((i) => !indicatorIds.has(i));
    if (unknown !== undefined) {
      throw new RulePackError(
        `${rulesetFile}: field "tools.${index}.indicators": no indicator ${unknown}`,
        rulesetFile,
        `tools.${index}.indicators`,
      );
    }
  }
  if (ruleset.levels.some((l) => l.partsMin !== undefined) && ruleset.ratingParts.length === 0) {
    throw new RulePackError(
      `${rulesetFile}: field "ratingParts": levels use partsMin but no rating parts are defined`,
      rulesetFile,
      'ratingParts',
    );
  }

  const ordered = [...items.values()].sort((a, b) => itemNumber(a.id) - itemNumber(b.id));
  // Codes on pages are read as numbers into this list, so it must run 1..n in one code form.
  const prefix = ordered[0]?.id.replace(/\d+$/, '') ?? 'O';
  for (const [index, item] of ordered.entries()) {
    if (item.id !== `${prefix}${index + 1}`) {
      const file = `${packDir}/items/${item.id}.json`;
      throw new RulePackError(
        `${file}: field "id": items must be numbered ${prefix}1..${prefix}${ordered.length} without gaps or mixed prefixes (expected ${prefix}${index + 1})`,
        file,
        'id',
      );
    }
  }
  return {
    id: ruleset.id,
    year: ruleset.year,
    name: ruleset.name,
    family: ruleset.family,
    codeForms: ruleset.codeForms,
    confidence: ruleset.confidence,
    tools: ruleset.tools,
    indicators: ruleset.indicators,
    bands: ruleset.bands,
    levels: ruleset.levels,
    ratingParts: ruleset.ratingParts,
    ...(ruleset.notes !== undefined ? { notes: ruleset.notes } : {}),
    offSiteKinds: ruleset.offSiteKinds,
    measureBands: ruleset.measureBands,
    surveyQuestions: ruleset.surveyQuestions,
    codeNumbering: ruleset.codeNumbering,
    reportMarkers: ruleset.reportMarkers,
    items: ordered,
    itemById: new Map(ordered.map((i) => [i.id, i])),
    subIndicators,
  };
}
