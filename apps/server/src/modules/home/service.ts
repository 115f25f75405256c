import { DisbursementListQuery } from '@contract/fund';
import { PetitionListQuery, SituationQuery } from '@contract/petitions';
import type { Todo } from '@contract/home';
import { can, type Ctx } from '../../platform/access';
import { listDisbursements } from '../fund/read-service';
import { listPetitions } from '../petitions/queries';
import { situationOverview } from '../petitions/situation-service';

/**
 * The to-do home: what the person's role can act on, counted with the same scoped queries as the
 * lists they open (so the count and the list never disagree). Sections the role cannot see are absent.
 */
export async function todo({ db, user }: Ctx): Promise<Todo> {
  const items: Todo['items'] = [];
  if (can(user, 'fund.approve')) {
    const pending = await listDisbursements(db, user, DisbursementListQuery.parse({ pendingForMe: true, limit: 500 }));
    items.push({ key: 'fund.approvals', count: pending.length, to: '/fund' });
  }
  if (can(user, 'petition.read') && (user.unitId || user.role === 'admin')) {
    const overdue = await listPetitions(db, user, PetitionListQuery.parse({ overdue: true, limit: 1 }));
    const week = await listPetitions(db, user, PetitionListQuery.parse({ dueWithin: 7, limit: 1 }));
    items.push({ key: 'petitions.overdue', count: overdue.total, to: '/petitions?overdue=1' });
    items.push({ key: 'petitions.dueThisWeek', count: week.total, to: '/petitions' });
    if (user.unitId) {
      const s = await situationOverview({ db, user }, SituationQuery.parse({ unit: user.unitId }));
      items.push({ key: 'situation.pending', count: s.summary.pending, to: '/petitions/situation' });
    }
  }
  return { items };
}
