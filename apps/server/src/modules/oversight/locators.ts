import type { Locator } from '../../platform/endpoints';
import { locateActivity, locateBoard, locateBoardSupervision, locateMediationCase, locatePlan, locateRecommendation } from './queries';

// Where each oversight record lies (unit and date), for the endpoints declared with atRecord().
export const oversightLocators: Record<string, Locator> = {
  oversight_plan: locatePlan,
  oversight_activity: locateActivity,
  oversight_recommendation: locateRecommendation,
  inspection_board: locateBoard,
  inspection_supervision: locateBoardSupervision,
  mediation_case: locateMediationCase,
};
