import type { AnswerStatus, CreateInspection, Directive, DirectiveListQuery, DirectiveSummary, DutyPage, DutyQuery, DutyRow, Inspection } from '@contract/direction';
import type { z } from 'zod';
import type { Db } from '../../db/db';
import { scopeCondition, today, type CurrentUser } from '../../platform/access';
import type { Located } from '../../platform/endpoints';
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

// ---- directives (directive-service) ----

/** A unit lay strictly below another on a date (units only: a successor's past is not "below" it). */
export async function isBelow(db: Db, upper: number, lower: number, on: string): Promise<boolean> {
  const [r] = await db.query<{ ok: boolean }>(
    `select exists (select 1 from unit_closure c where c.ancestor_id = $1 and c.descendant_id = $2 and c.depth > 0
                      and c.valid_from <= $3::date and $3::date < c.valid_to) as ok`,
    [upper, lower, on],
  );
  return r.ok;
}

/** The new directive's id; undefined when the issuer already has that number on that day. */
export async function insertDirective(
  db: Db,
  v: { unitId: number; kind: string; number: string; issuedOn: string; title: string; summary: string; files: string[]; createdBy: number },
): Promise<number | undefined> {
  const inserted = await db.query<{ id: number }>(
    `insert into directives (unit_id, kind, number, issued_on, title, summary, files, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (unit_id, number, issued_on) do nothing returning id`,
    [v.unitId, v.kind, v.number, v.issuedOn, v.title, v.summary, v.files, v.createdBy],
  );
  return inserted[0]?.id;
}

/**
 * Adds as recipients the units below the issuer on the day of issue, of the given levels or among the
 * given ids (one of the two is null); returns how many were added.
 */
export async function insertRecipients(
  db: Db,
  v: { directiveId: number; unitId: number; issuedOn: string; levels: string[] | null | undefined; ids: number[] | null },
): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(
    `with r as (insert into directive_recipients (directive_id, unit_id)
         select $1, c.descendant_id from unit_closure c join units u on u.id = c.descendant_id
          where c.ancestor_id = $2 and c.depth > 0 and c.valid_from <= $3::date and $3::date < c.valid_to
            and u.valid_from <= $3::date and $3::date < u.valid_to
            and ($4::text[] is null or u.level = any($4::text[])) and ($5::bigint[] is null or c.descendant_id = any($5::bigint[]))
         on conflict do nothing returning 1)
       select count(*)::int as n from r`,
    [v.directiveId, v.unitId, v.issuedOn, v.levels, v.ids],
  );
  return n;
}

export async function insertObligation(db: Db, directiveId: number, o: { kind: string; what: string; dueOn: string }): Promise<void> {
  await db.query('insert into directive_obligations (directive_id, kind, what, due_on) values ($1, $2, $3, $4)', [directiveId, o.kind, o.what, o.dueOn]);
}

export async function findDirective(db: Db, id: number): Promise<Omit<Directive, 'obligations'> | undefined> {
  const [d] = await db.query<Omit<Directive, 'obligations'>>(
    `select d.id, d.unit_id as "unitId", ${unitNameAt('d.unit_id', 'd.issued_on')} as "unitName", d.kind, d.number, d.issued_on as "issuedOn",
            d.title, d.summary, d.files, (select count(*)::int from directive_recipients r where r.directive_id = d.id) as recipients
       from directives d where d.id = $1`,
    [id],
  );
  return d;
}

export async function listObligations(db: Db, directiveId: number): Promise<Directive['obligations']> {
  return db.query<Directive['obligations'][number]>(`select id, kind, what, due_on as "dueOn" from directive_obligations where directive_id = $1 order by due_on, id`, [
    directiveId,
  ]);
}

/** Some recipient of the directive lay in the user's scope on the day of issue. */
export async function hasRecipientInScope(db: Db, user: CurrentUser, directiveId: number, issuedOn: string): Promise<boolean> {
  const scope = scopeCondition(user, 'r.unit_id', '$2::date', 3);
  const [r] = await db.query<{ ok: boolean }>(`select exists (select 1 from directive_recipients r where r.directive_id = $1 and ${scope.sql}) as ok`, [
    directiveId,
    issuedOn,
    ...scope.params,
  ]);
  return r.ok;
}

