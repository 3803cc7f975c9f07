// @vitest-environment node
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { auditReportSchema } from '../../src/core/report/schema';
import type { AuditEnv } from '../../src/core/types';
import { AuditRunner } from '../../src/extension/audit-runner';
import { handlePanelMessage, recordMenuEvidence, startBackground } from '../../src/extension/background-main';
import { buildEvidenceMenu, itemIdOfMenu, MENU_ROOT_ID } from '../../src/extension/context-menu';
import { createExtensionFetcher } from '../../src/extension/extension-fetcher';
import { isPanelMessage } from '../../src/extension/messages';
import { readFocus, readRunState, type RunState, writeRunState } from '../../src/extension/run-state';
import { siteKeyOf } from '../../src/extension/site';
import {
  addManualEvidence,
  loadManualEvidence,
  loadReport,
  loadSurvey,
  saveReport,
  saveSurvey,
} from '../../src/extension/storage';
import { bundledPackFiles } from '../../src/core/rules/bundled-packs';
import { getRulePack } from '../../src/core/rules/registry';
import { SITE_NOW, SITES_DIR } from '../helpers/audit-site';
import { type SiteServer, startSiteServer } from '../helpers/site-server';

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer({ root: join(SITES_DIR, 'agency-gaps') });
});
afterAll(() => server?.close());
beforeEach(() => fakeBrowser.reset());

/** The service worker's wiring, with Node's fetch standing in for the worker's and a fixed clock. */
function makeRunner(published: RunState[] = []) {
  const makeEnv = (signal: AbortSignal): AuditEnv => ({
    fetcher: createExtensionFetcher({ signal, fetch: globalThis.fetch, allowHost: (h) => h === '127.0.0.1' }),
    now: () => SITE_NOW,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
    environment: 'extension',
  });
  return new AuditRunner({
    makeEnv,
    loadManualEvidence,
    loadSurvey,
    saveReport,
    publish: async (s) => {
      published.push(s);
      await writeRunState(s);
    },
    throttleMs: 0,
  });
}

describe('AuditRunner in the service worker', () => {
  it('audits a fake site with the shared core, publishes progress and stores the report per site', async () => {
    const site = siteKeyOf(server.url)!;
    await addManualEvidence(site, 'O25', `${server.url}/hr/criteria.html`);
    await saveSurvey(site, { iit: 90, eit: 85 });
    const published: RunState[] = [];
    const runner = makeRunner(published);
    expect(runner.start({ url: `${server.url}/`, year: 2568, delayMs: 0, rules: 'ita-2562' })).toEqual({
      ok: true,
    });
    expect(runner.start({ url: `${server.url}/` }).ok).toBe(false);
    await runner.running;

    const state = await readRunState();
    expect(state.status).toBe('done');
    expect(state.decided).toBe(48);
    expect(published.some((s) => s.phase === 'crawl' && s.status === 'running')).toBe(true);
    expect(published.some((s) => s.phase === 'verify' && s.decided > 0)).toBe(true);

    const report = (await loadReport(site))!;
    expect(auditReportSchema.safeParse(report).success).toBe(true);
    expect(report.environment).toBe('extension');
    expect(report.assessmentYear).toBe(2568);
    const outcome = (id: string) => report.items.find((i) => i.id === id)?.outcome;
    expect(outcome('O1')).toBe('pass');
    expect(outcome('O2')).toBe('fail');
    expect(outcome('O17')).toBe('fail');
    // Manual evidence is verified like any other and travels in the report.
    const o25 = report.items.find((i) => i.id === 'O25')!;
    expect(o25.evidence.some((e) => e.via === 'manual' && e.url === `${server.url}/hr/criteria.html`)).toBe(
      true,
    );
    // The stored survey is applied.
    expect(report.ita?.iit).toBe(90);
    expect(report.ita?.eit).toBe(85);
  }, 60_000);

  it('cancels a run, keeping the previous report', async () => {
    const site = siteKeyOf(server.url)!;
    const runner = makeRunner();
    runner.start({ url: `${server.url}/`, year: 2568, delayMs: 200, rules: 'ita-2562' });
    await new Promise((r) => setTimeout(r, 50));
    expect(runner.cancel()).toBe(true);
    await runner.running;
    expect((await readRunState()).status).toBe('cancelled');
    expect(await loadReport(site)).toBeNull();
    expect(runner.cancel()).toBe(false);
  }, 30_000);

  it('ends in error with a Thai message when the site is unreachable', async () => {
    const runner = makeRunner();
    runner.start({ url: 'http://127.0.0.1:1/', year: 2568, delayMs: 0 });
    await runner.running;
    const state = await readRunState();
    expect(state.status).toBe('error');
    expect(state.error).toContain('เปิดหน้าแรกของเว็บไซต์ไม่ได้');
  }, 30_000);

  it('refuses URLs that are not http(s)', () => {
    expect(makeRunner().start({ url: 'chrome://settings' }).ok).toBe(false);
  });
});

