import type { CloseMediationCase, CreateMediationCase, CreateMediationTeam, MediationCase, MediationParties, MediationTeam } from '@contract/oversight';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, unitsInScope, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { openParties, sealParties } from './parties';
import {
  countMediationCases,
  findCaseParties,
  findCaseRow,
  findMediationTeamOn,
  findMediationTeams,
  insertMediationCase,
  insertMediationTeam,
  insertMediationTeamMember,
  listCaseRows,
  lockMediationCase,
  updateMediationCaseClosed,
  type CaseRow,
} from './queries-mediation';
import { plain } from './rules';
import { assertActive, assertFactDate } from './service';
import { replayed } from '../../platform/replay';

/** A village's mediation team (tổ hòa giải) with its members. */
export async function createTeam(ctx: Ctx, input: CreateMediationTeam): Promise<MediationTeam> {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'mediation.write', input.unitId, input.validFrom);
    assertActive(ctx.user, today());
    const level = await assertFactDate(tx, input.unitId, input.validFrom);
    if (level !== 'village') throw new AppError('MEDIATION_TEAM_INVALID');
    const id = await insertMediationTeam(tx, input.unitId, plain(input.name), input.validFrom);
    for (const m of input.members) await insertMediationTeamMember(tx, id, { fullName: plain(m.fullName), role: m.role, validFrom: input.validFrom });
    const [after] = await findMediationTeams(tx, { ids: [id] });
    await audit(tx, ctx.user, { action: 'create', entity: 'mediation_team', entityId: id, unitId: input.unitId, after });
    return after;
  });
}

export async function listTeams({ db, user }: Ctx, unitId: number): Promise<MediationTeam[]> {
  await assertUnitAccess(db, user, 'oversight.read', unitId);
  return findMediationTeams(db, { unit: unitId });
}

async function presentCases(db: Db, user: CurrentUser, rows: CaseRow[]): Promise<MediationCase[]> {
  const readable = await unitsInScope(db, user, 'mediation.parties', [...new Set(rows.map((r) => r.unit_id))]);
  return rows.map((r) => ({
    id: r.id,
    teamId: r.team_id,
    teamName: r.team_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    receivedOn: r.received_on,
    kind: r.kind,
    summary: r.summary,
    partiesMasked: r.parties_masked,
    outcome: r.outcome,
    closedOn: r.closed_on,
    canReadParties: readable.has(r.unit_id),
  }));
}

async function caseRow(db: Db, id: number): Promise<CaseRow> {
  const r = await findCaseRow(db, id);
  if (!r) throw new AppError('NOT_FOUND', { caseId: id });
  return r;
}

/** Cases of a unit's subtree (through its history), newest first; parties masked. */
export async function listCases(ctx: Ctx, unitId: number, q: { year?: number; limit: number }): Promise<MediationCase[]> {
  await assertUnitAccess(ctx.db, ctx.user, 'oversight.read', unitId);
  const rows = await listCaseRows(ctx.db, unitId, q);
  return presentCases(ctx.db, ctx.user, rows);
}

