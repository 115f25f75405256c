import type {
  ChildRow,
  Congress,
  CongressDetail,
  CreateCongress,
  MapResult,
  TargetDef,
  TargetInput,
  TargetProgress,
  TargetsQuery,
  TargetsResult,
  TargetUnitsResult,
  TargetYearsResult,
  UpdateTarget,
} from '@contract/targets';
import type { MetricView } from '@contract/metrics';
import type { Db } from '../../db/db';
import { assertUnitAccess, can, unitsInScope, type Ctx } from '../../platform/access';
import type { Located } from '../../platform/endpoints';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { computeMetric, getMetric } from '../../platform/metrics';
import { EMPTY_CHILDREN, ruleProblems } from './engine';
import { adoptForWard, STANDARD_TARGETS_2024 } from './standard-targets';
import { evaluateTargets, yearBounds, type UnitTargets } from './compute';
import {
  congressById,
  congressesAround,
  currentSuccessors,
  descendants,
  findUnitValidity,
  hasOverlappingCongress,
  insertCongress,
  insertTargetDef,
  targetById,
  targetsOf,
  unitsBelow,
  unitsInYear,
  updateTargetDef,
  type YearUnit,
} from './queries';

const unitRef = ({ id, code, name, level }: YearUnit) => ({ id, code, name, level });
const STATUS_KEY = { met: 'met', exceeded: 'exceeded', not_met: 'notMet', not_measured: 'notMeasured', not_applicable: 'notApplicable' } as const;
const byName = (a: { unit: { name: string } }, b: { unit: { name: string } }) => a.unit.name.localeCompare(b.unit.name, 'vi', { numeric: true });

async function yearUnit(db: Db, unitId: number, year: number): Promise<YearUnit> {
  const u = (await unitsInYear(db, [unitId], year)).get(unitId);
  if (!u) throw new AppError('UNIT_NOT_FOUND');
  return u;
}

/** The unit's targets of the year with value, status and trend, and how its children fare on each. */
export async function targetsOverview({ db, user }: Ctx, q: TargetsQuery): Promise<TargetsResult> {
  const unit = await yearUnit(db, q.unit, q.year);
  const childIds = unit.ref ? await descendants(db, unit.id, unit.ref, 'children') : [];
  const all = await evaluateTargets(db, { unitIds: [unit.id, ...childIds], year: q.year, view: q.view });
  const own = all.get(unit.id)!;
  const kids = childIds.map((id) => all.get(id)!).filter((c) => c.unit.ref !== null);

  // A unit without a congress of its own (the province) shows the targets its children are judged on.
  let targets: TargetProgress[] = own.targets;
  if (!own.congress) {
    const seen = new Map<number, TargetProgress>();
    for (const c of kids) for (const t of c.targets) if (!seen.has(t.number)) seen.set(t.number, placeholder(t));
    targets = [...seen.values()].sort((a, b) => a.number - b.number);
  }
  targets = targets.map((t) => ({ ...t, children: summary(kids, t.number) }));

  const children: ChildRow[] = kids
    .map((c) => ({
      unit: unitRef(c.unit),
      congressId: c.congress?.id ?? null,
      cells: c.targets.map((t) => ({ number: t.number, status: t.status, value: t.value })),
    }))
    .sort(byName);
  const manageable = own.congress?.unitId ?? unit.id;
  const canManage = can(user, 'target.manage') && (await unitsInScope(db, user, 'target.manage', [manageable])).has(manageable);
  return { unit: unitRef(unit), year: q.year, ...yearBounds(q.year), view: q.view, unitExisted: unit.ref !== null, congress: own.congress, targets, children, canManage };
}

const placeholder = (t: TargetProgress): TargetProgress => ({
  ...t,
  targetId: null,
  value: null,
  previousValue: null,
  trend: null,
  status: 'not_applicable',
  reason: null,
  measures: [],
});

function summary(kids: UnitTargets[], number: number) {
  const s = { ...EMPTY_CHILDREN };
  for (const c of kids) s[STATUS_KEY[c.targets.find((t) => t.number === number)?.status ?? 'not_applicable']] += 1;
  return s;
}

const ORDER = { not_met: 0, not_measured: 1, met: 2, exceeded: 3, not_applicable: 4 } as const;

/** The units below (children, or all descendants) judged on one target: those that miss it first. */
export async function targetUnits({ db }: Ctx, { number, ...q }: TargetsQuery & { number: number; scope: 'children' | 'all' }): Promise<TargetUnitsResult> {
  const unit = await yearUnit(db, q.unit, q.year);
  const ids = unit.ref ? await descendants(db, unit.id, unit.ref, q.scope) : [];
  const all = await evaluateTargets(db, { unitIds: [unit.id, ...ids], year: q.year, view: q.view });
  const rows = ids.flatMap((id) => {
    const c = all.get(id)!;
    const t = c.targets.find((x) => x.number === number);
    return t && t.status !== 'not_applicable'
      ? [{ unit: unitRef(c.unit), status: t.status, value: t.value, previousValue: t.previousValue, measures: t.measures, title: t.title }]
      : [];
  });
  rows.sort((a, b) => ORDER[a.status] - ORDER[b.status] || byName(a, b));
  const title = all.get(unit.id)!.targets.find((t) => t.number === number)?.title ?? rows[0]?.title;
  if (!title) throw new AppError('TARGET_NOT_FOUND');
  return { number, title, year: q.year, ...yearBounds(q.year), units: rows.map(({ title: _t, ...r }) => r) };
}

