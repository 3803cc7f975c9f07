import { type AST, RegExpParser } from '@eslint-community/regexpp';

/** Literals a trigger may list: more would find nearly every position anyway. */
const MAX_LITERALS = 64;
/** Characters of a class spelt out as literals ("[0-9]" is ten; "[ก-ฮ]" is too many). */
const MAX_CLASS = 12;
/** Repetitions spelt out ("\.?" is "" or "."). */
const MAX_REPEAT = 4;

/**
 * Where a pattern can match, told by short literals: every match has one of `literals`
 * starting at most `maxBefore` characters after the match starts (`maxBefore` 0: every match
 * starts with one of them).
 */
export interface Trigger {
  literals: string[];
  maxBefore: number;
}

type Strings = string[] | null;

/** Keeps the shortest of literals that start alike: a longer one is found wherever they are. */
function minimal(strings: Iterable<string>): Strings {
  const sorted = [...new Set(strings)].sort();
  const out: string[] = [];
  for (const s of sorted) {
    if (s === '') return null;
    const last = out[out.length - 1];
    if (last === undefined || !s.startsWith(last)) out.push(s);
  }
  return out.length > MAX_LITERALS ? null : out;
}

/** The characters a class or character matches, when few enough to spell out. */
function charsOf(node: AST.Node): Strings {
  switch (node.type) {
    case 'Character':
      return [String.fromCodePoint(node.value)];
    case 'CharacterSet':
      // \d is [0-9] with the u flag and without i; \s, \w, ".", \p{…} are too many.
      return node.kind === 'digit' && !node.negate ? [...'0123456789'] : null;
    case 'CharacterClassRange':
      return node.max.value - node.min.value < MAX_CLASS
        ? Array.from({ length: node.max.value - node.min.value + 1 }, (_, i) =>
            String.fromCodePoint(node.min.value + i),
          )
        : null;
    case 'CharacterClass': {
      if (node.negate || node.unicodeSets) return null;
      const out: string[] = [];
      for (const e of node.elements) {
        const c = charsOf(e);
        if (!c) return null;
        out.push(...c);
      }
      return out.length <= MAX_CLASS ? out : null;
    }
    default:
      return null;
  }
}

function product(a: string[], b: string[]): Strings {
  if (a.length * b.length > MAX_LITERALS) return null;
  return a.flatMap((x) => b.map((y) => x + y));
}

/**
 * Every string `node` may match, when there are few: a superset (assertions are taken as
 * matching the empty string, which they do when they hold), which is all a trigger needs.
 */
function exact(node: AST.Node): Strings {
  switch (node.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      return charsOf(node);
    case 'Assertion':
      return [''];
    case 'Group':
    case 'CapturingGroup': {
      const out: string[] = [];
      for (const alt of node.alternatives) {
        const s = exactSequence(alt.elements);
        if (!s) return null;
        out.push(...s);
      }
      return out.length <= MAX_LITERALS ? [...new Set(out)] : null;
    }
    case 'Quantifier': {
      if (node.max > MAX_REPEAT) return null;
      const one = exact(node.element);
      if (!one) return null;
      const out: string[] = [];
      let power: Strings = [''];
      for (let k = 0; k <= node.max; k++) {
        if (!power) return null;
        if (k >= node.min) out.push(...power);
        if (k < node.max) power = product(power, one);
      }
      return out.length <= MAX_LITERALS ? [...new Set(out)] : null;
    }
    default:
      return null;
  }
}

function exactSequence(elements: readonly AST.Element[]): Strings {
  let out: Strings = [''];
  for (const e of elements) {
    const s = exact(e);
    if (!s || !out) return null;
    out = product(out, s);
  }
  return out;
}

