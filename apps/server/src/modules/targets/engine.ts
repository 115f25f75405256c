import type { Measure, MeasureProgress, MetricRef, Quantity, Rule, TargetInput, TargetProgress, TargetStatus } from '@contract/targets';
import type { NotMeasuredReason, Trend } from '@contract/targets-values';
import type { UnitLevel } from '@contract/units';

/*
 * The pure judging engine: no database. It reads metric values through a FactSource, so the same code
 * judges hand-built cases in tests and batch-computed metrics in production.
 */

export type Period = 'current' | 'previous';
export type UnitOfMeasure = MeasureProgress['unitOfMeasure'];
export type SubUnit = { id: number; name: string };

export interface FactSource {
  /** False when no module has registered the metric yet: the measure is "not yet measured". */
  has(metric: string): boolean;
  /**
   * The metric's value for the unit over the period (0 when it has no facts), restricted to ref.dims;
   * null when it was not computed (the previous year is computed only where a trend or rule needs it).
   */
  value(ref: MetricRef, unitId: number, period: Period): number | null;
  unitOfMeasure(metric: string): UnitOfMeasure;
  /** Units of `level` below the unit (in the year judged), for "100% of villages" rules. */
  unitsBelow(unitId: number, level: UnitLevel): SubUnit[];
}

type QuantityResult = { value: number | null; numerator: number | null; denominator: number | null; reason: NotMeasuredReason | null };

export const metricKeysOf = (q: Quantity): string[] => (q.kind === 'value' ? [q.metric.metric] : [q.numerator.metric, q.denominator.metric]);

/** A value, or numerator ÷ denominator in percent (× 100 first, so 9 ÷ 10 is exactly 90). */
export function quantityOf(q: Quantity, src: FactSource, unitId: number, period: Period): QuantityResult {
  if (metricKeysOf(q).some((k) => !src.has(k))) return { value: null, numerator: null, denominator: null, reason: 'metric_missing' };
  if (q.kind === 'value') {
    const v = src.value(q.metric, unitId, period);
    return { value: v, numerator: null, denominator: null, reason: v === null ? 'no_data' : null };
  }
  const n = src.value(q.numerator, unitId, period);
  const d = src.value(q.denominator, unitId, period);
  if (n === null || d === null) return { value: null, numerator: null, denominator: null, reason: 'no_data' };
  // Nothing to count against (no poor household recorded): no verdict rather than a vacuous 100%.
  if (d === 0) return { value: null, numerator: n, denominator: d, reason: 'no_data' };
  return { value: (n * 100) / d, numerator: n, denominator: d, reason: null };
}

/** met / exceeded / not_met for one value; exceeded = beyond the upper end of what was asked. */
export function judge(rule: Rule, value: number, previous: number | null): { status: TargetStatus; reason: NotMeasuredReason | null } {
  const s = (status: TargetStatus) => ({ status, reason: null });
  switch (rule.op) {
    case 'gte':
      return s(value < rule.value ? 'not_met' : value > rule.value ? 'exceeded' : 'met');
    case 'gt':
      return s(value > rule.value ? 'met' : 'not_met');
    case 'lte':
      return s(value <= rule.value ? 'met' : 'not_met');
    case 'range':
      return s(value < rule.min ? 'not_met' : value > rule.max ? 'exceeded' : 'met');
    case 'no_decrease':
      if (previous === null) return { status: 'not_measured', reason: 'no_baseline' };
      return s(value < previous ? 'not_met' : value > previous ? 'exceeded' : 'met');
  }
}

const meets = (s: TargetStatus) => s === 'met' || s === 'exceeded';

export function unitOfMeasureOf(m: Measure, src: FactSource): UnitOfMeasure {
  if (m.each || m.quantity.kind === 'ratio') return 'percent';
  return src.has(m.quantity.metric.metric) ? src.unitOfMeasure(m.quantity.metric.metric) : 'count';
}

/** Share (in %) of the units below meeting the measure; the list of those that miss it. */
function eachShare(m: Measure, src: FactSource, subs: SubUnit[], period: Period) {
  const missing: SubUnit[] = [];
  for (const u of subs) {
    const cur = quantityOf(m.quantity, src, u.id, period);
    // A unit with no records cannot be counted as meeting the target (no_decrease is refused with each).
    if (cur.value === null || !meets(judge(m.rule, cur.value, null).status)) missing.push(u);
  }
  return { value: ((subs.length - missing.length) * 100) / subs.length, missing };
}

