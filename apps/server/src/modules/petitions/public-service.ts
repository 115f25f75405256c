import crypto from 'node:crypto';
import type { PublicPetitionInput, PublicPetitionStatus } from '@contract/petitions';
import type { Db } from '../../db/db';
import { today } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { sealIdentity } from './identity';
import { unitNameAt } from './queries';
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
  const rows = await db.query<{ id: number; level: string; current: boolean; name: string }>(
    `select u.id, u.level, u.valid_from <= $2::date and $2::date < u.valid_to as current, ${unitNameAt('u.id', '$2::date')} as name
       from units u where u.code = $1 and u.level in ('commune', 'village') and u.valid_from <= $2::date
      order by (u.valid_from <= $2::date and $2::date < u.valid_to) desc, u.valid_to desc limit 1`,
    [code, on],
  );
  const u = rows[0];
  if (!u) throw new AppError('PETITION_UNIT_UNKNOWN', { unitCode: code });
  if (u.current) {
    if (u.level !== 'commune') throw new AppError('PETITION_UNIT_LEVEL', { unitCode: code });
    return { id: u.id, name: u.name };
  }
  const [s] = await db.query<{ id: number; code: string; name: string }>(
    `select s.id, s.code, ${unitNameAt('s.id', '$2::date')} as name
       from unit_lineage_closure l join units s on s.id = l.successor_id
      where l.predecessor_id = $1 and s.id <> $1 and s.level = 'commune' and s.valid_from <= $2::date and $2::date < s.valid_to
      order by s.valid_from desc, s.code limit 1`,
    [u.id, on],
  );
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
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['petition-flood:' + source]);
    const [flood] = await tx.query<{ recent: number; day: number }>(
      `select count(*) filter (where created_at > now() - make_interval(mins => $2))::int as recent, count(*)::int as day
         from petitions where source_hash = $1 and created_at > now() - interval '1 day'`,
      [source, FLOOD_LIMIT.windowMinutes],
    );
    if (flood.recent >= FLOOD_LIMIT.perWindow || flood.day >= FLOOD_LIMIT.perDay) throw new AppError('PETITION_RATE_LIMITED');
    const [dup] = await tx.query<{ id: number }>(`select id from petitions where content_hash = $1 and created_at > now() - interval '30 days' limit 1`, [
      contentHash(unit.id, title, content),
    ]);
    if (dup) throw new AppError('PETITION_DUPLICATE');
    // Someone is named from the start: the unit's full-time staff (else its standing committee) until reassigned.
    const [handler] = await tx.query<{ id: number }>(
      `select id from users where unit_id = $1 and active and role in ('unit_staff', 'standing_committee')
        order by (role = 'unit_staff') desc, id limit 1`,
      [unit.id],
    );
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
      await tx.query(`insert into petition_attachments (petition_id, purpose, filename, mime, size, sha256, data) values ($1, 'petition', $2, $3, $4, $5, $6)`, [
        id,
        f.filename,
        f.mime,
        f.data.length,
        f.sha256,
        f.data,
      ]);
    }
    const [{ tracking_code }] = await tx.query<{ tracking_code: string }>('select tracking_code from petitions where id = $1', [id]);
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
  // One round trip: the petition with its timeline (a public page is the hottest read).
  const [p] = await db.query<{
    kind: PublicPetitionStatus['kind'];
    unit_name: string;
    received_on: string;
    state: PublicPetitionStatus['state'];
    due_on: string | null;
    answered_on: string | null;
    answer_in_writing: boolean | null;
    answer_summary: string | null;
    answer_public: boolean;
    events: Array<{ date: string; state: PublicPetitionStatus['state']; action: string; agencyName: string | null }>;
  }>(
    `select p.kind, ${unitNameAt('p.unit_id', 'p.received_on')} as unit_name, p.received_on, p.state, p.due_on,
            p.answered_on, p.answer_in_writing, p.answer_summary, p.answer_public,
            (select coalesce(json_agg(json_build_object('date', to_char(e.on_date, 'YYYY-MM-DD'), 'state', e.to_state, 'action', e.action,
                                                        'agencyName', a.name) order by e.id), '[]'::json)
               from petition_events e left join petition_agencies a on a.id = e.agency_id where e.petition_id = p.id) as events
       from petitions p where p.tracking_code = $1`,
    [code],
  );
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
