import { describe, expect, it } from 'vitest';
import { createHostScheduler } from '../../../../src/core/crawl/host-scheduler';
import { credentialOrigin, headerProblem, siteScope } from '../../../../src/core/fetch/request-scope';
import { getRulePack } from '../../../../src/core/rules/registry';
import type { AuditEnv, FetchRequest } from '../../../../src/core/types';
import { ResourceProbe } from '../../../../src/core/verify/resource-probe';

describe('siteScope (issue 12 items 1–2)', () => {
  it('credentials go to the origin given only (and its https upgrade), never to www., another port or scheme down', () => {
    const given = 'http://agency.go.th/';
    expect(credentialOrigin(given, 'http://agency.go.th/a')).toBe(true);
    expect(credentialOrigin(given, 'https://agency.go.th/a')).toBe(true);
    expect(credentialOrigin(given, 'https://www.agency.go.th/a')).toBe(false);
    expect(credentialOrigin(given, 'http://agency.go.th:8080/a')).toBe(false);
    expect(credentialOrigin('https://agency.go.th/', 'http://agency.go.th/a')).toBe(false);
    expect(credentialOrigin(given, 'https://www.facebook.com/agency')).toBe(false);
  });

  it('redirects stay on the site (host and its www. twin, same port) by default', () => {
    const scope = siteScope({ siteUrl: 'https://www.agency.go.th/' });
    expect(scope.allowRedirect('https://agency.go.th/x')).toBe(true);
    expect(scope.allowRedirect('https://www.agency.go.th:8443/x')).toBe(false);
    expect(scope.allowRedirect('http://169.254.169.254/latest/meta-data/')).toBe(false);
    expect(scope.allowPrivate).toBe(false);
  });

  it('refuses CR, LF and other controls in header values, and bad names', () => {
    expect(headerProblem('Cookie', 'a=1')).toBeNull();
    expect(headerProblem('Cookie', 'a=1\r\nX-Evil: 1')).toMatch(/line break/);
    expect(headerProblem('Bad Name', 'x')).toMatch(/not a valid HTTP token/);
  });
});

describe('ResourceProbe: off-site evidence gets no credentials, redirects only to the item kinds', () => {
  it('sends --header only on site; an accepted social link is asked without them', async () => {
    const pack = getRulePack()!;
    const requests: FetchRequest[] = [];
    const env: AuditEnv = {
      environment: 'cli',
      now: () => new Date(),
      sleep: async () => {},
      fetcher: {
        fetch: async (req) => {
          requests.push(req);
          return {
            url: req.url,
            finalUrl: req.url,
            status: 200,
            headers: { 'content-type': 'text/html' },
            redirects: [],
            body: new TextEncoder().encode('<p>x</p>'),
            truncated: false,
            timingMs: 0,
          };
        },
      },
    };
    const probe = new ResourceProbe(
      env,
      createHostScheduler({ concurrency: 2, delayMs: 0, sleep: env.sleep, now: env.now }),
      new Map(),
      {
        siteUrl: 'https://www.agency.go.th/',
        timeoutMs: 1000,
        maxHtmlBytes: 1e6,
        maxDocumentBytes: 1e6,
        maxRedirects: 5,
        retries: 0,
        userAgent: 'test',
        headers: { cookie: 'sid=secret' },
        offSiteKinds: pack.offSiteKinds,
        probes: [],
      },
    );
    await probe.check('https://www.facebook.com/agency', false, ['social-network']);
    await probe.check('https://www.agency.go.th/plan.pdf', false, []);
    const [social, own] = requests;
    expect(social?.headers?.cookie).toBeUndefined();
    expect(social?.scope?.credentialsFor(social.url)).toBe(false);
    expect(social?.scope?.allowRedirect('https://m.facebook.com/agency')).toBe(true);
    expect(social?.scope?.allowRedirect('http://127.0.0.1:8080/')).toBe(false);
    expect(own?.scope?.credentialsFor(own.url)).toBe(true);
    expect(own?.scope?.allowRedirect('https://www.facebook.com/x')).toBe(false);
  });
});
