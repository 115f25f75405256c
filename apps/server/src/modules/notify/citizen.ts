import crypto from 'node:crypto';
import type { MyPetitions, PetitionKind, PetitionState } from '@contract/petitions';
import type { Db } from '../../db/db';
import { AppError } from '../../platform/errors';
import { addressHash } from '../petitions/public-service';
import { contactHash, contactsOf, parseContact, sealContact } from './contacts';
import { enqueue } from './outbox';
import {
  advisoryXactLock,
  contactKnown,
  countCodeAttempt,
  countRecentCodes,
  insertCitizenCode,
  insertPetitionContact,
  insertStatusMessage,
  listPetitionContacts,
  listPetitionsByContact,
  lockLatestCode,
  markCodeUsed,
} from './queries';

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
    await insertPetitionContact(tx, petitionId, c.channel, contactHash(c), sealContact(c));
    await enqueue(tx, c, { template: 'petition.received', payload: facts }, petitionId);
  }
  return contacts.length;
}

/** Each state change reaches the contacts the citizen gave (nothing else of the petition is sent). */
export async function notifyStatus(tx: Db, petitionId: number, state: PetitionState, date: string): Promise<void> {
  const rows = await listPetitionContacts(tx, petitionId);
  for (const r of rows) {
    await insertStatusMessage(tx, { channel: r.channel, recipient: r.contact, payload: { trackingCode: r.tracking_code, state, date }, petitionId });
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
    if (tx.kind === 'postgres') await advisoryXactLock(tx, hash);
    if ((await countRecentCodes(tx, hash)) >= CODES_PER_HOUR) throw new AppError('NOTIFY_CODE_LIMIT');
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await insertCitizenCode(tx, hash, codeHash(hash, code), CODE_MINUTES);
    if (await contactKnown(tx, hash)) await enqueue(tx, contact, { template: 'citizen.code', payload: { code, minutes: CODE_MINUTES } });
    return { sent: true as const, minutes: CODE_MINUTES };
  });
}

/** The petitions sent with a contact, once the citizen shows the code sent to it (a code works once). */
export async function myPetitions(db: Db, raw: string, code: string): Promise<MyPetitions> {
  const hash = contactHash(parseContact(raw));
  const result = await db.tx(async (tx) => {
    const c = await lockLatestCode(tx, hash);
    if (!c || c.attempts >= CODE_TRIES) return null;
    if (!crypto.timingSafeEqual(Buffer.from(c.code_hash), Buffer.from(codeHash(hash, code)))) {
      // A wrong try is counted (and committed): five and the code is spent.
      await countCodeAttempt(tx, c.id);
      return null;
    }
    await markCodeUsed(tx, c.id);
    const items = await listPetitionsByContact(tx, hash);
    return { items };
  });
  if (!result) throw new AppError('NOTIFY_CODE_INVALID');
  return result;
}
