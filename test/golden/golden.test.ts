import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSite } from '../helpers/audit-site';

const GOLDEN = join(import.meta.dirname, 'agency-complete.report.json');

/**
 * The report of agency-complete with a fixed clock, diffed against the committed golden file.
 * Only the loopback port varies between runs; it is replaced by a fixed host. Regenerate with
 * `npm run update:golden` and review the diff.
 */
describe('golden report: agency-complete', () => {
  it('matches test/golden/agency-complete.report.json', async () => {
    const { report, server } = await auditSite('agency-complete');
    await server.close();
    // Peak concurrency depends on timing; everything else must be reproducible.
    const stable = { ...report, crawl: { ...report.crawl, peakInFlight: undefined } };
    const text = `${JSON.stringify(stable, null, 2).replaceAll(server.url, 'http://agency.test')}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
    const golden = readFileSync(GOLDEN, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(golden));
  }, 60_000);
});
