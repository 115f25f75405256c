import type {
  Board,
  BoardDetail,
  BoardReportInput,
  BoardSupervisionRemedy,
  BoardYearInput,
  CreateBoard,
  CreateBoardSupervision,
  CreateOpinionSession,
  OpinionSession,
} from '@contract/oversight';
import { BOARD_MIN_MEMBERS } from '@contract/oversight';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { PLACES_SQL, unitNameAt } from '../petitions/queries';
import { assertActive, assertFactDate } from './service';
import { plain } from './rules';

// ---- opinions on drafts and officials ----

export async function createOpinionSession(ctx: Ctx, input: CreateOpinionSession): Promise<OpinionSession> {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'oversight.write', input.unitId, input.heldOn);
    assertActive(ctx.user, today());
    await assertFactDate(tx, input.unitId, input.heldOn);
    const title = plain(input.title);
    if (!title || (input.topic === 'drafts' && input.drafts.length === 0)) throw new AppError('OVERSIGHT_EMPTY_TEXT');
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into opinion_sessions (unit_id, held_on, form, topic, title, participants, officials_opinions, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [input.unitId, input.heldOn, input.form, input.topic, title, input.participants, input.topic === 'officials' ? input.officialsOpinions : 0, ctx.user.id],
    );
    if (input.topic === 'drafts') {
      for (const d of input.drafts) {
        await tx.query('insert into opinion_drafts (session_id, title, doc_kind, opinions) values ($1, $2, $3, $4)', [id, plain(d.title), d.docKind, d.opinions]);
      }
    }
    const [after] = await opinionSessions(tx, { ids: [id] });
    await audit(tx, ctx.user, { action: 'create', entity: 'opinion_session', entityId: id, unitId: input.unitId, after });
    return after;
  });
}

export async function listOpinionSessions({ db, user }: Ctx, unitId: number, year?: number): Promise<OpinionSession[]> {
  await assertUnitAccess(db, user, 'oversight.read', unitId);
  return opinionSessions(db, { unit: unitId, year });
}

