import type { AnswerObligation, CreateDirective, Directive, DirectiveListQuery, DirectiveSummary, Inspection } from '@contract/direction';
import type { z } from 'zod';
import type { CreateInspection } from '@contract/direction';
import type { Db } from '../../db/db';
import { assertUnitAccess, scopeCondition, today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError, assertFound } from '../../platform/errors';
import { listDuties, underUnit, unitNameAt } from './queries';
import type { DutyPage, DutyQuery } from '@contract/direction';

const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').trim();

/** A unit lay strictly below another on a date (units only: a successor's past is not "below" it). */
export async function isBelow(db: Db, upper: number, lower: number, on: string): Promise<boolean> {
  const [r] = await db.query<{ ok: boolean }>(
    `select exists (select 1 from unit_closure c where c.ancestor_id = $1 and c.descendant_id = $2 and c.depth > 0
                      and c.valid_from <= $3::date and $3::date < c.valid_to) as ok`,
    [upper, lower, on],
  );
  return r.ok;
}

/**
 * Sends a directive down: the recipients are every unit of the chosen levels below the issuer on the
 * day of issue, or the units named (each must lie below it); each recipient owes every obligation.
 */
export async function createDirective(ctx: Ctx, input: CreateDirective): Promise<Directive> {
  if (!input.recipientLevels?.length && !input.recipientIds?.length) throw new AppError('DIRECTIVE_NO_RECIPIENTS');
  if (input.obligations.some((o) => o.dueOn < input.issuedOn)) throw new AppError('DIRECTIVE_DUE_BEFORE_ISSUE');
  if (input.issuedOn > today()) throw new AppError('DIRECTION_DATE_INVALID', { issuedOn: input.issuedOn });
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'direction.issue', input.unitId, input.issuedOn);
    const inserted = await tx.query<{ id: number }>(
      `insert into directives (unit_id, kind, number, issued_on, title, summary, files, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (unit_id, number, issued_on) do nothing returning id`,
      [input.unitId, input.kind, clean(input.number), input.issuedOn, clean(input.title), clean(input.summary), input.files.map(clean), ctx.user.id],
    );
    if (!inserted.length) throw new AppError('DIRECTIVE_NUMBER_TAKEN', { number: input.number });
    const id = inserted[0].id;
    const ids = input.recipientIds?.length ? [...new Set(input.recipientIds)] : null;
    const [{ n }] = await tx.query<{ n: number }>(
      `with r as (insert into directive_recipients (directive_id, unit_id)
         select $1, c.descendant_id from unit_closure c join units u on u.id = c.descendant_id
          where c.ancestor_id = $2 and c.depth > 0 and c.valid_from <= $3::date and $3::date < c.valid_to
            and u.valid_from <= $3::date and $3::date < u.valid_to
            and ($4::text[] is null or u.level = any($4::text[])) and ($5::bigint[] is null or c.descendant_id = any($5::bigint[]))
         on conflict do nothing returning 1)
       select count(*)::int as n from r`,
      [id, input.unitId, input.issuedOn, ids ? null : input.recipientLevels, ids],
    );
    if (ids ? n !== ids.length : n === 0) throw new AppError(ids ? 'DIRECTIVE_RECIPIENT_NOT_BELOW' : 'DIRECTIVE_NO_RECIPIENTS');
    for (const o of input.obligations) {
      await tx.query('insert into directive_obligations (directive_id, kind, what, due_on) values ($1, $2, $3, $4)', [id, o.kind, clean(o.what), o.dueOn]);
    }
    const out = await directiveById(tx, id);
    await audit(tx, ctx.user, {
      action: 'create',
      entity: 'directive',
      entityId: id,
      unitId: input.unitId,
      after: { ...out, recipientLevels: input.recipientLevels ?? null, recipientIds: ids },
    });
    return out;
  });
}

export async function directiveById(db: Db, id: number): Promise<Directive> {
  const [d] = await db.query<Omit<Directive, 'obligations'>>(
    `select d.id, d.unit_id as "unitId", ${unitNameAt('d.unit_id', 'd.issued_on')} as "unitName", d.kind, d.number, d.issued_on as "issuedOn",
            d.title, d.summary, d.files, (select count(*)::int from directive_recipients r where r.directive_id = d.id) as recipients
       from directives d where d.id = $1`,
    [id],
  );
  if (!d) throw new AppError('NOT_FOUND', { directiveId: id });
  const obligations = await db.query<Directive['obligations'][number]>(
    `select id, kind, what, due_on as "dueOn" from directive_obligations where directive_id = $1 order by due_on, id`,
    [id],
  );
  return { ...d, obligations };
}

