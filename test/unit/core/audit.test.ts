import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditEvent, runAudit } from '../../../src/core/audit';
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
