import type { AnswerObligation, CreateDirective, Directive, DirectiveListQuery, DirectiveSummary, Inspection } from '@contract/direction';
import type { z } from 'zod';
import type { CreateInspection } from '@contract/direction';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError, assertFound } from '../../platform/errors';
import {
  findDirective,
  findDirectiveIssuer,
  findObligation,
  findRecipient,
  hasRecipientInScope,
  insertAnswer,
  insertDirective,
  insertInspection,
  insertObligation,
  insertRecipients,
  isBelow,
  listDirectivesUnder,
  listDuties,
  listInspectionsOf,
  listObligations,
  markReminded,
  setAcknowledged,
} from './queries';
import type { DutyPage, DutyQuery } from '@contract/direction';

const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').trim();

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
    const id = await insertDirective(tx, {
      unitId: input.unitId,
      kind: input.kind,
      number: clean(input.number),
      issuedOn: input.issuedOn,
      title: clean(input.title),
      summary: clean(input.summary),
      files: input.files.map(clean),
      createdBy: ctx.user.id,
    });
    if (id === undefined) throw new AppError('DIRECTIVE_NUMBER_TAKEN', { number: input.number });
    const ids = input.recipientIds?.length ? [...new Set(input.recipientIds)] : null;
    const n = await insertRecipients(tx, { directiveId: id, unitId: input.unitId, issuedOn: input.issuedOn, levels: ids ? null : input.recipientLevels, ids });
    if (ids ? n !== ids.length : n === 0) throw new AppError(ids ? 'DIRECTIVE_RECIPIENT_NOT_BELOW' : 'DIRECTIVE_NO_RECIPIENTS');
    for (const o of input.obligations) {
      await insertObligation(tx, id, { kind: o.kind, what: clean(o.what), dueOn: o.dueOn });
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
  const d = await findDirective(db, id);
  if (!d) throw new AppError('NOT_FOUND', { directiveId: id });
  const obligations = await listObligations(db, id);
  return { ...d, obligations };
}

/** A directive, readable by its issuer's scope or by a recipient in the user's scope. */
export async function getDirective({ db, user }: Ctx, id: number): Promise<Directive> {
  const d = await directiveById(db, id);
  try {
    await assertUnitAccess(db, user, 'direction.read', d.unitId);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'OUT_OF_SCOPE') throw e;
    if (!(await hasRecipientInScope(db, user, id, d.issuedOn))) throw e;
  }
  return d;
}

/** Directives issued by the unit or by units below it (through its history), with their answer counts. */
export async function listDirectives({ db, user }: Ctx, q: DirectiveListQuery, on = today()): Promise<DirectiveSummary[]> {
  await assertUnitAccess(db, user, 'direction.read', q.unit);
  return listDirectivesUnder(db, q, on);
}

/**
 * Who owes what in the subtree of a unit (at a province: every ward and village that has not answered),
 * or with `own` what the levels above asked of the unit itself and by when.
 */
export async function duties({ db, user }: Ctx, q: DutyQuery & { own?: boolean }, on = today()): Promise<DutyPage> {
  await assertUnitAccess(db, user, 'direction.read', q.unit);
  return listDuties(db, user, q, on);
}

/** The recipient says it has received the directive (once; later calls keep the first date). */
export async function acknowledge(ctx: Ctx, directiveId: number, unitId: number) {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'direction.write', unitId);
    const r = await findRecipient(tx, directiveId, unitId);
    if (!r) throw new AppError('DIRECTIVE_NOT_RECIPIENT');
    if (r.acknowledged_on) return { acknowledgedOn: r.acknowledged_on };
    const on = today();
    await setAcknowledged(tx, directiveId, unitId, on, ctx.user.id);
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
    const o = await findObligation(tx, obligationId);
    if (!o) throw new AppError('NOT_FOUND', { obligationId });
    const r = await findRecipient(tx, o.directive_id, input.unitId);
    if (!r) throw new AppError('DIRECTIVE_NOT_RECIPIENT');
    if (answeredOn < r.issued_on || answeredOn > today()) throw new AppError('DIRECTION_DATE_INVALID', { answeredOn });
    const id = await insertAnswer(tx, {
      obligationId,
      unitId: input.unitId,
      answeredOn,
      text,
      figures: input.figures,
      files: input.files.map(clean),
      createdBy: ctx.user.id,
    });
    if (id === undefined) throw new AppError('DIRECTIVE_ALREADY_ANSWERED');
    if (!r.acknowledged_on) await setAcknowledged(tx, o.directive_id, input.unitId, answeredOn, ctx.user.id);
    const answer = { id, obligationId, unitId: input.unitId, answeredOn, text, figures: input.figures, files: input.files };
    await audit(tx, ctx.user, { action: 'create', entity: 'directive_answer', entityId: answer.id, unitId: input.unitId, after: answer });
    return answer;
  });
}

/** Marks a reminder to every recipient that still owes an answer past its due date; returns how many. */
export async function remind(ctx: Ctx, directiveId: number, on = today()) {
  return ctx.db.tx(async (tx) => {
    const d = assertFound(await findDirectiveIssuer(tx, directiveId));
    // At the issuer on the day of issue (as the endpoint's record locator): a merged ward's directives carry on in its successor.
    await assertUnitAccess(tx, ctx.user, 'direction.issue', d.unit_id, d.issued_on);
    const units = await markReminded(tx, directiveId, on);
    await audit(tx, ctx.user, { action: 'remind', entity: 'directive', entityId: directiveId, unitId: d.unit_id, after: { remindedOn: on, units } });
    return { reminded: units.length };
  });
}

export async function createInspection(ctx: Ctx, input: z.infer<typeof CreateInspection>): Promise<Inspection> {
  return ctx.db.tx(async (tx) => {
    await assertUnitAccess(tx, ctx.user, 'direction.issue', input.unitId, input.heldOn);
    if (input.heldOn > today()) throw new AppError('DIRECTION_DATE_INVALID', { heldOn: input.heldOn });
    if (!(await isBelow(tx, input.unitId, input.inspectedUnitId, input.heldOn))) throw new AppError('DIRECTION_NOT_BELOW');
    const row = await insertInspection(tx, { ...input, topic: clean(input.topic), conclusions: clean(input.conclusions), createdBy: ctx.user.id });
    await audit(tx, ctx.user, { action: 'create', entity: 'inspection', entityId: row.id, unitId: input.inspectedUnitId, after: row });
    return row;
  });
}

export async function listInspections({ db, user }: Ctx, unitId: number): Promise<Inspection[]> {
  await assertUnitAccess(db, user, 'direction.read', unitId);
  return listInspectionsOf(db, unitId);
}