/** One measure for one unit. */
export function evaluateMeasure(m: Measure, src: FactSource, unitId: number): MeasureProgress {
  const base = {
    code: m.code,
    label: m.label,
    levels: m.levels,
    each: m.each ?? null,
    rule: m.rule,
    metricKeys: metricKeysOf(m.quantity),
    unitOfMeasure: unitOfMeasureOf(m, src),
  };
  const none = (reason: NotMeasuredReason, extra: Partial<MeasureProgress> = {}): MeasureProgress => ({
    ...base,
    value: null,
    previousValue: null,
    numerator: null,
    denominator: null,
    status: 'not_measured',
    reason,
    ...extra,
  });
  if (m.each) {
    if (base.metricKeys.some((k) => !src.has(k))) return none('metric_missing');
    const subs = src.unitsBelow(unitId, m.each);
    if (subs.length === 0) return none('no_data');
    const cur = eachShare(m, src, subs, 'current');
    const prev = eachShare(m, src, subs, 'previous').value;
    return {
      ...base,
      value: cur.value,
      previousValue: prev,
      numerator: subs.length - cur.missing.length,
      denominator: subs.length,
      status: cur.missing.length === 0 ? 'met' : 'not_met',
      reason: null,
      missing: cur.missing.map((u) => ({ unitId: u.id, unitName: u.name })),
    };
  }
  const cur = quantityOf(m.quantity, src, unitId, 'current');
  const prev = quantityOf(m.quantity, src, unitId, 'previous');
  if (cur.value === null) return none(cur.reason ?? 'no_data', { numerator: cur.numerator, denominator: cur.denominator });
  const verdict = judge(m.rule, cur.value, prev.value);
  return { ...base, value: cur.value, previousValue: prev.value, numerator: cur.numerator, denominator: cur.denominator, ...verdict };
}

/** Every measure must hold: one miss fails the target; then a missing measure leaves it unmeasured. */
export function combine(measures: MeasureProgress[]): { status: TargetStatus; reason: NotMeasuredReason | null } {
  if (measures.length === 0) return { status: 'not_applicable', reason: null };
  if (measures.some((m) => m.status === 'not_met')) return { status: 'not_met', reason: null };
  const unmeasured = measures.find((m) => m.status === 'not_measured');
  if (unmeasured) return { status: 'not_measured', reason: unmeasured.reason };
  return { status: measures.every((m) => m.status === 'exceeded') ? 'exceeded' : 'met', reason: null };
}

export function trendOf(value: number | null, previous: number | null): Trend | null {
  if (value === null || previous === null) return null;
  return value > previous ? 'up' : value < previous ? 'down' : 'same';
}

export const EMPTY_CHILDREN = { met: 0, exceeded: 0, notMet: 0, notMeasured: 0, notApplicable: 0 };

/** One target for one unit of a level: the measures set for that level, combined. */
export function evaluateTarget(t: TargetInput & { id?: number | null }, level: UnitLevel, src: FactSource, unitId: number): TargetProgress {
  const measures = t.measures.filter((m) => m.levels.includes(level)).map((m) => evaluateMeasure(m, src, unitId));
  const primary = measures[0];
  const { status, reason } = combine(measures);
  const metricKeys = [...new Set(t.measures.flatMap((m) => metricKeysOf(m.quantity)))];
  return {
    number: t.number,
    targetId: t.id ?? null,
    title: t.title,
    metricKeys,
    unitOfMeasure: primary?.unitOfMeasure ?? unitOfMeasureOf(t.measures[0], src),
    value: primary?.value ?? null,
    previousValue: primary?.previousValue ?? null,
    trend: trendOf(primary?.value ?? null, primary?.previousValue ?? null),
    status,
    reason,
    measures,
    children: { ...EMPTY_CHILDREN },
  };
}

/** Checks a target's rules make sense (range min ≤ max, `each` below the judged levels). */
export function ruleProblems(t: TargetInput): string[] {
  const order: UnitLevel[] = ['province', 'district', 'commune', 'village'];
  const out: string[] = [];
  for (const m of t.measures) {
    if (m.rule.op === 'range' && m.rule.min > m.rule.max) out.push(`${m.code}: min > max`);
    if (m.each && m.levels.some((l) => order.indexOf(l) >= order.indexOf(m.each!))) out.push(`${m.code}: each must be below the levels`);
    if (m.each && m.rule.op === 'no_decrease') out.push(`${m.code}: no_decrease cannot apply to each unit`);
  }
  const codes = t.measures.map((m) => m.code);
  if (new Set(codes).size !== codes.length) out.push('duplicate measure codes');
  return out;
}
