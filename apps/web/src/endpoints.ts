// The endpoint table as the browser sees it: types only, so no schema (and no zod) reaches the bundle.
// A module whose routes join the table is added here, one line; its pages then call it by key.
import type { authEndpoints } from '@contract/endpoints/auth';
import type { fundEndpoints } from '@contract/endpoints/fund';
import type { publicFundEndpoints } from '@contract/endpoints/fund';
import type { metricsEndpoints } from '@contract/endpoints/metrics';
import type { orgEndpoints } from '@contract/endpoints/org';
import type { systemEndpoints } from '@contract/endpoints/system';
import type { unitsEndpoints } from '@contract/endpoints/units';
import type { usersEndpoints } from '@contract/endpoints/users';
import type { householdEndpoints } from '@contract/endpoints/households';
import type { reportEndpoints } from '@contract/endpoints/reports';
import type { targetEndpoints } from '@contract/endpoints/targets';
import type { auditEndpoints } from '@contract/endpoints/audit';
import type { citizensEndpoints } from '@contract/endpoints/citizens';
import type { directionEndpoints } from '@contract/endpoints/direction';
import type { movementsEndpoints } from '@contract/endpoints/movements';
import type { oversightEndpoints } from '@contract/endpoints/oversight';
import type { petitionEndpoints } from '@contract/endpoints/petitions';
import type { securityEndpoints } from '@contract/endpoints/security';

export type ApiTable = typeof auditEndpoints &
  typeof householdEndpoints &
  typeof reportEndpoints &
  typeof targetEndpoints &
  typeof authEndpoints &
  typeof fundEndpoints &
  typeof publicFundEndpoints &
  typeof metricsEndpoints &
  typeof orgEndpoints &
  typeof systemEndpoints &
  typeof unitsEndpoints &
  typeof usersEndpoints &
  typeof citizensEndpoints &
  typeof directionEndpoints &
  typeof movementsEndpoints &
  typeof oversightEndpoints &
  typeof petitionEndpoints &
  typeof securityEndpoints;
