import { z } from 'zod';
import { Id, IsoDate } from './common';
import { UnitLevel } from './units';
import { MetricView } from './metrics';
import { NOT_MEASURED_REASONS, RULE_OPS, TARGET_STATUSES, TARGET_TEMPLATES, TRENDS } from './targets-values';

export { TARGET_STATUSES, TARGET_STATUS_LABELS, NOT_MEASURED_REASONS, NOT_MEASURED_REASON_LABELS, RULE_OPS, TRENDS } from './targets-values';

/*
 * Targets (chỉ tiêu) of a congress term, as data: each target has one or more measures that must all
 * hold. A measure names metric keys (a value, or numerator ÷ denominator in percent, optionally
 * restricted to some dims), a rule, and the unit levels it judges. With `each`, the measure is judged
 * for every unit of that level below the judged unit and holds when 100% of them meet it (target 7).
 */

const Label = z.object({ vi: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
export const TargetStatus = z.enum(TARGET_STATUSES);
export type TargetStatus = z.infer<typeof TargetStatus>;

export const MetricRef = z.object({
  metric: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'module.name'),
  dims: z.array(z.string().min(1).max(60)).min(1).max(20).optional(),
});
export type MetricRef = z.infer<typeof MetricRef>;

export const Quantity = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), metric: MetricRef }),
  z.object({ kind: z.literal('ratio'), numerator: MetricRef, denominator: MetricRef }),
]);
export type Quantity = z.infer<typeof Quantity>;

const Num = z.number().finite();
export const Rule = z.discriminatedUnion('op', [
  z.object({ op: z.literal('gte'), value: Num }),
  z.object({ op: z.literal('gt'), value: Num }),
  z.object({ op: z.literal('lte'), value: Num }),
  z.object({ op: z.literal('range'), min: Num, max: Num }),
  z.object({ op: z.literal('no_decrease') }),
]);
export type Rule = z.infer<typeof Rule>;
export const RuleOp = z.enum(RULE_OPS);

export const Measure = z.object({
  code: z.string().trim().min(1).max(10),
  label: Label,
  levels: z.array(UnitLevel).min(1).max(4),
  each: UnitLevel.optional(),
  quantity: Quantity,
  rule: Rule,
});
export type Measure = z.infer<typeof Measure>;

export const TargetInput = z.object({
  number: z.number().int().min(1).max(99),
  title: Label,
  measures: z.array(Measure).min(1).max(8),
});
export type TargetInput = z.infer<typeof TargetInput>;

export const TargetDef = TargetInput.extend({ id: Id, congressId: Id });
export type TargetDef = z.infer<typeof TargetDef>;

export const TermLabelSchema = z
  .string()
  .trim()
  .regex(/^\d{4}\s*[-–]\s*\d{4}$/, 'YYYY–YYYY');

export const Congress = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  unitLevel: UnitLevel,
  termLabel: z.string(),
  name: z.string(),
  validFrom: IsoDate,
  /** Exclusive end (first day no longer in force). */
  validTo: IsoDate,
  decisionNo: z.string().nullable(),
  targetCount: z.number().int(),
});
export type Congress = z.infer<typeof Congress>;

export const CongressDetail = Congress.extend({ targets: z.array(TargetDef), canManage: z.boolean() });
export type CongressDetail = z.infer<typeof CongressDetail>;

export const CreateCongress = z.object({
  unitId: Id,
  termLabel: TermLabelSchema,
  name: z.string().trim().min(1).max(300),
  validFrom: IsoDate,
  /** Exclusive end; left out, the term runs five years or until the unit ends. */
  validTo: IsoDate.optional(),
  decisionNo: z.string().trim().max(100).optional(),
  /** Copy the targets of another congress (its measures and rules) into the new one. */
  copyFrom: Id.optional(),
  /** Or start from the seed's 16 targets, as set for a city or as adopted by a ward. */
  template: z.enum(TARGET_TEMPLATES).optional(),
  targets: z.array(TargetInput).max(40).optional(),
});
export type CreateCongress = z.infer<typeof CreateCongress>;

export const CongressListQuery = z.object({ unit: Id.optional() });

export const TargetsQuery = z.object({
  unit: Id,
  year: z.coerce.number().int().min(2000).max(2100),
  view: MetricView.default('now'),
});
export type TargetsQuery = z.infer<typeof TargetsQuery>;

