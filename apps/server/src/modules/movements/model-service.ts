import type { CreateModel, CreateMovementActivity, Model, RecogniseModel } from '@contract/movements';
import { CreateModel as CreateModelSchema, CreateMovementActivity as CreateActivitySchema, RecogniseModel as RecogniseSchema } from '@contract/movements';
import { today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertFact } from './rules';
import { findModel, insertModel, insertMovementActivity, listSubtreeModels, updateModelRecognition } from './queries';

/** The models standing today in the unit's subtree, by kind (the one registry). */
export async function listModels({ db }: Ctx, unitId: number, kind?: string): Promise<Model[]> {
  return listSubtreeModels(db, unitId, kind);
}

export async function createModel({ db, user }: Ctx, raw: CreateModel): Promise<Model> {
  const input = CreateModelSchema.parse(raw);
  await assertFact(db, input.unitId, input.startedOn);
  if (input.recognisedOn && (input.recognisedOn < input.startedOn || input.recognisedOn > today()))
    throw new AppError('MOVEMENT_DATE_INVALID', { recognisedOn: input.recognisedOn });
  return db.tx(async (tx) => {
    const row = await insertModel(tx, { ...input, recognisedOn: input.recognisedOn ?? null, createdBy: user.id });
    await audit(tx, user, { action: 'movements.model.create', entity: 'movement_model', entityId: row.id, unitId: input.unitId, after: input });
    return findModel(tx, row.id);
  });
}

export async function recogniseModel({ db, user }: Ctx, id: number, raw: RecogniseModel): Promise<Model> {
  const input = RecogniseSchema.parse(raw);
  const before = await findModel(db, id);
  if (input.recognisedOn < before.startedOn || input.recognisedOn > today()) throw new AppError('MOVEMENT_DATE_INVALID', { recognisedOn: input.recognisedOn });
  return db.tx(async (tx) => {
    await updateModelRecognition(tx, id, input.recognisedOn, input.excellent);
    await audit(tx, user, { action: 'movements.model.recognise', entity: 'movement_model', entityId: id, unitId: before.unitId, before, after: input });
    return findModel(tx, id);
  });
}

export async function createMovementActivity({ db, user }: Ctx, raw: CreateMovementActivity): Promise<{ id: number }> {
  const input = CreateActivitySchema.parse(raw);
  await assertFact(db, input.unitId, input.heldOn);
  return db.tx(async (tx) => {
    const row = await insertMovementActivity(tx, { ...input, createdBy: user.id });
    await audit(tx, user, { action: 'movements.activity.create', entity: 'movement_activity', entityId: row.id, unitId: input.unitId, after: input });
    return row;
  });
}
