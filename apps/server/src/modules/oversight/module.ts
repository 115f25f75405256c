import { defineModule } from '../../platform/module';
import { oversightHandlers } from './endpoints';
import { oversightLocators } from './locators';
import { oversightMetrics } from './metrics';

/** Supervision and criticism, opinions, people's boards, mediation (see README "Adding a module"). */
export const oversightModule = defineModule({
  name: 'oversight',
  endpoints: oversightHandlers,
  locators: oversightLocators,
  metrics: oversightMetrics,
});