/** Directives issued in the subtree of q.unit (through its history), with their answer counts on `on`. */
export async function listDirectivesUnder(db: Db, q: DirectiveListQuery, on: string): Promise<DirectiveSummary[]> {
  return db.query<DirectiveSummary & { obligations: DirectiveSummary['obligations'] }>(
    `select d.id, d.unit_id as "unitId", ${unitNameAt('d.unit_id', 'd.issued_on')} as "unitName", d.kind, d.number, d.issued_on as "issuedOn", d.title,
            (select json_agg(json_build_object('id', o.id, 'kind', o.kind, 'what', o.what, 'dueOn', o.due_on) order by o.due_on, o.id)
               from directive_obligations o where o.directive_id = d.id) as obligations,
            (select count(*)::int from directive_recipients r where r.directive_id = d.id) as recipients,
            s.answered, s.late, s.not_answered as "notAnswered", s.pending
       from directives d
       cross join lateral (
         select count(*) filter (where a.answered_on <= o.due_on)::int as answered, count(*) filter (where a.answered_on > o.due_on)::int as late,
                count(*) filter (where a.id is null and o.due_on < $2::date)::int as not_answered,
                count(*) filter (where a.id is null and o.due_on >= $2::date)::int as pending
           from directive_recipients r join directive_obligations o on o.directive_id = r.directive_id
           left join directive_answers a on a.obligation_id = o.id and a.unit_id = r.unit_id
          where r.directive_id = d.id) s
      where ${underUnit('$1::bigint', 'd.unit_id', 'd.issued_on')}
        and ($3::date is null or d.issued_on >= $3::date) and ($4::date is null or d.issued_on <= $4::date)
      order by d.issued_on desc, d.id desc limit 200`,
    [q.unit, on, q.from ?? null, q.to ?? null],
  );
}

export type Recipient = { issued_on: string; acknowledged_on: string | null };

export async function findRecipient(db: Db, directiveId: number, unitId: number): Promise<Recipient | undefined> {
  const [r] = await db.query<Recipient>(
    `select d.issued_on, r.acknowledged_on from directive_recipients r join directives d on d.id = r.directive_id
      where r.directive_id = $1 and r.unit_id = $2`,
    [directiveId, unitId],
  );
  return r;
}

export async function setAcknowledged(db: Db, directiveId: number, unitId: number, on: string, by: number): Promise<void> {
  await db.query('update directive_recipients set acknowledged_on = $3, acknowledged_by = $4 where directive_id = $1 and unit_id = $2', [directiveId, unitId, on, by]);
}

export async function findObligation(db: Db, id: number): Promise<{ directive_id: number } | undefined> {
  const [o] = await db.query<{ directive_id: number }>('select directive_id from directive_obligations where id = $1', [id]);
  return o;
}

/** The new answer's id; undefined when the unit has already answered the obligation. */
export async function insertAnswer(
  db: Db,
  v: { obligationId: number; unitId: number; answeredOn: string; text: string; figures: Record<string, number>; files: string[]; createdBy: number },
): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    `insert into directive_answers (obligation_id, unit_id, answered_on, text, figures, files, created_by)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7) on conflict (obligation_id, unit_id) do nothing returning id`,
    [v.obligationId, v.unitId, v.answeredOn, v.text, JSON.stringify(v.figures), v.files, v.createdBy],
  );
  return rows[0]?.id;
}

export async function findDirectiveIssuer(db: Db, id: number): Promise<{ unit_id: number; issued_on: string } | undefined> {
  return (await db.query<{ unit_id: number; issued_on: string }>('select unit_id, issued_on from directives where id = $1', [id]))[0];
}

/** Marks reminded on `on` every recipient still owing an answer past its due date; returns their units. */
export async function markReminded(db: Db, directiveId: number, on: string): Promise<number[]> {
  const rows = await db.query<{ unit_id: number }>(
    `update directive_recipients r set reminded_on = $2 where r.directive_id = $1 and exists (
         select 1 from directive_obligations o where o.directive_id = r.directive_id and o.due_on < $2::date
            and not exists (select 1 from directive_answers a where a.obligation_id = o.id and a.unit_id = r.unit_id))
       returning r.unit_id`,
    [directiveId, on],
  );
  return rows.map((r) => r.unit_id);
}

export const locateDirective = async (db: Db, id: number): Promise<Located | undefined> =>
  (await db.query<{ unitId: number; date: string }>(`select unit_id as "unitId", issued_on::text as date from directives where id = $1`, [id]))[0];

// ---- inspections ----

export async function insertInspection(db: Db, v: z.infer<typeof CreateInspection> & { createdBy: number }): Promise<Inspection> {
  const [row] = await db.query<Inspection>(
    `insert into inspections (unit_id, inspected_unit_id, directive_id, held_on, topic, conclusions, created_by)
       values ($1, $2, $3, $4, $5, $6, $7)
       returning id, unit_id as "unitId", inspected_unit_id as "inspectedUnitId", directive_id as "directiveId", held_on as "heldOn", topic, conclusions,
                 ${unitNameAt('inspected_unit_id', 'held_on')} as "inspectedUnitName"`,
    [v.unitId, v.inspectedUnitId, v.directiveId ?? null, v.heldOn, v.topic, v.conclusions, v.createdBy],
  );
  return row;
}

/** Inspections of units in the subtree of a unit (through its history), or made by it. */
export async function listInspectionsOf(db: Db, unitId: number): Promise<Inspection[]> {
  return db.query<Inspection>(
    `select i.id, i.unit_id as "unitId", i.inspected_unit_id as "inspectedUnitId", i.directive_id as "directiveId", i.held_on as "heldOn", i.topic,
            i.conclusions, ${unitNameAt('i.inspected_unit_id', 'i.held_on')} as "inspectedUnitName"
       from inspections i where ${underUnit('$1::bigint', 'i.inspected_unit_id', 'i.held_on')} or i.unit_id = $1
      order by i.held_on desc limit 200`,
    [unitId],
  );
}
