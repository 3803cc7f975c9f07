/**
 * A real Redis for the queue tests. CI (`.ci/run`) starts one on a free loopback port and passes
 * `OIT_TEST_REDIS_URL`; without it the tests start their own `redis-server` (Debian package
 * `redis-server`) on a free port and stop it after. There is no mock: without Redis the tests fail,
 * saying how to get one.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface TestRedis {
  /** `redis://127.0.0.1:PORT/<db>`: each test file uses databases of its own and flushes them. */
  url(db: number): string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function ping(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
      redis.disconnect();
      return;
    } catch (e) {
      redis.disconnect();
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startTestRedis(): Promise<TestRedis> {
  const given = process.env.OIT_TEST_REDIS_URL;
  if (given) {
    const base = new URL(given);
    await ping(base.href, 5000);
    return {
      port: Number(base.port || 6379),
      url: (db) => new URL(`/${db}`, base).href,
      stop: async () => {},
    };
  }
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error(
      'the queue tests need a real Redis: install redis-server (apt-get install redis-server) or set OIT_TEST_REDIS_URL',
    );
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--logfile', ''],
    { stdio: 'ignore' },
  );
  const base = `redis://127.0.0.1:${port}`;
  await ping(base, 10_000);
  return {
    port,
    url: (db) => `${base}/${db}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Empties database `db` (each test starts from a clean queue). */
export async function flushDb(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}
