// English messages of the modules' pages, loaded with the first page when English is chosen (i18n.tsx).
import type { ModuleKey } from './vi-modules';
import { enOrg } from './en-org';
import { enFund } from './en-fund';
import { enFundPublic } from './en-fund-public';
import { enPetitions } from './en-petitions';
import { enHouseholds } from './en-households';
import { enTargets } from './en-targets';
import { enDirection } from './en-direction';
import { enReports } from './en-reports';
import { enSecurity } from './en-security';
import { enOversight } from './en-oversight';
import { enMovements } from './en-movements';

export const enModules: Record<ModuleKey, string> = {
  ...enOrg,
  ...enFund,
  ...enFundPublic,
  ...enPetitions,
  ...enHouseholds,
  ...enTargets,
  ...enDirection,
  ...enReports,
  ...enSecurity,
  ...enOversight,
  ...enMovements,
};
