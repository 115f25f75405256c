import { TARGET_STATUS_LABELS } from '@contract/targets-values';
import type { Db } from '../../db/db';
import { evaluateTargets } from '../targets/compute';
import type { TargetLine } from './docx';
import { formatFigure } from './format';

/** The unit's targets for a year as report lines, judged by the targets engine (none if no congress set them). */
export async function targetLines(db: Db, unitId: number, year: number): Promise<TargetLine[]> {
  const result = (await evaluateTargets(db, { unitIds: [unitId], year })).get(unitId);
  return (result?.targets ?? [])
    .filter((x) => x.status !== 'not_applicable')
    .map((x) => ({
      label: `Chỉ tiêu ${x.number}: ${x.title.vi}`,
      value: x.value === null || x.status === 'not_measured'
        ? formatFigure(null, 'count')
        : x.unitOfMeasure === 'days' ? `${formatFigure(x.value, 'count')} ngày` : formatFigure(x.value, x.unitOfMeasure),
      status: TARGET_STATUS_LABELS[x.status].vi.toLocaleLowerCase('vi'),
    }));
}
