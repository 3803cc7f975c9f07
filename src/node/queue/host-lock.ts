/**
 * Fleet-wide politeness: one Redis lock per host, so two audits of the same host never run at
 * once whichever workers pick them up. The open-source BullMQ has no job groups, so a worker
 * that finds the host taken puts the job back as delayed (it does not count as an attempt).
 *
 * The lock carries a random token and expires after `ttlMs` unless renewed, so a worker killed
 * with SIGKILL frees its hosts by itself; renew and release only touch a lock still holding the
 * caller's token (a lock that expired and was taken by another worker is left alone).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { queueKeys } from './audit-job';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface HostLock {
  readonly host: string;
  /** Stops renewing and frees the host. */
  release(): Promise<void>;
  /** True while renewals succeed (false once the lock was lost). */
  readonly held: boolean;
}

/**
 * Takes the lock of `host` for `owner`, renewing it every `ttlMs / 3` until released; null when
 * another audit holds it.
 */
export async function acquireHostLock(
  redis: Redis,
  host: string,
  owner: string,
  ttlMs: number,
): Promise<HostLock | null> {
  const key = queueKeys.host(host);
  const token = `${owner}:${randomBytes(8).toString('hex')}`;
  const ok = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (ok !== 'OK') return null;
  let held = true;
  const timer = setInterval(
    () => {
      redis.eval(RENEW, 1, key, token, String(ttlMs)).then(
        (r) => {
          if (r === 0) held = false;
        },
        () => {
          // Redis unreachable for a moment: the next renewal tries again before the lock expires.
        },
      );
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    host,
    get held() {
      return held;
    },
    async release() {
      clearInterval(timer);
      held = false;
      await redis.eval(RELEASE, 1, key, token);
    },
  };
}
