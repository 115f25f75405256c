import type { AnswerStatus, DutyPage, DutyQuery, DutyRow } from '@contract/direction';
import type { Db } from '../../db/db';
import { scopeCondition, today, type CurrentUser } from '../../platform/access';
import { Where } from '../../platform/sql';

/** A unit's name as it was on a date (its nearest version otherwise). */
export const unitNameAt = (unitExpr: string, dateExpr: string) => `(select v.name from unit_versions v where v.unit_id = ${unitExpr}
   order by (v.valid_from <= ${dateExpr} and ${dateExpr} < v.valid_to) desc, v.valid_from desc limit 1)`;

/**
 * `unitExpr` lay, on `dateExpr`, in the subtree of the unit `rootParam` or of a unit whose history rolls
 * into it (the scope rule of platform/access): one lineage row and one closure lookup per candidate. Its aliases
 * (under_l, under_c) cannot shadow the caller's (a course aliased `c` was compared with itself).
 */
export const underUnit = (rootParam: string, unitExpr: string, dateExpr: string, strict = false) => `exists (
   select 1 from unit_lineage_closure under_l join unit_closure under_c on under_c.ancestor_id = under_l.predecessor_id
    where under_l.successor_id = ${rootParam} and under_c.descendant_id = ${unitExpr} and under_c.valid_from <= ${dateExpr} and ${dateExpr} < under_c.valid_to
      ${strict ? 'and under_c.depth > 0' : ''})`;

/** Same rule as the situation reports: answered by the due date, after it, not at all (past due), not yet due. */
export function answerStatus(answeredOn: string | null, dueOn: string, on: string): AnswerStatus {
  if (answeredOn) return answeredOn <= dueOn ? 'on_time' : 'late';
  return dueOn < on ? 'not_answered' : 'pending';
}

const STATUS_SQL = `case when a.answered_on is not null then (case when a.answered_on <= o.due_on then 'on_time' else 'late' end)
  when o.due_on < $ON::date then 'not_answered' else 'pending' end`;

type DutyDbRow = {
  directive_id: number;
  number: string;
  title: string;
  issuer_id: number;
  issuer_name: string;
  issued_on: string;
  obligation_id: number;
  obligation_kind: DutyRow['obligationKind'];
  what: string;
  due_on: string;
  unit_id: number;
  unit_name: string;
  level: string;
  status: AnswerStatus;
  answered_on: string | null;
  acknowledged_on: string | null;
  answer_text: string | null;
  figures: Record<string, number> | null;
  total: number;
  on_time: number;
  late: number;
  not_answered: number;
  pending: number;
};

/**
 * The duties (recipient × obligation) of the units in the subtree of `q.unit` through its history — at a
 * province every ward's and village's, at a ward its own and its villages' — or, with `own`, only those
 * of the unit itself (and its predecessors). The user's scope is applied in the same query.
 */
