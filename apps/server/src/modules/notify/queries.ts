import type { MyPetitions } from '@contract/petitions';
import type { Permission, Role } from '@contract/access';
import type { Db } from '../../db/db';
import { unitNameAt } from '../petitions/queries';
import type { Channel } from './contacts';
import type { Message } from './templates';

// ---------- the outbox (outbox.ts, worker.ts) ----------

/** One message to send; `recipient` is the sealed contact, `payload` the template's values as JSON. */
export type OutboxInsert = { channel: Channel; recipient: Buffer | Uint8Array; template: Message['template']; payload: unknown; petitionId: number | null };

export async function insertOutbox(tx: Db, m: OutboxInsert): Promise<void> {
  await tx.query(`insert into notification_outbox (channel, recipient, template, payload, petition_id) values ($1, $2, $3, $4, $5)`, [
    m.channel,
    m.recipient,
    m.template,
    JSON.stringify(m.payload),
    m.petitionId,
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

/**
 * Leases up to `limit` due messages (pending, or sending with an expired lease) and counts the attempt;
 * rows another transaction holds are skipped.
 */
export async function leaseDueMessages(tx: Db, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  return tx.query<OutboxRow>(
    `update notification_outbox o set status = 'sending', lease_until = now() + make_interval(secs => $2), attempts = o.attempts + 1
      where o.id in (select id from notification_outbox
                      where next_attempt_at <= now()
                        and (status = 'pending' or (status = 'sending' and lease_until < now()))
                      order by next_attempt_at, id limit $1 for update skip locked)
      returning o.id, o.channel, o.recipient, o.template, o.payload, o.attempts, o.petition_id`,
    [limit, leaseSeconds],
  );
}

export async function markSent(tx: Db, id: number): Promise<void> {
  await tx.query(`update notification_outbox set status = 'sent', sent_at = now(), lease_until = null, last_error = null where id = $1`, [id]);
}

/** After a failed try: 'pending' again after `delaySeconds`, or 'failed' for good. */
export async function markUnsent(tx: Db, id: number, status: 'pending' | 'failed', error: string, delaySeconds: number): Promise<void> {
  await tx.query(
    `update notification_outbox set status = $2, lease_until = null, last_error = $3,
                      next_attempt_at = now() + make_interval(secs => $4) where id = $1`,
    [id, status, error, delaySeconds],
  );
}

// ---------- staff reminders (staff.ts) ----------

export async function findNotifySettings(db: Db, userId: number): Promise<{ notify_email: Uint8Array | null; notify_deadlines: boolean }> {
  const [r] = await db.query<{ notify_email: Uint8Array | null; notify_deadlines: boolean }>('select notify_email, notify_deadlines from users where id = $1', [userId]);
  return r;
}

export async function updateNotifySettings(tx: Db, userId: number, email: Buffer | null, deadlines: boolean): Promise<void> {
  await tx.query('update users set notify_email = $2, notify_deadlines = $3 where id = $1', [userId, email, deadlines]);
}

/** Claims the day for the reminders: false when it had been claimed already. */
export async function claimReminderDay(tx: Db, day: string): Promise<boolean> {
  const [claimed] = await tx.query<{ day: string }>('insert into staff_reminder_days (day) values ($1) on conflict (day) do nothing returning day::text', [day]);
  return !!claimed;
}

export async function setReminderDayQueued(tx: Db, day: string, queued: number): Promise<void> {
  await tx.query('update staff_reminder_days set queued = $2 where day = $1', [day, queued]);
}

export type ReminderRecipient = {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  unit_id: number | null;
  unit_valid_to: string | null;
  unit_name: string | null;
  notify_email: Uint8Array;
  grants: Permission[];
};

/** Active accounts that asked for deadline reminders and gave an address, with what makes their CurrentUser. */
export async function listReminderRecipients(tx: Db, day: string): Promise<ReminderRecipient[]> {
  return tx.query<ReminderRecipient>(
    `select u.id, u.username, u.display_name, u.role, u.unit_id, un.valid_to::text as unit_valid_to, ${unitNameAt('u.unit_id', '$1::date')} as unit_name,
              u.notify_email, coalesce((select array_agg(g.permission) from user_grants g where g.user_id = u.id), '{}') as grants
         from users u left join units un on un.id = u.unit_id
        where u.active and u.notify_deadlines and u.notify_email is not null
        order by u.id`,
    [day],
  );
}

// ---------- citizens' contacts and codes (citizen.ts) ----------

export async function insertPetitionContact(tx: Db, petitionId: number, channel: Channel, contactHash: string, contact: Buffer): Promise<void> {
  await tx.query(`insert into petition_contacts (petition_id, channel, contact_hash, contact) values ($1, $2, $3, $4)`, [petitionId, channel, contactHash, contact]);
}

/** The sealed contacts given with a petition, with its tracking code. */
export async function listPetitionContacts(tx: Db, petitionId: number): Promise<{ channel: Channel; contact: Uint8Array; tracking_code: string }[]> {
  return tx.query<{ channel: Channel; contact: Uint8Array; tracking_code: string }>(
    `select c.channel, c.contact, p.tracking_code from petition_contacts c join petitions p on p.id = c.petition_id where c.petition_id = $1`,
    [petitionId],
  );
}

/** Queues a 'petition.status' message to an already sealed contact. */
export async function insertStatusMessage(
  tx: Db,
  m: { channel: Channel; recipient: Uint8Array; payload: Extract<Message, { template: 'petition.status' }>['payload']; petitionId: number },
): Promise<void> {
  await tx.query(`insert into notification_outbox (channel, recipient, template, payload, petition_id) values ($1, $2, 'petition.status', $3, $4)`, [
    m.channel,
    m.recipient,
    JSON.stringify(m.payload),
    m.petitionId,
  ]);
}

/** Holds a transaction-scoped advisory lock on the key until commit or rollback. */
export async function advisoryXactLock(tx: Db, key: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** Codes sent to the contact in the last hour. */
export async function countRecentCodes(tx: Db, contactHash: string): Promise<number> {
  const [{ n }] = await tx.query<{ n: number }>(`select count(*)::int as n from citizen_codes where contact_hash = $1 and created_at > now() - interval '1 hour'`, [contactHash]);
  return n;
}

export async function insertCitizenCode(tx: Db, contactHash: string, codeHash: string, minutes: number): Promise<void> {
  await tx.query(`insert into citizen_codes (contact_hash, code_hash, expires_at) values ($1, $2, now() + make_interval(mins => $3))`, [contactHash, codeHash, minutes]);
}

/** Whether any petition was sent with the contact. */
export async function contactKnown(tx: Db, contactHash: string): Promise<boolean> {
  const [known] = await tx.query('select 1 from petition_contacts where contact_hash = $1 limit 1', [contactHash]);
  return !!known;
}

/** The contact's latest unused, unexpired code, locked until the transaction ends. */
export async function lockLatestCode(tx: Db, contactHash: string): Promise<{ id: number; code_hash: string; attempts: number } | undefined> {
  const [c] = await tx.query<{ id: number; code_hash: string; attempts: number }>(
    `select id, code_hash, attempts from citizen_codes
        where contact_hash = $1 and used_at is null and expires_at > now() order by created_at desc limit 1 for update`,
    [contactHash],
  );
  return c;
}

export async function countCodeAttempt(tx: Db, id: number): Promise<void> {
  await tx.query('update citizen_codes set attempts = attempts + 1 where id = $1', [id]);
}

export async function markCodeUsed(tx: Db, id: number): Promise<void> {
  await tx.query('update citizen_codes set used_at = now() where id = $1', [id]);
}

/** The latest 100 petitions sent with the contact. */
export async function listPetitionsByContact(tx: Db, contactHash: string): Promise<MyPetitions['items']> {
  return tx.query<MyPetitions['items'][number]>(
    `select p.tracking_code as "trackingCode", p.kind, ${unitNameAt('p.unit_id', 'p.received_on')} as "unitName",
              p.received_on as "receivedOn", p.state
         from petition_contacts pc join petitions p on p.id = pc.petition_id
        where pc.contact_hash = $1 order by p.received_on desc, p.id desc limit 100`,
    [contactHash],
  );
}
