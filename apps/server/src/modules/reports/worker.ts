import type { Db } from '../../db/db';
import { claimJob, failJob } from './queries';
import { LEASE_SECONDS, runJob } from './generate';

export type ReportWorker = { kick(): void; stop(): Promise<void> };

/**
 * The in-process report worker: takes queued jobs one at a time. A job left running by a stopped
 * process is taken again once its lease has passed, so generation survives a restart. Works the
 * same on PGlite and PostgreSQL (several servers on one database share the queue).
 */
export function startReportWorker(db: Db, opts: { pollMs?: number; log?: (msg: string) => void } = {}): ReportWorker {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const drain = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const job = await claimJob(db, LEASE_SECONDS);
        if (!job) break;
        try {
          await runJob(db, job);
        } catch (err) {
          // The job fails visibly; its message is technical (no personal data is in report figures).
          opts.log?.(`report job ${job.id} failed: ${(err as Error).message}`);
          await failJob(db, job.id, (err as Error).message.slice(0, 500)).catch(() => {});
        }
      }
    } while (again && !stopped);
  };

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: Error) => opts.log?.(`report worker: ${err.message}`))
      .finally(() => {
        running = null;
      });
  };

  const timer = setInterval(kick, opts.pollMs ?? 5000);
  timer.unref();
  setImmediate(kick);
  return {
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The report worker of this process: a new request kicks it instead of waiting for the poll. */
    reports: ReportWorker;
  }
}
