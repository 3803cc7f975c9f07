import { ContentScanner } from '../../../../src/core/content/scanner';
import { createHostScheduler } from '../../../../src/core/crawl/host-scheduler';
import type { RulePack } from '../../../../src/core/rules/load-pack';
import type { AuditEnv, FetchResponse } from '../../../../src/core/types';
import { compileElementProbes } from '../../../../src/core/verify/elements';
import { ResourceProbe } from '../../../../src/core/verify/resource-probe';
import type { VerifyContext } from '../../../../src/core/verify/verify-item';

export const SITE = 'https://www.example.go.th/';
/** An answer of the fake site: HTML, or a PDF whose pages are these texts. */
export type Answer = Partial<FetchResponse> & { html?: string; pdfPages?: string[] };

/**
 * A verification context over a fake site (a map from URL to answer; anything else is a 404)
 * with the pack's content scanner, as runAudit builds it.
 */
export function fakeContext(pack: RulePack, answers: Record<string, Answer>) {
  const requested: string[] = [];
  const pages = new Map<string, string[]>();
  const env: AuditEnv = {
    environment: 'cli',
    now: () => new Date('2025-04-15T03:00:00Z'),
    sleep: async () => {},
    readPdfText: async (bytes) => {
      const texts = pages.get(new TextDecoder().decode(bytes)) ?? [];
      return { text: texts.join('\n'), pages: texts.length, pageTexts: texts };
    },
    fetcher: {
      fetch: async (req) => {
        requested.push(req.url);
        const a = answers[req.url];
        const isPdf = a?.pdfPages !== undefined;
        const body = new TextEncoder().encode(isPdf ? `%PDF ${req.url}` : (a?.html ?? ''));
        if (isPdf) pages.set(`%PDF ${req.url}`, a.pdfPages as string[]);
        return {
          url: req.url,
          finalUrl: a?.finalUrl ?? req.url,
          status: a?.status ?? (a ? 200 : 404),
          headers: a?.headers ?? { 'content-type': isPdf ? 'application/pdf' : 'text/html; charset=utf-8' },
          redirects: [],
          body: req.method === 'HEAD' ? new Uint8Array() : body,
          truncated: false,
          timingMs: 1,
        };
      },
    },
  };
  const scheduler = createHostScheduler({ concurrency: 2, delayMs: 0, sleep: env.sleep, now: env.now });
  const probe = new ResourceProbe(env, scheduler, new Map(), {
    siteUrl: SITE,
    timeoutMs: 1000,
    maxHtmlBytes: 1_000_000,
    maxDocumentBytes: 1_000_000,
    maxRedirects: 5,
    retries: 0,
    userAgent: 'test',
    probes: compileElementProbes(pack),
    scanner: new ContentScanner(pack),
  });
  const targets: { item: string; url: string }[] = [];
  const ctx: VerifyContext = {
    pack,
    probe,
    fiscalYear: 2568,
    siteUrl: SITE,
    maxCandidates: 3,
    onTarget: (item, _c, r) => targets.push({ item: item.id, url: r.url }),
  };
  return { ctx, requested, targets };
}

/** A page of the fake site: menus in <nav> and <footer> name items, as on every real page. */
export function page(title: string, main: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/plan">แผนปฏิบัติราชการ</a> <a href="/report">รายงานผลการดำเนินงานประจำปี</a> <a href="/hr">การพัฒนาทรัพยากรบุคคล</a></nav>
<main>${main}</main>
<footer>กรมตัวอย่าง ผู้บริหาร แผนดำเนินงาน</footer></body></html>`;
}
