import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type AuditEvent, runAudit } from '../../../src/core/audit';
import type { PageExtractor } from '../../../src/core/extract/page-extractor';
import { KEEP_ALL_SNAPSHOTS } from '../../../src/core/extract/snapshot-store';
import type { AuditEnv } from '../../../src/core/types';
import { createNodeEnv } from '../../../src/node/node-env';
import { SITE_NOW, SITES_DIR } from '../../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../../helpers/site-server';

let server: SiteServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Audits a fixture site, recording the audit's phases, pages and PDF reader calls in order. */
async function auditRecording(site: string): Promise<string[]> {
  server = await startSiteServer({ root: join(SITES_DIR, site) });
  const node = createNodeEnv({ now: () => SITE_NOW, allowHost: (host) => host === '127.0.0.1' });
  const seen: string[] = [];
  const env: AuditEnv = {
    ...node,
    preparePdfReader: () => {
      seen.push('prepare');
      node.preparePdfReader?.();
    },
    readPdfText: (bytes) => {
      seen.push('read');
      return (node.readPdfText as NonNullable<AuditEnv['readPdfText']>)(bytes);
    },
  };
  const onEvent = (e: AuditEvent) => {
    if (e.type === 'phase') seen.push(e.phase);
    else if (e.type === 'page') seen.push('page');
  };
  await runAudit({ url: server.url, year: 2568, delayMs: 0, rules: 'ita-2562' }, env, onEvent);
  return seen;
}

describe('runAudit: the PDF reader', () => {
  it('is got ready once the crawl is over, before the first PDF is read, when PDFs are linked', async () => {
    const seen = await auditRecording('agency-complete');
    expect(seen.filter((s) => s === 'prepare')).toHaveLength(1);
    const prepared = seen.indexOf('prepare');
    // After the last page, before candidates are chosen, and so before any PDF is read.
    expect(seen.lastIndexOf('page')).toBeLessThan(prepared);
    expect(seen.indexOf('detect')).toBe(prepared + 1);
    expect(seen.indexOf('read')).toBeGreaterThan(prepared);
  }, 60_000);

  it('is not started for a site that links no PDF', async () => {
    const seen = await auditRecording('agency-2566');
    expect(seen).toContain('done');
    expect(seen).not.toContain('prepare');
    expect(seen).not.toContain('read');
  }, 60_000);
});

describe('runAudit: pages read whole or as summaries', () => {
  // A site of more pages than are kept whatever they are: the home page links them all by
  // number; a contact page past the first pages is named by its own title only.
  const root = mkdtempSync(join(tmpdir(), 'oit-summaries-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const count = KEEP_ALL_SNAPSHOTS + 30;
  const contact = KEEP_ALL_SNAPSHOTS + 20;
  mkdirSync(join(root, 'news'));
  const links = Array.from({ length: count }, (_, i) => `<li><a href="/news/${i}.html">ข่าว ${i}</a></li>`);
  writeFileSync(
    join(root, 'index.html'),
    `<title>หน้าแรก</title><h1>สำนักงานตัวอย่าง</h1><ul>${links.join('')}</ul>`,
  );
  for (let i = 0; i < count; i++) {
    const page =
      i === contact
        ? `<title>ติดต่อเรา</title><h1>ติดต่อเรา</h1><p>ที่อยู่ 99 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพฯ 10400</p>
           <p>โทรศัพท์ 02 123 4567 โทรสาร 02 123 4568 อีเมล saraban@example.go.th</p>
           <h2>แผนที่ตั้ง</h2><iframe src="https://www.google.com/maps/embed?pb=example"></iframe>`
        : `<title>ข่าว ${i}</title><h1>ข่าวกิจกรรม ${i}</h1><p>กิจกรรมของสำนักงาน ปี 2568</p>`;
    writeFileSync(join(root, `news/${i}.html`), page);
  }

  /**
   * Audits the site, counting how the extractor was asked (pages to keep, summaries only, and
   * completions of summaries not asked to keep); `forget` makes it hold no summary.
   */
  async function audit(forget = false) {
    server = await startSiteServer({ root });
    const node = createNodeEnv({ now: () => SITE_NOW, allowHost: (host) => host === '127.0.0.1' });
    const asked = { whole: 0, keep: 0, summary: 0, completed: [] as string[] };
    const keptPages = new WeakSet<object>();
    const env: AuditEnv = {
      ...node,
      createExtractor: (spec) => {
        const inner = (node.createExtractor as NonNullable<AuditEnv['createExtractor']>)(spec);
        const counting: PageExtractor = {
          extract: (r, depth) => {
            asked.whole++;
            return inner.extract(r, depth);
          },
          summarise: async (r, depth, keep) => {
            if (keep) asked.keep++;
            else asked.summary++;
            const page = await inner.summarise(r, depth, keep);
            if (keep) keptPages.add(page);
            return page;
          },
          complete: async (page) => {
            if (keptPages.has(page)) return inner.complete(page);
            asked.completed.push(page.url);
            return forget ? null : inner.complete(page);
          },
          close: () => inner.close(),
        };
        return counting;
      },
    };
    const report = await runAudit(
      { url: server.url, year: 2568, delayMs: 0, rules: 'ita-2562' },
      env,
      () => {},
    );
    const contactUrl = `${server.url}/news/${contact}.html`;
    const fetches = server.requests.filter((r) => r.path === `/news/${contact}.html`).length;
    return { report, asked, contactUrl, fetches };
  }

  it('reads the first pages whole, the rest as summaries, and completes a page its own title names', async () => {
    const { report, asked, contactUrl, fetches } = await audit();
    // The first pages to be kept, the rest as summaries; none read whole at once.
    expect(asked.keep + asked.summary).toBe(count + 1);
    expect(asked.keep).toBe(KEEP_ALL_SNAPSHOTS);
    expect(asked.whole).toBe(0);
    expect(asked.completed).toEqual([contactUrl]);
    // Verified from the completed snapshot: the page was not fetched again.
    expect(fetches).toBe(1);
    const o5 = report.items.find((i) => i.id === 'O5');
    expect(o5?.outcome).toBe('pass');
    expect(o5?.evidence[0]?.url).toBe(contactUrl);
  }, 60_000);

  it('gives the same verdict when the extractor no longer holds the page: it is fetched again', async () => {
    const held = await audit();
    await server?.close();
    const forgotten = await audit(true);
    expect(forgotten.asked.completed).toEqual([forgotten.contactUrl]);
    expect(forgotten.fetches).toBe(2);
    const verdicts = (r: typeof held.report) =>
      r.items.map((i) => ({
        id: i.id,
        outcome: i.outcome,
        evidence: i.evidence.map((e) => e.url.replace(/^http:\/\/[^/]+/, '')),
      }));
    expect(verdicts(forgotten.report)).toEqual(verdicts(held.report));
  }, 60_000);
});
