// The SQL of annual grading (grading-service) and where a grading lies (its record locator).
import type { Evidence, Grade, Grading } from '@contract/direction';
import type { Db } from '../../db/db';
import type { Located } from '../../platform/endpoints';
import { underUnit, unitNameAt } from './queries';

const GRADING = `g.id, g.unit_id as "unitId", ${unitNameAt('g.unit_id', 'make_date(g.year, 12, 31)')} as "unitName", u.level, g.year,
  g.proposed_grade as "proposedGrade", g.evidence, g.grade, g.reason, du.display_name as "decidedBy", g.decided_on as "decidedOn"`;
const GRADING_FROM = `gradings g join units u on u.id = g.unit_id left join users du on du.id = g.decided_by`;

/** The day a unit's year is graded on: the year's last day, or the unit's last day if it ended that year. */
export const GRADED_ON = (unitExpr: string, yearExpr: string) => `least(make_date(${yearExpr}, 12, 31), (select valid_to - 1 from units where id = ${unitExpr}))`;

export async function findGrading(db: Db, id: number): Promise<Grading | undefined> {
  return (await db.query<Grading>(`select ${GRADING} from ${GRADING_FROM} where g.id = $1`, [id]))[0];
}

export async function gradedOn(db: Db, unitId: number, year: number): Promise<string> {
  const [{ on }] = await db.query<{ on: string }>(`select ${GRADED_ON('$1::bigint', '$2::int')}::text as "on"`, [unitId, year]);
  return on;
}

/** `upper` (or a unit whose history it carries) held `unitId` strictly below it on `on`. */
export async function heldBelow(db: Db, upper: number | null, unitId: number, on: string): Promise<boolean> {
  const [r] = await db.query<{ ok: boolean }>(`select ${underUnit('$1::bigint', '$2::bigint', '$3::date', true)} as ok`, [upper, unitId, on]);
  return r.ok;
}

export async function findUnitLevel(db: Db, unitId: number): Promise<string | undefined> {
  const [u] = await db.query<{ level: string }>('select level from units where id = $1', [unitId]);
  return u?.level;
}

export type GradingState = { id: number; grade: string | null; proposed_grade: string | null };

export async function findGradingOf(db: Db, unitId: number, year: number): Promise<GradingState | undefined> {
  const [existing] = await db.query<GradingState>('select id, grade, proposed_grade from gradings where unit_id = $1 and year = $2', [unitId, year]);
  return existing;
}

/** Inserts the proposal, or replaces the proposal and evidence of the unit's year; returns the grading's id. */
export async function upsertProposal(db: Db, v: { unitId: number; year: number; proposed: Grade | null; evidence: Evidence[] }): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into gradings (unit_id, year, proposed_grade, evidence) values ($1, $2, $3, $4::jsonb)
       on conflict (unit_id, year) do update set proposed_grade = excluded.proposed_grade, evidence = excluded.evidence returning id`,
    [v.unitId, v.year, v.proposed, JSON.stringify(v.evidence)],
  );
  return id;
}

export async function updateDecision(db: Db, id: number, v: { grade: Grade; reason: string | null; decidedBy: number; decidedOn: string }): Promise<void> {
  await db.query('update gradings set grade = $2, reason = $3, decided_by = $4, decided_on = $5 where id = $1', [id, v.grade, v.reason, v.decidedBy, v.decidedOn]);
}

/** Gradings of the units in a unit's subtree (through its history), optionally of one year. */
export async function listGradingsUnder(db: Db, unitId: number, year: number | null): Promise<Grading[]> {
  return db.query<Grading>(
    `select ${GRADING} from ${GRADING_FROM}
      where ${underUnit('$1::bigint', 'g.unit_id', `least(make_date(g.year, 12, 31), u.valid_to - 1)`)} and ($2::int is null or g.year = $2)
      order by g.year desc, u.level, "unitName" limit 2000`,
    [unitId, year],
  );
}

export const locateGrading = async (db: Db, id: number): Promise<Located | undefined> =>
  (await db.query<{ unitId: number; date: string }>(`select unit_id as "unitId", ${GRADED_ON('g.unit_id', 'g.year')}::text as date from gradings g where id = $1`, [id]))[0];
