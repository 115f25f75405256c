import type { DeadlineRule, PetitionDetail, PetitionItem, PetitionKind, PetitionListQuery, PetitionPage } from '@contract/petitions';
import type { Db } from '../../db/db';
import { scopeCondition, today, type CurrentUser } from '../../platform/access';
import { Where } from '../../platform/sql';

export const unitNameAt = (unitExpr: string, dateExpr: string) => `(select v.name from unit_versions v where v.unit_id = ${unitExpr}
   order by (v.valid_from <= ${dateExpr} and ${dateExpr} < v.valid_to) desc, v.valid_from desc limit 1)`;

/**
 * The places a unit's subtree covered through its history (its own and its predecessors' subtrees),
 * each with the interval it covered: facts join it on unit and date. Same rule as the access scope.
 */
export const PLACES_SQL = (unitParam: string) => `select distinct c.descendant_id as unit_id, c.valid_from, c.valid_to
   from unit_lineage_closure l join unit_closure c on c.ancestor_id = l.predecessor_id where l.successor_id = ${unitParam}`;

export async function deadlineRules(db: Db): Promise<Record<PetitionKind, DeadlineRule>> {
  const rows = await db.query<DeadlineRule>(
    `select kind, accept_days as "acceptDays", answer_days as "answerDays", complex_answer_days as "complexAnswerDays",
            extension_days as "extensionDays", max_extensions as "maxExtensions", result_notice_days as "resultNoticeDays"
       from petition_deadline_rules order by kind`,
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r])) as Record<PetitionKind, DeadlineRule>;
}

export async function deadlineRule(db: Db, kind: PetitionKind): Promise<DeadlineRule> {
  return (await deadlineRules(db))[kind];
}

type ItemRow = {
  id: number;
  tracking_code: string;
  unit_id: number;
  unit_name: string;
  channel: PetitionItem['channel'];
  kind: PetitionKind;
  field: PetitionItem['field'];
  title: string;
  received_on: string;
  state: PetitionItem['state'];
  due_on: string | null;
  handler_id: number | null;
  handler_name: string | null;
  agency_name: string | null;
};

// Only public-safe columns: the identity column is never selected in lists.
const ITEM_COLUMNS = `p.id, p.tracking_code, p.unit_id, ${unitNameAt('p.unit_id', 'p.received_on')} as unit_name, p.channel, p.kind,
  p.field, p.title, p.received_on, p.state, p.due_on, p.handler_id, h.display_name as handler_name, a.name as agency_name`;
const ITEM_JOINS = `left join users h on h.id = p.handler_id left join petition_agencies a on a.id = p.agency_id`;

const toItem = (r: ItemRow, on: string): PetitionItem => ({
  id: r.id,
  trackingCode: r.tracking_code,
  unitId: r.unit_id,
  unitName: r.unit_name,
  channel: r.channel,
  kind: r.kind,
  field: r.field,
  title: r.title,
  receivedOn: r.received_on,
  state: r.state,
  dueOn: r.due_on,
  overdue: r.due_on !== null && r.due_on < on,
  handlerId: r.handler_id,
  handlerName: r.handler_name,
  agencyName: r.agency_name,
});

/**
 * Petitions in the user's scope, optionally of one unit's subtree (through its history). Overdue:
 * open with its current due date before today. Open items are found through the partial index on
 * (unit_id, due_on), so the overdue list of a province does not read closed items.
 */
