import { browser } from 'wxt/browser';

/** What the side panel asks the service worker to do. Progress comes back through storage. */
export interface StartAuditRequest {
  /** Any URL of the site; the audit starts at it. */
  url: string;
  /** Assessed fiscal year, BE. */
  year?: number;
  maxPages?: number;
  /** Minimum gap between two requests to the site, ms. */
  delayMs?: number;
  /** "auto" (default) or a bundled pack id. */
  rules?: string;
  /** A pack imported as one JSON file; wins over `rules`. */
  customPack?: unknown;
}

export type PanelMessage = { type: 'oit:start'; request: StartAuditRequest } | { type: 'oit:cancel' };

/** A refusal in both languages (`errorEn` is absent when the worker itself could not be reached). */
export type BackgroundReply = { ok: true } | { ok: false; error: string; errorEn?: string };

export function isPanelMessage(value: unknown): value is PanelMessage {
  if (!value || typeof value !== 'object') return false;
  const m = value as { type?: unknown; request?: { url?: unknown } };
  if (m.type === 'oit:cancel') return true;
  return m.type === 'oit:start' && typeof m.request?.url === 'string';
}

/** Sends a command to the service worker; a closed or sleeping worker gives an error reply. */
export async function sendToBackground(message: PanelMessage): Promise<BackgroundReply> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as BackgroundReply | undefined;
    return reply && typeof reply === 'object' && 'ok' in reply ? reply : { ok: true };
  } catch (e) {
    return {
      ok: false,
      error: 'ติดต่อส่วนประกอบเบื้องหลังของส่วนขยายไม่ได้ ลองปิดแล้วเปิดแผงด้านข้างใหม่',
      errorEn: `The extension's background worker did not answer (${(e as Error).message}): close and reopen the side panel`,
    };
  }
}

/** What the browser says about who sent a runtime message. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
}

/**
 * True when a runtime message comes from one of the extension's own pages (the side panel,
 * also when opened in a tab): the same extension id and a URL inside the extension. A content
 * script's messages carry the web page's URL, and another extension has another id; checking
 * the message's shape alone would let any of them start audits.
 */
export function isOwnPageSender(
  sender: MessageSenderInfo,
  extensionId: string,
  extensionBaseUrl: string,
): boolean {
  if (sender.id !== extensionId) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(extensionBaseUrl);
}
