import { notifyStatus } from '../notify/citizen';
import type { CreatePetition, PetitionActionInput, PetitionDetail, PetitionIdentity } from '@contract/petitions';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, unitsInScope, type Ctx, type CurrentUser } from '../../platform/access';
import type { Located } from '../../platform/endpoints';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { openIdentity, sealIdentity } from './identity';
import {
  activeUserRole,
  agencyServesUnit,
  answerPetition,
  clearPetitionDue,
  closePetition,
  deadlineRule,
  declinePetition,
  extendPetition,
  findAttachment,
  forwardPetition,
  insertAttachment,
  insertPetitionEvent,
  insertPetitionRow,
  insertReceiveEvent,
  lastEventDate,
  lockPetition,
  petitionDetail,
  petitionFacts,
  petitionIdentityEnc,
  reopenPetition,
  setPetitionHandler,
  setPetitionInformed,
  setPetitionState,
  unitValidOn,
  type PetitionFacts,
} from './queries';
import {
  acceptDue,
  addDays,
  allowedActions,
  answerDue,
  canExtend,
  checkUploads,
  contentHash,
  isOpen,
  isProtectedKind,
  newTrackingCode,
  nextState,
  plainText,
  type Upload,
} from './rules';

async function loadFacts(db: Db, id: number): Promise<PetitionFacts> {
  const f = await petitionFacts(db, id);
  if (!f) throw new AppError('NOT_FOUND', { petitionId: id });
  return f;
}

/** Where a petition lies for the scope rule: its unit on the day it was received. */
export async function locatePetition(db: Db, id: number): Promise<Located | undefined> {
  const f = await petitionFacts(db, id);
  return f && { unitId: f.unit_id, date: f.received_on };
}

/** One petition with its timeline; the identity is never part of it. */
export async function getPetition({ db, user }: Ctx, id: number): Promise<PetitionDetail> {
  await loadFacts(db, id);
  return present(db, user, id);
}

async function present(db: Db, user: CurrentUser, id: number): Promise<PetitionDetail> {
  const d = (await petitionDetail(db, id))!;
  const protectedIdentity = isProtectedKind(d.kind);
  const [writable, identity] = await Promise.all([
    unitsInScope(db, user, 'petition.write', [d.unitId]),
    unitsInScope(db, user, protectedIdentity ? 'petition.identity' : 'petition.read', [d.unitId]),
  ]);
  const ended = !!user.unitValidTo && today() >= user.unitValidTo;
  const canWrite = writable.has(d.unitId) && !ended;
  return {
    ...d,
    identityProtected: protectedIdentity,
    canReadIdentity: d.hasIdentity && identity.has(d.unitId),
    canWrite,
    allowedActions: canWrite ? allowedActions(d.state) : [],
  };
}

/** Writes on a petition happen today (or on a given past date); a user of an ended unit writes nothing. */
function assertActiveUser(user: CurrentUser, date: string): void {
  if (user.unitValidTo && date >= user.unitValidTo) throw new AppError('UNIT_ENDED');
}

function assertDate(date: string, notBefore: string): void {
  if (date < notBefore || date > today()) throw new AppError('PETITION_DATE_INVALID', { date, notBefore });
}

/** Records a petition received through an official channel (reception, letter, meeting, report). */
export async function createPetition(ctx: Ctx, input: CreatePetition): Promise<PetitionDetail> {
  return ctx.db.tx(async (tx) => {
    assertActiveUser(ctx.user, today());
    assertDate(input.receivedOn, '1900-01-01');
    const unit = await unitValidOn(tx, input.unitId, input.receivedOn);
    if (!unit.ok) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId: input.unitId, date: input.receivedOn });
    const title = plainText(input.title);
    const content = plainText(input.content);
    if (!title || !content) throw new AppError('PETITION_EMPTY_TEXT');
    const id = await insertPetition(
      tx,
      {
        unitId: input.unitId,
        channel: input.channel,
        kind: input.kind,
        field: input.field,
        title,
        content,
        receivedOn: input.receivedOn,
        handlerId: input.handlerId ?? ctx.user.id,
        identity: sealIdentity(input),
        sourceHash: null,
        receptionId: input.receptionId ?? null,
        meetingId: input.meetingId ?? null,
        reportId: input.reportId ?? null,
      },
      ctx.user,
    );
    const after = await present(tx, ctx.user, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'petition', entityId: id, unitId: input.unitId, after: snapshot(after) });
    return after;
  });
}

