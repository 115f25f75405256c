import type { CloseMediationCase, CreateMediationCase, CreateMediationTeam, MediationCase, MediationParties, MediationTeam } from '@contract/oversight';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, unitsInScope, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { PLACES_SQL, unitNameAt } from '../petitions/queries';
import { openParties, sealParties } from './parties';
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
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into mediation_teams (unit_id, name, valid_from, valid_to) values ($1, $2, $3, (select valid_to from units where id = $1)) returning id`,
      [input.unitId, plain(input.name), input.validFrom],
    );
    for (const m of input.members) {
      await tx.query('insert into mediation_team_members (team_id, full_name, role, valid_from) values ($1, $2, $3, $4)', [id, plain(m.fullName), m.role, input.validFrom]);
    }
    const [after] = await teams(tx, { ids: [id] });
    await audit(tx, ctx.user, { action: 'create', entity: 'mediation_team', entityId: id, unitId: input.unitId, after });
    return after;
  });
}

export async function listTeams({ db, user }: Ctx, unitId: number): Promise<MediationTeam[]> {
  await assertUnitAccess(db, user, 'oversight.read', unitId);
  return teams(db, { unit: unitId });
}

async function teams(db: Db, q: { ids?: number[]; unit?: number }): Promise<MediationTeam[]> {
  const where = q.ids
    ? 't.id = any($1::bigint[])'
    : `exists (select 1 from (${PLACES_SQL('$1::bigint')}) p where p.unit_id = t.unit_id and t.valid_from < p.valid_to and p.valid_from < t.valid_to)`;
  return db.query<MediationTeam>(
    `select t.id, t.unit_id as "unitId", ${unitNameAt('t.unit_id', 'least(vn_today(), t.valid_to - 1)')} as "unitName", t.name, t.valid_from as "validFrom",
            (select count(*)::int from mediation_team_members m where m.team_id = t.id and m.valid_to > vn_today()) as members,
            (select count(*)::int from mediation_cases c where c.team_id = t.id) as cases
       from mediation_teams t where ${where} order by 3, t.id limit 1000`,
    [q.ids ?? q.unit],
  );
}

type CaseRow = {
  id: number;
  team_id: number;
  team_name: string;
  unit_id: number;
  unit_name: string;
  received_on: string;
  kind: MediationCase['kind'];
  summary: string;
  parties_masked: string;
  outcome: MediationCase['outcome'];
  closed_on: string | null;
};
// Never the sealed parties: lists, details and exports carry the masked form only.
const CASE_COLUMNS = `c.id, c.team_id, t.name as team_name, c.unit_id, ${unitNameAt('c.unit_id', 'c.received_on')} as unit_name, c.received_on,
  c.kind, c.summary, c.parties_masked, c.outcome, c.closed_on`;

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
  const [r] = await db.query<CaseRow>(`select ${CASE_COLUMNS} from mediation_cases c join mediation_teams t on t.id = c.team_id where c.id = $1`, [id]);
  if (!r) throw new AppError('NOT_FOUND', { caseId: id });
  return r;
}

/** Cases of a unit's subtree (through its history), newest first; parties masked. */
export async function listCases(ctx: Ctx, unitId: number, q: { year?: number; limit: number }): Promise<MediationCase[]> {
  await assertUnitAccess(ctx.db, ctx.user, 'oversight.read', unitId);
  const rows = await ctx.db.query<CaseRow>(
    `select ${CASE_COLUMNS} from (${PLACES_SQL('$1::bigint')}) p
       join mediation_cases c on c.unit_id = p.unit_id and c.received_on >= p.valid_from and c.received_on < p.valid_to
       join mediation_teams t on t.id = c.team_id
      where $2::int is null or extract(year from c.received_on)::int = $2::int
      order by c.received_on desc, c.id desc limit ${Number(q.limit)}`,
    [unitId, q.year ?? null],
  );
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
    const [team] = await tx.query<{ id: number }>(
      'select id from mediation_teams where unit_id = $1 and valid_from <= $2::date and $2::date < valid_to order by valid_from desc limit 1',
      [input.unitId, input.receivedOn],
    );
    if (!team) throw new AppError('MEDIATION_TEAM_INVALID');
    const sealed = sealParties(
      input.parties.map((p) => ({ name: plain(p.name), ...(p.phone ? { phone: plain(p.phone) } : {}), ...(p.address ? { address: plain(p.address) } : {}) })),
    );
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into mediation_cases (team_id, unit_id, received_on, kind, summary, parties_enc, parties_masked, created_by, client_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [team.id, input.unitId, input.receivedOn, input.kind, plain(input.summary), sealed.enc, sealed.masked, ctx.user.id, input.clientKey ?? null],
    );
    const [after] = await presentCases(tx, ctx.user, [await caseRow(tx, id)]);
    // The audit keeps the masked parties only.
    await audit(tx, ctx.user, { action: 'create', entity: 'mediation_case', entityId: id, unitId: input.unitId, after });
    return after;
  });
}

export async function closeCase(ctx: Ctx, id: number, input: CloseMediationCase): Promise<MediationCase> {
  return ctx.db.tx(async (tx) => {
    const [lock] = await tx.query('select id from mediation_cases where id = $1 for update', [id]);
    if (!lock) throw new AppError('NOT_FOUND', { caseId: id });
    const r = await caseRow(tx, id);
    await assertUnitAccess(tx, ctx.user, 'mediation.write', r.unit_id, r.received_on);
    assertActive(ctx.user, input.closedOn);
    if (r.outcome !== 'pending') throw new AppError('MEDIATION_CASE_CLOSED');
    if (input.closedOn > today() || input.closedOn < r.received_on) throw new AppError('OVERSIGHT_DATE_INVALID', { date: input.closedOn });
    await tx.query('update mediation_cases set outcome = $2, closed_on = $3 where id = $1', [id, input.outcome, input.closedOn]);
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
    const [c] = await tx.query<{ unit_id: number; received_on: string; parties_enc: string }>('select unit_id, received_on, parties_enc from mediation_cases where id = $1', [id]);
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
  // Same facts as the metrics: cases by the day received, outcomes by the day closed.
  const [r] = await db.query<{ cases: number; closed: number; successful: number }>(
    `select count(*) filter (where extract(year from c.received_on)::int = $2)::int as cases,
            count(*) filter (where extract(year from c.closed_on)::int = $2)::int as closed,
            count(*) filter (where extract(year from c.closed_on)::int = $2 and c.outcome = 'success')::int as successful
       from (${PLACES_SQL('$1::bigint')}) p
       join mediation_cases c on c.unit_id = p.unit_id and c.received_on >= p.valid_from and c.received_on < p.valid_to`,
    [unitId, year],
  );
  return { ...r, rate: r.closed ? Math.round((r.successful * 1000) / r.closed) / 10 : null };
}
