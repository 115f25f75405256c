import type { CreateModel, CreateMovementActivity, Model, RecogniseModel } from '@contract/movements';
import { CreateModel as CreateModelSchema, CreateMovementActivity as CreateActivitySchema, RecogniseModel as RecogniseSchema } from '@contract/movements';
import type { Db } from '../../db/db';
import { today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertFact, unitNameAt } from './rules';

const MODEL_COLS = `m.id, m.unit_id as "unitId", ${unitNameAt('m.unit_id', 'coalesce(m.ended_on - 1, $9::date)')} as "unitName", m.kind, m.name,
  m.started_on as "startedOn", m.ended_on as "endedOn", m.recognised_on as "recognisedOn", m.excellent, m.members`;
const cols = () => MODEL_COLS.replaceAll('$9::date', `'${today()}'::date`);

/** The models standing today in the unit's subtree, by kind (the one registry). */
export async function listModels({ db }: Ctx, unitId: number, kind?: string): Promise<Model[]> {
  return db.query<Model>(
    `select ${cols()} from movement_models m
      where m.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= coalesce(m.ended_on - 1, $3::date) and coalesce(m.ended_on - 1, $3::date) < c.valid_to)
        and ($2::text is null or m.kind = $2)
      order by m.started_on desc, m.id desc limit 1000`,
    [unitId, kind ?? null, today()],
  );
}

async function modelById(db: Db, id: number): Promise<Model> {
  const [m] = await db.query<Model>(`select ${cols()} from movement_models m where m.id = $1`, [id]);
  return m;
}

export async function createModel({ db, user }: Ctx, raw: CreateModel): Promise<Model> {
  const input = CreateModelSchema.parse(raw);
  await assertFact(db, input.unitId, input.startedOn);
  if (input.recognisedOn && (input.recognisedOn < input.startedOn || input.recognisedOn > today()))
    throw new AppError('MOVEMENT_DATE_INVALID', { recognisedOn: input.recognisedOn });
  return db.tx(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into movement_models (unit_id, kind, name, started_on, recognised_on, excellent, members, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [input.unitId, input.kind, input.name, input.startedOn, input.recognisedOn ?? null, input.excellent, input.members, user.id],
    );
    await audit(tx, user, { action: 'movements.model.create', entity: 'movement_model', entityId: row.id, unitId: input.unitId, after: input });
    return modelById(tx, row.id);
  });
}

export async function recogniseModel({ db, user }: Ctx, id: number, raw: RecogniseModel): Promise<Model> {
  const input = RecogniseSchema.parse(raw);
  const before = await modelById(db, id);
  if (input.recognisedOn < before.startedOn || input.recognisedOn > today()) throw new AppError('MOVEMENT_DATE_INVALID', { recognisedOn: input.recognisedOn });
  return db.tx(async (tx) => {
    await tx.query('update movement_models set recognised_on = $2, excellent = $3 where id = $1', [id, input.recognisedOn, input.excellent]);
    await audit(tx, user, { action: 'movements.model.recognise', entity: 'movement_model', entityId: id, unitId: before.unitId, before, after: input });
    return modelById(tx, id);
  });
}

export async function createMovementActivity({ db, user }: Ctx, raw: CreateMovementActivity): Promise<{ id: number }> {
  const input = CreateActivitySchema.parse(raw);
  await assertFact(db, input.unitId, input.heldOn);
  return db.tx(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into movement_activities (unit_id, kind, held_on, title, quantity, participants, opinions, value_vnd, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [input.unitId, input.kind, input.heldOn, input.title, input.quantity, input.participants, input.opinions, input.valueVnd, user.id],
    );
    await audit(tx, user, { action: 'movements.activity.create', entity: 'movement_activity', entityId: row.id, unitId: input.unitId, after: input });
    return row;
  });
}
