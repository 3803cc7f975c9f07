import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod';
import { MAX_TIMER_MS } from '../core/crawl/options';
import { headerProblem } from '../core/fetch/request-scope';
import { regexSourceSchema as regexSource } from '../core/regex-source';
import type { RulePack } from '../core/rules/load-pack';
import { surveyInputSchema } from '../core/score/survey';
import { usageError } from './errors';
import { type Lang, say } from './io';
import { readJsonFile } from './read-json-file';
import { REPORT_FORMATS } from './report-formats';

/** The config file looked for in the working directory (`--config PATH` points elsewhere). */
export const CONFIG_FILE_NAME = 'oit-audit.config.json';

const itemId = z.string().regex(/^O\d+$/, 'item ids look like "O12"');
const whole = (min: number, max?: number) => {
  const base = z
    .number({ error: 'expected a number' })
    .int('expected a whole number')
    .min(min, `at least ${min}`);
  return max === undefined ? base : base.max(max, `at most ${max}`);
};

/**
 * `oit-audit.config.json`. Strict: an unknown key is an error (a typo must not silently
 * disable a gate). Paths inside are relative to the config file.
 */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    /** The agency home page to audit. */
    site: z
      .string()
      .refine(
        (s) => /^https?:\/\//i.test(s) && URL.canParse(s),
        'expected a full URL such as https://www.example.go.th/',
      )
      .optional(),
    rules: z.string().optional(),
    /** Assessed fiscal year, BE. */
    year: whole(2500, 2700).optional(),
    maxPages: whole(1).optional(),
    maxDepth: whole(0).optional(),
    /** Most pages of one paginated list (`/news?page=N`). */
    paginationCap: whole(1).optional(),
    concurrency: whole(1, 32).optional(),
    /** Minimum gap between two requests to one host, ms. */
    delay: whole(0, MAX_TIMER_MS).optional(),
    /** Whole-request timeout, ms. */
    timeout: whole(1, MAX_TIMER_MS).optional(),
    retries: whole(0, 10).optional(),
    ignoreRobots: z.boolean().optional(),
    offsiteCheck: z.boolean().optional(),
    /** URLs matching any of these are not crawled. */
    skip: z.array(regexSource).optional(),
    /** When given, only URLs matching one of these are crawled (the start page always is). */
    include: z.array(regexSource).optional(),
    /** Extra request headers, e.g. a cookie for a staging site behind a login. */
    headers: z
      .record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid HTTP header name'), z.string())
      .superRefine((headers, ctx) => {
        for (const [name, value] of Object.entries(headers)) {
          const problem = headerProblem(name, value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [name] });
        }
      })
      .optional(),
    /** Survey scores: a JSON file path or the scores themselves. */
    survey: z.union([z.string(), surveyInputSchema]).optional(),
    /** Manual evidence per item. */
    evidence: z
      .record(
        itemId,
        z
          .union([z.string(), z.array(z.string())])
          .refine(
            (v) => (Array.isArray(v) ? v : [v]).every((u) => /^https?:\/\//i.test(u) && URL.canParse(u)),
            'expected full http(s) URLs',
          ),
      )
      .optional(),
    /** Per-item levels: "error" (must pass), "warn" (never fails), "off" (left out of gates). */
    items: z.record(itemId, z.enum(['error', 'warn', 'off'])).optional(),
    gates: z
      .object({
        failUnder: z
          .number({ error: 'expected a number' })
          .min(0, 'from 0 to 100')
          .max(100, 'from 0 to 100')
          .optional(),
        required: z.array(itemId).optional(),
        maxMissing: whole(0).optional(),
      })
      .strict()
      .optional(),
    formats: z.array(z.enum(REPORT_FORMATS)).optional(),
    outputDir: z.string().min(1).optional(),
    baseline: z.string().min(1).optional(),
  })
  .strict();

export type OitConfig = z.infer<typeof configSchema>;

export interface LoadedConfig {
  /** Absolute path of the file read. */
  path: string;
  /** The path as the user knows it (for messages). */
  shown: string;
  config: OitConfig;
  /** Resolves a path written in the config (relative to the file). */
  resolvePath: (p: string) => string;
}

const TOP_KEYS = Object.keys(configSchema.shape);