async function opinionSessions(db: Db, q: { ids?: number[]; unit?: number; year?: number }): Promise<OpinionSession[]> {
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

// ---- people's boards ----

async function boardFacts(db: Db, id: number) {
  const [b] = await db.query<{ id: number; unit_id: number; valid_from: string; valid_to: string; kind: string }>(
    'select id, unit_id, valid_from, valid_to::text, kind from inspection_boards where id = $1',
    [id],
  );
  if (!b) throw new AppError('NOT_FOUND', { boardId: id });
  return b;
}

/** Records a board elected for a term: a Ban TTND at a ward or commune, a Ban GSĐTCCĐ for a project; ≥ 5 members. */
export async function createBoard(ctx: Ctx, input: CreateBoard): Promise<Board> {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'inspection.write', input.unitId, input.electedOn);
    assertActive(ctx.user, today());
    const level = await assertFactDate(tx, input.unitId, input.electedOn);
    if (level !== 'commune' || (input.kind === 'gsdtccd' && !input.project?.trim())) throw new AppError('BOARD_INVALID');
    if (input.members.length < BOARD_MIN_MEMBERS) throw new AppError('BOARD_MEMBERS_TOO_FEW', { members: input.members.length });
    if (input.validTo && input.validTo <= input.electedOn) throw new AppError('OVERSIGHT_DATE_INVALID', { date: input.validTo });
    const villages = [...new Set(input.members.map((m) => m.villageId).filter((v): v is number => !!v))];
    if (villages.length) {
      const ok = await tx.query<{ id: number }>(
        `select v.id from unnest($1::bigint[]) v(id) where exists (select 1 from unit_closure c where c.ancestor_id = $2 and c.descendant_id = v.id
           and c.valid_from <= $3::date and $3::date < c.valid_to and c.depth = 1)`,
        [villages, input.unitId, input.electedOn],
      );
      if (ok.length !== villages.length) throw new AppError('BOARD_VILLAGE_INVALID');
    }
    // One Ban TTND per ward or commune at a time: electing a new one ends the term of the one sitting; a
    // board already elected on or after that day (a later term recorded first) is refused.
    let ended: number[] = [];
    if (input.kind === 'ttnd') {
      const later = await tx.query(
        `select 1 from inspection_boards where unit_id = $1 and kind = 'ttnd' and valid_from >= $2::date
            and valid_from < coalesce($3::date, 'infinity'::date)`,
        [input.unitId, input.electedOn, input.validTo ?? null],
      );
      if (later.length) throw new AppError('BOARD_EXISTS');
      ended = (
        await tx.query<{ id: number }>(
          `update inspection_boards set valid_to = $2 where unit_id = $1 and kind = 'ttnd' and valid_from < $2::date and valid_to > $2::date returning id`,
          [input.unitId, input.electedOn],
        )
      ).map((r) => r.id);
    }
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into inspection_boards (unit_id, kind, name, project, term_label, elected_on, valid_from, valid_to, created_by)
       values ($1, $2, $3, $4, $5, $6, $6, coalesce($7::date, (select valid_to from units where id = $1)), $8) returning id`,
      [input.unitId, input.kind, plain(input.name), input.kind === 'gsdtccd' ? plain(input.project!) : null, input.termLabel, input.electedOn, input.validTo ?? null, ctx.user.id],
    );
    for (const m of input.members) {
      await tx.query('insert into inspection_board_members (board_id, full_name, village_id, role, elected_on) values ($1, $2, $3, $4, $5)', [
        id,
        plain(m.fullName),
        m.villageId ?? null,
        m.role,
        input.electedOn,
      ]);
    }
    const after = await presentBoard(tx, id);
    await audit(tx, ctx.user, {
      action: 'create',
      entity: 'inspection_board',
      entityId: id,
      unitId: input.unitId,
      after: { ...after, members: after.members.length, supervisionList: undefined, reports: undefined, endedBoards: ended },
    });
    return after;
  });
}

export async function getBoard({ db, user }: Ctx, id: number): Promise<BoardDetail> {
  const b = await boardFacts(db, id);
  await assertUnitAccess(db, user, 'oversight.read', b.unit_id, b.valid_from);
  return presentBoard(db, id);
}

export async function listBoards({ db, user }: Ctx, unitId: number): Promise<Board[]> {
  await assertUnitAccess(db, user, 'oversight.read', unitId);
  const rows = await db.query<{ id: number }>(
    `select b.id from (${PLACES_SQL('$1::bigint')}) p join inspection_boards b on b.unit_id = p.unit_id
       and b.valid_from >= p.valid_from and b.valid_from < p.valid_to order by b.valid_from desc, b.id limit 300`,
    [unitId],
  );
  return Promise.all(rows.map((r) => boardSummary(db, r.id)));
}

/** A board with its supervisions and quarterly reports (its page, and the answer to each change). */
async function presentBoard(db: Db, id: number): Promise<BoardDetail> {
  const board = await boardSummary(db, id);
  const supervisionList = await db.query<BoardDetail['supervisionList'][number]>(
    `select id, held_on as "heldOn", subject, findings, violations, remedy, remedied
       from inspection_supervisions where board_id = $1 order by held_on desc, id desc limit 500`,
    [id],
  );
  const reports = await db.query<BoardDetail['reports'][number]>(
    `select id, year, quarter, filed_on as "filedOn", summary from inspection_board_reports where board_id = $1 order by year desc, quarter desc`,
    [id],
  );
  return { ...board, supervisionList, reports };
}

async function boardSummary(db: Db, id: number): Promise<Board> {
  const [b] = await db.query<Omit<Board, 'members' | 'years'>>(
    `select b.id, b.unit_id as "unitId", ${unitNameAt('b.unit_id', 'b.valid_from')} as "unitName", b.kind, b.name, b.project, b.term_label as "termLabel",
            b.elected_on as "electedOn", b.valid_to::text as "validTo",
            (select count(*)::int from inspection_supervisions s where s.board_id = b.id) as supervisions,
            (select coalesce(sum(violations), 0)::int from inspection_supervisions s where s.board_id = b.id) as violations
       from inspection_boards b where b.id = $1`,
    [id],
  );
  const members = await db.query<Board['members'][number]>(
    `select m.id, m.full_name as "fullName", m.village_id as "villageId", m.role,
            case when m.village_id is null then null else ${unitNameAt('m.village_id', 'm.elected_on')} end as "villageName"
       from inspection_board_members m where m.board_id = $1 order by (m.role = 'head') desc, (m.role = 'deputy') desc, m.id`,
    [id],
  );
  const years = await db.query<Board['years'][number]>(
    `select year, plan, funding_required_vnd::float8 as "fundingRequiredVnd", funding_vnd::float8 as "fundingVnd", rating, rated_on as "ratedOn"
       from inspection_board_years where board_id = $1 order by year`,
    [id],
  );
  return { ...b, members: members.map((m) => ({ ...m, villageId: m.villageId ?? undefined })), years };
}

/** The board's year: plan, funding and (at the year's assessment) its rating. */
export async function saveBoardYear(ctx: Ctx, id: number, input: BoardYearInput): Promise<BoardDetail> {
  return ctx.db.tx(async (tx) => {
    const b = await boardFacts(tx, id);
    // The Front rates its boards: the rating needs oversight.write, the plan and funding the board's own permission.
    await assertUnitAccess(tx, ctx.user, input.rating ? 'oversight.write' : 'inspection.write', b.unit_id, b.valid_from);
    assertActive(ctx.user, today());
    if (input.year < Number(b.valid_from.slice(0, 4)) || `${input.year}-01-01` >= b.valid_to) throw new AppError('BOARD_ENDED');
    const ratedOn = input.rating ? (input.ratedOn ?? today()) : null;
    if (ratedOn && ratedOn > today()) throw new AppError('OVERSIGHT_DATE_INVALID', { date: ratedOn });
    const [before] = await tx.query('select * from inspection_board_years where board_id = $1 and year = $2', [id, input.year]);
    await tx.query(
      `insert into inspection_board_years (board_id, year, plan, funding_required_vnd, funding_vnd, rating, rated_on) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (board_id, year) do update set plan = excluded.plan, funding_required_vnd = excluded.funding_required_vnd,
         funding_vnd = excluded.funding_vnd, rating = excluded.rating, rated_on = excluded.rated_on`,
      [id, input.year, plain(input.plan), input.fundingRequiredVnd, input.fundingVnd, input.rating, ratedOn],
    );
    await audit(tx, ctx.user, {
      action: 'year',
      entity: 'inspection_board',
      entityId: id,
      unitId: b.unit_id,
      before: before ?? null,
      after: { year: input.year, fundingRequiredVnd: input.fundingRequiredVnd, fundingVnd: input.fundingVnd, rating: input.rating, ratedOn },
    });
    return presentBoard(tx, id);
  });
}

/** A board's supervision, with the violations it found and their remedy. */
export async function addBoardSupervision(ctx: Ctx, id: number, input: CreateBoardSupervision): Promise<BoardDetail> {
  return ctx.db.tx(async (tx) => {
    const b = await boardFacts(tx, id);
    await assertUnitAccess(tx, ctx.user, 'inspection.write', b.unit_id, input.heldOn);
    assertActive(ctx.user, today());
    await assertFactDate(tx, b.unit_id, input.heldOn, b.valid_from);
    if (input.heldOn >= b.valid_to) throw new AppError('BOARD_ENDED');
    const subject = plain(input.subject);
    if (!subject) throw new AppError('OVERSIGHT_EMPTY_TEXT');
    const [{ id: sid }] = await tx.query<{ id: number }>(
      `insert into inspection_supervisions (board_id, unit_id, held_on, subject, findings, violations, remedy, remedied, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [id, b.unit_id, input.heldOn, subject, plain(input.findings), input.violations, plain(input.remedy), input.remedied, ctx.user.id],
    );
    await audit(tx, ctx.user, {
      action: 'supervise',
      entity: 'inspection_board',
      entityId: id,
      unitId: b.unit_id,
      after: { supervisionId: sid, heldOn: input.heldOn, subject, violations: input.violations, remedied: input.remedied },
    });
    return presentBoard(tx, id);
  });
}

