import type { PublicSupervision } from '@contract/oversight';
import type { Db } from '../../db/db';
import { today } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { PLACES_SQL, unitNameAt } from '../petitions/queries';

/**
 * Completed supervisions and criticisms of a ward (and of the wards whose history it holds), with their
 * conclusions and the remedy status of each recommendation: what citizens may see. No team, no findings,
 * no person: only what the Front concluded and what the agencies did.
 */
export async function publicSupervisions(db: Db, code: string): Promise<PublicSupervision[]> {
  const on = today();
  const [u] = await db.query<{ id: number }>(`select id from units where code = $1 and level = 'commune' and valid_from <= $2::date and $2::date < valid_to`, [code, on]);
  if (!u) throw new AppError('UNIT_NOT_FOUND');
  const rows = await db.query<
    Omit<PublicSupervision, 'recommendations'> & { recs: Array<{ content: string; agency: string; dueOn: string; status: string; open: boolean }> | null }
  >(
    `select a.title, a.kind, ${unitNameAt('a.unit_id', 'a.started_on')} as "unitName", a.subject, a.started_on as "startedOn", a.ended_on as "endedOn",
            a.conclusion,
            (select json_agg(json_build_object('content', r.content, 'agency', r.agency, 'dueOn', r.due_on, 'status', r.status,
                                               'open', r.open_due_on is not null and r.open_due_on < $2::date) order by r.id)
               from oversight_recommendations r where r.activity_id = a.id) as recs
       from (${PLACES_SQL('$1::bigint')}) s
       join oversight_activities a on a.unit_id = s.unit_id and a.started_on >= s.valid_from and a.started_on < s.valid_to
      where a.status = 'completed' order by a.ended_on desc, a.id desc limit 100`,
    [u.id, on],
  );
  return rows.map(({ recs, ...a }) => ({
    ...a,
    recommendations: (recs ?? []).map((r) => ({
      content: r.content,
      agency: r.agency,
      dueOn: r.dueOn,
      status: (r.open ? 'overdue' : r.status) as PublicSupervision['recommendations'][number]['status'],
    })),
  }));
}