export async function listDuties(db: Db, user: CurrentUser, q: DutyQuery & { own?: boolean }, on = today()): Promise<DutyPage> {
  const w = new Where();
  const unitP = `$${w.params.push(q.unit)}::bigint`;
  // Every recipient lay below the issuer on the day of issue (createDirective expands them from the
  // closure), so when the issuer lies in a subtree, so do all its recipients: the issuer is checked first
  // and a recipient only when that fails. Inside an OR the planner probes the closure index per row
  // instead of hashing the unit's whole subtree (192,615 closure rows at the centre: ~85 of ~105 ms).
  if (q.own) w.add(() => `r.unit_id in (select predecessor_id from unit_lineage_closure where successor_id = ${unitP})`);
  else w.add(() => `(${underUnit(unitP, 'd.unit_id', 'd.issued_on')} or ${underUnit(unitP, 'r.unit_id', 'd.issued_on')})`);
  if (q.unit !== user.unitId) {
    w.scoped((n) => {
      const [issuer, recipient] = [scopeCondition(user, 'd.unit_id', 'd.issued_on', n), scopeCondition(user, 'r.unit_id', 'd.issued_on', n)];
      return { sql: `(${issuer.sql} or ${recipient.sql})`, params: recipient.params };
    });
  }
  if (q.directive) w.add((p) => `r.directive_id = ${p(q.directive)}`);
  const onP = `$${w.params.push(on)}`;
  const status = STATUS_SQL.replaceAll('$ON', onP);
  const statusFilter = q.status ? `where x.status = $${w.params.push(q.status)}` : '';
  const rows = await db.query<DutyDbRow>(
    `with x as (
       select d.id as directive_id, d.number, d.title, d.unit_id as issuer_id, d.issued_on, o.id as obligation_id, o.kind as obligation_kind,
              o.what, o.due_on, r.unit_id, r.acknowledged_on, a.answered_on, a.text as answer_text, a.figures, ${status} as status
         from directive_recipients r
         join directives d on d.id = r.directive_id
         join directive_obligations o on o.directive_id = r.directive_id
         left join directive_answers a on a.obligation_id = o.id and a.unit_id = r.unit_id
        where ${w.sql}),
     counted as (
       select x.*, count(*) over ()::int as total,
              count(*) filter (where status = 'on_time') over ()::int as on_time, count(*) filter (where status = 'late') over ()::int as late,
              count(*) filter (where status = 'not_answered') over ()::int as not_answered,
              count(*) filter (where status = 'pending') over ()::int as pending
         from x ${statusFilter}),
     page as (select * from counted order by due_on, directive_id, obligation_id, unit_id limit ${Number(q.limit)})
     select p.*, ${unitNameAt('p.unit_id', 'p.issued_on')} as unit_name, ${unitNameAt('p.issuer_id', 'p.issued_on')} as issuer_name, u.level
       from page p join units u on u.id = p.unit_id
      order by p.due_on, p.directive_id, p.obligation_id, unit_name`,
    w.params,
  );
  const f = rows[0];
  return {
    rows: rows.map((r) => ({
      directiveId: r.directive_id,
      number: r.number,
      title: r.title,
      issuerId: r.issuer_id,
      issuerName: r.issuer_name,
      issuedOn: r.issued_on,
      obligationId: r.obligation_id,
      obligationKind: r.obligation_kind,
      what: r.what,
      dueOn: r.due_on,
      unitId: r.unit_id,
      unitName: r.unit_name,
      level: r.level,
      status: r.status,
      answeredOn: r.answered_on,
      acknowledgedOn: r.acknowledged_on,
      answerText: r.answer_text,
      figures: r.figures,
    })),
    total: f?.total ?? 0,
    summary: { onTime: f?.on_time ?? 0, late: f?.late ?? 0, notAnswered: f?.not_answered ?? 0, pending: f?.pending ?? 0 },
  };
}

export type OpenTask = { source: 'key_task' | 'directive'; id: number; title: string; dueOn: string | null; detail: string };

/**
 * What a unit still has to do, for the "tasks for the next period" of a report: its key tasks of the
 * period's years not yet completed by `to`, and the directive obligations it owes that fall due in the
 * period or later and had no answer by `to`.
 */
export async function openTasksOf(db: Db, unitId: number, from: string, to: string): Promise<OpenTask[]> {
  return db.query<OpenTask>(
    `select 'key_task' as source, k.id, k.title, null::date as "dueOn", k.progress || '%' as detail
       from key_tasks k
      where k.unit_id in (select predecessor_id from unit_lineage_closure where successor_id = $1)
        and k.year between extract(year from $2::date) and extract(year from $3::date)
        and (k.completed_on is null or k.completed_on > $3::date)
     union all
     select 'directive', o.id, d.number || ': ' || o.what, o.due_on, d.title
       from directive_recipients r join directives d on d.id = r.directive_id join directive_obligations o on o.directive_id = d.id
      where r.unit_id in (select predecessor_id from unit_lineage_closure where successor_id = $1)
        and d.issued_on <= $3::date and o.due_on >= $2::date
        and not exists (select 1 from directive_answers a where a.obligation_id = o.id and a.unit_id = r.unit_id and a.answered_on <= $3::date)
      order by 1 desc, 4 nulls first, 2`,
    [unitId, from, to],
  );
}
