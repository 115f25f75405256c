import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportSummary, ImportUnits, UnitDataset } from '@contract/units';
import type { Db } from '../../db/db';
import type { CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { HISTORY_START, buildBacGiangHistory, type BacGiangData } from './import-bac-giang';
import { REFORM_DATE, REFORM_EVE, buildReformGroup, type ExistingUnit, type ReformData, type ReformLookup, type ReformResult } from './import-reform';
import { UnitPlan, lockUnitChanges, refreshClosure, touchedUnitIds, writePlan } from './store';
import { childrenAcross, countCommunesByProvince, countStartingUnits, overlappingUnits, unitsBeforeReform } from './queries';

/**
 * Imports of the real unit data (`assets/admin-units`, copied from the shared data; or ADMIN_UNITS_DIR), whole or nothing
 * inside the caller's transaction. Idempotent: what is already imported is detected and skipped; an
 * import that would partly overlap existing units is refused (IMPORT_CONFLICT).
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
export const adminUnitsDir = () => process.env.ADMIN_UNITS_DIR ?? path.resolve(repoRoot, 'assets/admin-units');

function readJson<T>(file: string, check: (v: unknown) => boolean): T {
  const full = path.join(adminUnitsDir(), file);
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (err) {
    throw new AppError('IMPORT_INVALID', { file: full, reason: (err as Error).message });
  }
  if (!check(value)) throw new AppError('IMPORT_INVALID', { file: full, reason: 'unexpected shape' });
  return value as T;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Refuses a plan whose new units would share a code with an overlapping unit of the same level. */
async function assertNoOverlap(tx: Db, plan: UnitPlan): Promise<void> {
  if (!plan.units.length) return;
  const ends = new Map(plan.ends.map((e) => [e.unitId, e.date]));
  const rows = await overlappingUnits(tx, plan.units);
  const clash = rows.filter((r) => {
    const end = ends.get(r.id);
    // A unit that this plan ends no longer overlaps what starts on its end date.
    return !(end && plan.units.every((n) => n.code !== r.code || n.level !== r.level || n.validFrom >= end));
  });
  if (clash.length) throw new AppError('IMPORT_CONFLICT', { units: clash.slice(0, 10).map((r) => `${r.level} ${r.code} [${r.valid_from}, ${r.valid_to})`) });
}

async function finish(tx: Db, actor: CurrentUser | null, dataset: UnitDataset, plan: UnitPlan, skipped: ImportSummary['skipped'], started: number): Promise<ImportSummary> {
  const written = await writePlan(tx, plan, actor?.id ?? null);
  if (plan.units.length || plan.ends.length || plan.cuts.length) await refreshClosure(tx, touchedUnitIds(plan, written));
  const summary: ImportSummary = { dataset, created: plan.size, skipped, ms: Date.now() - started };
  await audit(tx, actor, { action: 'import', entity: 'unit_import', entityId: dataset, after: summary });
  return summary;
}

/** Bắc Giang province 2020–2025 (four snapshots, from 2019-01-01). */
/** The tables a unit import fills: analyzed after it commits (platform/statistics.ts). */
export const UNIT_TABLES = ['units', 'unit_versions', 'unit_events', 'unit_event_units', 'unit_lineage', 'unit_closure', 'unit_lineage_closure'];

export async function importBacGiangHistory(tx: Db, actor: CurrentUser | null): Promise<ImportSummary> {
  const started = Date.now();
  await lockUnitChanges(tx);
  const data = readJson<BacGiangData>('bac-giang-province-2020-2025.json', (v) => isObj(v) && isObj(v.snapshots) && typeof v.province_code === 'string');
  const plan = buildBacGiangHistory(data);
  const done = await countStartingUnits(
    tx,
    HISTORY_START,
    data.province_code,
    plan.units.filter((u) => u.level === 'district' && u.validFrom === HISTORY_START).map((u) => u.code),
  );
  const firstDistricts = plan.units.filter((u) => u.level === 'district' && u.validFrom === HISTORY_START).length;
  if (done === firstDistricts + 1) {
    return finish(tx, actor, 'bac-giang-2020-2025', new UnitPlan(), { provinces: [data.province_code], units: plan.units.length }, started);
  }
  await assertNoOverlap(tx, plan);
  return finish(tx, actor, 'bac-giang-2020-2025', plan, { provinces: [], units: 0 }, started);
}

async function reformLookup(tx: Db, codes: string[]): Promise<ReformLookup> {
  const rows = await unitsBeforeReform(tx, REFORM_EVE, codes);
  const existing = new Map<string, ExistingUnit>();
  const beneath = new Map<number, ExistingUnit[]>();
  for (const r of rows) {
    const u: ExistingUnit = { id: r.id, code: r.code, level: r.level, name: r.name, parentId: r.parent_id, validTo: r.valid_to };
    if (codes.includes(r.code)) existing.set(`${r.level}:${r.code}`, u);
    if (r.province_id !== null && r.level !== 'province' && r.level !== 'village') {
      beneath.set(r.province_id, [...(beneath.get(r.province_id) ?? []), u]);
    }
  }
  return { existing, beneath };
}

/** The 1 July 2025 reform for the given new provinces (all 34 when omitted). */
export async function importReform2025(tx: Db, actor: CurrentUser | null, opts: { provinceCodes?: string[] }): Promise<ImportSummary> {
  const started = Date.now();
  await lockUnitChanges(tx);
  const data = readJson<ReformData>('vn-units-2025-07-01-with-merges.json', (v) => isObj(v) && Array.isArray(v.data));
  const wanted = opts.provinceCodes ? new Set(opts.provinceCodes) : null;
  const groups = data.data.filter((g) => !wanted || wanted.has(g.level1_id));
  const unknown = opts.provinceCodes?.filter((c) => !data.data.some((g) => g.level1_id === c)) ?? [];
  if (unknown.length) throw new AppError('VALIDATION', [{ path: '/provinceCodes', message: `unknown province ${unknown.join(', ')}` }]);

  // A group is imported when its new communes stand, on the reform date, under a province of its code.
  const done = await countCommunesByProvince(
    tx,
    REFORM_DATE,
    groups.map((g) => g.level1_id),
  );
  const doneBy = new Map(done.map((d) => [d.code, d.n]));
  const skipped: ImportSummary['skipped'] = { provinces: [], units: 0 };
  const todo = groups.filter((g) => {
    const n = doneBy.get(g.level1_id) ?? 0;
    if (n === 0) return true;
    if (n < g.level2s.length) throw new AppError('IMPORT_CONFLICT', { province: g.level1_id, communesPresent: n, communesInData: g.level2s.length });
    skipped.provinces.push(g.level1_id);
    skipped.units += g.level2s.length + 1;
    return false;
  });

  const codes = [...new Set(todo.flatMap((g) => [...g.merges.map((m) => m.old_id), ...g.level2s.flatMap((c) => [c.level2_id, ...c.merges.map((m) => m.old_id)])]))];
  const look = await reformLookup(tx, codes);
  const plan = new UnitPlan();
  const out: ReformResult = { successorOf: new Map(), handled: new Set() };
  for (const g of todo) buildReformGroup(plan, g, look, out);
  await handOverChildren(tx, plan, out);
  await assertNoOverlap(tx, plan);
  return finish(tx, actor, 'reform-2025-07-01', plan, skipped, started);
}

/** Units under an old unit that ends (villages, say) move to the unit its history rolls into. */
async function handOverChildren(tx: Db, plan: UnitPlan, out: ReformResult): Promise<void> {
  const parents = [...out.successorOf.keys()];
  if (!parents.length) return;
  const kids = await childrenAcross(tx, parents, REFORM_EVE, REFORM_DATE);
  for (const k of kids.filter((x) => !out.handled.has(x.unit_id))) {
    plan.cuts.push({ unitId: k.unit_id, date: REFORM_DATE });
    plan.versions.push({ unit: k.unit_id, name: k.name, parent: out.successorOf.get(k.parent_id)!, validFrom: REFORM_DATE, validTo: k.valid_to });
    plan.addEvent({
      kind: 'move',
      date: REFORM_DATE,
      note: 'Chuyển theo sắp xếp đơn vị cấp trên / moved with its parent in the reform',
      units: [{ unit: k.unit_id, role: 'subject' }],
    });
  }
}

/** The admin action and the CLI: one dataset, in the caller's transaction. */
export async function importUnits(tx: Db, actor: CurrentUser | null, input: ImportUnits): Promise<ImportSummary> {
  if (input.dataset === 'bac-giang-2020-2025') return importBacGiangHistory(tx, actor);
  return importReform2025(tx, actor, { provinceCodes: input.provinceCodes });
}
