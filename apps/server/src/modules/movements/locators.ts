import type { Db } from '../../db/db';
import type { Locator } from '../../platform/endpoints';

// Where each movements record lies (unit and date), for the endpoints declared with atRecord().
const one =
  (sql: string): Locator =>
  async (db: Db, id: number) => {
    const [r] = await db.query<{ unitId: number; date: string }>(sql, [id]);
    return r;
  };

export const movementsLocators: Record<string, Locator> = {
  // A survey is judged at its unit on the day it opened (answers are entered while it runs).
  survey: one(`select unit_id as "unitId", opens_on::text as date from surveys where id = $1`),
  movement_model: one(`select unit_id as "unitId", started_on::text as date from movement_models where id = $1`),
};