/** Records a case at a village: the village's team, the kind, a summary and the parties (sealed). */
export async function createCase(ctx: Ctx, input: CreateMediationCase): Promise<MediationCase> {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'mediation.write', input.unitId, input.receivedOn);
    assertActive(ctx.user, today());
    await assertFactDate(tx, input.unitId, input.receivedOn);
    // A replay from the team head's phone answers the case first recorded (same person, same key).
    const seen = input.clientKey ? await replayed(tx, 'mediation_cases', ctx.user.id, input.clientKey) : null;
    if (seen) return (await presentCases(tx, ctx.user, [await caseRow(tx, seen)]))[0];
    if (input.parties.length < 2) throw new AppError('MEDIATION_PARTIES_REQUIRED');
    const team = await findMediationTeamOn(tx, input.unitId, input.receivedOn);
    if (!team) throw new AppError('MEDIATION_TEAM_INVALID');
    const sealed = sealParties(
      input.parties.map((p) => ({ name: plain(p.name), ...(p.phone ? { phone: plain(p.phone) } : {}), ...(p.address ? { address: plain(p.address) } : {}) })),
    );
    const id = await insertMediationCase(tx, {
      teamId: team.id,
      unitId: input.unitId,
      receivedOn: input.receivedOn,
      kind: input.kind,
      summary: plain(input.summary),
      partiesEnc: sealed.enc,
      partiesMasked: sealed.masked,
      createdBy: ctx.user.id,
      clientKey: input.clientKey ?? null,
    });
    const [after] = await presentCases(tx, ctx.user, [await caseRow(tx, id)]);
    // The audit keeps the masked parties only.
    await audit(tx, ctx.user, { action: 'create', entity: 'mediation_case', entityId: id, unitId: input.unitId, after });
    return after;
  });
}

export async function closeCase(ctx: Ctx, id: number, input: CloseMediationCase): Promise<MediationCase> {
  return ctx.db.tx(async (tx) => {
    if (!(await lockMediationCase(tx, id))) throw new AppError('NOT_FOUND', { caseId: id });
    const r = await caseRow(tx, id);
    await assertUnitAccess(tx, ctx.user, 'mediation.write', r.unit_id, r.received_on);
    assertActive(ctx.user, input.closedOn);
    if (r.outcome !== 'pending') throw new AppError('MEDIATION_CASE_CLOSED');
    if (input.closedOn > today() || input.closedOn < r.received_on) throw new AppError('OVERSIGHT_DATE_INVALID', { date: input.closedOn });
    await updateMediationCaseClosed(tx, id, input.outcome, input.closedOn);
    const [after] = await presentCases(tx, ctx.user, [await caseRow(tx, id)]);
    await audit(tx, ctx.user, {
      action: 'close',
      entity: 'mediation_case',
      entityId: id,
      unitId: r.unit_id,
      before: { outcome: r.outcome },
      after: { outcome: after.outcome, closedOn: after.closedOn },
    });
    return after;
  });
}

/** The parties in clear, for a reader holding mediation.parties at the case's unit; every read is audited. */
export async function readParties(ctx: Ctx, id: number): Promise<MediationParties> {
  return ctx.db.tx(async (tx) => {
    const c = await findCaseParties(tx, id);
    if (!c) throw new AppError('NOT_FOUND', { caseId: id });
    await assertUnitAccess(tx, ctx.user, 'mediation.parties', c.unit_id, c.received_on);
    await audit(tx, ctx.user, { action: 'read_parties', entity: 'mediation_case', entityId: id, unitId: c.unit_id });
    return { parties: openParties(c.parties_enc) };
  });
}

/** The cases as CSV (for the village's report): parties masked, as in every list. */
export async function exportCasesCsv(ctx: Ctx, unitId: number, year?: number): Promise<string> {
  const cases = await listCases(ctx, unitId, { year, limit: 1000 });
  const esc = (v: string | null) => `"${(v ?? '').replaceAll('"', '""')}"`;
  const lines = cases.map((c) => [c.id, esc(c.unitName), esc(c.teamName), c.receivedOn, c.kind, esc(c.partiesMasked), esc(c.summary), c.outcome, c.closedOn ?? ''].join(','));
  return '\ufeff' + ['ma,don_vi,to_hoa_giai,ngay_tiep_nhan,loai,cac_ben,noi_dung,ket_qua,ngay_ket_thuc', ...lines].join('\r\n') + '\r\n';
}

export async function mediationStats({ db, user }: Ctx, unitId: number, year: number) {
  await assertUnitAccess(db, user, 'oversight.read', unitId);
  const r = await countMediationCases(db, unitId, year);
  return { ...r, rate: r.closed ? Math.round((r.successful * 1000) / r.closed) / 10 : null };
}
