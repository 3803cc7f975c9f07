/**
 * `npm run demo`: serves the bundled sample agency site (test/sites/agency-gaps) on 127.0.0.1,
 * audits it for FY2568 with survey scores from seed D3, prints the text report and writes
 * demo-report.json and demo-report.md to node_modules/.cache/oit-audit/ (or $OIT_DEMO_DIR):
 * outside the tree that git and lint look at, so `npm run lint` still passes after a demo.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startSiteServer } from '../../test/helpers/site-server';
import { runAudit } from '../core/audit';
import { renderMarkdown } from '../core/report/render-markdown';
import { renderText } from '../core/report/render-text';
import { getRulePack } from '../core/rules/registry';
import { createNodeEnv } from '../node/node-env';

const root = join(import.meta.dirname, '../../test/sites/agency-gaps');
const server = await startSiteServer({ root });
try {
  process.stderr.write(`oit-audit demo: serving test/sites/agency-gaps at ${server.url}\n`);
  const env = createNodeEnv({ allowHost: (host) => host === '127.0.0.1' });
  const report = await runAudit(
    { url: server.url, year: 2568, delayMs: 20, survey: { iit: 83.81, eit: 89.33 } },
    env,
    (e) => {
      if (e.type === 'phase' && e.phase !== 'done') process.stderr.write(`  … ${e.phase}\n`);
    },
  );
  const pack = getRulePack(report.ruleset.id)!;
  process.stdout.write(renderText(report, pack, process.env.OIT_AUDIT_LANG === 'en' ? 'en' : 'th'));
  const outDir = resolve(
    process.env.OIT_DEMO_DIR ?? join(import.meta.dirname, '../../node_modules/.cache/oit-audit'),
  );
  mkdirSync(outDir, { recursive: true });
  const json = join(outDir, 'demo-report.json');
  const md = join(outDir, 'demo-report.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, renderMarkdown(report, pack));
  process.stderr.write(`\nwrote ${relative(process.cwd(), json)} and ${relative(process.cwd(), md)}\n`);
} finally {
  await server.close();
}