export async function listPetitions(db: Db, user: CurrentUser, q: PetitionListQuery, on = today()): Promise<PetitionPage> {
  const w = new Where();
  const unit = q.unit ?? (user.role === 'admin' ? undefined : (user.unitId ?? undefined));
  let from = 'petitions p';
  if (unit !== undefined) {
    from = `(${PLACES_SQL(`$${w.params.push(unit)}::bigint`)}) s
      join petitions p on p.unit_id = s.unit_id and p.received_on >= s.valid_from and p.received_on < s.valid_to`;
  }
  // The user's own unit's places are exactly the user's scope: the per-row check would repeat the join.
  if (unit === undefined || unit !== user.unitId) w.scoped((n) => scopeCondition(user, 'p.unit_id', 'p.received_on', n));
  if (q.overdue) w.add((p) => `p.due_on < ${p(on)}::date`);
  if (q.dueWithin !== undefined) w.add((p) => `p.due_on >= ${p(on)}::date and p.due_on <= ${p(on)}::date + ${p(q.dueWithin)}::int`);
  if (q.state) w.add((p) => `p.state = ${p(q.state)}`);
  if (q.kind) w.add((p) => `p.kind = ${p(q.kind)}`);
  if (q.channel) w.add((p) => `p.channel = ${p(q.channel)}`);
  const order = q.overdue || q.dueWithin !== undefined ? 'p.due_on, p.id' : 'p.received_on desc, p.id desc';
  // One pass over the matching rows: the page's ids with the total, then the columns for those ids only.
  const rows = await db.query<ItemRow & { total: number }>(
    `with page as (select p.id, count(*) over ()::int as total from ${from} where ${w.sql}
                    order by ${order} limit ${Number(q.limit)} offset ${Number(q.offset)})
     select ${ITEM_COLUMNS}, page.total from page join petitions p on p.id = page.id ${ITEM_JOINS} order by ${order}`,
    w.params,
  );
  let total = rows[0]?.total ?? 0;
  if (!rows.length && q.offset > 0) {
    [{ n: total }] = await db.query<{ n: number }>(`select count(*)::int as n from ${from} where ${w.sql}`, w.params);
  }
  return { items: rows.map((r) => toItem(r, on)), total };
}

export type PetitionFacts = {
  id: number;
  unit_id: number;
  kind: PetitionKind;
  state: PetitionItem['state'];
  received_on: string;
  forwarded_on: string | null;
  complex: boolean;
  extensions: number;
  has_identity: boolean;
  answered_on: string | null;
  informed_on: string | null;
};

export async function petitionFacts(db: Db, id: number): Promise<PetitionFacts | undefined> {
  const [r] = await db.query<PetitionFacts>(
    `select id, unit_id, kind, state, received_on, forwarded_on, complex, extensions, identity_enc is not null as has_identity,
            answered_on, informed_on
       from petitions where id = $1`,
    [id],
  );
  return r;
}

type DetailRow = ItemRow & {
  content: string;
  accept_due_on: string;
  answer_due_on: string | null;
  complex: boolean;
  extensions: number;
  agency_id: number | null;
  forward_letter_no: string | null;
  forward_letter_date: string | null;
  forwarded_on: string | null;
  decline_reason: string | null;
  answered_on: string | null;
  answer_in_writing: boolean | null;
  answer_doc_no: string | null;
  answer_summary: string | null;
  answer_public: boolean;
  informed_on: string | null;
  closed_on: string | null;
  has_identity: boolean;
};

export type DetailBase = Omit<PetitionDetail, 'identityProtected' | 'canReadIdentity' | 'canWrite' | 'allowedActions'>;

export async function petitionDetail(db: Db, id: number, on = today()): Promise<DetailBase | undefined> {
  const [r] = await db.query<DetailRow>(
    `select ${ITEM_COLUMNS}, p.content, p.accept_due_on, p.answer_due_on, p.complex, p.extensions, p.agency_id, p.forward_letter_no,
            p.forward_letter_date, p.forwarded_on, p.decline_reason, p.answered_on, p.answer_in_writing, p.answer_doc_no,
            p.answer_summary, p.answer_public, p.informed_on, p.closed_on, p.identity_enc is not null as has_identity
       from petitions p ${ITEM_JOINS} where p.id = $1`,
    [id],
  );
  if (!r) return undefined;
  const [events, attachments] = await Promise.all([
    db.query<PetitionDetail['events'][number]>(
      `select e.id, e.on_date as "onDate", e.action, e.from_state as "fromState", e.to_state as "toState",
              u.display_name as "actorName", ${unitNameAt('e.actor_unit_id', 'e.on_date')} as "actorUnitName", e.note
         from petition_events e left join users u on u.id = e.actor_id where e.petition_id = $1 order by e.id`,
      [id],
    ),
    db.query<PetitionDetail['attachments'][number]>('select id, purpose, filename, mime, size from petition_attachments where petition_id = $1 order by id', [id]),
  ]);
  return {
    ...toItem(r, on),
    content: r.content,
    acceptDueOn: r.accept_due_on,
    answerDueOn: r.answer_due_on,
    complex: r.complex,
    extensions: r.extensions,
    agencyId: r.agency_id,
    forwardLetterNo: r.forward_letter_no,
    forwardLetterDate: r.forward_letter_date,
    forwardedOn: r.forwarded_on,
    declineReason: r.decline_reason,
    answeredOn: r.answered_on,
    answerInWriting: r.answer_in_writing,
    answerDocNo: r.answer_doc_no,
    answerSummary: r.answer_summary,
    answerPublic: r.answer_public,
    informedOn: r.informed_on,
    closedOn: r.closed_on,
    hasIdentity: r.has_identity,
    events,
    attachments,
  };
}

