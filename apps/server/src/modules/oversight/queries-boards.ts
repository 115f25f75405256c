import type { Board, BoardDetail, BoardYearInput, CreateBoard, CreateOpinionSession, OpinionSession } from '@contract/oversight';
import type { Db } from '../../db/db';
import { PLACES_SQL, unitNameAt } from '../petitions/queries';

// Opinion sessions on drafts and officials, and the people's boards (Ban TTND, Ban GSĐTCCĐ).

// ---- opinion sessions ----

export async function insertOpinionSession(
  tx: Db,
  s: Pick<CreateOpinionSession, 'unitId' | 'heldOn' | 'form' | 'topic' | 'title' | 'participants' | 'officialsOpinions'> & { createdBy: number },
): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into opinion_sessions (unit_id, held_on, form, topic, title, participants, officials_opinions, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [s.unitId, s.heldOn, s.form, s.topic, s.title, s.participants, s.officialsOpinions, s.createdBy],
  );
  return id;
}

export async function insertOpinionDraft(tx: Db, sessionId: number, d: CreateOpinionSession['drafts'][number]): Promise<void> {
  await tx.query('insert into opinion_drafts (session_id, title, doc_kind, opinions) values ($1, $2, $3, $4)', [sessionId, d.title, d.docKind, d.opinions]);
}

/** Sessions by id, or those of a unit's subtree (through its history) in a year; newest first. */
export async function findOpinionSessions(db: Db, q: { ids?: number[]; unit?: number; year?: number }): Promise<OpinionSession[]> {
  const where = q.ids
    ? 's.id = any($1::bigint[])'
    : `exists (select 1 from (${PLACES_SQL('$1::bigint')}) p where p.unit_id = s.unit_id
      and s.held_on >= p.valid_from and s.held_on < p.valid_to) and ($2::int is null or extract(year from s.held_on)::int = $2::int)`;
  const rows = await db.query<OpinionSession & { drafts: OpinionSession['drafts'] | null }>(
    `select s.id, s.unit_id as "unitId", ${unitNameAt('s.unit_id', 's.held_on')} as "unitName", s.held_on as "heldOn", s.form, s.topic, s.title,
            s.participants, s.officials_opinions as "officialsOpinions",
            (select json_agg(json_build_object('id', d.id, 'title', d.title, 'docKind', d.doc_kind, 'opinions', d.opinions) order by d.id)
               from opinion_drafts d where d.session_id = s.id) as drafts
       from opinion_sessions s where ${where} order by s.held_on desc, s.id desc limit 500`,
    q.ids ? [q.ids] : [q.unit, q.year ?? null],
  );
  return rows.map((r) => ({ ...r, drafts: r.drafts ?? [] }));
}

// ---- boards ----

export type BoardFacts = { id: number; unit_id: number; valid_from: string; valid_to: string; kind: string };

export async function findBoardFacts(db: Db, id: number): Promise<BoardFacts | undefined> {
  const [b] = await db.query<BoardFacts>('select id, unit_id, valid_from, valid_to::text, kind from inspection_boards where id = $1', [id]);
  return b;
}

/** Those of `villages` that were villages of the unit on the date. */
export async function listVillagesOf(tx: Db, villages: number[], unitId: number, date: string): Promise<Array<{ id: number }>> {
  return tx.query<{ id: number }>(
    `select v.id from unnest($1::bigint[]) v(id) where exists (select 1 from unit_closure c where c.ancestor_id = $2 and c.descendant_id = v.id
           and c.valid_from <= $3::date and $3::date < c.valid_to and c.depth = 1)`,
    [villages, unitId, date],
  );
}

/** A Ban TTND of the unit elected on or after `electedOn` (and before `validTo`, if given). */
export async function laterTtndExists(tx: Db, unitId: number, electedOn: string, validTo: string | null): Promise<boolean> {
  const later = await tx.query(
    `select 1 from inspection_boards where unit_id = $1 and kind = 'ttnd' and valid_from >= $2::date
            and valid_from < coalesce($3::date, 'infinity'::date)`,
    [unitId, electedOn, validTo],
  );
  return later.length > 0;
}

/** Ends on `on` the term of the unit's Ban TTND sitting then; returns the ids of the boards ended. */
export async function endSittingTtnd(tx: Db, unitId: number, on: string): Promise<number[]> {
  return (
    await tx.query<{ id: number }>(
      `update inspection_boards set valid_to = $2 where unit_id = $1 and kind = 'ttnd' and valid_from < $2::date and valid_to > $2::date returning id`,
      [unitId, on],
    )
  ).map((r) => r.id);
}

