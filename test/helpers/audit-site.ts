import { join } from 'node:path';
import { type AuditOptions, runAudit } from '../../src/core/audit';
import type { AuditReport } from '../../src/core/report/schema';
import { createNodeEnv } from '../../src/node/node-env';
import { type SiteServer, startSiteServer } from './site-server';

export const SITES_DIR = join(import.meta.dirname, '../sites');

/** The fixed clock of the fake sites: 15 April 2568, during the OIT collection window. */
export const SITE_NOW = new Date('2025-04-15T03:00:00Z');

/**
 * Serves a fake agency site on 127.0.0.1 and audits it with a fixed clock, no politeness
 * delay and a network guard that refuses every host but 127.0.0.1.
 */
export async function auditSite(
  name: string,
  options: Partial<AuditOptions> = {},
): Promise<{ report: AuditReport; server: SiteServer }> {
  const server = await startSiteServer({ root: join(SITES_DIR, name) });
  try {
    const env = createNodeEnv({
      now: () => SITE_NOW,
      allowHost: (host) => host === '127.0.0.1',
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    });
    // The fake sites were written against FY2562's O1–O48; pass `rules: 'auto'` to test selection.
    const report = await runAudit(
      { url: server.url, year: 2568, delayMs: 0, rules: 'ita-2562', ...options },
      env,
    );
    return { report, server };
  } catch (e) {
    await server.close();
    throw e;
  }
}
