import type { PublicPetitionStatus } from '@contract/petitions';
import type { Db } from '../../db/db';
import { unitNameAt } from './queries';

// The public form, tracking page and unit picker (public-service.ts, export.ts).

/** The ward, commune or village with this code on the date, a current one first (its latest otherwise). */
export async function findUnitByCode(db: Db, code: string, on: string): Promise<{ id: number; level: string; current: boolean; name: string } | undefined> {
  const rows = await db.query<{ id: number; level: string; current: boolean; name: string }>(
    `select u.id, u.level, u.valid_from <= $2::date and $2::date < u.valid_to as current, ${unitNameAt('u.id', '$2::date')} as name
       from units u where u.code = $1 and u.level in ('commune', 'village') and u.valid_from <= $2::date
      order by (u.valid_from <= $2::date and $2::date < u.valid_to) desc, u.valid_to desc limit 1`,
    [code, on],
  );
  return rows[0];
}

/** The commune that an ended unit's history rolled into, valid on the date. */
export async function findCommuneSuccessor(db: Db, unitId: number, on: string): Promise<{ id: number; code: string; name: string } | undefined> {
  const [s] = await db.query<{ id: number; code: string; name: string }>(
    `select s.id, s.code, ${unitNameAt('s.id', '$2::date')} as name
       from unit_lineage_closure l join units s on s.id = l.successor_id
      where l.predecessor_id = $1 and s.id <> $1 and s.level = 'commune' and s.valid_from <= $2::date and $2::date < s.valid_to
      order by s.valid_from desc, s.code limit 1`,
    [unitId, on],
  );
  return s;
}

/** Holds a transaction-scoped advisory lock on the key until commit or rollback. */
export async function advisoryXactLock(tx: Db, key: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** Submissions from one address hash: within the last `windowMinutes`, and within the last day. */
export async function countRecentSubmissions(tx: Db, sourceHash: string, windowMinutes: number): Promise<{ recent: number; day: number }> {
  const [flood] = await tx.query<{ recent: number; day: number }>(
    `select count(*) filter (where created_at > now() - make_interval(mins => $2))::int as recent, count(*)::int as day
         from petitions where source_hash = $1 and created_at > now() - interval '1 day'`,
    [sourceHash, windowMinutes],
  );
  return flood;
}

/** A petition with the same content hash from the last 30 days. */
export async function findRecentDuplicate(tx: Db, contentHash: string): Promise<{ id: number } | undefined> {
  const [dup] = await tx.query<{ id: number }>(`select id from petitions where content_hash = $1 and created_at > now() - interval '30 days' limit 1`, [contentHash]);
  return dup;
}

/** The unit's first full-time staff member, else its first standing committee member. */
export async function findDefaultHandler(tx: Db, unitId: number): Promise<{ id: number } | undefined> {
  const [handler] = await tx.query<{ id: number }>(
    `select id from users where unit_id = $1 and active and role in ('unit_staff', 'standing_committee')
        order by (role = 'unit_staff') desc, id limit 1`,
    [unitId],
  );
  return handler;
}

export async function insertPublicAttachment(tx: Db, a: { petitionId: number; filename: string; mime: string; size: number; sha256: string; data: Buffer }): Promise<void> {
  await tx.query(`insert into petition_attachments (petition_id, purpose, filename, mime, size, sha256, data) values ($1, 'petition', $2, $3, $4, $5, $6)`, [
    a.petitionId,
    a.filename,
    a.mime,
    a.size,
    a.sha256,
    a.data,
  ]);
}

export async function trackingCodeOf(tx: Db, petitionId: number): Promise<string> {
  const [{ tracking_code }] = await tx.query<{ tracking_code: string }>('select tracking_code from petitions where id = $1', [petitionId]);
  return tracking_code;
}

export type PublicStatusRow = {
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
};

/** One round trip: the petition with its timeline (a public page is the hottest read). */
export async function findPublicStatus(db: Db, trackingCode: string): Promise<PublicStatusRow | undefined> {
  const [p] = await db.query<PublicStatusRow>(
    `select p.kind, ${unitNameAt('p.unit_id', 'p.received_on')} as unit_name, p.received_on, p.state, p.due_on,
            p.answered_on, p.answer_in_writing, p.answer_summary, p.answer_public,
            (select coalesce(json_agg(json_build_object('date', to_char(e.on_date, 'YYYY-MM-DD'), 'state', e.to_state, 'action', e.action,
                                                        'agencyName', a.name) order by e.id), '[]'::json)
               from petition_events e left join petition_agencies a on a.id = e.agency_id where e.petition_id = p.id) as events
       from petitions p where p.tracking_code = $1`,
    [trackingCode],
  );
  return p;
}

/**
 * Communes valid on the date whose code is `code`, or whose name on that date contains `term` (normalised
 * without diacritics); all of them when `term` is empty. The name is null for a unit still being created.
 */
export async function listPublicUnits(db: Db, on: string, term: string, code: string, limit: number): Promise<{ code: string; name: string | null }[]> {
  return db.query<{ code: string; name: string | null }>(
    `select u.code, ${unitNameAt('u.id', '$1::date')} as name from units u
      where u.level = 'commune' and u.valid_from <= $1::date and $1::date < u.valid_to
        and ($2 = '' or u.code = $3 or exists (select 1 from unit_versions v where v.unit_id = u.id and v.valid_from <= $1::date
                                              and $1::date < v.valid_to and v.name_search like '%' || $2 || '%'))
      limit $4`,
    [on, term, code, limit],
  );
}
