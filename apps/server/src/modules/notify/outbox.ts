import type { Db } from '../../db/db';
import { type Contact, sealContact } from './contacts';
import { insertOutbox, leaseDueMessages, type OutboxRow } from './queries';
import type { Message } from './templates';

/** Queues a message in the caller's transaction: it is sent only if the change it tells about commits. */
export async function enqueue(tx: Db, to: Contact, message: Message, petitionId: number | null = null): Promise<void> {
  await insertOutbox(tx, { channel: to.channel, recipient: sealContact(to), template: message.template, payload: message.payload, petitionId });
}

/** Takes up to `limit` due messages with a lease, so two workers (or processes) never send one twice. */
export async function claimDue(db: Db, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  return db.tx((tx) => leaseDueMessages(tx, limit, leaseSeconds));
}

export const MAX_ATTEMPTS = 6;
/** Back-off between tries: 1, 2, 4, 8, 16 minutes. */
export const retryDelaySeconds = (attempts: number) => 60 * 2 ** Math.max(0, attempts - 1);
