import { defineModule } from '../../platform/module';
import { movementsHandlers } from './endpoints';
import { movementsLocators } from './locators';
import { movementsMetrics } from './metrics';

/** Propaganda, religion, the Solidarity Day, cultural titles, satisfaction surveys and models (targets 1, 3, 6, 7, 8, 9). */
export const movementsModule = defineModule({
  name: 'movements',
  endpoints: movementsHandlers,
  locators: movementsLocators,
  metrics: movementsMetrics,
});
