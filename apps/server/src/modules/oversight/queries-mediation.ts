import type { MediationCase, MediationTeam } from '@contract/oversight';
import type { Db } from '../../db/db';
import { PLACES_SQL, unitNameAt } from '../petitions/queries';

// Village mediation: teams (tổ hòa giải) and their cases.

/** The team's term runs to the end of its village. */
export async function insertMediationTeam(tx: Db, unitId: number, name: string, validFrom: string): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into mediation_teams (unit_id, name, valid_from, valid_to) values ($1, $2, $3, (select valid_to from units where id = $1)) returning id`,
    [unitId, name, validFrom],
  );
  return id;
}

export async function insertMediationTeamMember(tx: Db, teamId: number, m: { fullName: string; role: string; validFrom: string }): Promise<void> {
  await tx.query('insert into mediation_team_members (team_id, full_name, role, valid_from) values ($1, $2, $3, $4)', [teamId, m.fullName, m.role, m.validFrom]);
}

/** Teams by id, or those of a unit's subtree (through its history), with their current members and their cases counted. */
export async function findMediationTeams(db: Db, q: { ids?: number[]; unit?: number }): Promise<MediationTeam[]> {
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

/** The village's team on the date (the latest formed, if terms overlap). */
export async function findMediationTeamOn(tx: Db, unitId: number, date: string): Promise<{ id: number } | undefined> {
  const [team] = await tx.query<{ id: number }>(
    'select id from mediation_teams where unit_id = $1 and valid_from <= $2::date and $2::date < valid_to order by valid_from desc limit 1',
    [unitId, date],
  );
  return team;
}

export type CaseRow = {
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

export async function findCaseRow(db: Db, id: number): Promise<CaseRow | undefined> {
  const [r] = await db.query<CaseRow>(`select ${CASE_COLUMNS} from mediation_cases c join mediation_teams t on t.id = c.team_id where c.id = $1`, [id]);
  return r;
}

/** Cases of a unit's subtree (through its history), optionally of one year, newest first. */
export async function listCaseRows(db: Db, unitId: number, q: { year?: number; limit: number }): Promise<CaseRow[]> {
  return db.query<CaseRow>(
    `select ${CASE_COLUMNS} from (${PLACES_SQL('$1::bigint')}) p
       join mediation_cases c on c.unit_id = p.unit_id and c.received_on >= p.valid_from and c.received_on < p.valid_to
       join mediation_teams t on t.id = c.team_id
      where $2::int is null or extract(year from c.received_on)::int = $2::int
      order by c.received_on desc, c.id desc limit ${Number(q.limit)}`,
    [unitId, q.year ?? null],
  );
}

export async function insertMediationCase(
  tx: Db,
  c: {
    teamId: number;
    unitId: number;
    receivedOn: string;
    kind: MediationCase['kind'];
    summary: string;
    partiesEnc: string;
    partiesMasked: string;
    createdBy: number;
    clientKey: string | null;
  },
): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into mediation_cases (team_id, unit_id, received_on, kind, summary, parties_enc, parties_masked, created_by, client_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [c.teamId, c.unitId, c.receivedOn, c.kind, c.summary, c.partiesEnc, c.partiesMasked, c.createdBy, c.clientKey],
  );
  return id;
}

/** Locks the case's row; false when there is none. */
export async function lockMediationCase(tx: Db, id: number): Promise<boolean> {
  const [lock] = await tx.query('select id from mediation_cases where id = $1 for update', [id]);
  return !!lock;
}

export async function updateMediationCaseClosed(tx: Db, id: number, outcome: MediationCase['outcome'], closedOn: string): Promise<void> {
  await tx.query('update mediation_cases set outcome = $2, closed_on = $3 where id = $1', [id, outcome, closedOn]);
}

/** The sealed parties, with where the case lies (for the access check before they are opened). */
export async function findCaseParties(tx: Db, id: number): Promise<{ unit_id: number; received_on: string; parties_enc: string } | undefined> {
  const [c] = await tx.query<{ unit_id: number; received_on: string; parties_enc: string }>('select unit_id, received_on, parties_enc from mediation_cases where id = $1', [id]);
  return c;
}

/** Same facts as the metrics: cases by the day received, outcomes by the day closed. */
export async function countMediationCases(db: Db, unitId: number, year: number): Promise<{ cases: number; closed: number; successful: number }> {
  const [r] = await db.query<{ cases: number; closed: number; successful: number }>(
    `select count(*) filter (where extract(year from c.received_on)::int = $2)::int as cases,
            count(*) filter (where extract(year from c.closed_on)::int = $2)::int as closed,
            count(*) filter (where extract(year from c.closed_on)::int = $2 and c.outcome = 'success')::int as successful
       from (${PLACES_SQL('$1::bigint')}) p
       join mediation_cases c on c.unit_id = p.unit_id and c.received_on >= p.valid_from and c.received_on < p.valid_to`,
    [unitId, year],
  );
  return r;
}
