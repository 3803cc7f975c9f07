import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfigItems, CONFIG_FILE_NAME, includeAsSkip, loadConfig } from '../../../src/cli/config';
import { CliError } from '../../../src/cli/errors';
import { getRulePack } from '../../../src/core/rules/registry';

const pack = getRulePack('ita-2562')!;

function dirWith(config: unknown, name = CONFIG_FILE_NAME): string {
  const dir = mkdtempSync(join(tmpdir(), 'oit-config-'));
  writeFileSync(join(dir, name), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

function errorOf(fn: () => unknown): CliError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error('expected an error');
}

describe('loadConfig', () => {
  it('finds oit-audit.config.json in the working directory and resolves paths from the file', () => {
    const dir = dirWith({
      site: 'https://staging.example.go.th/',
      year: 2568,
      delay: 0,
      items: { O12: 'error', O8: 'warn', O47: 'off' },
      gates: { failUnder: 85, required: ['O5'], maxMissing: 3 },
      formats: ['junit', 'github'],
      baseline: 'reports/base.json',
    });
    const loaded = loadConfig(undefined, dir, 'en');
    expect(loaded?.config.gates?.failUnder).toBe(85);
    expect(loaded?.config.items).toEqual({ O12: 'error', O8: 'warn', O47: 'off' });
    expect(loaded?.resolvePath('reports/base.json')).toBe(join(dir, 'reports/base.json'));
    expect(() => checkConfigItems(loaded!, pack, 'en')).not.toThrow();
  });

  it('reads none when there is no file, or with --no-config', () => {
    expect(loadConfig(undefined, mkdtempSync(join(tmpdir(), 'oit-config-')), 'en')).toBeNull();
    expect(loadConfig(false, dirWith({ year: 2568 }), 'en')).toBeNull();
  });

  it('--config PATH must exist; paths inside are relative to that file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-config-'));
    expect(errorOf(() => loadConfig('ci/oit.json', dir, 'en')).message).toMatch(/ci\/oit\.json/);
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, 'ci/oit.json'), JSON.stringify({ survey: 'survey.json' }));
    const loaded = loadConfig('ci/oit.json', dir, 'en');
    expect(loaded?.resolvePath('survey.json')).toBe(join(dir, 'ci/survey.json'));
  });

  const bad: [string, unknown, RegExp][] = [
    ['a gate out of range', { gates: { failUnder: 150 } }, /"gates\.failUnder": from 0 to 100/],
    ['an unknown level', { items: { O12: 'fatal' } }, /"items\.O12": .*"error"\|"warn"\|"off"/],
    ['a bad item key', { items: { X12: 'warn' } }, /"items\.X12": item ids look like "O12"/],
    ['a typo in a key', { gate: { failUnder: 80 } }, /"gate": unknown key \(did you mean "gates"\?\)/],
    [
      'a typo inside gates',
      { gates: { maxMising: 2 } },
      /"gates\.maxMising": unknown key \(did you mean "gates\.maxMissing"\?\)/,
    ],
    ['a string for a number', { maxPages: '100' }, /"maxPages": expected a number/],
    ['a bad regex', { skip: ['(unclosed'] }, /"skip\.0": not a valid regular expression/],
    ['a relative site', { site: 'www.example.go.th' }, /"site": expected a full URL/],
    ['an unknown format', { formats: ['pdf'] }, /"formats\.0"/],
  ];
  for (const [what, config, message] of bad) {
    it(`names the key for ${what}`, () => {
      const e = errorOf(() => loadConfig(undefined, dirWith(config), 'en'));
      expect(e.message).toMatch(message);
      expect(e.message).toContain(CONFIG_FILE_NAME);
      expect(e.exitCode).toBe(2);
    });
  }

  it('reports malformed JSON with the file name', () => {
    expect(errorOf(() => loadConfig(undefined, dirWith('{"year": 2568,'), 'en')).message).toMatch(
      /oit-audit\.config\.json.*JSON/,
    );
  });

  it('rejects item ids the rule pack does not have', () => {
    for (const [config, key] of [
      [{ items: { O99: 'warn' } }, 'items.O99'],
      [{ gates: { required: ['O5', 'O77'] } }, 'gates.required.1'],
      [{ evidence: { O60: 'https://a.go.th/' } }, 'evidence.O60'],
    ] as const) {
      const loaded = loadConfig(undefined, dirWith(config), 'en')!;
      expect(errorOf(() => checkConfigItems(loaded, pack, 'en')).message).toContain(`"${key}"`);
    }
  });
});

describe('includeAsSkip', () => {
  it('skips exactly the URLs that match no include pattern, anchored or not', () => {
    const skip = new RegExp(includeAsSkip(['/ita/', '^https://a\\.go\\.th/docs/'])!, 'u');
    expect(skip.test('https://a.go.th/ita/o1.html')).toBe(false);
    expect(skip.test('https://a.go.th/docs/x.pdf')).toBe(false);
    expect(skip.test('https://b.go.th/x/docs/')).toBe(true);
    expect(skip.test('https://a.go.th/news/')).toBe(true);
    expect(includeAsSkip([])).toBeUndefined();
  });
});
