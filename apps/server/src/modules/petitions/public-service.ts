import crypto from 'node:crypto';
import type { PublicPetitionInput, PublicPetitionStatus } from '@contract/petitions';
import type { Db } from '../../db/db';
import { today } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { sealIdentity } from './identity';
import {
  advisoryXactLock,
  countRecentSubmissions,
  findCommuneSuccessor,
  findDefaultHandler,
  findPublicStatus,
  findRecentDuplicate,
  findUnitByCode,
  insertPublicAttachment,
  trackingCodeOf,
} from './queries-public';
import { checkUploads, contentHash, parseTrackingCode, plainText, type Upload } from './rules';
import { insertPetition } from './service';
import { rememberContacts } from '../notify/citizen';

/** Floods: at most this many submissions per address in the window, and per day. */
export const FLOOD_LIMIT = { perWindow: 5, windowMinutes: 15, perDay: 20 };

// Addresses are kept only as a keyed hash: enough to recognise a flood, not to tell who sent it. The salt
// is PETITION_ADDRESS_SALT (required in production, platform/keys.ts); a fixed one serves development.
const addressSalt = () =>
  crypto
    .createHash('sha256')
    .update(process.env.PETITION_ADDRESS_SALT || 'doanket-dev-address-salt')
    .digest();
export const addressHash = (ip: string) => crypto.createHmac('sha256', addressSalt()).update(ip).digest('hex').slice(0, 32);

/**
 * The ward or commune a citizen addresses by its official code today. A unit that has ended is
 * refused with its successor's name, so the citizen knows where to send it.
 */
export async function unitForCode(db: Db, code: string, on = today()): Promise<{ id: number; name: string }> {
  const u = await findUnitByCode(db, code, on);
  if (!u) throw new AppError('PETITION_UNIT_UNKNOWN', { unitCode: code });
  if (u.current) {
    if (u.level !== 'commune') throw new AppError('PETITION_UNIT_LEVEL', { unitCode: code });
    return { id: u.id, name: u.name };
  }
  const s = await findCommuneSuccessor(db, u.id, on);
  throw new AppError('PETITION_UNIT_ENDED', {
    unitName: u.name,
    successorName: s?.name ?? 'đơn vị kế thừa',
    successorCode: s?.code ?? null,
  });
}

/** A petition from the public form: anonymous unless the citizen gives an identity (stored encrypted). */
export async function submitPublic(db: Db, input: PublicPetitionInput, ip: string, files: Upload[] = []): Promise<{ trackingCode: string }> {
  const uploads = checkUploads(files);
  const title = plainText(input.title);
  const content = plainText(input.content);
  if (!title || !content) throw new AppError('PETITION_EMPTY_TEXT');
  const source = addressHash(ip);
  return db.tx(async (tx) => {
    const unit = await unitForCode(tx, input.unitCode);
    // Submissions from one address wait for each other, so parallel requests cannot all pass the count.
    await advisoryXactLock(tx, 'petition-flood:' + source);
    const flood = await countRecentSubmissions(tx, source, FLOOD_LIMIT.windowMinutes);
    if (flood.recent >= FLOOD_LIMIT.perWindow || flood.day >= FLOOD_LIMIT.perDay) throw new AppError('PETITION_RATE_LIMITED');
    const dup = await findRecentDuplicate(tx, contentHash(unit.id, title, content));
    if (dup) throw new AppError('PETITION_DUPLICATE');
    // Someone is named from the start: the unit's full-time staff (else its standing committee) until reassigned.
    const handler = await findDefaultHandler(tx, unit.id);
    const id = await insertPetition(
      tx,
      {
        unitId: unit.id,
        channel: 'web',
        kind: input.kind,
        field: input.field ?? 'khac',
        title,
        content,
        receivedOn: today(),
        handlerId: handler?.id ?? null,
        identity: sealIdentity(input),
        sourceHash: source,
        receptionId: null,
        meetingId: null,
        reportId: null,
      },
      null,
    );
    for (const f of uploads) {
      await insertPublicAttachment(tx, { petitionId: id, filename: f.filename, mime: f.mime, size: f.data.length, sha256: f.sha256, data: f.data });
    }
    const tracking_code = await trackingCodeOf(tx, id);
    const told = await rememberContacts(tx, id, input, { trackingCode: tracking_code, kind: input.kind, unitName: unit.name, receivedOn: today() });
    await audit(tx, null, {
      action: 'create',
      entity: 'petition',
      entityId: id,
      unitId: unit.id,
      after: { trackingCode: tracking_code, channel: 'web', kind: input.kind, attachments: uploads.length, title, contacts: told },
    });
    return { trackingCode: tracking_code };
  });
}

/** The public status page: states, dates, the agency and the published answer; nothing personal. */
export async function trackPublic(db: Db, raw: string): Promise<PublicPetitionStatus> {
  const code = parseTrackingCode(raw);
  const p = await findPublicStatus(db, code);
  if (!p) throw new AppError('PETITION_NOT_FOUND');
  const events = p.events;
  const published = p.answer_public && p.answered_on && p.answer_summary && ['answered', 'informed', 'closed'].includes(p.state);
  return {
    trackingCode: code,
    kind: p.kind,
    unitName: p.unit_name,
    receivedOn: p.received_on,
    state: p.state,
    dueOn: p.due_on,
    timeline: events,
    answer: published ? { date: p.answered_on!, inWriting: !!p.answer_in_writing, summary: p.answer_summary! } : null,
  };
}
