import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../../../src/core/report/gates';
import {
  escapeData,
  escapeProperty,
  MAX_SUMMARY_BYTES,
  renderAnnotations,
  renderGithubSummary,
} from '../../../../src/core/report/render-github';
import { fixtureReport, pack } from './report-fixture';

const FAILS = ['O2', 'O5', 'O10', 'O11', 'O12', 'O15', 'O16', 'O20', 'O25', 'O26', 'O33', 'O36', 'O40'];

describe('GitHub escaping', () => {
  it('escapes data (%, CR, LF) and properties (also : and ,)', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext%3A a%2Cb');
  });
});

describe('renderAnnotations', () => {
  const report = fixtureReport({
    ...Object.fromEntries(FAILS.map((id) => [id, { outcome: 'fail' as const }])),
    O20: {
      outcome: 'review',
      problems: [{ code: 'no-text-layer', detail: 'สแกน: 100%\nดูเอง', url: 'http://a/x.pdf' }],
    },
  });

  it('prints at most ten lines, ranked by ITA gain, one command per line', () => {
    const gate = evaluateGates(report, {});
    const lines = renderAnnotations(report, gate, {}, 'en').trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    for (const line of lines) expect(line).toMatch(/^::(warning|error) title=[^\n:]*::[^\r\n]*$/);
    // No gate: nothing failed the build, so no error annotations.
    expect(lines.every((l) => l.startsWith('::warning'))).toBe(true);
    const gains = lines.map((l) => Number(/\(\+(\d+\.\d\d) ITA\)/.exec(l)?.[1]));
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    expect(lines[0]).toContain('O36');
    const o20 = lines.find((l) => l.includes('O20 '));
    expect(o20).toContain('%25%0A');
  });

  it('puts the score gate and the items that failed a gate first, as errors; leaves out off items', () => {
    const levels = { O36: 'off', O25: 'warn' } as const;
    const low = { ...report, oit: { ...report.oit, score: 80 } };
    const gate = evaluateGates(low, { failUnder: 99, required: ['O2'], levels });
    const lines = renderAnnotations(low, gate, levels, 'en').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error title=oit-audit%3A score gate::OIT 80.00 is below 99$/);
    expect(lines[1]).toMatch(/^::error title=O2 /);
    expect(lines.slice(2).every((l) => l.startsWith('::warning'))).toBe(true);
    expect(lines.some((l) => l.includes('O36'))).toBe(false);
    expect(lines.some((l) => l.includes('O25 '))).toBe(true);
  });
});

describe('renderGithubSummary', () => {
  it('says the verdict and holds the full table', () => {
    const report = fixtureReport({ O5: { outcome: 'fail' } });
    const gate = evaluateGates(report, { required: ['O5'] });
    const md = renderGithubSummary(report, pack, gate, 'en');
    expect(md).toMatch(/^### ❌ oit-audit: gate failed/);
    expect(md).toContain('- required item(s) not passed: O5');
    for (const item of report.items) expect(md).toContain(`| ${item.id} `);
  });

  it('stays under the 1 MiB step-summary cap', () => {
    const long = 'ข้อมูลยาวมาก '.repeat(20_000);
    const report = fixtureReport(
      Object.fromEntries(
        pack.items.map((i) => [
          i.id,
          { outcome: 'fail' as const, problems: [{ code: 'not-found', detail: long }] },
        ]),
      ),
    );
    const md = renderGithubSummary(report, pack, evaluateGates(report, {}), 'th');
    expect(new TextEncoder().encode(md).length).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(md).toContain('ตัดทอน');
  });
});
