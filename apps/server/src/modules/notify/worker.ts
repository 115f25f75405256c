import type { Db } from '../../db/db';
import { audit } from '../../platform/audit';
import { openContact } from './contacts';
import { claimDue, MAX_ATTEMPTS, retryDelaySeconds } from './outbox';
import { markSent, markUnsent } from './queries';
import { render, type Message } from './templates';
import type { Senders } from './adapters';

export type NotifyWorker = { kick(): void; drain(): Promise<number>; stop(): Promise<void> };

/** A process that sends nothing (tests sharing one database); messages stay in the outbox. */
export const idleWorker: NotifyWorker = { kick() {}, drain: async () => 0, stop: async () => {} };

/**
 * Sends what the outbox holds: a message is marked sent only after its sender returned, a failure
 * is retried with back-off, and after MAX_ATTEMPTS it stays 'failed' for staff to see. Each outcome is
 * audited without the recipient or the message text.
 */
export function startNotifyWorker(db: Db, senders: Senders, opts: { publicUrl: string; pollMs?: number; log?: (m: string) => void }): NotifyWorker {
  let stopped = false;
  let running: Promise<number> | null = null;

  const once = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      if (stopped) return sent;
      const batch = await claimDue(db, 20, 60);
      if (!batch.length) return sent;
      for (const row of batch) {
        const message = { template: row.template, payload: row.payload } as Message;
        try {
          const to = openContact(row.channel, row.recipient);
          const r = render(message, opts.publicUrl);
          await senders[row.channel].send(to, r.subject, row.channel === 'sms' ? r.sms : r.text);
          await db.tx(async (tx) => {
            await markSent(tx, row.id);
            await audit(tx, null, { action: 'send', entity: 'notification', entityId: row.id, after: { channel: row.channel, template: row.template, attempts: row.attempts } });
          });
          sent++;
        } catch (err) {
          const final = row.attempts >= MAX_ATTEMPTS;
          // The error text of a mail server can echo the address: keep only its first words.
          const reason = String((err as Error).message ?? err)
            .replace(/\S+@\S+/g, '…')
            .slice(0, 200);
          await db.tx(async (tx) => {
            await markUnsent(tx, row.id, final ? 'failed' : 'pending', reason, retryDelaySeconds(row.attempts));
            await audit(tx, null, {
              action: final ? 'send_failed' : 'send_retry',
              entity: 'notification',
              entityId: row.id,
              after: { channel: row.channel, template: row.template, attempts: row.attempts, error: reason },
            });
          });
          opts.log?.(`notification ${row.id} ${final ? 'failed' : 'will retry'}: ${reason}`);
        }
      }
    }
  };

  const drain = async () => {
    while (running) await running.catch(() => 0);
    running = once();
    try {
      return await running;
    } finally {
      running = null;
    }
  };
  const kick = () => {
    if (!stopped && !running) void drain().catch((e) => opts.log?.(`notify worker: ${(e as Error).message}`));
  };
  const timer = setInterval(kick, opts.pollMs ?? 5000);
  timer.unref();

  return {
    kick,
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox worker of this process (tests drain it instead of waiting for the poll). */
    notify: NotifyWorker;
  }
}
