import { describe, expect, it } from 'vitest';
import { createHostScheduler } from '../../../../src/core/crawl/host-scheduler';
import type { Candidate } from '../../../../src/core/detect/candidates';
import { getRulePack } from '../../../../src/core/rules/registry';
import type { AuditEnv, FetchResponse } from '../../../../src/core/types';
import { compileElementProbes } from '../../../../src/core/verify/elements';
import { ResourceProbe } from '../../../../src/core/verify/resource-probe';
import { verifyItem } from '../../../../src/core/verify/verify-item';

const pack = getRulePack()!;
const site = 'https://www.example.go.th/';
type Answer = Partial<FetchResponse> & { html?: string; pdfText?: string };

/** A fake fetcher: a map from URL to answer; anything else is a 404. */
function setup(answers: Record<string, Answer>) {
  const requested: string[] = [];
  const pdfText = new Map<Uint8Array, string>();
  const env: AuditEnv = {
    environment: 'cli',
    now: () => new Date('2025-04-15T03:00:00Z'),
    sleep: async () => {},
    readPdfText: async (bytes) => {
      const text =
        [...pdfText.entries()].find(
          ([b]) => b.length === bytes.length && b.every((x, i) => x === bytes[i]),
        )?.[1] ?? '';
      return { text, pages: 1 };
    },
    fetcher: {
      fetch: async (req) => {
        requested.push(req.url);
        const a = answers[req.url];
        const body =
          a?.pdfText !== undefined
            ? new TextEncoder().encode(`%PDF ${req.url}`)
            : new TextEncoder().encode(a?.html ?? '');
        if (a?.pdfText !== undefined) pdfText.set(body, a.pdfText);
        return {
          url: req.url,
          finalUrl: a?.finalUrl ?? req.url,
          status: a?.status ?? (a ? 200 : 404),
          headers: a?.headers ?? {
            'content-type': a?.pdfText !== undefined ? 'application/pdf' : 'text/html; charset=utf-8',
          },
          redirects: [],
          body: req.method === 'HEAD' ? new Uint8Array() : body,
          truncated: false,
          timingMs: 1,
          ...(a?.error ? { error: a.error } : {}),
        };
      },
    },
  };
  const scheduler = createHostScheduler({ concurrency: 2, delayMs: 0, sleep: env.sleep, now: env.now });
  const probe = new ResourceProbe(env, scheduler, new Map(), {
    siteUrl: site,
    timeoutMs: 1000,
    maxHtmlBytes: 1_000_000,
    maxDocumentBytes: 1_000_000,
    maxRedirects: 5,
    retries: 0,
    userAgent: 'test',
    probes: compileElementProbes(pack),
  });
  return { ctx: { pack, probe, fiscalYear: 2568, siteUrl: site, maxCandidates: 3 }, requested };
}

const cand = (itemId: string, path: string, extra: Partial<Candidate> = {}): Candidate => ({
  itemId,
  url: new URL(path, site).href,
  via: 'index',
  text: 'row',
  strength: 90,
  ...extra,
});
const item = (id: string) => pack.itemById.get(id)!;

describe('verifyItem', () => {
  it('no candidate → fail not-found', async () => {
    const { ctx } = setup({});
    expect(await verifyItem(ctx, item('O1'), [])).toMatchObject({
      outcome: 'fail',
      problems: [{ code: 'not-found' }],
    });
  });

  it('a PDF plan of the assessed year passes with the year recorded', async () => {
    const { ctx } = setup({
      [`${site}plan.pdf`]: { pdfText: 'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘' },
    });
    const v = await verifyItem(ctx, item('O39'), [cand('O39', '/plan.pdf')]);
    expect(v).toMatchObject({ outcome: 'pass', evidence: [{ fileType: 'pdf', year: 2568 }] });
  });

  it('a scanned PDF is review no-text-layer, not fail', async () => {
    const { ctx } = setup({ [`${site}scan.pdf`]: { pdfText: '' } });
    const v = await verifyItem(ctx, item('O20'), [cand('O20', '/scan.pdf')]);
    expect(v).toMatchObject({ outcome: 'review', problems: [{ code: 'no-text-layer' }] });
  });

  it('a 404 is broken-link, a 401 login-required, another host off-site (not even fetched)', async () => {
    const { ctx, requested } = setup({ [`${site}secret.pdf`]: { status: 401 } });
    expect((await verifyItem(ctx, item('O3'), [cand('O3', '/gone.html')])).problems[0]!.code).toBe(
      'broken-link',
    );
    expect((await verifyItem(ctx, item('O24'), [cand('O24', '/secret.pdf')])).problems[0]!.code).toBe(
      'login-required',
    );
    const off = await verifyItem(ctx, item('O6'), [cand('O6', 'https://laws.example/agency')]);
    expect(off.problems[0]!.code).toBe('off-site');
    expect(requested).not.toContain('https://laws.example/agency');
  });

  it('an accepted social network host that cannot be checked still passes, with a note', async () => {
    const { ctx } = setup({
      'https://www.facebook.com/agency': { status: 0, error: { code: 'blocked', message: 'guard' } },
    });
    const v = await verifyItem(ctx, item('O9'), [
      cand('O9', 'https://www.facebook.com/agency', { via: 'link' }),
    ]);
    expect(v).toMatchObject({ outcome: 'pass', problems: [{ code: 'off-site-unchecked' }] });
  });

  it('O5 without a map fails missing-element naming it', async () => {
    const { ctx } = setup({
      [`${site}contact.html`]: {
        html: '<h1>ติดต่อเรา</h1><p>ที่อยู่ 1 ถนนพระราม 6 แขวงทุ่งพญาไท เขตราชเทวี กรุงเทพฯ 10400</p><p>โทรศัพท์ 0-2123-4567</p><p>อีเมล saraban@example.go.th</p>',
      },
    });
    const v = await verifyItem(ctx, item('O5'), [cand('O5', '/contact.html')]);
    expect(v.outcome).toBe('fail');
    expect(v.problems[0]).toMatchObject({ code: 'missing-element' });
    expect(v.problems[0]!.detail).toContain('แผนที่');
  });

  it('a stale strongest candidate is not softened by a weaker undated one; a later pass wins', async () => {
    const { ctx } = setup({
      [`${site}plan-2566.html`]: { html: '<h1>แผนดำเนินงานประจำปี 2566</h1>' },
      [`${site}misc.html`]: { html: '<h1>แผนดำเนินงาน</h1>' },
      [`${site}plan-2568.html`]: { html: '<h1>แผนดำเนินงานประจำปี พ.ศ. 2568</h1>' },
    });
    const stale = await verifyItem(ctx, item('O10'), [
      cand('O10', '/plan-2566.html'),
      cand('O10', '/misc.html', { via: 'slug', strength: 40 }),
    ]);
    expect(stale).toMatchObject({ outcome: 'fail', problems: [{ code: 'stale-year' }] });
    const fresh = await verifyItem(ctx, item('O10'), [
      cand('O10', '/plan-2566.html'),
      cand('O10', '/plan-2568.html', { strength: 50 }),
    ]);
    expect(fresh).toMatchObject({ outcome: 'pass', evidence: [{ url: `${site}plan-2568.html` }] });
  });

  it('a page under construction fails', async () => {
    const { ctx } = setup({
      [`${site}stats.html`]: { html: '<h1>ข้อมูลเชิงสถิติการให้บริการ</h1><p>อยู่ระหว่างปรับปรุงข้อมูล</p>' },
    });
    expect((await verifyItem(ctx, item('O15'), [cand('O15', '/stats.html')])).problems[0]!.code).toBe(
      'under-construction',
    );
  });
});
