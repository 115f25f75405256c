import type { UnitEventKind, UnitLevel, UnitPart } from '@contract/units';
import type { Db } from '../../db/db';
import { normalizeVn } from '../../platform/vn-text';

/**
 * The write side of units, shared by the change service, the importers and the demo: a change is
 * first described as a plan (new units, version cuts, events, lineage), then written with one
 * multi-row statement per table. Validation happens before; this layer only writes.
 */

export const INFINITY = 'infinity';

/** An existing unit's id, or the key of a unit created by the same plan. */
export type UnitRef = number | string;

export type PlanUnit = {
  key: string;
  code: string;
  level: UnitLevel;
  kind: string;
  provinceCode: string | null;
  validFrom: string;
  validTo: string;
};
export type PlanVersion = { unit: UnitRef; name: string; parent: UnitRef | null; validFrom: string; validTo: string };
export type PlanEvent = {
  kind: UnitEventKind;
  date: string;
  legalBasis?: string | null;
  note?: string | null;
  units: Array<{ unit: UnitRef; role: 'subject' | 'from' | 'to'; part?: UnitPart }>;
  lineage?: Array<{ from: UnitRef; to: UnitRef; part: UnitPart }>;
};

export class UnitPlan {
  readonly units: PlanUnit[] = [];
  readonly versions: PlanVersion[] = [];
  /** Existing versions containing `date` end on it (a later version takes over). */
  readonly cuts: Array<{ unitId: number; date: string }> = [];
  /** Existing units end on `date` (their last version is cut too). */
  readonly ends: Array<{ unitId: number; date: string }> = [];
  /** Existing versions starting on `validFrom` change in place (two changes on one day). */
  readonly patches: Array<{ unitId: number; validFrom: string; name?: string; parent?: UnitRef }> = [];
  readonly kinds: Array<{ unitId: number; kind: string }> = [];
  readonly events: PlanEvent[] = [];

  addUnit(u: PlanUnit, versions: Array<Omit<PlanVersion, 'unit'>>): string {
    this.units.push(u);
    for (const v of versions) this.versions.push({ ...v, unit: u.key });
    return u.key;
  }

  addEvent(e: PlanEvent): number {
    this.events.push(e);
    return this.events.length - 1;
  }

  get size() {
    return {
      units: this.units.length,
      versions: this.versions.length + this.patches.length,
      events: this.events.length,
      lineage: this.events.reduce((n, e) => n + (e.lineage?.length ?? 0), 0),
    };
  }
}

export type WrittenPlan = { ids: Map<string, number>; eventIds: number[] };

async function allocIds(tx: Db, table: 'units' | 'unit_events', n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await tx.query<{ id: number }>(`select nextval(pg_get_serial_sequence('${table}', 'id'))::bigint as id from generate_series(1, $1::int)`, [n]);
  return rows.map((r) => r.id);
}