/** The unit's targets year by year (for the chart by year). */
export async function targetYears({ db }: Ctx, q: { unit: number; from: number; to: number; view: MetricView }): Promise<TargetYearsResult> {
  if (q.from > q.to || q.to - q.from > 11) throw new AppError('TARGET_YEAR_INVALID');
  const years: TargetYearsResult['years'] = [];
  let last: YearUnit | undefined;
  for (let y = q.from; y <= q.to; y++) {
    const r = (await evaluateTargets(db, { unitIds: [q.unit], year: y, view: q.view })).get(q.unit)!;
    last = r.unit;
    years.push({ year: y, targets: r.targets.map((t) => ({ number: t.number, status: t.status, value: t.value })) });
  }
  return { unit: unitRef(last!), years };
}

const WORST = ['not_met', 'not_measured', 'met', 'exceeded', 'not_applicable'] as const;

/**
 * Communes/wards for the map with a metric's value or a target's status. Values are computed for the
 * communes of the year (within the user's scope) and shown on the shapes of their current successors,
 * so the old wards of 2024 appear through the wards of 2025.
 */
export async function targetMap({ db }: Ctx, q: { unit: number; year: number; metric?: string; target?: number; view: MetricView }): Promise<MapResult> {
  const unit = await yearUnit(db, q.unit, q.year);
  const bounds = yearBounds(q.year);
  const communeIds = !unit.ref ? [] : unit.level === 'commune' ? [unit.id] : (await unitsBelow(db, [{ id: unit.id, ref: unit.ref }], 'commune')).get(unit.id)!.map((c) => c.id);
  const successors = await currentSuccessors(db, communeIds);
  const names = await unitsInYear(db, [...communeIds, ...successors.map((s) => s.successor_id)], q.year);
  const byShape = new Map<number, number[]>();
  for (const s of successors) byShape.set(s.successor_id, [...(byShape.get(s.successor_id) ?? []), s.predecessor_id]);
  const shape = (id: number, preds: number[], value: number | null, status: MapResult['units'][number]['status']) => ({
    unit: unitRef(names.get(id)!),
    value,
    status,
    from: preds.map((p) => unitRef(names.get(p)!)),
  });
  const base = { year: q.year, ...bounds, metric: q.metric ?? null, target: q.target ?? null };
  if (q.metric) {
    const def = getMetric(q.metric);
    const values = await computeMetric(db, def, { unitIds: communeIds, ...bounds, view: q.view });
    return {
      ...base,
      unitOfMeasure: def.unitOfMeasure,
      units: [...byShape].map(([id, preds]) =>
        shape(
          id,
          preds,
          preds.reduce((a, p) => a + values.get(p)!.value, 0),
          null,
        ),
      ),
    };
  }
  const judged = await evaluateTargets(db, { unitIds: communeIds, year: q.year, view: q.view });
  const number = q.target ?? 1;
  const first = [...judged.values()].flatMap((j) => j.targets).find((t) => t.number === number);
  return {
    ...base,
    target: number,
    unitOfMeasure: first?.unitOfMeasure ?? null,
    units: [...byShape].map(([id, preds]) => {
      const found = preds.map((p) => judged.get(p)!.targets.find((x) => x.number === number));
      const status = WORST.find((w) => found.some((t) => (t?.status ?? 'not_applicable') === w)) ?? 'not_applicable';
      // A value only where one unit of the year stands behind the shape (rates do not add up).
      return shape(id, preds, preds.length === 1 ? (found[0]?.value ?? null) : null, status);
    }),
  };
}

// ---------- congresses and their targets (target.manage) ----------

/** Congresses around a unit (its own and those above it); without a unit, around the user's own. */
export async function listCongresses({ db, user }: Ctx, q: { unit?: number }): Promise<Congress[]> {
  const unitId = q.unit ?? user.unitId;
  if (!unitId) throw new AppError('VALIDATION', [{ path: '/unit', message: 'required' }]);
  return congressesAround(db, unitId);
}

/** Where a congress lies, for the endpoint table: its unit on its first day (targets are managed there). */
export async function locateCongress(db: Db, id: number): Promise<Located> {
  const k = await loadCongress(db, id);
  return { unitId: k.unitId, date: k.validFrom };
}

/** A target lies where its congress does. */
export async function locateTarget(db: Db, id: number): Promise<Located> {
  const t = await targetById(db, id);
  if (!t) throw new AppError('TARGET_NOT_FOUND');
  return locateCongress(db, t.congressId);
}

async function loadCongress(db: Db, id: number): Promise<Congress> {
  const k = await congressById(db, id);
  if (!k) throw new AppError('TARGET_CONGRESS_NOT_FOUND');
  return k;
}

