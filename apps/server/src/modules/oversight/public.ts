import type { PublicSupervision } from '@contract/oversight';
import type { Db } from '../../db/db';
import { today } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { findCommuneByCode, listPublicSupervisions } from './queries';

/**
 * Completed supervisions and criticisms of a ward (and of the wards whose history it holds), with their
 * conclusions and the remedy status of each recommendation: what citizens may see. No team, no findings,
 * no person: only what the Front concluded and what the agencies did.
 */
export async function publicSupervisions(db: Db, code: string): Promise<PublicSupervision[]> {
  const on = today();
  const u = await findCommuneByCode(db, code, on);
  if (!u) throw new AppError('UNIT_NOT_FOUND');
  const rows = await listPublicSupervisions(db, u.id, on);
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
