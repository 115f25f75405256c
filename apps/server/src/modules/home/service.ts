import { DisbursementListQuery } from '@contract/fund';
import { PetitionListQuery, SituationQuery } from '@contract/petitions';
import type { Todo } from '@contract/home';
import { DutyQuery } from '@contract/direction';
import { CoverageQuery } from '@contract/households';
import { can, today, type Ctx } from '../../platform/access';
import { duties } from '../direction/directive-service';
import { getCoverage } from '../households/service';
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
    const pending = await listDisbursements({ db, user }, DisbursementListQuery.parse({ pendingForMe: true, limit: 500 }));
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
  if (can(user, 'household.read') && user.unitId) {
    // The same list the coverage page opens with: this year's Tết gifts, households of the unit not yet reached.
    const c = await getCoverage({ db, user }, CoverageQuery.parse({ unit: user.unitId, kind: 'tet', year: Number(today().slice(0, 4)) }));
    items.push({ key: 'households.notReached', count: c.total - c.reached, to: '/households/coverage' });
  }
  if (can(user, 'direction.read') && user.unitId) {
    // What the levels above asked of the person's own unit and it has not answered yet (due or overdue).
    const inbox = await duties({ db, user }, { ...DutyQuery.parse({ unit: user.unitId, limit: 1 }), own: true });
    items.push({ key: 'directives.toAnswer', count: inbox.summary.pending + inbox.summary.notAnswered, to: '/direction' });
  }
  return { items };
}