export type NewPetition = {
  unitId: number;
  channel: string;
  kind: CreatePetition['kind'];
  field: string;
  title: string;
  content: string;
  receivedOn: string;
  handlerId: number | null;
  identity: Buffer | null;
  sourceHash: string | null;
  receptionId: number | null;
  meetingId: number | null;
  reportId: number | null;
};

/** Inserts a petition and its first timeline entry; returns its id. Callers check access and write the audit. */
export async function insertPetition(tx: Db, p: NewPetition, actor: CurrentUser | null): Promise<number> {
  const rule = await deadlineRule(tx, p.kind);
  const due = acceptDue(rule, p.receivedOn);
  const id = await insertPetitionRow(tx, { ...p, trackingCode: newTrackingCode(), acceptDueOn: due, contentHash: contentHash(p.unitId, p.title, p.content) });
  await insertReceiveEvent(tx, id, p.receivedOn, actor?.id ?? null, actor?.unitId ?? null);
  return id;
}

// The audit keeps the state and dates; the identity is never part of a petition's snapshot.
const snapshot = (d: PetitionDetail) => ({
  trackingCode: d.trackingCode,
  unitId: d.unitId,
  kind: d.kind,
  channel: d.channel,
  field: d.field,
  title: d.title,
  state: d.state,
  dueOn: d.dueOn,
  handlerId: d.handlerId,
  agencyId: d.agencyId,
  forwardLetterNo: d.forwardLetterNo,
  answeredOn: d.answeredOn,
  answerInWriting: d.answerInWriting,
  extensions: d.extensions,
});

