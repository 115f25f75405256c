import type { Finding } from '@contract/reports';
import { TARGET_STATUS_LABELS } from '@contract/targets-values';
import type { Db } from '../../db/db';
import { evaluateTargets } from '../targets/compute';
import type { Figure } from './coverage';
import { slicePeriod, type FigureValues, type Period } from './compute';
import type { TargetLine } from './outline';
import { formatFigure, groupVi } from './format';

/** A ratio a target measure judged: its two metrics and the counts it found. */
export type TargetRatio = { label: string; numKey: string; denKey: string; numerator: number; denominator: number };

/** The unit's targets for a year as report lines, judged by the targets engine (none if no congress set them). */
export async function targetProgress(db: Db, unitId: number, year: number): Promise<{ lines: TargetLine[]; ratios: TargetRatio[] }> {
  const result = (await evaluateTargets(db, { unitIds: [unitId], year })).get(unitId);
  const targets = (result?.targets ?? []).filter((x) => x.status !== 'not_applicable');
  const lines = targets.map((x) => ({
    label: `Chỉ tiêu ${x.number}: ${x.title.vi}`,
    value:
      x.value === null || x.status === 'not_measured'
        ? formatFigure(null, 'count')
        : x.unitOfMeasure === 'days'
          ? `${formatFigure(x.value, 'count')} ngày`
          : formatFigure(x.value, x.unitOfMeasure),
    status: TARGET_STATUS_LABELS[x.status].vi.toLocaleLowerCase('vi'),
  }));
  const ratios = targets.flatMap((x) =>
    x.measures
      .filter((m) => !m.each && m.metricKeys.length === 2 && m.numerator !== null && m.denominator !== null)
      .map((m) => ({ label: `Chỉ tiêu ${x.number} (${m.label.vi})`, numKey: m.metricKeys[0], denKey: m.metricKeys[1], numerator: m.numerator!, denominator: m.denominator! })),
  );
  return { lines, ratios };
}

export async function targetLines(db: Db, unitId: number, year: number): Promise<TargetLine[]> {
  return (await targetProgress(db, unitId, year)).lines;
}

/**
 * The same count stated twice: a target measure and a rate figure over the same metrics and year must
 * agree (two modules compute them apart).
 */
export function crossCheckTargets(figures: Figure[], values: FigureValues, ratios: TargetRatio[], period: Period, year: number): Finding[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const yearFrom = `${year}-01-01`;
  const yearTo = `${year}-12-31`;
  const sameYear = (f: Figure) => {
    const p = slicePeriod(period, f.period);
    return p.from === yearFrom && p.to === yearTo;
  };
  const out: Finding[] = [];
  for (const fig of figures.filter((f) => f.rate)) {
    const num = byId.get(fig.rate!.num);
    const den = byId.get(fig.rate!.den);
    if (!num?.metric || !den?.metric || num.metric.dim || den.metric.dim || !sameYear(num) || !sameYear(den)) continue;
    for (const r of ratios.filter((x) => x.numKey === num.metric!.key && x.denKey === den.metric!.key)) {
      const pairs: Array<[Figure, number]> = [
        [num, r.numerator],
        [den, r.denominator],
      ];
      for (const [f, stated] of pairs) {
        const v = values.get(f.id)?.value ?? null;
        if (v === null || v === stated) continue;
        out.push({
          kind: 'repeat',
          figureId: f.id,
          expected: v,
          actual: stated,
          message: `${f.wording}: phần số liệu ghi ${groupVi(v)}, nhưng ${r.label} ghi ${groupVi(stated)}`,
          messageEn: `${f.id}: the figures say ${v}, but ${r.label} says ${stated}`,
        });
      }
    }
  }
  return out;
}
