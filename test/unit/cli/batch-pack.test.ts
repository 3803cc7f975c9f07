import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../src/cli/agencies-csv';
import { batchPack } from '../../../src/cli/batch-pack';
import { CliError } from '../../../src/cli/errors';
import { ExitCode } from '../../../src/cli/exit-codes';

const row = (id: string, year?: number): Agency => ({
  id,
  name: id,
  url: `https://www.${id}.go.th/`,
  line: 2,
  ...(year !== undefined ? { year } : {}),
});
// 3 December 2569 BE (2026): fiscal year 2570, whose criteria are not bundled yet.
const now = new Date('2026-12-03T12:00:00Z');

describe('batchPack', () => {
  it("judges a batch with the assessed year's NACC pack, as audit --rules auto does", async () => {
    expect((await batchPack(undefined, [row('a'), row('b')], 2569, now, 'en')).id).toBe('ita-2569');
    expect((await batchPack(undefined, [row('a', 2566), row('b', 2566)], undefined, now, 'en')).id).toBe(
      'ita-2566',
    );
    // A row's year wins over --year, as it does for the row's audit.
    expect((await batchPack(undefined, [row('a', 2568)], 2569, now, 'en')).id).toBe('ita-2568');
    expect((await batchPack('auto', [row('a')], 2566, now, 'en')).id).toBe('ita-2566');
  });

  it('takes the current fiscal year when nothing names one, and the latest pack before it', async () => {
    expect((await batchPack(undefined, [row('a')], undefined, now, 'en')).id).toBe('ita-2569');
  });

  it('refuses rows of different years without --rules (exit 2), naming the years and what to do', async () => {
    const mixed = [row('a', 2568), row('b'), row('c', 2566)];
    const e = await batchPack(undefined, mixed, 2569, now, 'en').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(ExitCode.usage);
    expect((e as CliError).message).toContain('2566, 2568, 2569');
    expect((e as CliError).hint).toContain('--rules');
    const th = await batchPack(undefined, mixed, 2569, now, 'th').catch((x: unknown) => x);
    expect((th as CliError).message).toContain('ต่างปีกัน');
  });

  it('uses the pack --rules names, whatever the years', async () => {
    expect((await batchPack('ita-2562', [row('a', 2568), row('b', 2566)], undefined, now, 'en')).id).toBe(
      'ita-2562',
    );
  });
});