/** Writes a plan; the caller then calls `refreshClosure` once. */
export async function writePlan(tx: Db, plan: UnitPlan, createdBy: number | null): Promise<WrittenPlan> {
  const ids = new Map<string, number>();
  const unitIds = await allocIds(tx, 'units', plan.units.length);
  plan.units.forEach((u, i) => ids.set(u.key, unitIds[i]));
  const ref = (r: UnitRef | null | undefined): number | null => {
    if (r === null || r === undefined) return null;
    if (typeof r === 'number') return r;
    const id = ids.get(r);
    if (id === undefined) throw new Error(`unit plan: unknown key ${r}`);
    return id;
  };

  if (plan.units.length) {
    const u = plan.units;
    await tx.query(
      `insert into units (id, code, level, kind, province_code, valid_from, valid_to) overriding system value
       select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[])`,
      [unitIds, u.map((x) => x.code), u.map((x) => x.level), u.map((x) => x.kind), u.map((x) => x.provinceCode), u.map((x) => x.validFrom), u.map((x) => x.validTo)],
    );
  }
  const cuts = [...plan.cuts, ...plan.ends];
  if (cuts.length) {
    await tx.query(
      `update unit_versions v set valid_to = c.date from unnest($1::bigint[], $2::date[]) c(unit_id, date)
        where v.unit_id = c.unit_id and v.valid_from < c.date and c.date < v.valid_to`,
      [cuts.map((c) => c.unitId), cuts.map((c) => c.date)],
    );
  }
  if (plan.ends.length) {
    await tx.query(`update units u set valid_to = e.date from unnest($1::bigint[], $2::date[]) e(unit_id, date) where u.id = e.unit_id`, [
      plan.ends.map((e) => e.unitId),
      plan.ends.map((e) => e.date),
    ]);
  }
  for (const p of plan.patches) {
    await tx.query(
      `update unit_versions set name = coalesce($3, name), name_search = coalesce($4, name_search),
              parent_id = case when $5::boolean then $6::bigint else parent_id end
        where unit_id = $1 and valid_from = $2::date`,
      [p.unitId, p.validFrom, p.name ?? null, p.name ? normalizeVn(p.name) : null, p.parent !== undefined, ref(p.parent)],
    );
  }
  for (const k of plan.kinds) await tx.query('update units set kind = $2 where id = $1', [k.unitId, k.kind]);
  if (plan.versions.length) {
    const v = plan.versions;
    await tx.query(
      `insert into unit_versions (unit_id, name, name_search, parent_id, valid_from, valid_to)
       select * from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::date[], $6::date[])`,
      [v.map((x) => ref(x.unit)), v.map((x) => x.name), v.map((x) => normalizeVn(x.name)), v.map((x) => ref(x.parent)), v.map((x) => x.validFrom), v.map((x) => x.validTo)],
    );
  }

  const eventIds = await allocIds(tx, 'unit_events', plan.events.length);
  if (plan.events.length) {
    const e = plan.events;
    await tx.query(
      `insert into unit_events (id, kind, effective_date, legal_basis, note, created_by) overriding system value
       select id, kind, d, lb, note, $6::bigint from unnest($1::bigint[], $2::text[], $3::date[], $4::text[], $5::text[]) x(id, kind, d, lb, note)`,
      [eventIds, e.map((x) => x.kind), e.map((x) => x.date), e.map((x) => x.legalBasis ?? null), e.map((x) => x.note ?? null), createdBy],
    );
    const eu = plan.events.flatMap((x, i) => x.units.map((u) => [eventIds[i], ref(u.unit), u.role, u.part ?? 'full'] as const));
    if (eu.length) {
      await tx.query(
        `insert into unit_event_units (event_id, unit_id, role, part)
         select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])`,
        [eu.map((r) => r[0]), eu.map((r) => r[1]), eu.map((r) => r[2]), eu.map((r) => r[3])],
      );
    }
    const ln = plan.events.flatMap((x, i) => (x.lineage ?? []).map((l) => [ref(l.from), ref(l.to), x.date, l.part, eventIds[i]] as const));
    if (ln.length) {
      await tx.query(
        `insert into unit_lineage (predecessor_id, successor_id, effective_date, part, event_id)
         select * from unnest($1::bigint[], $2::bigint[], $3::date[], $4::text[], $5::bigint[])`,
        [ln.map((r) => r[0]), ln.map((r) => r[1]), ln.map((r) => r[2]), ln.map((r) => r[3]), ln.map((r) => r[4])],
      );
    }
  }
  return { ids, eventIds };
}

/**
 * Serialises unit changes and imports (the same lock the closure rebuild takes): checks such as
 * "is this code free?" or "is this dataset imported?" stay true until the transaction commits.
 */
export async function lockUnitChanges(tx: Db): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(2024112902)');
}

/** Every existing or new unit a written plan touched. */
export function touchedUnitIds(plan: UnitPlan, written: WrittenPlan): number[] {
  const ref = (r: UnitRef | null) => (r === null ? null : typeof r === 'number' ? r : written.ids.get(r)!);
  const refs: Array<number | null> = [
    ...written.ids.values(),
    ...[...plan.cuts, ...plan.ends, ...plan.patches, ...plan.kinds].map((x) => x.unitId),
    ...plan.patches.map((p) => ref(p.parent ?? null)),
    ...plan.versions.flatMap((v) => [ref(v.unit), ref(v.parent)]),
    ...plan.events.flatMap((e) => [...e.units.map((u) => ref(u.unit)), ...(e.lineage ?? []).flatMap((l) => [ref(l.from), ref(l.to)])]),
  ];
  return [...new Set(refs.filter((x): x is number => x !== null))];
}

// Above this many touched units (imports), one full rebuild is cheaper than following each.
const INCREMENTAL_LIMIT = 2000;

/**
 * Rebuilds the derived closure tables; call once per transaction, after the last write. Given what
 * the plan touched, only the affected part is rebuilt (a rename at national size costs milliseconds,
 * not the seconds of a full rebuild).
 */
export async function refreshClosure(tx: Db, touched?: number[]): Promise<void> {
  if (touched && touched.length <= INCREMENTAL_LIMIT) {
    await tx.query('select refresh_unit_closure_for($1::bigint[])', [touched]);
  } else {
    await tx.query('select refresh_unit_closure()');
  }
}

/** The unit type from an official name: "Phường Trần Phú" → "Phường". */
export function kindFromName(name: string, fallback: string): string {
  const kinds = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Tổ dân phố', 'Tỉnh', 'Huyện', 'Quận', 'Phường', 'Xã', 'Thôn'];
  return kinds.find((k) => name.toLowerCase().startsWith(k.toLowerCase() + ' ')) ?? fallback;
}