/** A directive, readable by its issuer's scope or by a recipient in the user's scope. */
export async function getDirective({ db, user }: Ctx, id: number): Promise<Directive> {
  const d = await directiveById(db, id);
  try {
    await assertUnitAccess(db, user, 'direction.read', d.unitId);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'OUT_OF_SCOPE') throw e;
    const scope = scopeCondition(user, 'r.unit_id', '$2::date', 3);
    const [r] = await db.query<{ ok: boolean }>(`select exists (select 1 from directive_recipients r where r.directive_id = $1 and ${scope.sql}) as ok`, [
      id,
      d.issuedOn,
      ...scope.params,
    ]);
    if (!r.ok) throw e;
  }
  return d;
}

/** Directives issued by the unit or by units below it (through its history), with their answer counts. */
export async function listDirectives({ db, user }: Ctx, q: DirectiveListQuery, on = today()): Promise<DirectiveSummary[]> {
  await assertUnitAccess(db, user, 'direction.read', q.unit);
  const rows = await db.query<DirectiveSummary & { obligations: DirectiveSummary['obligations'] }>(
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
  return rows;
}

/**
 * Who owes what in the subtree of a unit (at a province: every ward and village that has not answered),
 * or with `own` what the levels above asked of the unit itself and by when.
 */
export async function duties({ db, user }: Ctx, q: DutyQuery & { own?: boolean }, on = today()): Promise<DutyPage> {
  await assertUnitAccess(db, user, 'direction.read', q.unit);
  return listDuties(db, user, q, on);
}

async function recipientOf(tx: Db, directiveId: number, unitId: number) {
  const [r] = await tx.query<{ issued_on: string; acknowledged_on: string | null }>(
    `select d.issued_on, r.acknowledged_on from directive_recipients r join directives d on d.id = r.directive_id
      where r.directive_id = $1 and r.unit_id = $2`,
    [directiveId, unitId],
  );
  return r;
}

/** The recipient says it has received the directive (once; later calls keep the first date). */
export async function acknowledge(ctx: Ctx, directiveId: number, unitId: number) {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'direction.write', unitId);
    const r = await recipientOf(tx, directiveId, unitId);
    if (!r) throw new AppError('DIRECTIVE_NOT_RECIPIENT');
    if (r.acknowledged_on) return { acknowledgedOn: r.acknowledged_on };
    const on = today();
    await tx.query('update directive_recipients set acknowledged_on = $3, acknowledged_by = $4 where directive_id = $1 and unit_id = $2', [directiveId, unitId, on, ctx.user.id]);
    await audit(tx, ctx.user, {
      action: 'acknowledge',
      entity: 'directive_recipient',
      entityId: `${directiveId}:${unitId}`,
      unitId,
      before: { acknowledgedOn: null },
      after: { acknowledgedOn: on },
    });
    return { acknowledgedOn: on };
  });
}

/** A recipient answers one obligation (text, figures, files); answering also acknowledges. */
export async function answerObligation(ctx: Ctx, obligationId: number, input: AnswerObligation) {
  const text = clean(input.text);
  if (!text && !Object.keys(input.figures).length && !input.files.length) throw new AppError('DIRECTIVE_ANSWER_EMPTY');
  return ctx.db.tx(async (tx) => {
    const answeredOn = input.answeredOn ?? today();
    await assertUnitAccess(tx, ctx.user, 'direction.write', input.unitId, answeredOn);
    const [o] = await tx.query<{ directive_id: number }>('select directive_id from directive_obligations where id = $1', [obligationId]);
    if (!o) throw new AppError('NOT_FOUND', { obligationId });
    const r = await recipientOf(tx, o.directive_id, input.unitId);
    if (!r) throw new AppError('DIRECTIVE_NOT_RECIPIENT');
    if (answeredOn < r.issued_on || answeredOn > today()) throw new AppError('DIRECTION_DATE_INVALID', { answeredOn });
    const rows = await tx.query<{ id: number }>(
      `insert into directive_answers (obligation_id, unit_id, answered_on, text, figures, files, created_by)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7) on conflict (obligation_id, unit_id) do nothing returning id`,
      [obligationId, input.unitId, answeredOn, text, JSON.stringify(input.figures), input.files.map(clean), ctx.user.id],
    );
    if (!rows.length) throw new AppError('DIRECTIVE_ALREADY_ANSWERED');
    if (!r.acknowledged_on) {
      await tx.query('update directive_recipients set acknowledged_on = $3, acknowledged_by = $4 where directive_id = $1 and unit_id = $2', [
        o.directive_id,
        input.unitId,
        answeredOn,
        ctx.user.id,
      ]);
    }
    const answer = { id: rows[0].id, obligationId, unitId: input.unitId, answeredOn, text, figures: input.figures, files: input.files };
    await audit(tx, ctx.user, { action: 'create', entity: 'directive_answer', entityId: answer.id, unitId: input.unitId, after: answer });
    return answer;
  });
}

