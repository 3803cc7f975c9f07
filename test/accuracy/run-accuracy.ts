/**
 * `npm run accuracy`: audits every labelled fake agency site under test/sites/ and prints,
 * per site and overall, agreement with the labels, precision and recall of `pass`, false
 * passes by item and evidence-URL agreement (issue 9). `--site <name>` runs one site,
 * `--json` prints the numbers as JSON, `--check` exits 1 when a site misses the targets.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareWithLabels, type ItemComparison, meetsTargets, metricsOf } from './compare';
import { disagreements, metricsTable } from './format-table';
import { loadAllLabels } from './labels';
import { auditLabelledSite } from './run-labelled-site';

const { values } = parseArgs({
  options: {
    site: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});

const sitesDir = join(import.meta.dirname, '../sites');
const all = loadAllLabels(sitesDir).filter((s) => !values.site || values.site.includes(s.labels.site));
if (all.length === 0) {
  console.error(`no labelled site found under ${sitesDir} (looked for */labels.json)`);
  process.exit(2);
}
const perSite: { site: string; rows: ItemComparison[] }[] = [];
for (const { dir, labels } of all) {
  process.stderr.write(`auditing ${labels.site}…\n`);
  const report = await auditLabelledSite(dir, labels);
  perSite.push({ site: labels.site, rows: compareWithLabels(report, labels) });
}
const table = [
  ...perSite.map(({ site, rows }) => ({ site, m: metricsOf(rows) })),
  { site: '**all**', m: metricsOf(perSite.flatMap((s) => s.rows)) },
];
if (values.json) {
  console.log(JSON.stringify(table, null, 2));
} else {
  console.log(metricsTable(table));
  const lines = perSite.flatMap(({ site, rows }) => disagreements(site, rows));
  if (lines.length > 0) console.log(`\nDisagreements:\n${lines.map((l) => `- ${l}`).join('\n')}`);
}
if (values.check && !table.every(({ m }) => meetsTargets(m))) process.exit(1);
