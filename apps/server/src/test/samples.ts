// The access matrix's sample requests, one table per module (modules/<m>/samples.ts), listed once.
import { petitionSamples } from '../modules/petitions/samples';
import { securitySamples } from '../modules/security/samples';
import { oversightSamples } from '../modules/oversight/samples';
import { movementsSamples } from '../modules/movements/samples';
import { directionSamples } from '../modules/direction/samples';
import { citizensSamples } from '../modules/citizens/samples';
import { auditSamples } from '../modules/audit/samples';
import { systemSamples } from '../modules/system/samples';
import { authSamples } from '../modules/auth/samples';
import { unitsSamples } from '../modules/units/samples';
import { orgSamples } from '../modules/org/samples';
import { usersSamples } from '../modules/users/samples';
import { metricsSamples } from '../modules/metrics/samples';
import { fundSamples } from '../modules/fund/samples';
import { householdSamples } from '../modules/households/samples';
import { reportSamples } from '../modules/reports/samples';
import { targetSamples } from '../modules/targets/samples';
import type { Samples } from './matrix';

export const SAMPLES: Samples = {
  ...petitionSamples,
  ...securitySamples,
  ...oversightSamples,
  ...movementsSamples,
  ...directionSamples,
  ...citizensSamples,
  ...auditSamples,
  ...systemSamples,
  ...authSamples,
  ...unitsSamples,
  ...orgSamples,
  ...usersSamples,
  ...metricsSamples,
  ...fundSamples,
  ...householdSamples,
  ...reportSamples,
  ...targetSamples,
};
