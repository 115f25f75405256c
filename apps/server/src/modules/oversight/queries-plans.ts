import type { CreatePlan, Plan } from '@contract/oversight';
import type { UnitLevel } from '@contract/units';
import type { Db } from '../../db/db';
import { unitNameAt } from '../petitions/queries';

// The yearly oversight plans and their topics.

export type PlanRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  level: UnitLevel;
  year: number;
  status: Plan['status'];
  approved_on: string | null;
  party_opinion: string | null;
  party_opinion_on: string | null;
};

export async function findPlanId(db: Db, unitId: number, year: number): Promise<number | undefined> {
  const [p] = await db.query<{ id: number }>('select id from oversight_plans where unit_id = $1 and year = $2', [unitId, year]);
  return p?.id;
}

export async function findPlan(db: Db, id: number): Promise<PlanRow> {
  const [p] = await db.query<PlanRow>(
    `select p.id, p.unit_id, ${unitNameAt('p.unit_id', 'make_date(p.year, 6, 30)')} as unit_name, u.level, p.year, p.status, p.approved_on,
             p.party_opinion, p.party_opinion_on from oversight_plans p join units u on u.id = p.unit_id where p.id = $1`,
    [id],
  );
  return p;
}

export async function listPlanTopics(db: Db, planId: number): Promise<Plan['topics']> {
  return db.query<Plan['topics'][number]>(
    `select t.id, t.kind, t.title, t.subject_kind as "subjectKind", t.subject, t.form, t.quarter,
            (select min(a.id) from oversight_activities a where a.topic_id = t.id) as "activityId"
       from oversight_plan_topics t where t.plan_id = $1 order by t.quarter, t.id`,
    [planId],
  );
}

/** Activities of the unit in the year that count towards target 10 (every criticism, the supervisions the Front leads), by kind. */
export async function countCarriedActivities(db: Db, unitId: number, year: number): Promise<Array<{ kind: string; n: number }>> {
  return db.query<{ kind: string; n: number }>(
    `select kind, count(*)::int as n from oversight_activities
      where unit_id = $1 and started_on >= make_date($2, 1, 1) and started_on < make_date($2 + 1, 1, 1) and (kind = 'criticism' or form = 'direct')
      group by kind`,
    [unitId, year],
  );
}

export async function lockPlanOfYear(tx: Db, unitId: number, year: number): Promise<{ id: number; status: string } | undefined> {
  const [p] = await tx.query<{ id: number; status: string }>('select id, status from oversight_plans where unit_id = $1 and year = $2 for update', [unitId, year]);
  return p;
}

export async function lockPlan(tx: Db, id: number): Promise<{ unit_id: number; status: string; year: number } | undefined> {
  const [p] = await tx.query<{ unit_id: number; status: string; year: number }>('select unit_id, status, year from oversight_plans where id = $1 for update', [id]);
  return p;
}

export async function insertPlan(tx: Db, unitId: number, year: number, createdBy: number): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>('insert into oversight_plans (unit_id, year, created_by) values ($1, $2, $3) returning id', [unitId, year, createdBy]);
  return id;
}

/** Drops a draft's topics, except those an activity already carried out. */
export async function deleteUnusedPlanTopics(tx: Db, planId: number): Promise<void> {
  await tx.query('delete from oversight_plan_topics where plan_id = $1 and id not in (select topic_id from oversight_activities where topic_id is not null)', [planId]);
}

export async function insertPlanTopic(tx: Db, planId: number, t: CreatePlan['topics'][number]): Promise<void> {
  await tx.query(`insert into oversight_plan_topics (plan_id, kind, title, subject_kind, subject, form, quarter) values ($1, $2, $3, $4, $5, $6, $7)`, [
    planId,
    t.kind,
    t.title,
    t.subjectKind,
    t.subject,
    t.form,
    t.quarter,
  ]);
}

export async function updatePlanApproved(
  tx: Db,
  id: number,
  v: { approvedOn: string; approvedBy: number; partyOpinion: string | null; partyOpinionOn: string | null },
): Promise<void> {
  await tx.query(`update oversight_plans set status = 'approved', approved_on = $2, approved_by = $3, party_opinion = $4, party_opinion_on = $5 where id = $1`, [
    id,
    v.approvedOn,
    v.approvedBy,
    v.partyOpinion,
    v.partyOpinionOn,
  ]);
}
