import type { ActivityKind, RecommendationStatus } from '@contract/oversight';
import { OPEN_RECOMMENDATION, RECOMMENDATION_NEXT } from '@contract/oversight';
import type { UnitLevel } from '@contract/units';
import { AppError } from '../../platform/errors';
import { STANDARD_TARGETS_2024 } from '../targets/standard-targets';

export type Requirement = { kind: ActivityKind; min: number; max: number | null };

/**
 * What target 10 asks of a level each year (city 2–3 supervision topics and 1–2 criticisms, ward 1–2
 * and at least 1), read from the standard targets so the plan and the target judge by the same rule.
 */
export function requirementsFor(level: UnitLevel): Requirement[] {
  const t10 = STANDARD_TARGETS_2024.find((t) => t.number === 10)!;
  const out: Requirement[] = [];
  for (const m of t10.measures) {
    if (m.quantity.kind !== 'value' || !m.quantity.metric.dims?.includes(level)) continue;
    const kind: ActivityKind = m.quantity.metric.metric === 'supervision.topics' ? 'supervision' : 'criticism';
    if (m.rule.op === 'range') out.push({ kind, min: m.rule.min, max: m.rule.max });
    else if (m.rule.op === 'gte') out.push({ kind, min: m.rule.value, max: null });
  }
  return out;
}

/** Checks a status change of a recommendation; "done" and "refused" are final. */
export function assertTransition(from: RecommendationStatus, to: RecommendationStatus): void {
  if (!RECOMMENDATION_NEXT[from].includes(to)) throw new AppError('RECOMMENDATION_TRANSITION', { from, to });
}

export const isOpenRecommendation = (s: RecommendationStatus) => OPEN_RECOMMENDATION.includes(s);

/** Collapses whitespace and strips control characters from free text. */
export const plain = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
