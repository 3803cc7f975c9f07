import { browser } from 'wxt/browser';
import { hostPatternsFor, requiredHostPattern } from './site';

/** True when the extension may already fetch the site of `url` (granted before or at build). */
export async function hasHostAccess(url: string): Promise<boolean> {
  const pattern = requiredHostPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Asks for access to the site of `url` only (host and `www.` twin, http and https), through
 * `optional_host_permissions`. Must be called from a click: Chrome shows its prompt then.
 */
export async function requestHostAccess(url: string): Promise<boolean> {
  const origins = hostPatternsFor(url);
  if (origins.length === 0) return false;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}
