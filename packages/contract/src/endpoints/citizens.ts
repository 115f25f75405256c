import { Todo } from '../home';
import { WardPage, WardPageParams } from '../portal';
import { PUBLIC, SIGNED_IN, defineEndpoints } from '../endpoint';

/** The to-do home of each role and the ward pages of the public front door (issue 17). */
export const citizensEndpoints = defineEndpoints('citizens', {
  // Each section is counted by its list's own scoped query; sections the role cannot see are absent.
  'GET /api/home/todo': { response: Todo, access: SIGNED_IN },
  // Nothing personal: the committee's names and positions, public campaigns, published reports.
  'GET /api/public/units/:code': { params: WardPageParams, response: WardPage, access: PUBLIC, readReplica: true },
});
