import { existsSync } from 'node:fs';

/**
 * The first of a worker thread's candidate files that exists, relative to the calling module's
 * `import.meta.url`: beside it in the sources or in dist/cli/, or one level up when the caller
 * was bundled into a chunk (dist/cli/chunks/). Undefined when none is there.
 */
export function findWorkerFile(base: string, names: readonly string[]): URL | undefined {
  return names.map((p) => new URL(p, base)).find((u) => existsSync(u));
}