/** A board's quarterly report to the Front. */
export async function fileBoardReport(ctx: Ctx, id: number, input: BoardReportInput): Promise<BoardDetail> {
  return ctx.db.tx(async (tx) => {
    const b = await boardFacts(tx, id);
    await assertUnitAccess(tx, ctx.user, 'inspection.write', b.unit_id, input.filedOn);
    assertActive(ctx.user, today());
    await assertFactDate(tx, b.unit_id, input.filedOn, b.valid_from);
    const rows = await tx.query<{ id: number }>(
      `insert into inspection_board_reports (board_id, year, quarter, filed_on, summary) values ($1, $2, $3, $4, $5)
       on conflict (board_id, year, quarter) do nothing returning id`,
      [id, input.year, input.quarter, input.filedOn, plain(input.summary)],
    );
    if (!rows.length) throw new AppError('CONFLICT');
    await audit(tx, ctx.user, {
      action: 'report',
      entity: 'inspection_board',
      entityId: id,
      unitId: b.unit_id,
      after: { year: input.year, quarter: input.quarter, filedOn: input.filedOn },
    });
    return presentBoard(tx, id);
  });
}

/** Records the remedy of the violations a board's supervision found (or corrects it), audited. */
export async function remedyBoardSupervision(ctx: Ctx, supervisionId: number, input: BoardSupervisionRemedy): Promise<BoardDetail> {
  return ctx.db.tx(async (tx) => {
    const [s] = await tx.query<{ board_id: number; unit_id: number; held_on: string; remedy: string; remedied: boolean }>(
      'select board_id, unit_id, held_on, remedy, remedied from inspection_supervisions where id = $1 for update',
      [supervisionId],
    );
    if (!s) throw new AppError('NOT_FOUND', { supervisionId });
    await assertUnitAccess(tx, ctx.user, 'inspection.write', s.unit_id, s.held_on);
    assertActive(ctx.user, today());
    const remedy = plain(input.remedy);
    if (!remedy) throw new AppError('OVERSIGHT_EMPTY_TEXT');
    await tx.query('update inspection_supervisions set remedy = $2, remedied = $3 where id = $1', [supervisionId, remedy, input.remedied]);
    await audit(tx, ctx.user, {
      action: 'remedy',
      entity: 'inspection_board',
      entityId: s.board_id,
      unitId: s.unit_id,
      before: { supervisionId, remedy: s.remedy, remedied: s.remedied },
      after: { supervisionId, remedy, remedied: input.remedied },
    });
    return presentBoard(tx, s.board_id);
  });
}
