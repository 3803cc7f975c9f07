/**
 * Issue 12: a hostile site, attacked as an attacker and as a careless site would, on loopback
 * servers. Each test would fail on the code before issue 12.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runAudit, type AuditOptions } from '../../src/core/audit';
import { CrawlError } from '../../src/core/crawl/crawler';
import type { AuditReport } from '../../src/core/report/schema';
import { createNodeEnv, type NodeEnvOptions } from '../../src/node/node-env';
import { SITE_NOW } from '../helpers/audit-site';
import { flateBombPdf, manyPagesPdf } from '../helpers/hostile-pdfs';
import { bytes, type HostileServer, page, redirect, startHostileServer } from '../helpers/hostile-server';

const servers: HostileServer[] = [];
async function server(routes: Parameters<typeof startHostileServer>[0] = {}) {
  const s = await startHostileServer({
    '/robots.txt': bytes('User-agent: *\nAllow: /\n', 'text/plain'),
    ...routes,
  });
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function audit(options: AuditOptions, env: NodeEnvOptions = {}): Promise<AuditReport> {
  return runAudit(
    { year: 2568, rules: 'ita-2562', delayMs: 0, retries: 0, timeoutMs: 5000, maxPages: 20, ...options },
    createNodeEnv({
      now: () => SITE_NOW,
      // A safety net: nothing but loopback, whatever the code under test does.
      allowHost: (h) => h === '127.0.0.1' || h === 'localhost',
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
      ...env,
    }),
  );
}

const SECRET = { Cookie: 'sid=top-secret', Authorization: 'Bearer top-secret' };
const leaked = (s: HostileServer) =>
  s.requests.filter((r) => r.headers.cookie !== undefined || r.headers.authorization !== undefined);

describe('1–2: credentials stay with the audited origin, redirects stay on the site', () => {
  it('a crawl never follows a redirect to another port, so that port never sees a request (nor the cookie)', async () => {
    const other = await server({ '/landing': page('<p>internal admin</p>') });
    const site = await server({
      '/': page('<a href="/hop">ข่าว</a> <a href="/about">เกี่ยวกับ</a>'),
      '/hop': redirect(`${other.url}/landing`),
      '/about': page('<p>เกี่ยวกับเรา</p>'),
    });
    const report = await audit({ url: site.url, extraHeaders: SECRET });
    expect(other.requests).toEqual([]);
    expect(site.hits('/hop')).toBe(1);
    expect(site.requests.find((r) => r.path === '/')?.headers.cookie).toBe('sid=top-secret');
    expect(report.items).toHaveLength(48);
  });

  it('a start URL that redirects to another origin stops with START_REDIRECTED; the other origin is never asked', async () => {
    const other = await server({ '/': page('<p>another agency</p>') });
    const site = await server({ '/': redirect(`${other.url}/`) });
    const err = await audit({ url: site.url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrawlError);
    expect((err as CrawlError).code).toBe('START_REDIRECTED');
    expect((err as CrawlError).message).toContain('--follow-start-redirect');
    expect(other.requests).toEqual([]);
  });

  it('--follow-start-redirect audits the other origin, but the credentials never go there', async () => {
    const other = await server({ '/': page('<a href="/p">หน้า</a>'), '/p': page('<p>x</p>') });
    const site = await server({ '/': redirect(`${other.url}/`) });
    const report = await audit({ url: site.url, followStartRedirect: true, extraHeaders: SECRET });
    expect(report.site.finalUrl.startsWith(other.url)).toBe(true);
    expect(other.hits('/p')).toBe(1);
    expect(leaked(other)).toEqual([]);
    expect(site.requests[0]?.headers.authorization).toBe('Bearer top-secret');
  });

  it('verification does not follow an evidence redirect off the site (not an accepted off-site kind)', async () => {
    const other = await server({ '/secret.pdf': bytes(manyPagesPdf(1), 'application/pdf') });
    const site = await server({
      '/': page('<p>หน้าแรก</p>'),
      '/plan-2568.pdf': redirect(`${other.url}/secret.pdf`),
    });
    const report = await audit({
      url: site.url,
      extraHeaders: SECRET,
      manualEvidence: { O10: [`${site.url}/plan-2568.pdf`] },
    });
    expect(other.requests).toEqual([]);
    const o10 = report.items.find((i) => i.id === 'O10');
    expect(JSON.stringify(o10?.problems)).toContain('redirect-refused');
  });
});

describe('4: hostile PDFs are read in a worker with limits; the audit goes on', () => {
  it('a Flate bomb, a malformed PDF and a 50,000-page PDF give review (unreadable-document) or a reading, never a crash', async () => {
    const bomb = await flateBombPdf(512);
    const site = await server({
      '/': page('<p>หน้าแรก</p>'),
      '/bomb-2568.pdf': bytes(bomb, 'application/pdf'),
      '/broken-2568.pdf': bytes(
        '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage garbage',
        'application/pdf',
      ),
      '/many-2568.pdf': bytes(manyPagesPdf(50_000, 'Action plan 2568'), 'application/pdf'),
    });
    const report = await audit(
      {
        url: site.url,
        manualEvidence: {
          O10: [`${site.url}/bomb-2568.pdf`],
          O18: [`${site.url}/broken-2568.pdf`],
          O12: [`${site.url}/many-2568.pdf`],
        },
      },
      { pdfLimits: { maxMemoryMb: 160, timeoutMs: 60_000, maxPages: 20 } },
    );
    for (const id of ['O10', 'O18']) {
      const item = report.items.find((i) => i.id === id);
      expect(item?.outcome, id).toBe('review');
      expect(
        item?.problems.map((p) => p.code),
        id,
      ).toContain('unreadable-document');
    }
    // The 50,000-page file is read (its first pages): its text decides, not a failure.
    const o12 = report.items.find((i) => i.id === 'O12');
    expect(o12?.problems.map((p) => `${p.code} ${p.detailEn ?? ''}`).join()).not.toContain(
      'unreadable-document',
    );
    const pdfWarnings = report.runWarnings.filter((w) => w.includes('.pdf'));
    expect(pdfWarnings).toHaveLength(2);
    expect(pdfWarnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bomb-2568\.pdf .*memory/),
        expect.stringMatching(/broken-2568\.pdf .*malformed/),
      ]),
    );
  }, 120_000);
});

describe('5–6: bounded time', () => {
  it('a page of 2 MB of one letter does not stall the O5 e-mail pattern', async () => {
    const site = await server({ '/': page(`<p>${'a'.repeat(2_000_000)}</p><p>saraban@agency.go.th</p>`) });
    const report = await audit({ url: site.url });
    expect(report.items).toHaveLength(48);
  }, 60_000);

  it('a page that timed out in the crawl is not fetched again in verification', async () => {
    const site = await server({
      '/': page('<a href="/stall">ติดต่อเรา</a>'),
      '/stall': async (_req, res) => {
        await new Promise((r) => setTimeout(r, 1500));
        if (!res.destroyed) page('<p>late</p>')(_req, res);
      },
    });
    await audit({ url: site.url, timeoutMs: 300, retries: 1, manualEvidence: { O5: [`${site.url}/stall`] } });
    // Two attempts in the crawl (1 + 1 retry), none in verification.
    expect(site.hits('/stall')).toBe(2);
  }, 30_000);

  it('--max-duration stops the crawl, decides from what it has, and says so', async () => {
    const links = Array.from({ length: 30 }, (_, i) => `<a href="/p${i}">p${i}</a>`).join(' ');
    const routes: Record<string, ReturnType<typeof page>> = { '/': page(links) };
    for (let i = 0; i < 30; i++) {
      routes[`/p${i}`] = async (req, res) => {
        await new Promise((r) => setTimeout(r, 100));
        page('<p>x</p>')(req, res);
      };
    }
    const site = await server(routes);
    let t = SITE_NOW.getTime();
    const report = await runAudit(
      {
        url: site.url,
        year: 2568,
        delayMs: 0,
        retries: 0,
        concurrency: 1,
        maxPages: 50,
        maxDurationMs: 60_000,
      },
      {
        ...createNodeEnv({ allowHost: (h) => h === '127.0.0.1' }),
        // Each reading of the clock is 10 s later: the budget runs out after a few pages.
        now: () => {
          t += 10_000;
          return new Date(t);
        },
      },
    );
    expect(report.crawl.pagesFetched).toBeLessThan(31);
    expect(report.runWarnings.some((w) => w.includes('--max-duration'))).toBe(true);
  }, 30_000);
});

describe('7: a site whose robots.txt forbids crawling is not audited', () => {
  it('Disallow: / throws ROBOTS_FORBIDDEN and never fetches the home page', async () => {
    const site = await server({
      '/robots.txt': bytes('User-agent: *\nDisallow: /\n', 'text/plain'),
      '/': page('<p>x</p>'),
    });
    const err = await audit({ url: site.url }).catch((e: unknown) => e);
    expect((err as CrawlError).code).toBe('ROBOTS_FORBIDDEN');
    expect(site.hits('/')).toBe(0);
  });

  it('a robots.txt that stalls is reported as robots.txt (RFC 9309 complete disallow), not as an unreachable site', async () => {
    const site = await server({
      '/robots.txt': async (_req, res) => {
        await new Promise((r) => setTimeout(r, 1500));
        if (!res.destroyed) bytes('User-agent: *\nAllow: /\n', 'text/plain')(_req, res);
      },
      '/': page('<p>x</p>'),
    });
    const err = await audit({ url: site.url, timeoutMs: 300 }).catch((e: unknown) => e);
    expect((err as CrawlError).code).toBe('ROBOTS_FORBIDDEN');
    expect((err as CrawlError).message).toMatch(/robots\.txt .*could not be read/);
  }, 20_000);
});
