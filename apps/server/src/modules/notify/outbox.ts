import type { Db } from '../../db/db';
import { type Contact, sealContact } from './contacts';
import type { Message } from './templates';

/** Queues a message in the caller's transaction: it is sent only if the change it tells about commits. */
export async function enqueue(tx: Db, to: Contact, message: Message, petitionId: number | null = null): Promise<void> {
  await tx.query(`insert into notification_outbox (channel, recipient, template, payload, petition_id) values ($1, $2, $3, $4, $5)`, [
    to.channel,
    sealContact(to),
    message.template,
    JSON.stringify(message.payload),
    petitionId,
  ]);
}

export type OutboxRow = {
  id: number;
  channel: 'email' | 'sms';
  recipient: Uint8Array;
  template: Message['template'];
  payload: never;
  attempts: number;
  petition_id: number | null;
};

/** Takes up to `limit` due messages with a lease, so two workers (or processes) never send one twice. */
export async function claimDue(db: Db, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  return db.tx((tx) =>
    tx.query<OutboxRow>(
      `update notification_outbox o set status = 'sending', lease_until = now() + make_interval(secs => $2), attempts = o.attempts + 1
      where o.id in (select id from notification_outbox
                      where next_attempt_at <= now()
                        and (status = 'pending' or (status = 'sending' and lease_until < now()))
                      order by next_attempt_at, id limit $1 for update skip locked)
      returning o.id, o.channel, o.recipient, o.template, o.payload, o.attempts, o.petition_id`,
      [limit, leaseSeconds],
    ),
  );
}

export const MAX_ATTEMPTS = 6;
/** Back-off between tries: 1, 2, 4, 8, 16 minutes. */
export const retryDelaySeconds = (attempts: number) => 60 * 2 ** Math.max(0, attempts - 1);
