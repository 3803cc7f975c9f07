import { browser } from 'wxt/browser';

/** Progress of the audit running in the service worker, as the side panel shows it. */
export interface RunState {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  /** Site key of the audited site. */
  site?: string;
  /** The start URL. */
  url?: string;
  phase?: 'crawl' | 'detect' | 'verify' | 'done';
  pagesFetched: number;
  /** URLs discovered and waiting. */
  queued: number;
  /** Items decided so far, of `total`. */
  decided: number;
  total: number;
  /** Evidence documents and links checked during verification. */
  resourcesChecked: number;
  startedAt?: string;
  finishedAt?: string;
  /** Why the run stopped (status `error`), in Thai, with the English in `errorEn`. */
  error?: string;
  errorEn?: string;
}

export const IDLE: RunState = {
  status: 'idle',
  pagesFetched: 0,
  queued: 0,
  decided: 0,
  total: 0,
  resourcesChecked: 0,
};

/** In `chrome.storage.session`: gone when the browser closes, like the run itself. */
export const RUN_STATE_KEY = 'oit:run';

/** Where the context menu asks the panel to look: a site and an item. */
export interface PanelFocus {
  site: string;
  pageUrl: string;
  itemId: string;
  at: number;
}

export const FOCUS_KEY = 'oit:focus';

export async function readRunState(): Promise<RunState> {
  const got = (await browser.storage.session.get(RUN_STATE_KEY)) as Record<string, unknown>;
  const value = got[RUN_STATE_KEY] as RunState | undefined;
  return value && typeof value === 'object' ? { ...IDLE, ...value } : IDLE;
}

export async function writeRunState(state: RunState): Promise<void> {
  await browser.storage.session.set({ [RUN_STATE_KEY]: state });
}

export async function readFocus(): Promise<PanelFocus | null> {
  const got = (await browser.storage.session.get(FOCUS_KEY)) as Record<string, unknown>;
  return (got[FOCUS_KEY] as PanelFocus | undefined) ?? null;
}

export async function writeFocus(focus: PanelFocus): Promise<void> {
  await browser.storage.session.set({ [FOCUS_KEY]: focus });
}

/** Calls `listener` with the new value whenever a session key changes; returns unsubscribe. */
export function watchSession<T>(key: string, listener: (value: T | undefined) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes) listener(changes[key]?.newValue as T | undefined);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
