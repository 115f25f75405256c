import { defineModule } from '../../platform/module';
import { petitionHandlers } from './endpoints';
import { petitionMetrics } from './metrics';
import { locatePetition } from './service';

/** Citizens' voice: petitions, reception, voter meetings, situation reports (see README "Adding a module"). */
export const petitionsModule = defineModule({
  name: 'petitions',
  endpoints: petitionHandlers,
  locators: { petition: locatePetition },
  metrics: petitionMetrics,
});