/** Literals one of which every match of `seq` starts with (none empty), or null when unknown. */
function prefixes(seq: readonly AST.Element[]): Strings {
  const [e, ...rest] = seq;
  if (!e) return null;
  // Assertions consume nothing: the match starts with what follows them.
  if (e.type === 'Assertion') return prefixes(rest);
  const ex = exact(e);
  if (ex) {
    const after = prefixes(rest);
    const joined = after ? product(ex, after) : null;
    if (joined) return minimal(joined);
    // A match starts with one of the element's strings, or (where it matches "") with the rest.
    const own = ex.filter((s) => s !== '');
    if (own.length === ex.length) return minimal(own);
    return after ? minimal([...own, ...after]) : null;
  }
  if (e.type === 'Group' || e.type === 'CapturingGroup') {
    const out: string[] = [];
    for (const alt of e.alternatives) {
      const p = prefixes([...alt.elements, ...rest]);
      if (!p) return null;
      out.push(...p);
    }
    return minimal(out);
  }
  if (e.type === 'Quantifier') {
    const own = prefixes([e.element]);
    if (!own) return null;
    if (e.min >= 1) return own;
    const after = prefixes(rest);
    return after ? minimal([...own, ...after]) : null;
  }
  return null;
}

/** Longest string (UTF-16 units) `node` can match; Infinity when unbounded. */
function maxLength(node: AST.Node): number {
  switch (node.type) {
    case 'Character':
      return node.value > 0xffff ? 2 : 1;
    case 'CharacterSet':
      // ".", \p{…} and negated sets may match a character beyond the BMP (two units).
      return node.kind === 'digit' || node.kind === 'space' || node.kind === 'word' ? 1 : 2;
    case 'CharacterClass':
      return 2;
    case 'Assertion':
      return 0;
    case 'Group':
    case 'CapturingGroup':
      return Math.max(...node.alternatives.map((a) => a.elements.reduce((n, x) => n + maxLength(x), 0)));
    case 'Quantifier':
      return node.max === 0 ? 0 : node.max * maxLength(node.element);
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/** How rare a literal is on a page: common characters (spaces, digits, dots) count little. */
function rarity(literals: readonly string[]): number {
  let least = Number.POSITIVE_INFINITY;
  for (const s of literals) {
    let r = 0;
    for (const c of s) r += ' .,-/:()0123456789\n\t'.includes(c) ? 0.3 : 1;
    least = Math.min(least, r);
  }
  return least;
}

/** The trigger of one alternative: its rarest literals among those at a bounded offset. */
function alternativeTrigger(elements: readonly AST.Element[]): Trigger | null {
  let best: Trigger | null = null;
  let bestRarity = 0;
  let before = 0;
  for (let j = 0; j < elements.length && Number.isFinite(before); j++) {
    const literals = prefixes(elements.slice(j));
    if (literals) {
      const r = rarity(literals);
      if (r > bestRarity) {
        best = { literals, maxBefore: before };
        bestRarity = r;
      }
    }
    before += maxLength(elements[j] as AST.Element);
  }
  return best;
}

/**
 * The trigger of a rule-pack text pattern (u flag): read from the pattern itself, so a pack
 * needs no extra field and a custom pack gets one too. Null when no short list of literals
 * is sure to be in every match (the pattern is then run on the whole text).
 */
export function triggerOf(source: string): Trigger | null {
  let pattern: AST.Pattern;
  try {
    pattern = new RegExpParser().parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return null;
  }
  // Back-references tie one part of a match to another: not worth the care.
  if (source.includes('\\k<') || /\\[1-9]/.test(source)) return null;
  const literals: string[] = [];
  let maxBefore = 0;
  for (const alt of pattern.alternatives) {
    const t = alternativeTrigger(alt.elements);
    if (!t) return null;
    literals.push(...t.literals);
    maxBefore = Math.max(maxBefore, t.maxBefore);
  }
  // A literal that starts with a low surrogate would start inside a character.
  if (literals.some((s) => s.charCodeAt(0) >= 0xdc00 && s.charCodeAt(0) <= 0xdfff)) return null;
  const all = minimal(literals);
  return all ? { literals: all, maxBefore } : null;
}