/** The closest known key within two edits, for "did you mean". */
function suggest(key: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const row = d[i] as number[];
        const prev = d[i - 1] as number[];
        row[j] = Math.min(
          (prev[j] as number) + 1,
          (row[j - 1] as number) + 1,
          (prev[j - 1] as number) + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
        );
      }
    }
    return (d[a.length] as number[])[b.length] as number;
  };
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const dist = distance(key, k);
    if (dist < bestD) {
      best = k;
      bestD = dist;
    }
  }
  return best;
}

/** Turns zod issues into lines that name the key, e.g. `"gates.failUnder": from 0 to 100`. */
export function formatConfigIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const known =
        issue.path.length === 0
          ? TOP_KEYS
          : issue.path[0] === 'gates'
            ? ['failUnder', 'required', 'maxMissing']
            : [];
      return issue.keys
        .map((k) => {
          const key = path ? `${path}.${k}` : k;
          const hint = suggest(k, known);
          return `"${key}": unknown key${hint ? ` (did you mean "${path ? `${path}.` : ''}${hint}"?)` : ''}`;
        })
        .join('; ');
    }
    if (issue.code === 'invalid_key') return `"${path}": ${issue.issues[0]?.message ?? issue.message}`;
    return `"${path || '(root)'}": ${issue.message}`;
  });
}

/**
 * Reads the config: `--config PATH` (must exist), else `oit-audit.config.json` in `cwd` if there
 * is one; `--no-config` (false) reads none. Every problem is a usage error (exit 2) naming the key.
 */
export function loadConfig(flag: string | boolean | undefined, cwd: string, lang: Lang): LoadedConfig | null {
  if (flag === false) return null;
  let shown: string;
  if (typeof flag === 'string') shown = flag;
  else {
    if (!existsSync(resolve(cwd, CONFIG_FILE_NAME))) return null;
    shown = CONFIG_FILE_NAME;
  }
  const path = resolve(cwd, shown);
  const raw = readJsonFile(shown, cwd, lang, say(lang, 'การตั้งค่า', 'config'));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = formatConfigIssues(parsed.error);
    throw usageError(
      say(lang, `ไฟล์ตั้งค่า ${shown} ไม่ถูกต้อง:`, `invalid config ${shown}:`) +
        lines.map((l) => `\n  ${l}`).join(''),
      say(lang, 'ดูคีย์ที่ใช้ได้ใน README หัวข้อ Config file', 'see the Config file section of the README'),
    );
  }
  return {
    path,
    shown,
    config: parsed.data,
    resolvePath: (p) => resolve(dirname(path), p),
  };
}

/** Checks the item ids of a config against the rule pack and the levels against the gates. */
export function checkConfigItems(loaded: LoadedConfig, pack: RulePack, lang: Lang): void {
  const { config, shown } = loaded;
  const bad = (key: string, message: string) =>
    usageError(
      say(lang, `ไฟล์ตั้งค่า ${shown}: "${key}": ${message}`, `config ${shown}: "${key}": ${message}`),
      say(lang, 'ดูรายการข้อด้วย oit-audit rules', 'list the items with oit-audit rules'),
    );
  for (const id of Object.keys(config.items ?? {})) {
    if (!pack.itemById.has(id)) throw bad(`items.${id}`, say(lang, `ไม่มีข้อ ${id}`, `no item ${id}`));
  }
  for (const id of Object.keys(config.evidence ?? {})) {
    if (!pack.itemById.has(id)) throw bad(`evidence.${id}`, say(lang, `ไม่มีข้อ ${id}`, `no item ${id}`));
  }
  for (const [i, id] of (config.gates?.required ?? []).entries()) {
    if (!pack.itemById.has(id)) throw bad(`gates.required.${i}`, say(lang, `ไม่มีข้อ ${id}`, `no item ${id}`));
  }
}

/**
 * A crawler `skip` pattern that skips every URL matching none of the `include` patterns
 * (the crawler has skip patterns only). `^(?![\s\S]*(?:a|b))` keeps anchored patterns working:
 * a `^` inside can only match at position 0.
 */
export function includeAsSkip(include: readonly string[]): string | undefined {
  if (include.length === 0) return undefined;
  return `^(?![\\s\\S]*(?:${include.map((p) => `(?:${p})`).join('|')}))`;
}
