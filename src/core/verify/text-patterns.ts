import { PhraseIndex } from '../content/phrase-index';
import { type Trigger, triggerOf } from './pattern-triggers';

interface Pattern {
  re: RegExp;
  /** The pattern anchored at lastIndex ("y"), or searching from it ("g"), when it has a trigger. */
  from: RegExp | null;
  trigger: Trigger | null;
  /** Where its literals start in the current text (only the first when maxBefore > 0). */
  starts: number[];
}

/**
 * The rule packs' text patterns (required elements, src/core/verify/elements.ts), run on a
 * page's text together. Run one by one, each pattern walked the whole text (the address
 * pattern, "(?:ที่อยู่|…|จ\.)[^\n]{0,120}\d{5}", also read 120 characters after every keyword);
 * here one pass of a phrase index finds the literals every match must contain (pattern-
 * triggers.ts), and a pattern is tried only where a match can start: at each place its leading
 * literals start, or from the first place its inner literal allows. The answers are the
 * patterns' own (test/unit/core/verify/probe-equivalence.test.ts compares them with the
 * patterns run whole).
 */
export class TextPatterns {
  private readonly patterns: Pattern[] = [];
  private readonly bySource = new Map<string, number>();
  private index: PhraseIndex<number> | null = null;
  /** The text the answers below are for, and the answers (-1 not asked yet). */
  private text: string | null = null;
  private answers = new Int8Array(0);

  /** A test for one pattern (JavaScript syntax, u flag); the same source shares one pattern. */
  add(source: string): (text: string) => boolean {
    let id = this.bySource.get(source);
    if (id === undefined) {
      id = this.patterns.length;
      const trigger = triggerOf(source);
      this.patterns.push({
        re: new RegExp(source, 'u'),
        from: trigger ? new RegExp(source, trigger.maxBefore === 0 ? 'uy' : 'ug') : null,
        trigger,
        starts: [],
      });
      this.bySource.set(source, id);
      // The index and the answers of the last text do not know the new pattern yet.
      this.index = null;
      this.text = null;
    }
    const n = id;
    return (text) => this.test(n, text);
  }

  private test(id: number, text: string): boolean {
    if (text !== this.text) this.read(text);
    let answer = this.answers[id] as number;
    if (answer < 0) {
      answer = this.run(this.patterns[id] as Pattern, text) ? 1 : 0;
      this.answers[id] = answer;
    }
    return answer === 1;
  }

  /** One pass over a new text: where the literals of every pattern start. */
  private read(text: string): void {
    this.text = text;
    if (this.answers.length !== this.patterns.length) this.answers = new Int8Array(this.patterns.length);
    this.answers.fill(-1);
    for (const p of this.patterns) p.starts.length = 0;
    if (!this.index) {
      const entries: { phrase: string; value: number }[] = [];
      for (const [id, p] of this.patterns.entries())
        for (const phrase of p.trigger?.literals ?? []) entries.push({ phrase, value: id });
      this.index = new PhraseIndex(entries);
    }
    const patterns = this.patterns;
    this.index.scan(text, (id, start) => {
      const p = patterns[id] as Pattern;
      if (p.starts.length === 0 || (p.trigger as Trigger).maxBefore === 0) p.starts.push(start);
      else if (start < (p.starts[0] as number)) p.starts[0] = start;
    });
  }

  private run(p: Pattern, text: string): boolean {
    const { trigger, from } = p;
    if (!trigger || !from) return p.re.test(text);
    if (p.starts.length === 0) return false;
    if (trigger.maxBefore === 0) {
      // Every match starts with a literal: try the pattern exactly there (starts come in the
      // order the literals end, so sort is not needed; a start may repeat, which is harmless).
      for (const start of p.starts) {
        from.lastIndex = start;
        if (from.test(text)) return true;
      }
      return false;
    }
    // Every match starts at most maxBefore before a literal, so none starts before the first
    // literal's reach: search from there (one search answers, found or not).
    let at = Math.max(0, (p.starts[0] as number) - trigger.maxBefore);
    // Never from inside a character beyond the BMP (the u flag reads code points).
    const c = text.charCodeAt(at);
    if (at > 0 && c >= 0xdc00 && c <= 0xdfff) {
      const lead = text.charCodeAt(at - 1);
      if (lead >= 0xd800 && lead <= 0xdbff) at--;
    }
    from.lastIndex = at;
    return from.test(text);
  }
}
