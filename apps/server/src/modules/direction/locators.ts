import type { Db } from '../../db/db';
import type { Locator } from '../../platform/endpoints';
import { GRADED_ON } from './grading-service';

// Where each direction record lies (unit and date), for the endpoints declared with atRecord(); the
// services check the same unit on the same date.
const one =
  (sql: string): Locator =>
  async (db: Db, id: number) => {
    const [r] = await db.query<{ unitId: number; date: string }>(sql, [id]);
    return r;
  };

export const directionLocators: Record<string, Locator> = {
  directive: one(`select unit_id as "unitId", issued_on::text as date from directives where id = $1`),
  key_task: one(`select unit_id as "unitId", registered_on::text as date from key_tasks where id = $1`),
  election_task: one(`select unit_id as "unitId", due_on::text as date from election_tasks where id = $1`),
  training_course: one(`select unit_id as "unitId", starts_on::text as date from training_courses where id = $1`),
  grading: one(`select unit_id as "unitId", ${GRADED_ON('g.unit_id', 'g.year')}::text as date from gradings g where id = $1`),
  coordination_programme: one(`select unit_id as "unitId", signed_on::text as date from coordination_programmes where id = $1`),
};
