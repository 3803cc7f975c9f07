import type { Command } from 'commander';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { CliIo, Lang } from '../io';
import { say } from '../io';
import { parseCount } from '../parse-values';
import { describeError, hostKey } from './batch';

interface WorkerFlags {
  queue: string;
  concurrency?: string;
  allowPrivate?: boolean;
  stalledAfter?: string;
  quiet?: boolean;
}

/**
 * `oit-audit worker --queue redis://…`: audits agencies from the queue until stopped. SIGTERM or
 * SIGINT lets the audits in hand finish, then exits 0; a second signal stops at once (the jobs
 * return to the queue). Needs nothing but the queue URL: reports go back through Redis.
 */
export function registerWorker(
  program: Command,
  io: CliIo,
  lang: () => Lang,
  setExit: (code: number) => void,
  signals: Pick<NodeJS.Process, 'on' | 'off'> = process,
): void {
  program
    .command('worker')
    .description('ตรวจหน่วยงานจากคิว Redis ของ batch --queue / audit agencies from the batch --queue')
    .requiredOption('--queue <url>', 'คิว Redis / the Redis queue: redis://host:6379/0')
    .option('--concurrency <n>', 'จำนวนหน่วยงานที่ตรวจพร้อมกัน / agencies audited at once (2)')
    .option('--allow-private', 'ยอมตรวจที่อยู่ loopback/เครือข่ายภายใน / allow loopback and private addresses')
    .option(
      '--stalled-after <ms>',
      'งานของ worker ที่เงียบไปนานเท่านี้กลับเข้าคิว / a silent worker loses its jobs after, ms (30000)',
    )
    .option('-q, --quiet', 'ไม่แสดงความคืบหน้า / no progress on stderr')
    .action(async (flags: WorkerFlags) => {
      const l = lang();
      const concurrency =
        flags.concurrency !== undefined ? parseCount(flags.concurrency, '--concurrency', l) : 2;
      if (concurrency > 64) throw usageError(say(l, '--concurrency: สูงสุด 64', '--concurrency: at most 64'));
      const stalledAfterMs =
        flags.stalledAfter !== undefined
          ? parseCount(flags.stalledAfter, '--stalled-after', l, 1000)
          : 30_000;
      const log = (text: string) => {
        if (!flags.quiet) io.stderr(text);
      };
      // BullMQ and ioredis load only here, not on every start of the CLI.
      const { connectQueue } = await import('./batch-queue');
      const { startAuditWorker } = await import('../../node/queue/audit-worker');
      const { redis, shown } = await connectQueue({ raw: flags.queue, env: io.env, lang: l }, (m) =>
        log(say(l, `worker: คิว: ${m} (จะต่อใหม่เอง)\n`, `worker: queue: ${m} (reconnecting)\n`)),
      );
      // BullMQ blocks one connection waiting for jobs; our own keys use a second one.
      const connection = redis.duplicate();
      const worker = startAuditWorker({
        connection,
        redis,
        concurrency,
        allowPrivate: Boolean(flags.allowPrivate),
        stalledAfterMs,
        hostKey,
        describeError: (e: unknown) => describeError(e).message,
        log,
      });
      worker.on('error', (e) => log(`worker: ${e.message}\n`));
      log(
        say(
          l,
          `worker: คิว ${shown} · ตรวจพร้อมกัน ${concurrency}${flags.allowPrivate ? ' · ยอมที่อยู่ภายใน' : ''}\n`,
          `worker: queue ${shown} · ${concurrency} at once${flags.allowPrivate ? ' · private addresses allowed' : ''}\n`,
        ),
      );
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            log(say(l, `worker: ${signal} อีกครั้ง หยุดทันที\n`, `worker: ${signal} again, stopping now\n`));
            worker.close(true).finally(resolve);
            return;
          }
          stopping = true;
          log(
            say(
              l,
              `worker: ได้รับ ${signal} ตรวจงานที่ค้างให้เสร็จแล้วหยุด\n`,
              `worker: ${signal}, finishing the audits in hand, then stopping\n`,
            ),
          );
          worker.close().finally(resolve);
        };
        const onTerm = () => stop('SIGTERM');
        const onInt = () => stop('SIGINT');
        signals.on('SIGTERM', onTerm);
        signals.on('SIGINT', onInt);
        worker.on('closed', () => {
          signals.off('SIGTERM', onTerm);
          signals.off('SIGINT', onInt);
        });
      });
      connection.disconnect();
      redis.disconnect();
      log(say(l, 'worker: หยุดแล้ว\n', 'worker: stopped\n'));
      setExit(ExitCode.ok);
    });
}
