// Vietnamese messages of the modules' pages, loaded with the first page (i18n.tsx), not in the first bundle.
import { viOrg } from './vi-org';
import { viFund } from './vi-fund';
import { viFundPublic } from './vi-fund-public';
import { viPetitions } from './vi-petitions';
import { viHouseholds } from './vi-households';
import { viTargets } from './vi-targets';
import { viDirection } from './vi-direction';
import { viReports } from './vi-reports';
import { viSecurity } from './vi-security';
import { viOversight } from './vi-oversight';
import { viMovements } from './vi-movements';

export const viModules = {
  ...viOrg,
  ...viFund,
  ...viFundPublic,
  ...viPetitions,
  ...viHouseholds,
  ...viTargets,
  ...viDirection,
  ...viReports,
  ...viSecurity,
  ...viOversight,
  ...viMovements,
};

export type ModuleKey = keyof typeof viModules;