async function detail(db: Db, ctx: Ctx, k: Congress): Promise<CongressDetail> {
  const targets = await targetsOf(db, [k.id]);
  const canManage = can(ctx.user, 'target.manage') && (await unitsInScope(db, ctx.user, 'target.manage', [k.unitId])).has(k.unitId);
  return { ...k, targets, canManage };
}

/**
 * A congress is readable in its unit's scope, and by the units it set targets for (a ward reads its
 * city's): a rule wider than the scope rule, so it is checked here (the registrar checked metric.read).
 */
export async function getCongress(ctx: Ctx, { id }: { id: number }): Promise<CongressDetail> {
  const k = await loadCongress(ctx.db, id);
  const inScope = (await unitsInScope(ctx.db, ctx.user, 'metric.read', [k.unitId])).has(k.unitId);
  if (!inScope && !(ctx.user.unitId && (await congressesAround(ctx.db, ctx.user.unitId)).some((x) => x.id === k.id))) {
    throw new AppError('OUT_OF_SCOPE');
  }
  return detail(ctx.db, ctx, k);
}

function assertRules(t: TargetInput): void {
  const problems = ruleProblems(t);
  if (problems.length) throw new AppError('TARGET_RULE_INVALID', problems);
}

const plusYears = (d: string, n: number) => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;

/** A congress term of a unit with its targets (given, or copied from another congress). */
export async function createCongress(ctx: Ctx, input: CreateCongress): Promise<CongressDetail> {
  return ctx.db.tx(async (tx) => {
    const unit = await findUnitValidity(tx, input.unitId);
    const lastEnd = unit.valid_to === 'infinity' ? '9999-12-31' : unit.valid_to;
    const validTo = input.validTo ?? [plusYears(input.validFrom, 5), lastEnd].sort()[0];
    if (input.validFrom < unit.valid_from || validTo > lastEnd || input.validFrom >= validTo) throw new AppError('TARGET_PERIOD_INVALID');
    if (await hasOverlappingCongress(tx, input.unitId, input.validFrom, validTo)) throw new AppError('TARGET_CONGRESS_OVERLAP');
    let targets: TargetInput[] = input.targets ?? [];
    if (input.template) {
      const base = input.template === 'standard_2024_ward' ? adoptForWard(STANDARD_TARGETS_2024) : STANDARD_TARGETS_2024;
      targets = [...targets, ...base.filter((t) => !targets.some((x) => x.number === t.number))];
    }
    if (input.copyFrom !== undefined) {
      const source = await loadCongress(tx, input.copyFrom);
      // A second unit: the congress copied from must be readable too.
      await assertUnitAccess(tx, ctx.user, 'metric.read', source.unitId);
      targets = [...targets, ...(await targetsOf(tx, [source.id])).filter((t) => !targets.some((x) => x.number === t.number))];
    }
    targets.forEach(assertRules);
    if (new Set(targets.map((t) => t.number)).size !== targets.length) throw new AppError('TARGET_NUMBER_TAKEN');
    const id = await insertCongress(tx, {
      unitId: input.unitId,
      termLabel: input.termLabel.replace(/\s*[-–]\s*/, '–'),
      name: input.name,
      validFrom: input.validFrom,
      validTo,
      decisionNo: input.decisionNo || null,
    });
    for (const t of targets) await insertTarget(tx, id, t);
    const k = await loadCongress(tx, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'target_congress', entityId: id, unitId: k.unitId, after: { ...k, targets: targets.map(plain) } });
    return detail(tx, ctx, k);
  });
}

const plain = (t: TargetInput) => ({ number: t.number, title: t.title, measures: t.measures });

async function insertTarget(tx: Db, congressId: number, t: TargetInput): Promise<number> {
  const id = await insertTargetDef(tx, congressId, t);
  if (id === undefined) throw new AppError('TARGET_NUMBER_TAKEN');
  return id;
}

export async function addTarget(ctx: Ctx, { congressId, target: input }: { congressId: number; target: TargetInput }): Promise<TargetDef> {
  return ctx.db.tx(async (tx) => {
    const k = await loadCongress(tx, congressId);
    assertRules(input);
    const id = await insertTarget(tx, congressId, input);
    const after = (await targetById(tx, id))!;
    await audit(tx, ctx.user, { action: 'create', entity: 'target', entityId: id, unitId: k.unitId, after });
    return after;
  });
}

export async function updateTarget(ctx: Ctx, { id, change: input }: { id: number; change: UpdateTarget }): Promise<TargetDef> {
  return ctx.db.tx(async (tx) => {
    const before = await targetById(tx, id);
    if (!before) throw new AppError('TARGET_NOT_FOUND');
    const k = await loadCongress(tx, before.congressId);
    const next = { number: before.number, title: input.title ?? before.title, measures: input.measures ?? before.measures };
    assertRules(next);
    await updateTargetDef(tx, id, next);
    const after = (await targetById(tx, id))!;
    await audit(tx, ctx.user, { action: 'update', entity: 'target', entityId: id, unitId: k.unitId, before, after });
    return after;
  });
}