/** Marks a reminder to every recipient that still owes an answer past its due date; returns how many. */
export async function remind(ctx: Ctx, directiveId: number, on = today()) {
  return ctx.db.tx(async (tx) => {
    const d = assertFound((await tx.query<{ unit_id: number; issued_on: string }>('select unit_id, issued_on from directives where id = $1', [directiveId]))[0]);
    // At the issuer on the day of issue (as the endpoint's record locator): a merged ward's directives carry on in its successor.
    await assertUnitAccess(tx, ctx.user, 'direction.issue', d.unit_id, d.issued_on);
    const rows = await tx.query<{ unit_id: number }>(
      `update directive_recipients r set reminded_on = $2 where r.directive_id = $1 and exists (
         select 1 from directive_obligations o where o.directive_id = r.directive_id and o.due_on < $2::date
            and not exists (select 1 from directive_answers a where a.obligation_id = o.id and a.unit_id = r.unit_id))
       returning r.unit_id`,
      [directiveId, on],
    );
    await audit(tx, ctx.user, { action: 'remind', entity: 'directive', entityId: directiveId, unitId: d.unit_id, after: { remindedOn: on, units: rows.map((r) => r.unit_id) } });
    return { reminded: rows.length };
  });
}

export async function createInspection(ctx: Ctx, input: z.infer<typeof CreateInspection>): Promise<Inspection> {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'direction.issue', input.unitId, input.heldOn);
    if (input.heldOn > today()) throw new AppError('DIRECTION_DATE_INVALID', { heldOn: input.heldOn });
    if (!(await isBelow(tx, input.unitId, input.inspectedUnitId, input.heldOn))) throw new AppError('DIRECTION_NOT_BELOW');
    const [row] = await tx.query<Inspection>(
      `insert into inspections (unit_id, inspected_unit_id, directive_id, held_on, topic, conclusions, created_by)
       values ($1, $2, $3, $4, $5, $6, $7)
       returning id, unit_id as "unitId", inspected_unit_id as "inspectedUnitId", directive_id as "directiveId", held_on as "heldOn", topic, conclusions,
                 ${unitNameAt('inspected_unit_id', 'held_on')} as "inspectedUnitName"`,
      [input.unitId, input.inspectedUnitId, input.directiveId ?? null, input.heldOn, clean(input.topic), clean(input.conclusions), ctx.user.id],
    );
    await audit(tx, ctx.user, { action: 'create', entity: 'inspection', entityId: row.id, unitId: input.inspectedUnitId, after: row });
    return row;
  });
}

export async function listInspections({ db, user }: Ctx, unitId: number): Promise<Inspection[]> {
  await assertUnitAccess(db, user, 'direction.read', unitId);
  return db.query<Inspection>(
    `select i.id, i.unit_id as "unitId", i.inspected_unit_id as "inspectedUnitId", i.directive_id as "directiveId", i.held_on as "heldOn", i.topic,
            i.conclusions, ${unitNameAt('i.inspected_unit_id', 'i.held_on')} as "inspectedUnitName"
       from inspections i where ${underUnit('$1::bigint', 'i.inspected_unit_id', 'i.held_on')} or i.unit_id = $1
      order by i.held_on desc limit 200`,
    [unitId],
  );
}
