// The endpoint table as the browser sees it: types only, so no schema (and no zod) reaches the bundle.
// A module whose routes join the table is added here, one line; its pages then call it by key.
import type { auditEndpoints } from '@contract/endpoints/audit';
import type { citizensEndpoints } from '@contract/endpoints/citizens';
import type { directionEndpoints } from '@contract/endpoints/direction';
import type { movementsEndpoints } from '@contract/endpoints/movements';
import type { oversightEndpoints } from '@contract/endpoints/oversight';
import type { petitionEndpoints } from '@contract/endpoints/petitions';
import type { securityEndpoints } from '@contract/endpoints/security';

export type ApiTable = typeof auditEndpoints
  & typeof citizensEndpoints
  & typeof directionEndpoints
  & typeof movementsEndpoints
  & typeof oversightEndpoints
  & typeof petitionEndpoints
  & typeof securityEndpoints;