// ---------- the petition's own writes and checks (service.ts) ----------

/** Whether the unit existed on the date (undefined when there is no such unit). */
export async function unitValidOn(db: Db, unitId: number, date: string): Promise<{ ok: boolean }> {
  const [u] = await db.query<{ ok: boolean }>('select valid_from <= $2::date and $2::date < valid_to as ok from units where id = $1', [unitId, date]);
  return u;
}

/** How many of the petitions `ids` lie in the user's scope. */
export async function countPetitionsInScope(db: Db, user: CurrentUser, ids: number[]): Promise<number> {
  const scope = scopeCondition(user, 'p.unit_id', 'p.received_on', 2);
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from petitions p where p.id = any($1::bigint[]) and ${scope.sql}`, [ids, ...scope.params]);
  return r.n;
}

export type PetitionRow = {
  trackingCode: string;
  unitId: number;
  channel: string;
  kind: PetitionKind;
  field: string;
  title: string;
  content: string;
  receivedOn: string;
  /** The accept deadline, also the first due date. */
  acceptDueOn: string;
  handlerId: number | null;
  identity: Buffer | null;
  sourceHash: string | null;
  contentHash: string;
  receptionId: number | null;
  meetingId: number | null;
  reportId: number | null;
};

export async function insertPetitionRow(tx: Db, p: PetitionRow): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into petitions (tracking_code, unit_id, channel, kind, field, title, content, received_on, accept_due_on, due_on, handler_id,
                            identity_enc, source_hash, content_hash, reception_id, meeting_id, report_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16) returning id`,
    [
      p.trackingCode,
      p.unitId,
      p.channel,
      p.kind,
      p.field,
      p.title,
      p.content,
      p.receivedOn,
      p.acceptDueOn,
      p.handlerId,
      p.identity,
      p.sourceHash,
      p.contentHash,
      p.receptionId,
      p.meetingId,
      p.reportId,
    ],
  );
  return id;
}

/** The first timeline entry of a petition: received (by an officer, or from the public form without actor). */
export async function insertReceiveEvent(tx: Db, petitionId: number, onDate: string, actorId: number | null, actorUnitId: number | null): Promise<void> {
  await tx.query(
    `insert into petition_events (petition_id, on_date, action, from_state, to_state, actor_id, actor_unit_id)
     values ($1, $2, 'receive', null, 'received', $3, $4)`,
    [petitionId, onDate, actorId, actorUnitId],
  );
}

/** Locks the petition's row for a state change; undefined when there is none. */
export async function lockPetition(tx: Db, id: number): Promise<{ id: number } | undefined> {
  const [locked] = await tx.query<{ id: number }>('select id from petitions where id = $1 for update', [id]);
  return locked;
}

/** The date of the petition's latest timeline entry (null without one). */
export async function lastEventDate(db: Db, petitionId: number): Promise<string | null> {
  const [last] = await db.query<{ d: string | null }>('select max(on_date) as d from petition_events where petition_id = $1', [petitionId]);
  return last.d;
}

export async function setPetitionHandler(tx: Db, id: number, handlerId: number): Promise<void> {
  await tx.query('update petitions set handler_id = $2 where id = $1', [id, handlerId]);
}

export async function declinePetition(tx: Db, id: number, reason: string): Promise<void> {
  await tx.query('update petitions set decline_reason = $2, due_on = null where id = $1', [id, reason]);
}

/** Forwarding starts the answer anew: the earlier answer, notice and closing are cleared. */
export async function forwardPetition(
  tx: Db,
  id: number,
  v: { agencyId: number; letterNo: string; letterDate: string; forwardedOn: string; complex: boolean; answerDueOn: string },
): Promise<void> {
  await tx.query(
    `update petitions set agency_id = $2, forward_letter_no = $3, forward_letter_date = $4, forwarded_on = $5, complex = $6,
                  extensions = 0, answer_due_on = $7, due_on = $7, answered_on = null, answer_in_writing = null, answer_doc_no = null,
                  answer_summary = null, answer_public = false, informed_on = null, closed_on = null
            where id = $1`,
    [id, v.agencyId, v.letterNo, v.letterDate, v.forwardedOn, v.complex, v.answerDueOn],
  );
}

