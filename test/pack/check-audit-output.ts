/**
 * Checks what `oit-audit audit --format html,json,junit --output-dir DIR` wrote from the
 * installed package: each file exists and parses, and they describe the same audit of `url`.
 *
 *   tsx test/pack/check-audit-output.ts DIR URL
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { auditReportSchema } from '../../src/core/report/schema';

const [dir, url] = process.argv.slice(2);
if (!dir || !url) throw new Error('usage: check-audit-output.ts DIR URL');
const problems: string[] = [];
const read = (name: string) => {
  const path = join(dir, name);
  if (!existsSync(path)) {
    problems.push(`${name}: missing`);
    return '';
  }
  return readFileSync(path, 'utf8');
};

const parsed = auditReportSchema.safeParse(JSON.parse(read('report.json') || 'null'));
if (!parsed.success) problems.push(`report.json: not a valid report: ${parsed.error.message.slice(0, 500)}`);
const report = parsed.success ? parsed.data : undefined;
if (report && !report.site.url.startsWith(url))
  problems.push(`report.json: site ${report.site.url}, not ${url}`);

const html = read('report.html');
if (html) {
  const $ = load(html);
  if (!/^<!DOCTYPE html>/i.test(html)) problems.push('report.html: no doctype');
  if (!$('body').text().includes(url.replace(/\/$/, '')))
    problems.push('report.html: the site URL is not in the page');
  if (
    report &&
    $('body')
      .text()
      .indexOf(report.items[0]?.id ?? '\0') < 0
  )
    problems.push('report.html: no items');
}

const junit = read('junit.xml');
if (junit) {
  const $ = load(junit, { xml: true });
  const cases = $('testsuite testcase').length;
  if ($('testsuites').length !== 1) problems.push('junit.xml: no <testsuites> root');
  if (report && cases !== report.items.length)
    problems.push(`junit.xml: ${cases} test cases for ${report.items.length} items`);
}

if (problems.length > 0) {
  process.stderr.write(
    `install-from-tarball: the installed package's output is wrong:\n  ${problems.join('\n  ')}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `install-from-tarball: report.json, report.html and junit.xml parse (${report?.items.length} items)\n`,
);
