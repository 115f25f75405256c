import type { Db } from '../../db/db';
import type { Locator } from '../../platform/endpoints';

// Where each oversight record lies (unit and date), for the endpoints declared with atRecord().
const one =
  (sql: string): Locator =>
  async (db: Db, id: number) => {
    const [r] = await db.query<{ unitId: number; date: string }>(sql, [id]);
    return r;
  };

export const oversightLocators: Record<string, Locator> = {
  oversight_plan: one(`select unit_id as "unitId", make_date(year, 1, 1)::text as date from oversight_plans where id = $1`),
  oversight_activity: one(`select unit_id as "unitId", started_on::text as date from oversight_activities where id = $1`),
  oversight_recommendation: one(`select unit_id as "unitId", made_on::text as date from oversight_recommendations where id = $1`),
  inspection_board: one(`select unit_id as "unitId", valid_from::text as date from inspection_boards where id = $1`),
  inspection_supervision: one(`select unit_id as "unitId", held_on::text as date from inspection_supervisions where id = $1`),
  mediation_case: one(`select unit_id as "unitId", received_on::text as date from mediation_cases where id = $1`),
};
