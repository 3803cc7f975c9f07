/**
 * The queue's Redis connection. The URL may carry a password: it is used to connect and is never
 * shown — every message names the queue by {@link redactQueueUrl}.
 */
import { Redis } from 'ioredis';

/** The BullMQ key prefix and queue name: keys are `oit:audit:*` in the URL's database. */
export const QUEUE_PREFIX = 'oit';
export const QUEUE_NAME = 'audit';

/** Why a queue URL cannot be used (the message never holds the password). */
export class QueueUrlError extends Error {
  override name = 'QueueUrlError';
}

/**
 * Parses `redis://[user[:password]@]host[:port][/db]` (or `rediss://` for TLS). A password may
 * instead come from `passwordFromEnv` (the `OIT_AUDIT_QUEUE_PASSWORD` variable), which keeps it
 * off the process list.
 */
export function parseQueueUrl(raw: string, passwordFromEnv?: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new QueueUrlError('not a URL (expected redis://host:6379/0)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new QueueUrlError(`${url.protocol} is not a Redis URL (expected redis://host:6379/0)`);
  if (url.hostname === '') throw new QueueUrlError('the URL names no host');
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,2}$/.test(db)) throw new QueueUrlError(`"/${db}" is not a database number`);
  if (url.password === '' && passwordFromEnv) url.password = encodeURIComponent(passwordFromEnv);
  return url;
}

/** The queue URL as it may be shown: the password replaced by `***`. */
export function redactQueueUrl(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password !== '') shown.password = '***';
  return shown.href;
}

/**
 * Opens a connection as BullMQ wants it (`maxRetriesPerRequest: null`: commands wait through a
 * reconnect instead of failing). Connection errors are reported once through `onError`.
 */
export function openRedis(url: URL, onError?: (message: string) => void): Redis {
  const redis = new Redis(url.href, { maxRetriesPerRequest: null, lazyConnect: false });
  let reported = false;
  redis.on('error', (e: Error) => {
    if (reported) return;
    reported = true;
    // ioredis messages name host and port, never the password; strip any URL to be sure.
    onError?.(e.message.replace(/rediss?:\/\/\S+/g, redactQueueUrl(url)));
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}

/** Resolves when Redis answers PING, or rejects after `timeoutMs` with the connection's error. */
export async function waitForRedis(redis: Redis, timeoutMs: number): Promise<void> {
  // The connection's own error (ECONNREFUSED, WRONGPASS) says more than a PING that timed out.
  let connectionError: Error | undefined;
  const onError = (e: Error) => {
    connectionError = e;
  };
  redis.on('error', onError);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let last: Error;
      try {
        await Promise.race([
          redis.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 1000)),
        ]);
        return;
      } catch (e) {
        last = e as Error;
      }
      const reason = connectionError ?? last;
      if (/NOAUTH|WRONGPASS|NOPERM/.test(reason.message) || Date.now() > deadline) throw reason;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    redis.off('error', onError);
  }
}
