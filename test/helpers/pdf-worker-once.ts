import { Worker } from 'node:worker_threads';

/**
 * Starts a PDF worker (src/node/pdf-worker.mjs or the built one) with `cacheDir` as its code
 * cache, reads `pdf` once and ends it: how the cache served the worker, and the text read.
 */
export function readPdfOnce(
  workerFile: string | URL,
  pdf: Uint8Array,
  cacheDir: string,
): Promise<{ cache: string; text: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { env: { ...process.env, OIT_AUDIT_COMPILE_CACHE: cacheDir } });
    let cache = '';
    worker.on('error', reject);
    worker.on('message', (m: { ready?: true; codeCache?: string; id?: number; text?: string }) => {
      if (m.ready) {
        cache = m.codeCache ?? '';
        worker.postMessage({ id: 1, bytes: new Uint8Array(pdf), maxPages: 5 });
      } else if (m.id === 1) {
        // The cache is written after the answer: give the worker a moment, then end it.
        setTimeout(() => void worker.terminate().then(() => resolve({ cache, text: m.text ?? '' })), 300);
      }
    });
  });
}