export const MeasureProgress = z.object({
  code: z.string(),
  label: Label,
  levels: z.array(UnitLevel),
  each: UnitLevel.nullable(),
  rule: Rule,
  metricKeys: z.array(z.string()),
  unitOfMeasure: z.enum(['count', 'vnd', 'percent', 'days']),
  value: z.number().nullable(),
  previousValue: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  status: TargetStatus,
  reason: z.enum(NOT_MEASURED_REASONS).nullable(),
  /** For `each` measures: the units below that miss it. */
  missing: z.array(z.object({ unitId: Id, unitName: z.string() })).optional(),
});
export type MeasureProgress = z.infer<typeof MeasureProgress>;

export const ChildSummary = z.object({
  met: z.number().int(),
  exceeded: z.number().int(),
  notMet: z.number().int(),
  notMeasured: z.number().int(),
  notApplicable: z.number().int(),
});
export type ChildSummary = z.infer<typeof ChildSummary>;

export const TargetProgress = z.object({
  number: z.number().int(),
  targetId: Id.nullable(),
  title: Label,
  metricKeys: z.array(z.string()),
  unitOfMeasure: z.enum(['count', 'vnd', 'percent', 'days']),
  value: z.number().nullable(),
  previousValue: z.number().nullable(),
  trend: z.enum(TRENDS).nullable(),
  status: TargetStatus,
  reason: z.enum(NOT_MEASURED_REASONS).nullable(),
  measures: z.array(MeasureProgress),
  children: ChildSummary,
});
export type TargetProgress = z.infer<typeof TargetProgress>;

export const UnitRef = z.object({ id: Id, code: z.string(), name: z.string(), level: UnitLevel });
export type UnitRef = z.infer<typeof UnitRef>;

export const ChildCell = z.object({ number: z.number().int(), status: TargetStatus, value: z.number().nullable() });
export const ChildRow = z.object({ unit: UnitRef, congressId: Id.nullable(), cells: z.array(ChildCell) });
export type ChildRow = z.infer<typeof ChildRow>;

export const TargetsResult = z.object({
  unit: UnitRef,
  year: z.number().int(),
  from: IsoDate,
  to: IsoDate,
  view: MetricView,
  /** False when the unit did not exist in the year (nothing to judge). */
  unitExisted: z.boolean(),
  congress: Congress.nullable(),
  targets: z.array(TargetProgress),
  children: z.array(ChildRow),
  canManage: z.boolean(),
});
export type TargetsResult = z.infer<typeof TargetsResult>;

export const TargetUnitsQuery = TargetsQuery.extend({ scope: z.enum(['children', 'all']).default('children') });
export const TargetUnitRow = z.object({
  unit: UnitRef,
  status: TargetStatus,
  value: z.number().nullable(),
  previousValue: z.number().nullable(),
  measures: z.array(MeasureProgress),
});
export type TargetUnitRow = z.infer<typeof TargetUnitRow>;
export const TargetUnitsResult = z.object({
  number: z.number().int(),
  title: Label,
  year: z.number().int(),
  from: IsoDate,
  to: IsoDate,
  units: z.array(TargetUnitRow),
});
export type TargetUnitsResult = z.infer<typeof TargetUnitsResult>;

export const TargetYearsQuery = z.object({
  unit: Id,
  from: z.coerce.number().int().min(2000).max(2100),
  to: z.coerce.number().int().min(2000).max(2100),
  view: MetricView.default('now'),
});
export const TargetYearsResult = z.object({
  unit: UnitRef,
  years: z.array(z.object({ year: z.number().int(), targets: z.array(ChildCell) })),
});
export type TargetYearsResult = z.infer<typeof TargetYearsResult>;

export const MapQuery = z.object({
  unit: Id,
  year: z.coerce.number().int().min(2000).max(2100),
  metric: z.string().max(100).optional(),
  target: z.coerce.number().int().min(1).max(99).optional(),
  view: MetricView.default('now'),
});
export const MapResult = z.object({
  year: z.number().int(),
  from: IsoDate,
  to: IsoDate,
  metric: z.string().nullable(),
  target: z.number().int().nullable(),
  unitOfMeasure: z.enum(['count', 'vnd', 'percent', 'days']).nullable(),
  /** Current communes/wards (the map's shapes), each with the units of the year it stands for. */
  units: z.array(z.object({ unit: UnitRef, value: z.number().nullable(), status: TargetStatus.nullable(), from: z.array(UnitRef) })),
});
export type MapResult = z.infer<typeof MapResult>;

export const TargetNumberParams = z.object({ number: z.coerce.number().int().min(1).max(99) });
export const UpdateTarget = TargetInput.pick({ title: true, measures: true }).partial();
export type UpdateTarget = z.infer<typeof UpdateTarget>;
