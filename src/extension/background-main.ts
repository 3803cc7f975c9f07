import { browser } from 'wxt/browser';
import { getRulePack } from '../core/rules/registry';
import { AuditRunner, createExtensionEnv } from './audit-runner';
import { buildEvidenceMenu, itemIdOfMenu } from './context-menu';
import { type BackgroundReply, isOwnPageSender, isPanelMessage, type PanelMessage } from './messages';
import { writeFocus, writeRunState } from './run-state';
import { siteKeyOf } from './site';
import { addManualEvidence, loadManualEvidence, loadSurvey, saveReport } from './storage';

/** The side panel page's path inside the extension. */
export const PANEL_PATH = 'sidepanel.html';

/** `chrome-extension://<id>/`: every page of the extension is under it. */
function extensionBaseUrl(): string {
  // getURL's parameter is typed by `wxt prepare` per project; any path gives the same base.
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL('/');
}

/** Handles the panel's commands. Exported for tests (the fake browser has no ports). */
export async function handlePanelMessage(
  runner: AuditRunner,
  message: PanelMessage,
): Promise<BackgroundReply> {
  if (message.type === 'oit:start') return runner.start(message.request);
  runner.cancel();
  return { ok: true };
}

/** Records a context-menu click as manual evidence of the page's site and returns the item. */
export async function recordMenuEvidence(info: {
  menuItemId: string | number;
  pageUrl?: string;
  linkUrl?: string;
}): Promise<{ site: string; itemId: string; url: string } | null> {
  const itemId = itemIdOfMenu(info.menuItemId);
  const pageUrl = info.pageUrl;
  if (!itemId || !pageUrl) return null;
  const site = siteKeyOf(pageUrl);
  const url = info.linkUrl && /^https?:\/\//i.test(info.linkUrl) ? info.linkUrl : pageUrl;
  if (!site || !/^https?:\/\//i.test(url)) return null;
  await addManualEvidence(site, itemId, url);
  await writeFocus({ site, pageUrl, itemId, at: Date.now() });
  return { site, itemId, url };
}

/** (Re)creates the evidence context menu. */
export async function createMenus(): Promise<void> {
  const pack = getRulePack();
  if (!pack || !browser.contextMenus) return;
  await browser.contextMenus.removeAll();
  for (const entry of buildEvidenceMenu(pack)) {
    browser.contextMenus.create({
      id: entry.id,
      title: entry.title,
      contexts: ['page', 'link'],
      ...(entry.parentId ? { parentId: entry.parentId } : {}),
    });
  }
}

/**
 * Everything the service worker does, wired to the browser: the side panel opens on the
 * toolbar button, the context menu records evidence, and the panel's start/cancel commands
 * drive one {@link AuditRunner} whose progress goes to `storage.session`.
 */
export function startBackground(): AuditRunner {
  const runner = new AuditRunner({
    makeEnv: createExtensionEnv,
    loadManualEvidence,
    loadSurvey,
    saveReport,
    publish: writeRunState,
    // Any extension API call resets the MV3 worker's idle timer during a long crawl.
    keepAlive: () => {
      try {
        browser.runtime.getPlatformInfo().catch(() => {});
      } catch {
        // Only a keep-alive ping.
      }
    },
  });

  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  browser.runtime.onInstalled.addListener(() => {
    createMenus().catch(() => {});
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    // sidePanel.open must run in the click's user gesture, before any await.
    if (tab?.id !== undefined && itemIdOfMenu(info.menuItemId)) {
      browser.sidePanel?.open({ tabId: tab.id }).catch(() => {});
    }
    recordMenuEvidence({
      menuItemId: info.menuItemId,
      ...((info.pageUrl ?? tab?.url) ? { pageUrl: info.pageUrl ?? tab?.url } : {}),
      ...(info.linkUrl ? { linkUrl: info.linkUrl } : {}),
    }).catch(() => {});
  });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only the extension's own pages may command audits (issue 12).
    if (!isOwnPageSender(sender, browser.runtime.id, extensionBaseUrl())) return undefined;
    if (!isPanelMessage(message)) return undefined;
    handlePanelMessage(runner, message).then(sendResponse, (e: Error) =>
      sendResponse({ ok: false, error: e.message } satisfies BackgroundReply),
    );
    return true;
  });
  // A run interrupted by a worker restart cannot resume: reset what the panel shows.
  writeRunState(runner.state).catch(() => {});
  return runner;
}
