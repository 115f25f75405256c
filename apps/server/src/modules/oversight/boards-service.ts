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
import {
  endSittingTtnd,
  findBoardFacts,
  findBoardSummary,
  findBoardYear,
  findOpinionSessions,
  insertBoard,
  insertBoardMember,
  insertBoardReport,
  insertBoardSupervision,
  insertOpinionDraft,
  insertOpinionSession,
  laterTtndExists,
  listBoardIds,
  listBoardMembers,
  listBoardReports,
  listBoardSupervisions,
  listBoardYears,
  listVillagesOf,
  lockBoardSupervision,
  updateBoardSupervisionRemedy,
  upsertBoardYear,
} from './queries-boards';
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
    const id = await insertOpinionSession(tx, {
      unitId: input.unitId,
      heldOn: input.heldOn,
      form: input.form,
      topic: input.topic,
      title,
      participants: input.participants,
      officialsOpinions: input.topic === 'officials' ? input.officialsOpinions : 0,
      createdBy: ctx.user.id,
    });
    if (input.topic === 'drafts') {
      for (const d of input.drafts) await insertOpinionDraft(tx, id, { ...d, title: plain(d.title) });
    }
    const [after] = await findOpinionSessions(tx, { ids: [id] });
    await audit(tx, ctx.user, { action: 'create', entity: 'opinion_session', entityId: id, unitId: input.unitId, after });
    return after;
  });
}

export async function listOpinionSessions({ db, user }: Ctx, unitId: number, year?: number): Promise<OpinionSession[]> {
  await assertUnitAccess(db, user, 'oversight.read', unitId);
  return findOpinionSessions(db, { unit: unitId, year });
}

// ---- people's boards ----

async function boardFacts(db: Db, id: number) {
  const b = await findBoardFacts(db, id);
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
      const ok = await listVillagesOf(tx, villages, input.unitId, input.electedOn);
      if (ok.length !== villages.length) throw new AppError('BOARD_VILLAGE_INVALID');
    }
    // One Ban TTND per ward or commune at a time: electing a new one ends the term of the one sitting; a
    // board already elected on or after that day (a later term recorded first) is refused.
    let ended: number[] = [];
    if (input.kind === 'ttnd') {
      if (await laterTtndExists(tx, input.unitId, input.electedOn, input.validTo ?? null)) throw new AppError('BOARD_EXISTS');
      ended = await endSittingTtnd(tx, input.unitId, input.electedOn);
    }
    const id = await insertBoard(tx, {
      unitId: input.unitId,
      kind: input.kind,
      name: plain(input.name),
      project: input.kind === 'gsdtccd' ? plain(input.project!) : null,
      termLabel: input.termLabel,
      electedOn: input.electedOn,
      validTo: input.validTo ?? null,
      createdBy: ctx.user.id,
    });
    for (const m of input.members) {
      await insertBoardMember(tx, id, { fullName: plain(m.fullName), villageId: m.villageId ?? null, role: m.role, electedOn: input.electedOn });
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
  const rows = await listBoardIds(db, unitId);
  return Promise.all(rows.map((r) => boardSummary(db, r.id)));
}

/** A board with its supervisions and quarterly reports (its page, and the answer to each change). */
async function presentBoard(db: Db, id: number): Promise<BoardDetail> {
  const board = await boardSummary(db, id);
  const supervisionList = await listBoardSupervisions(db, id);
  const reports = await listBoardReports(db, id);
  return { ...board, supervisionList, reports };
}

async function boardSummary(db: Db, id: number): Promise<Board> {
  const b = await findBoardSummary(db, id);
  const members = await listBoardMembers(db, id);
  const years = await listBoardYears(db, id);
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
    const before = await findBoardYear(tx, id, input.year);
    await upsertBoardYear(tx, id, {
      year: input.year,
      plan: plain(input.plan),
      fundingRequiredVnd: input.fundingRequiredVnd,
      fundingVnd: input.fundingVnd,
      rating: input.rating,
      ratedOn,
    });
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
    const sid = await insertBoardSupervision(tx, {
      boardId: id,
      unitId: b.unit_id,
      heldOn: input.heldOn,
      subject,
      findings: plain(input.findings),
      violations: input.violations,
      remedy: plain(input.remedy),
      remedied: input.remedied,
      createdBy: ctx.user.id,
    });
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
    const reportId = await insertBoardReport(tx, id, { year: input.year, quarter: input.quarter, filedOn: input.filedOn, summary: plain(input.summary) });
    if (reportId === undefined) throw new AppError('CONFLICT');
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
    const s = await lockBoardSupervision(tx, supervisionId);
    if (!s) throw new AppError('NOT_FOUND', { supervisionId });
    await assertUnitAccess(tx, ctx.user, 'inspection.write', s.unit_id, s.held_on);
    assertActive(ctx.user, today());
    const remedy = plain(input.remedy);
    if (!remedy) throw new AppError('OVERSIGHT_EMPTY_TEXT');
    await updateBoardSupervisionRemedy(tx, supervisionId, remedy, input.remedied);
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
