/** How the code cache served a file (see code-cache.mjs). */
export type CodeCacheState = 'hit' | 'miss' | 'rejected' | 'off';

export const CACHE_ENV: 'OIT_AUDIT_COMPILE_CACHE';

export function cacheDirectory(env?: NodeJS.ProcessEnv): string | null;

export function requireWithCodeCache(
  file: string,
  options?: { env?: NodeJS.ProcessEnv },
): { exports: unknown; cache: CodeCacheState; save(): void };