/** Moves a petition along its states (see PETITION_ACTION_FROM), with its due date and timeline entry. */
export async function actOnPetition(ctx: Ctx, id: number, input: PetitionActionInput): Promise<PetitionDetail> {
  return ctx.db.tx(async (tx) => {
    const locked = await lockPetition(tx, id);
    if (!locked) throw new AppError('NOT_FOUND', { petitionId: id });
    const f = await loadFacts(tx, id);
    const date = input.date ?? today();
    assertActiveUser(ctx.user, date);
    assertDate(date, (await lastEventDate(tx, id)) ?? f.received_on);
    const to = nextState(f.state, input.action);
    const before = await present(tx, ctx.user, id);
    const rule = await deadlineRule(tx, f.kind);
    let agencyId: number | null = null;
    let note: string | null = null;
    switch (input.action) {
      case 'accept':
        await setPetitionHandler(tx, id, input.handlerId ?? ctx.user.id);
        break;
      case 'decline':
        note = input.reason;
        await declinePetition(tx, id, input.reason);
        break;
      case 'forward': {
        await assertAgency(tx, input.agencyId, f.unit_id);
        agencyId = input.agencyId;
        const due = answerDue(rule, date, input.complex, 0);
        await forwardPetition(tx, id, {
          agencyId: input.agencyId,
          letterNo: input.letterNo,
          letterDate: input.letterDate,
          forwardedOn: date,
          complex: input.complex,
          answerDueOn: due,
        });
        break;
      }
      case 'extend': {
        if (!canExtend(rule, f.extensions)) throw new AppError('PETITION_EXTENSION_LIMIT', { extensions: f.extensions });
        note = input.note ?? null;
        const due = answerDue(rule, f.forwarded_on!, f.complex, f.extensions + 1);
        await extendPetition(tx, id, due);
        break;
      }
      case 'answer':
        await answerPetition(tx, id, {
          answeredOn: date,
          inWriting: input.inWriting,
          docNo: input.docNo || null,
          summary: plainText(input.summary),
          publish: input.publish,
        });
        break;
      case 'inform':
        note = input.note ?? null;
        await setPetitionInformed(tx, id, date);
        break;
      case 'close':
        await closePetition(tx, id, date);
        break;
      case 'reopen': {
        note = input.reason;
        const due = addDays(date, rule.acceptDays);
        await reopenPetition(tx, id, due);
        break;
      }
    }
    await setPetitionState(tx, id, to);
    if (!isOpen(to)) await clearPetitionDue(tx, id);
    await insertPetitionEvent(tx, {
      petitionId: id,
      onDate: date,
      action: input.action,
      fromState: f.state,
      toState: to,
      actorId: ctx.user.id,
      actorUnitId: ctx.user.unitId,
      agencyId,
      note,
    });
    await notifyStatus(tx, id, to, date);
    const after = await present(tx, ctx.user, id);
    await audit(tx, ctx.user, { action: input.action, entity: 'petition', entityId: id, unitId: f.unit_id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/** The agency must serve the petition's unit (or its successor) or a level above it. */
async function assertAgency(db: Db, agencyId: number, unitId: number): Promise<void> {
  if (!(await agencyServesUnit(db, agencyId, unitId))) throw new AppError('PETITION_AGENCY_INVALID', { agencyId });
}

/** Names the handling officer: a user whose unit reaches the petition. */
export async function assignHandler(ctx: Ctx, id: number, handlerId: number): Promise<PetitionDetail> {
  return ctx.db.tx(async (tx) => {
    const f = await loadFacts(tx, id);
    assertActiveUser(ctx.user, today());
    const h = await activeUserRole(tx, handlerId);
    if (!h) throw new AppError('NOT_FOUND', { handlerId });
    const before = await present(tx, ctx.user, id);
    await setPetitionHandler(tx, id, handlerId);
    const after = await present(tx, ctx.user, id);
    await audit(tx, ctx.user, { action: 'assign', entity: 'petition', entityId: id, unitId: f.unit_id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/**
 * The petitioner's identity, decrypted for one permitted reader. A denouncer's needs petition.identity
 * at the petition's unit; every read is audited (who, which petition — never what was read).
 */
export async function readIdentity(ctx: Ctx, id: number): Promise<PetitionIdentity> {
  return ctx.db.tx(async (tx) => {
    const f = await loadFacts(tx, id);
    // The registrar checked petition.read; a denouncer's identity needs its own permission at the same unit.
    if (isProtectedKind(f.kind)) await assertUnitAccess(tx, ctx.user, 'petition.identity', f.unit_id, f.received_on);
    const row = await petitionIdentityEnc(tx, id);
    await audit(tx, ctx.user, { action: 'read_identity', entity: 'petition', entityId: id, unitId: f.unit_id });
    if (!row.identity_enc) return { name: null, phone: null, email: null, address: null };
    return openIdentity(row.identity_enc);
  });
}

export async function readAttachment(ctx: Ctx, id: number, attachmentId: number): Promise<{ filename: string; mime: string; data: Buffer }> {
  const a = await findAttachment(ctx.db, id, attachmentId);
  if (!a) throw new AppError('NOT_FOUND', { attachmentId });
  return { filename: a.filename, mime: a.mime, data: Buffer.from(a.data) };
}

/** Attaches documents to a petition (the agency's answer, a scanned letter): same type and size checks as the public form. */
export async function addAttachments(ctx: Ctx, id: number, purpose: 'petition' | 'answer', files: Upload[]): Promise<PetitionDetail> {
  const checked = checkUploads(files);
  if (!checked.length) throw new AppError('PETITION_ATTACHMENT_TYPE');
  return ctx.db.tx(async (tx) => {
    const f = await loadFacts(tx, id);
    assertActiveUser(ctx.user, today());
    for (const a of checked) {
      const attId = await insertAttachment(tx, { petitionId: id, purpose, filename: a.filename, mime: a.mime, size: a.data.length, sha256: a.sha256, data: a.data });
      await audit(tx, ctx.user, {
        action: 'attach',
        entity: 'petition',
        entityId: id,
        unitId: f.unit_id,
        after: { attachmentId: attId, purpose, filename: a.filename, mime: a.mime, size: a.data.length, sha256: a.sha256 },
      });
    }
    return present(tx, ctx.user, id);
  });
}
