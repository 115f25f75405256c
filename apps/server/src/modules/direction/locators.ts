import type { Locator } from '../../platform/endpoints';
import { locateDirective } from './queries';
import { locateGrading } from './queries-grading';
import { locateCourse, locateElectionTask, locateKeyTask, locateProgramme } from './queries-work';

// Where each direction record lies (unit and date), for the endpoints declared with atRecord(); the
// services check the same unit on the same date.
export const directionLocators: Record<string, Locator> = {
  directive: locateDirective,
  key_task: locateKeyTask,
  election_task: locateElectionTask,
  training_course: locateCourse,
  grading: locateGrading,
  coordination_programme: locateProgramme,
};
