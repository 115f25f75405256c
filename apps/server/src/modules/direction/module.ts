import { defineModule } from '../../platform/module';
import { directionHandlers } from './endpoints';
import { directionLocators } from './locators';
import { directionMetrics } from './metrics';

/** Organisation and direction: directives down and answers up, key tasks, elections, training, grading, awards, programmes. */
export const directionModule = defineModule({
  name: 'direction',
  endpoints: directionHandlers,
  locators: directionLocators,
  metrics: directionMetrics,
});
