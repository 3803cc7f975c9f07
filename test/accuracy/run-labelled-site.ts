import { runAudit } from '../../src/core/audit';
import type { AuditReport } from '../../src/core/report/schema';
import { createNodeEnv } from '../../src/node/node-env';
import { startSiteServer } from '../helpers/site-server';
import type { SiteLabels } from './labels';

/**
 * Serves one labelled site on 127.0.0.1 and audits it as its labels say (year, clock, pack),
 * with no politeness delay and a guard that refuses every other host.
 */
export async function auditLabelledSite(dir: string, labels: SiteLabels): Promise<AuditReport> {
  const server = await startSiteServer({ root: dir });
  try {
    const now = new Date(labels.now);
    const env = createNodeEnv({
      now: () => now,
      allowHost: (host) => host === '127.0.0.1',
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    });
    return await runAudit(
      {
        url: `${server.url}/`,
        year: labels.assessmentYear,
        delayMs: 0,
        ...(labels.rules ? { rules: labels.rules } : {}),
      },
      env,
    );
  } finally {
    await server.close();
  }
}
