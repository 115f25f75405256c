import type { Locator } from '../../platform/endpoints';
import { locateModel, locateSurvey } from './queries';

// Where each movements record lies (unit and date), for the endpoints declared with atRecord().
export const movementsLocators: Record<string, Locator> = {
  survey: locateSurvey,
  movement_model: locateModel,
};
