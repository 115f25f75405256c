import crypto from 'node:crypto';
import type { MyPetitions, PetitionKind, PetitionState } from '@contract/petitions';
import type { Db } from '../../db/db';
import { AppError } from '../../platform/errors';
import { addressHash } from '../petitions/public-service';
import { unitNameAt } from '../petitions/queries';
import { contactHash, contactsOf, parseContact, sealContact } from './contacts';
import { enqueue } from './outbox';

export const CODE_MINUTES = 10;
const CODES_PER_HOUR = 3;
const CODE_TRIES = 5;
const codeHash = (contact: string, code: string) => addressHash(`code:${contact}:${code}`);

/** Keeps the contacts a citizen gave with a petition and tells them its tracking code (same transaction). */
export async function rememberContacts(
  tx: Db,
  petitionId: number,
  input: { phone?: string | null; email?: string | null },
  facts: { trackingCode: string; kind: PetitionKind; unitName: string; receivedOn: string },
): Promise<number> {
  const contacts = contactsOf(input);
  for (const c of contacts) {
    await tx.query(`insert into petition_contacts (petition_id, channel, contact_hash, contact) values ($1, $2, $3, $4)`, [petitionId, c.channel, contactHash(c), sealContact(c)]);
    await enqueue(tx, c, { template: 'petition.received', payload: facts }, petitionId);
  }
  return contacts.length;
}

/** Each state change reaches the contacts the citizen gave (nothing else of the petition is sent). */
export async function notifyStatus(tx: Db, petitionId: number, state: PetitionState, date: string): Promise<void> {
  const rows = await tx.query<{ channel: 'email' | 'sms'; contact: Uint8Array; tracking_code: string }>(
    `select c.channel, c.contact, p.tracking_code from petition_contacts c join petitions p on p.id = c.petition_id where c.petition_id = $1`,
    [petitionId],
  );
  for (const r of rows) {
    await tx.query(`insert into notification_outbox (channel, recipient, template, payload, petition_id) values ($1, $2, 'petition.status', $3, $4)`, [
      r.channel,
      r.contact,
      JSON.stringify({ trackingCode: r.tracking_code, state, date }),
      petitionId,
    ]);
  }
}

/**
 * Sends a one-time code to a contact. The answer is the same whether or not any petition was sent
 * with it, so the form cannot be used to learn who petitioned; a code is sent only where there is one.
 */
export async function requestCode(db: Db, raw: string): Promise<{ sent: true; minutes: number }> {
  const contact = parseContact(raw);
  const hash = contactHash(contact);
  return db.tx(async (tx) => {
    if (tx.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(hashtext($1))', [hash]);
    const [{ n }] = await tx.query<{ n: number }>(`select count(*)::int as n from citizen_codes where contact_hash = $1 and created_at > now() - interval '1 hour'`, [hash]);
    if (n >= CODES_PER_HOUR) throw new AppError('NOTIFY_CODE_LIMIT');
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await tx.query(`insert into citizen_codes (contact_hash, code_hash, expires_at) values ($1, $2, now() + make_interval(mins => $3))`, [
      hash,
      codeHash(hash, code),
      CODE_MINUTES,
    ]);
    const [known] = await tx.query('select 1 from petition_contacts where contact_hash = $1 limit 1', [hash]);
    if (known) await enqueue(tx, contact, { template: 'citizen.code', payload: { code, minutes: CODE_MINUTES } });
    return { sent: true as const, minutes: CODE_MINUTES };
  });
}

/** The petitions sent with a contact, once the citizen shows the code sent to it (a code works once). */
export async function myPetitions(db: Db, raw: string, code: string): Promise<MyPetitions> {
  const hash = contactHash(parseContact(raw));
  const result = await db.tx(async (tx) => {
    const [c] = await tx.query<{ id: number; code_hash: string; attempts: number }>(
      `select id, code_hash, attempts from citizen_codes
        where contact_hash = $1 and used_at is null and expires_at > now() order by created_at desc limit 1 for update`,
      [hash],
    );
    if (!c || c.attempts >= CODE_TRIES) return null;
    if (!crypto.timingSafeEqual(Buffer.from(c.code_hash), Buffer.from(codeHash(hash, code)))) {
      // A wrong try is counted (and committed): five and the code is spent.
      await tx.query('update citizen_codes set attempts = attempts + 1 where id = $1', [c.id]);
      return null;
    }
    await tx.query('update citizen_codes set used_at = now() where id = $1', [c.id]);
    const items = await tx.query<{ trackingCode: string; kind: PetitionKind; unitName: string; receivedOn: string; state: PetitionState }>(
      `select p.tracking_code as "trackingCode", p.kind, ${unitNameAt('p.unit_id', 'p.received_on')} as "unitName",
              p.received_on as "receivedOn", p.state
         from petition_contacts pc join petitions p on p.id = pc.petition_id
        where pc.contact_hash = $1 order by p.received_on desc, p.id desc limit 100`,
      [hash],
    );
    return { items };
  });
  if (!result) throw new AppError('NOTIFY_CODE_INVALID');
  return result;
}