/** Without `validTo`, the term runs to the end of the unit. */
export async function insertBoard(
  tx: Db,
  b: Pick<CreateBoard, 'unitId' | 'kind' | 'name' | 'termLabel' | 'electedOn'> & { project: string | null; validTo: string | null; createdBy: number },
): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into inspection_boards (unit_id, kind, name, project, term_label, elected_on, valid_from, valid_to, created_by)
       values ($1, $2, $3, $4, $5, $6, $6, coalesce($7::date, (select valid_to from units where id = $1)), $8) returning id`,
    [b.unitId, b.kind, b.name, b.project, b.termLabel, b.electedOn, b.validTo, b.createdBy],
  );
  return id;
}

export async function insertBoardMember(tx: Db, boardId: number, m: { fullName: string; villageId: number | null; role: string; electedOn: string }): Promise<void> {
  await tx.query('insert into inspection_board_members (board_id, full_name, village_id, role, elected_on) values ($1, $2, $3, $4, $5)', [
    boardId,
    m.fullName,
    m.villageId,
    m.role,
    m.electedOn,
  ]);
}

/** Boards of a unit's subtree (through its history), the latest first. */
export async function listBoardIds(db: Db, unitId: number): Promise<Array<{ id: number }>> {
  return db.query<{ id: number }>(
    `select b.id from (${PLACES_SQL('$1::bigint')}) p join inspection_boards b on b.unit_id = p.unit_id
       and b.valid_from >= p.valid_from and b.valid_from < p.valid_to order by b.valid_from desc, b.id limit 300`,
    [unitId],
  );
}

export async function listBoardSupervisions(db: Db, boardId: number): Promise<BoardDetail['supervisionList']> {
  return db.query<BoardDetail['supervisionList'][number]>(
    `select id, held_on as "heldOn", subject, findings, violations, remedy, remedied
       from inspection_supervisions where board_id = $1 order by held_on desc, id desc limit 500`,
    [boardId],
  );
}

export async function listBoardReports(db: Db, boardId: number): Promise<BoardDetail['reports']> {
  return db.query<BoardDetail['reports'][number]>(
    `select id, year, quarter, filed_on as "filedOn", summary from inspection_board_reports where board_id = $1 order by year desc, quarter desc`,
    [boardId],
  );
}

export async function findBoardSummary(db: Db, id: number): Promise<Omit<Board, 'members' | 'years'>> {
  const [b] = await db.query<Omit<Board, 'members' | 'years'>>(
    `select b.id, b.unit_id as "unitId", ${unitNameAt('b.unit_id', 'b.valid_from')} as "unitName", b.kind, b.name, b.project, b.term_label as "termLabel",
            b.elected_on as "electedOn", b.valid_to::text as "validTo",
            (select count(*)::int from inspection_supervisions s where s.board_id = b.id) as supervisions,
            (select coalesce(sum(violations), 0)::int from inspection_supervisions s where s.board_id = b.id) as violations
       from inspection_boards b where b.id = $1`,
    [id],
  );
  return b;
}

/** Heads first, then deputies; a member's village named as it was when elected. */
export async function listBoardMembers(db: Db, boardId: number): Promise<Board['members']> {
  return db.query<Board['members'][number]>(
    `select m.id, m.full_name as "fullName", m.village_id as "villageId", m.role,
            case when m.village_id is null then null else ${unitNameAt('m.village_id', 'm.elected_on')} end as "villageName"
       from inspection_board_members m where m.board_id = $1 order by (m.role = 'head') desc, (m.role = 'deputy') desc, m.id`,
    [boardId],
  );
}

export async function listBoardYears(db: Db, boardId: number): Promise<Board['years']> {
  return db.query<Board['years'][number]>(
    `select year, plan, funding_required_vnd::float8 as "fundingRequiredVnd", funding_vnd::float8 as "fundingVnd", rating, rated_on as "ratedOn"
       from inspection_board_years where board_id = $1 order by year`,
    [boardId],
  );
}

export async function findBoardYear(tx: Db, boardId: number, year: number): Promise<Record<string, unknown> | undefined> {
  const [y] = await tx.query('select * from inspection_board_years where board_id = $1 and year = $2', [boardId, year]);
  return y;
}

export async function upsertBoardYear(tx: Db, boardId: number, y: Omit<BoardYearInput, 'ratedOn'> & { ratedOn: string | null }): Promise<void> {
  await tx.query(
    `insert into inspection_board_years (board_id, year, plan, funding_required_vnd, funding_vnd, rating, rated_on) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (board_id, year) do update set plan = excluded.plan, funding_required_vnd = excluded.funding_required_vnd,
         funding_vnd = excluded.funding_vnd, rating = excluded.rating, rated_on = excluded.rated_on`,
    [boardId, y.year, y.plan, y.fundingRequiredVnd, y.fundingVnd, y.rating, y.ratedOn],
  );
}

export async function insertBoardSupervision(
  tx: Db,
  s: { boardId: number; unitId: number; heldOn: string; subject: string; findings: string; violations: number; remedy: string; remedied: boolean; createdBy: number },
): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into inspection_supervisions (board_id, unit_id, held_on, subject, findings, violations, remedy, remedied, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [s.boardId, s.unitId, s.heldOn, s.subject, s.findings, s.violations, s.remedy, s.remedied, s.createdBy],
  );
  return id;
}

/** The report's id, or undefined when the board already filed one for that quarter. */
export async function insertBoardReport(tx: Db, boardId: number, r: { year: number; quarter: number; filedOn: string; summary: string }): Promise<number | undefined> {
  const rows = await tx.query<{ id: number }>(
    `insert into inspection_board_reports (board_id, year, quarter, filed_on, summary) values ($1, $2, $3, $4, $5)
       on conflict (board_id, year, quarter) do nothing returning id`,
    [boardId, r.year, r.quarter, r.filedOn, r.summary],
  );
  return rows[0]?.id;
}

export type BoardSupervisionFacts = { board_id: number; unit_id: number; held_on: string; remedy: string; remedied: boolean };

export async function lockBoardSupervision(tx: Db, id: number): Promise<BoardSupervisionFacts | undefined> {
  const [s] = await tx.query<BoardSupervisionFacts>('select board_id, unit_id, held_on, remedy, remedied from inspection_supervisions where id = $1 for update', [id]);
  return s;
}

export async function updateBoardSupervisionRemedy(tx: Db, id: number, remedy: string, remedied: boolean): Promise<void> {
  await tx.query('update inspection_supervisions set remedy = $2, remedied = $3 where id = $1', [id, remedy, remedied]);
}