describe('background wiring', () => {
  it('accepts only well-formed panel messages and routes start and cancel', async () => {
    expect(isPanelMessage({ type: 'oit:start', request: { url: 'https://x.go.th/' } })).toBe(true);
    expect(isPanelMessage({ type: 'oit:start' })).toBe(false);
    expect(isPanelMessage({ type: 'other' })).toBe(false);
    expect(isPanelMessage(null)).toBe(false);
    const runner = makeRunner();
    const start = vi.spyOn(runner, 'start').mockReturnValue({ ok: true });
    const cancel = vi.spyOn(runner, 'cancel').mockReturnValue(true);
    expect(
      await handlePanelMessage(runner, { type: 'oit:start', request: { url: 'https://x.go.th/' } }),
    ).toEqual({
      ok: true,
    });
    expect(start).toHaveBeenCalledWith({ url: 'https://x.go.th/' });
    await handlePanelMessage(runner, { type: 'oit:cancel' });
    expect(cancel).toHaveBeenCalled();
  });

  it('builds the context menu: one root, a submenu per sub-indicator, an entry per item', () => {
    const pack = getRulePack()!;
    const entries = buildEvidenceMenu(pack);
    expect(entries[0]).toEqual({ id: MENU_ROOT_ID, title: 'ใช้หน้านี้เป็นหลักฐานสำหรับ…' });
    expect(entries.filter((e) => e.parentId === MENU_ROOT_ID)).toHaveLength(7);
    const items = entries.filter((e) => itemIdOfMenu(e.id));
    expect(items).toHaveLength(48);
    expect(items.find((e) => itemIdOfMenu(e.id) === 'O5')?.title).toMatch(/^O5 /);
    expect(itemIdOfMenu(MENU_ROOT_ID)).toBeNull();
  });

  it('records a context-menu click as manual evidence of the page (or the link) and focuses the panel', async () => {
    const got = await recordMenuEvidence({
      menuItemId: 'oit-evidence:item:O5',
      pageUrl: 'https://www.x.go.th/contact/',
    });
    expect(got).toEqual({ site: 'x.go.th', itemId: 'O5', url: 'https://www.x.go.th/contact/' });
    await recordMenuEvidence({
      menuItemId: 'oit-evidence:item:O12',
      pageUrl: 'https://x.go.th/reports/',
      linkUrl: 'https://x.go.th/files/annual-2567.pdf',
    });
    expect(await loadManualEvidence('x.go.th')).toEqual({
      O5: ['https://www.x.go.th/contact/'],
      O12: ['https://x.go.th/files/annual-2567.pdf'],
    });
    expect((await readFocus())?.itemId).toBe('O12');
    expect(await recordMenuEvidence({ menuItemId: MENU_ROOT_ID, pageUrl: 'https://x.go.th/' })).toBeNull();
    expect(
      await recordMenuEvidence({ menuItemId: 'oit-evidence:item:O5', pageUrl: 'chrome://newtab' }),
    ).toBeNull();
  });

  it('startBackground creates the menu on install, records menu clicks and answers panel messages', async () => {
    const menus: { id?: string | number; parentId?: string | number }[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((p) => {
      menus.push(p);
      return p.id ?? 0;
    });
    type ClickListener = (
      info: { menuItemId: string; pageUrl?: string },
      tab?: { id?: number; url?: string },
    ) => void;
    let onClick: ClickListener | undefined;
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((l) => {
      onClick = l as unknown as ClickListener;
    });
    const runner = startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(menus).toHaveLength(1 + 7 + 48));

    onClick?.({ menuItemId: 'oit-evidence:item:O7', pageUrl: 'https://x.go.th/news/' }, { id: 3 });
    await vi.waitFor(async () =>
      expect(await loadManualEvidence('x.go.th')).toEqual({ O7: ['https://x.go.th/news/'] }),
    );

    const start = vi.spyOn(runner, 'start').mockReturnValue({ ok: true });
    const message = { type: 'oit:start', request: { url: 'https://x.go.th/', year: 2568 } };
    // A content script (the web page's URL) is not the panel: ignored (issue 12 item 3).
    await fakeBrowser.runtime.onMessage.trigger(message, {
      id: fakeBrowser.runtime.id,
      url: 'https://evil.example/',
    });
    expect(start).not.toHaveBeenCalled();
    // The side panel, an extension page.
    await fakeBrowser.runtime.onMessage.trigger(message, {
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL('/sidepanel.html'),
    });
    expect(start).toHaveBeenCalledWith({ url: 'https://x.go.th/', year: 2568 });
    expect((await readRunState()).status).toBe('idle');
  });
});

describe('AuditRunner rule packs (issue 10)', () => {
  it('audits with a pack imported as one JSON file, and refuses a broken one naming file and field', async () => {
    const site2569 = await startSiteServer({ root: join(SITES_DIR, 'agency-2569') });
    try {
      const files = bundledPackFiles['ita-2569']!;
      const imported = {
        ruleset: { ...(files.ruleset as object), id: 'agency-own-2569' },
        items: files.items,
      };
      const runner = makeRunner();
      expect(runner.start({ url: `${site2569.url}/`, year: 2569, delayMs: 0, customPack: imported })).toEqual(
        {
          ok: true,
        },
      );
      await runner.running;
      const report = (await loadReport(siteKeyOf(site2569.url)!))!;
      expect(report.ruleset.id).toBe('agency-own-2569');
      expect(report.ruleset.selection?.mode).toBe('custom');
      expect(report.items).toHaveLength(26);

      const broken = structuredClone(imported) as { items: Record<string, Record<string, unknown>> };
      broken.items['O4.json']!.evidenceKind = 'video';
      const refused = makeRunner().start({ url: `${site2569.url}/`, year: 2569, customPack: broken });
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error).toMatch(/imported-pack\/items\/O4\.json: field "evidenceKind"/);
    } finally {
      await site2569.close();
    }
  }, 60_000);
});