export async function extendPetition(tx: Db, id: number, answerDueOn: string): Promise<void> {
  await tx.query('update petitions set extensions = extensions + 1, answer_due_on = $2, due_on = $2 where id = $1', [id, answerDueOn]);
}

export async function answerPetition(tx: Db, id: number, v: { answeredOn: string; inWriting: boolean; docNo: string | null; summary: string; publish: boolean }): Promise<void> {
  await tx.query(
    `update petitions set answered_on = $2, answer_in_writing = $3, answer_doc_no = $4, answer_summary = $5, answer_public = $6,
                  due_on = null where id = $1`,
    [id, v.answeredOn, v.inWriting, v.docNo, v.summary, v.publish],
  );
}

export async function setPetitionInformed(tx: Db, id: number, date: string): Promise<void> {
  await tx.query('update petitions set informed_on = $2 where id = $1', [id, date]);
}

export async function closePetition(tx: Db, id: number, date: string): Promise<void> {
  await tx.query('update petitions set closed_on = $2 where id = $1', [id, date]);
}

export async function reopenPetition(tx: Db, id: number, acceptDueOn: string): Promise<void> {
  await tx.query('update petitions set closed_on = null, accept_due_on = $2, due_on = $2 where id = $1', [id, acceptDueOn]);
}

export async function setPetitionState(tx: Db, id: number, state: PetitionItem['state']): Promise<void> {
  await tx.query('update petitions set state = $2 where id = $1', [id, state]);
}

export async function clearPetitionDue(tx: Db, id: number): Promise<void> {
  await tx.query('update petitions set due_on = null where id = $1', [id]);
}

export async function insertPetitionEvent(
  tx: Db,
  e: {
    petitionId: number;
    onDate: string;
    action: string;
    fromState: PetitionItem['state'];
    toState: PetitionItem['state'];
    actorId: number;
    actorUnitId: number | null;
    agencyId: number | null;
    note: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into petition_events (petition_id, on_date, action, from_state, to_state, actor_id, actor_unit_id, agency_id, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.petitionId, e.onDate, e.action, e.fromState, e.toState, e.actorId, e.actorUnitId, e.agencyId, e.note],
  );
}

/** Whether an active agency serves the unit (or its successor) or a level above it. */
export async function agencyServesUnit(db: Db, agencyId: number, unitId: number): Promise<boolean> {
  const rows = await db.query(
    `select 1 from petition_agencies a where a.id = $1 and a.active and exists (
       select 1 from unit_lineage_closure l join unit_closure c on c.descendant_id = l.successor_id
        where l.predecessor_id = $2 and c.ancestor_id = a.unit_id)`,
    [agencyId, unitId],
  );
  return rows.length > 0;
}

export async function activeUserRole(db: Db, userId: number): Promise<{ role: string; unit_id: number | null } | undefined> {
  const [h] = await db.query<{ role: string; unit_id: number | null }>('select role, unit_id from users where id = $1 and active', [userId]);
  return h;
}

/** The sealed identity (null when the petitioner gave none); only readIdentity reads it. */
export async function petitionIdentityEnc(db: Db, id: number): Promise<{ identity_enc: Uint8Array | null }> {
  const [row] = await db.query<{ identity_enc: Uint8Array | null }>('select identity_enc from petitions where id = $1', [id]);
  return row;
}

export async function findAttachment(db: Db, petitionId: number, attachmentId: number): Promise<{ filename: string; mime: string; data: Uint8Array } | undefined> {
  const [a] = await db.query<{ filename: string; mime: string; data: Uint8Array }>('select filename, mime, data from petition_attachments where id = $1 and petition_id = $2', [
    attachmentId,
    petitionId,
  ]);
  return a;
}

export type AttachmentRow = { petitionId: number; purpose: 'petition' | 'answer'; filename: string; mime: string; size: number; sha256: string; data: Buffer };

export async function insertAttachment(tx: Db, a: AttachmentRow): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into petition_attachments (petition_id, purpose, filename, mime, size, sha256, data) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [a.petitionId, a.purpose, a.filename, a.mime, a.size, a.sha256, a.data],
  );
  return id;
}
