import type { CreateSituationPeriod, SituationPeriod, SituationQuery } from '@contract/petitions';
import type { z } from 'zod';
import type { Db } from '../../db/db';
import { scopeCondition, type CurrentUser } from '../../platform/access';
import { PLACES_SQL, unitNameAt } from './queries';

// Situation report periods and reports (situation-service.ts).

/**
 * The (period, unit) pairs that owe a report: units of the period's levels in the subtree of the unit
 * that set it, on the due date. Shared with the metrics (target 2).
 */
export const REQUIRED_SQL = `select sp.id as period_id, sp.due_on, c.descendant_id as unit_id
    from situation_periods sp
    join unit_closure c on c.ancestor_id = sp.unit_id and c.valid_from <= sp.due_on and sp.due_on < c.valid_to
    join units u on u.id = c.descendant_id and u.level = any(sp.levels) and u.valid_from <= sp.due_on and sp.due_on < u.valid_to`;

const PERIOD_COLUMNS = `sp.id, sp.unit_id as "unitId", sp.kind, sp.starts_on as "startsOn", sp.ends_on as "endsOn", sp.due_on as "dueOn", sp.levels`;

/** Undefined when the unit already has a period of that kind starting that day. */
export async function insertPeriod(tx: Db, input: z.infer<typeof CreateSituationPeriod>): Promise<SituationPeriod | undefined> {
  const rows = await tx.query<SituationPeriod>(
    `insert into situation_periods (unit_id, kind, starts_on, ends_on, due_on, levels) values ($1, $2, $3, $4, $5, $6)
       on conflict (unit_id, kind, starts_on) do nothing returning ${PERIOD_COLUMNS.replaceAll('sp.', '')}`,
    [input.unitId, input.kind, input.startsOn, input.endsOn, input.dueOn, input.levels],
  );
  return rows[0];
}

/** The period's start, and whether the unit owes a report for it. */
export async function findPeriodForUnit(db: Db, periodId: number, unitId: number): Promise<{ starts_on: string; required: boolean } | undefined> {
  const [p] = await db.query<{ starts_on: string; required: boolean }>(
    `select sp.starts_on, exists (select 1 from (${REQUIRED_SQL}) r where r.period_id = sp.id and r.unit_id = $2) as required
         from situation_periods sp where sp.id = $1`,
    [periodId, unitId],
  );
  return p;
}

/** The new report's id; undefined when the unit already filed one for the period. */
export async function insertReport(
  tx: Db,
  r: { periodId: number; unitId: number; filedOn: string; topics: string; hotIssues: string[]; petitionIds: number[]; createdBy: number },
): Promise<number | undefined> {
  const rows = await tx.query<{ id: number }>(
    `insert into situation_reports (period_id, unit_id, filed_on, topics, hot_issues, petition_ids, created_by)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (period_id, unit_id) do nothing returning id`,
    [r.periodId, r.unitId, r.filedOn, r.topics, r.hotIssues, r.petitionIds, r.createdBy],
  );
  return rows[0]?.id;
}

export type SituationRow = {
  period_id: number;
  unit_id: number;
  unit_name: string;
  level: string;
  due_on: string;
  filed_on: string | null;
  report_id: number | null;
  hot_issues: string[] | null;
};

/**
 * Each (period, unit) owing a report in the unit's subtree (through its history) and in the user's scope,
 * with the report filed if any: the latest periods (twelve unless a period is asked for).
 */
export async function listSituationRows(db: Db, user: CurrentUser, q: SituationQuery, on: string): Promise<SituationRow[]> {
  const params: unknown[] = [q.unit, on];
  const conds: string[] = [];
  if (q.period && /^\d+$/.test(q.period)) conds.push(`sp.id = $${params.push(Number(q.period))}`);
  else if (q.period) conds.push(`sp.kind = $${params.push(q.period)}`);
  if (q.from) conds.push(`sp.due_on >= $${params.push(q.from)}::date`);
  if (q.to) conds.push(`sp.starts_on <= $${params.push(q.to)}::date`);
  const scope = scopeCondition(user, 'r.unit_id', 'r.due_on', params.length + 1);
  params.push(...scope.params);
  return db.query<SituationRow>(
    `with places as (${PLACES_SQL('$1::bigint')}),
     req as (select r.* from (${REQUIRED_SQL}) r join places s on s.unit_id = r.unit_id and r.due_on >= s.valid_from and r.due_on < s.valid_to
              join situation_periods sp on sp.id = r.period_id
             where ${conds.length ? conds.join(' and ') : 'true'} and ${scope.sql}),
     periods as (select distinct period_id, due_on from req order by due_on desc, period_id desc limit ${q.period ? 1000 : 12})
     select r.period_id, r.unit_id, ${unitNameAt('r.unit_id', 'r.due_on')} as unit_name, u.level, r.due_on, sr.filed_on, sr.id as report_id,
            sr.hot_issues
       from req r join periods pp on pp.period_id = r.period_id join units u on u.id = r.unit_id
       left join situation_reports sr on sr.period_id = r.period_id and sr.unit_id = r.unit_id
      where $2::date is not null
      order by r.due_on desc, u.level, unit_name limit 5000`,
    params,
  );
}

export async function listPeriodsByIds(db: Db, ids: number[]): Promise<SituationPeriod[]> {
  return db.query<SituationPeriod>(`select ${PERIOD_COLUMNS} from situation_periods sp where sp.id = any($1::bigint[]) order by sp.due_on desc`, [ids]);
}

/** The periods set by the unit (or its successor) or a level above it: the latest 100. */
export async function listPeriods(db: Db, unitId: number): Promise<SituationPeriod[]> {
  return db.query<SituationPeriod>(
    `select ${PERIOD_COLUMNS} from situation_periods sp where sp.unit_id in (
       select c.ancestor_id from unit_lineage_closure l join unit_closure c on c.descendant_id = l.successor_id where l.predecessor_id = $1)
     order by sp.due_on desc limit 100`,
    [unitId],
  );
}
