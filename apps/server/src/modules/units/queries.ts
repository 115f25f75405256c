import type { Unit, UnitDetail, UnitLevel, UnitListQuery } from '@contract/units';
import type { Db } from '../../db/db';
import { dayWithin, scopeCondition, type CurrentUser } from '../../platform/access';
import { normalizeVn } from '../../platform/vn-text';
import { AppError } from '../../platform/errors';
import type { ExistingUnit } from './import-reform';
import type { LoadedUnit, VersionRow } from './rules';

const toDate = (d: string) => (d === 'infinity' ? null : d);

type UnitRow = {
  id: number;
  code: string;
  level: Unit['level'];
  kind: string;
  name: string;
  parent_id: number | null;
  parent_name: string | null;
  valid_from: string;
  valid_to: string;
  child_count?: number;
};

export const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  code: r.code,
  level: r.level,
  kind: r.kind,
  name: r.name,
  parentId: r.parent_id,
  parentName: r.parent_name,
  validFrom: r.valid_from,
  validTo: toDate(r.valid_to),
  ...(r.child_count !== undefined ? { childCount: r.child_count } : {}),
});

// A unit joined with its version valid on $1 (the as-of date).
const UNIT_AT = `
  select u.id, u.code, u.level, u.kind, v.name, v.name_search, v.parent_id, pv.name as parent_name,
         u.valid_from::text, u.valid_to::text
    from units u
    join unit_versions v on v.unit_id = u.id and v.valid_from <= $1::date and $1::date < v.valid_to
    left join unit_versions pv on pv.unit_id = v.parent_id and pv.valid_from <= $1::date and $1::date < pv.valid_to`;

/** The default as-of date for a user: today, or the last day of their unit if it has ended. */
export function defaultAsOf(user: CurrentUser): string {
  return dayWithin('0001-01-01', user.unitValidTo);
}

/**
 * Units valid on asOf within the user's scope: children of `parent`, matches of `q` (with or
 * without diacritics), or, with neither, the roots of what the user can see.
 */
export async function listUnits(db: Db, user: CurrentUser, q: UnitListQuery): Promise<Unit[]> {
  const asOf = q.asOf ?? defaultAsOf(user);
  const params: unknown[] = [asOf];
  const where: string[] = [];
  const scope = scopeCondition(user, 'u.id', null, params.length + 1);
  params.push(...scope.params);
  where.push(scope.sql);
  if (q.parent !== undefined) {
    params.push(q.parent);
    where.push(`v.parent_id = $${params.length}`);
  }
  if (q.level) {
    params.push(q.level);
    where.push(`u.level = $${params.length}`);
  }
  if (q.q) {
    params.push(`%${normalizeVn(q.q)}%`);
    where.push(`v.name_search like $${params.length}`);
  }
  if (q.parent === undefined && !q.q) {
    // Roots of the visible forest: units whose parent on asOf is out of scope (or absent).
    const parentScope = scopeCondition(user, 'v.parent_id', null, params.length + 1);
    params.push(...parentScope.params);
    where.push(`(v.parent_id is null or not (${parentScope.sql}))`);
  }
  params.push(q.limit);
  const rows = await db.query<UnitRow>(
    `select x.*, (select count(*)::int from unit_versions cv where cv.parent_id = x.id
                    and cv.valid_from <= $1::date and $1::date < cv.valid_to) as child_count
       from (${UNIT_AT} where ${where.join(' and ')}) x
      -- Vietnamese order (tones ignored, Đ after D), numbers in number order ("số 2" before "số 10").
      order by x.level, regexp_replace(f_unaccent(replace(lower(x.name), 'đ', 'dz')), '[0-9]+', '', 'g'),
               nullif(substring(x.name_search from '[0-9]+'), '')::int nulls first, x.name
      limit $${params.length}`,
    params,
  );
  return rows.map(toUnit);
}

/** A unit with its versions, events, lineage and ancestors on asOf. */
export async function getUnitDetail(db: Db, id: number, asOf: string): Promise<UnitDetail> {
  const base = await db.query<UnitRow>(
    `select u.id, u.code, u.level, u.kind, v.name, v.parent_id, pv.name as parent_name,
            u.valid_from::text, u.valid_to::text
       from units u
       join lateral (select * from unit_versions v where v.unit_id = u.id
                      order by (v.valid_from <= $2::date and $2::date < v.valid_to) desc, v.valid_from desc limit 1) v on true
       left join unit_versions pv on pv.unit_id = v.parent_id and pv.valid_from <= greatest(v.valid_from, least($2::date, v.valid_to - 1))
            and greatest(v.valid_from, least($2::date, v.valid_to - 1)) < pv.valid_to
      where u.id = $1`,
    [id, asOf],
  );
  if (!base[0]) throw new AppError('UNIT_NOT_FOUND');
  const [versions, events, predecessors, successors, ancestors] = await Promise.all([
    db.query<{ name: string; parent_id: number | null; parent_name: string | null; valid_from: string; valid_to: string }>(
      `select v.name, v.parent_id, (select pv.name from unit_versions pv where pv.unit_id = v.parent_id
               order by pv.valid_from <= v.valid_from desc, pv.valid_from desc limit 1) as parent_name,
              v.valid_from::text, v.valid_to::text
         from unit_versions v where v.unit_id = $1 order by v.valid_from`,
      [id],
    ),
    db.query<{
      id: number;
      kind: UnitDetail['events'][number]['kind'];
      effective_date: string;
      legal_basis: string | null;
      note: string | null;
      units: UnitDetail['events'][number]['units'];
    }>(
      `select e.id, e.kind, e.effective_date::text, e.legal_basis, e.note,
              (select json_agg(json_build_object('id', u.id, 'code', u.code, 'role', eu2.role, 'part', eu2.part,
                        'name', (select name from unit_versions v where v.unit_id = u.id order by v.valid_from desc limit 1))
                      order by eu2.role, u.code)
                 from unit_event_units eu2 join units u on u.id = eu2.unit_id where eu2.event_id = e.id) as units
         from unit_events e
        where e.id in (select event_id from unit_event_units where unit_id = $1)
        order by e.effective_date, e.id`,
      [id],
    ),
    linked(db, id, 'predecessor'),
    linked(db, id, 'successor'),
    db.query<{ id: number; name: string; level: Unit['level'] }>(
      `select c.ancestor_id as id, v.name, u.level
         from unit_closure c join units u on u.id = c.ancestor_id
         join unit_versions v on v.unit_id = c.ancestor_id and v.valid_from <= $2::date and $2::date < v.valid_to
        where c.descendant_id = $1 and c.depth > 0 and c.valid_from <= $2::date and $2::date < c.valid_to
        order by c.depth desc`,
      [id, asOf],
    ),
  ]);
  return {
    ...toUnit(base[0]),
    versions: versions.map((v) => ({ name: v.name, parentId: v.parent_id, parentName: v.parent_name, validFrom: v.valid_from, validTo: toDate(v.valid_to) })),
    events: events.map((e) => ({ id: e.id, kind: e.kind, effectiveDate: e.effective_date, legalBasis: e.legal_basis, note: e.note, units: e.units ?? [] })),
    predecessors,
    successors,
    ancestors,
  };
}

async function linked(db: Db, id: number, want: 'predecessor' | 'successor') {
  const [self, other] = want === 'predecessor' ? ['successor_id', 'predecessor_id'] : ['predecessor_id', 'successor_id'];
  const rows = await db.query<{ id: number; code: string; name: string; effective_date: string; part: 'full' | 'partial' }>(
    `select u.id, u.code, (select name from unit_versions v where v.unit_id = u.id order by v.valid_from desc limit 1) as name,
            l.effective_date::text, l.part
       from unit_lineage l join units u on u.id = l.${other}
      where l.${self} = $1 order by name`,
    [id],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, effectiveDate: r.effective_date, part: r.part }));
}

/** The unit with this official code and level on date (codes are reused over time), or null. */
export async function unitIdByCode(db: Db, code: string, level: string, date: string): Promise<number | null> {
  const [u] = await db.query<{ id: number }>('select id from units where code = $1 and level = $2 and valid_from <= $3::date and $3::date < valid_to', [code, level, date]);
  return u?.id ?? null;
}

/** Ids of the subtree of unitId (itself included) as it was on date. */
export async function subtreeIds(db: Db, unitId: number, date: string): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `select descendant_id as id from unit_closure
      where ancestor_id = $1 and valid_from <= $2::date and $2::date < valid_to`,
    [unitId, date],
  );
  return rows.map((r) => r.id);
}

/** Units valid on date that the history of unitId rolled into (itself if still valid). */
export async function successorsAt(db: Db, unitId: number, date: string): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    // A unit merged into an existing one becomes its successor only from the merger's date.
    `select l.successor_id as id from unit_lineage_closure l join units u on u.id = l.successor_id
      where l.predecessor_id = $1 and u.valid_from <= $2::date and $2::date < u.valid_to
        and (l.successor_id = $1 or exists (
          select 1 from unit_lineage ul join unit_lineage_closure c on c.successor_id = ul.predecessor_id and c.predecessor_id = $1
           where ul.successor_id = l.successor_id and ul.effective_date <= $2::date))`,
    [unitId, date],
  );
  return rows.map((r) => r.id);
}

/** Every unit whose history rolls up into unitId (transitively), itself excluded. */
export async function predecessorsOf(db: Db, unitId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(`select predecessor_id as id from unit_lineage_closure where successor_id = $1 and predecessor_id <> $1`, [unitId]);
  return rows.map((r) => r.id);
}

/** Children of unitId valid on date. */
export async function childIds(db: Db, unitId: number, date: string): Promise<number[]> {
  const rows = await db.query<{ id: number }>(`select unit_id as id from unit_versions where parent_id = $1 and valid_from <= $2::date and $2::date < valid_to`, [unitId, date]);
  return rows.map((r) => r.id);
}

// ---- what unit changes and imports check before they write (rules.ts, service.ts, import.ts) ----

/** The units by id, without their versions; `lock` serialises concurrent changes to the same units. */
export async function unitRowsByIds(tx: Db, ids: number[], lock = false): Promise<Array<Omit<LoadedUnit, 'versions'>>> {
  return tx.query<Omit<LoadedUnit, 'versions'>>(
    `select id, code, level, kind, province_code, valid_from::text, valid_to::text
       from units where id = any($1::bigint[]) order by id ${lock ? 'for update' : ''}`,
    [ids],
  );
}

/** Every version of the units, in date order. */
export async function versionsOf(tx: Db, ids: number[]): Promise<Array<VersionRow & { unit_id: number }>> {
  return tx.query<VersionRow & { unit_id: number }>(
    `select unit_id, name, parent_id, valid_from::text, valid_to::text
       from unit_versions where unit_id = any($1::bigint[]) order by unit_id, valid_from`,
    [ids],
  );
}

/** Whether `descendantId` lies under `ancestorId` on or after `date`. */
export async function isUnderAfter(tx: Db, ancestorId: number, descendantId: number, date: string): Promise<boolean> {
  const rows = await tx.query(`select 1 from unit_closure where ancestor_id = $1 and descendant_id = $2 and valid_to > $3::date limit 1`, [ancestorId, descendantId, date]);
  return rows.length > 0;
}

/** A unit of the level holding the code within [validFrom, validTo), units in `ending` that end on validFrom aside. */
export async function codeHolder(tx: Db, code: string, level: UnitLevel, validFrom: string, validTo: string, ending: number[]): Promise<{ id: number } | undefined> {
  const rows = await tx.query<{ id: number }>(
    `select id from units where code = $1 and level = $2 and valid_from < $4::date and $3::date < valid_to
        and not (id = any($5::bigint[]) and valid_from < $3::date) limit 1`,
    [code, level, validFrom, validTo, ending],
  );
  return rows[0];
}

/** A child placed under the parent after `date`, if any. */
export async function laterChild(tx: Db, parentId: number, date: string): Promise<number | undefined> {
  const later = await tx.query<{ unit_id: number }>('select unit_id from unit_versions where parent_id = $1 and valid_from > $2::date limit 1', [parentId, date]);
  return later[0]?.unit_id;
}

/** The parent's children on `date`, by id. */
export async function childIdsOn(tx: Db, parentId: number, date: string): Promise<number[]> {
  const rows = await tx.query<{ unit_id: number }>(`select unit_id from unit_versions where parent_id = $1 and valid_from <= $2::date and $2::date < valid_to order by unit_id`, [
    parentId,
    date,
  ]);
  return rows.map((r) => r.unit_id);
}

/** A few of the children the unit has on or after `date`. */
export async function childrenFrom(tx: Db, unitId: number, date: string): Promise<number[]> {
  const kids = await tx.query<{ unit_id: number }>('select unit_id from unit_versions where parent_id = $1 and valid_to > $2::date limit 5', [unitId, date]);
  return kids.map((k) => k.unit_id);
}

/** Whether any of the predecessors already rolls into the successor. */
export async function hasLineage(tx: Db, successorId: number, predecessorIds: number[]): Promise<boolean> {
  const linked = await tx.query('select 1 from unit_lineage where successor_id = $1 and predecessor_id = any($2::bigint[]) limit 1', [successorId, predecessorIds]);
  return linked.length > 0;
}

/** Existing units sharing code and level with a new one and overlapping its validity. */
export async function overlappingUnits(
  tx: Db,
  units: Array<{ code: string; level: string; validFrom: string; validTo: string }>,
): Promise<Array<{ id: number; code: string; level: string; valid_from: string; valid_to: string }>> {
  return tx.query<{ id: number; code: string; level: string; valid_from: string; valid_to: string }>(
    `select u.id, u.code, u.level, u.valid_from::text, u.valid_to::text
       from units u join unnest($1::text[], $2::text[], $3::date[], $4::date[]) n(code, level, f, t)
         on u.code = n.code and u.level = n.level and u.valid_from < n.t and n.f < u.valid_to`,
    [units.map((u) => u.code), units.map((u) => u.level), units.map((u) => u.validFrom), units.map((u) => u.validTo)],
  );
}

/** How many of the province and its districts already begin on `start` (an import done before). */
export async function countStartingUnits(tx: Db, start: string, provinceCode: string, districtCodes: string[]): Promise<number> {
  const [done] = await tx.query<{ n: number }>(
    `select count(*)::int as n from units where valid_from = $1::date and (
       (level = 'province' and code = $2) or (level = 'district' and code = any($3::text[])))`,
    [start, provinceCode, districtCodes],
  );
  return done.n;
}

/** Units standing on `eve` with one of the codes, and every district and commune, with the province each lay in. */
export async function unitsBeforeReform(
  tx: Db,
  eve: string,
  codes: string[],
): Promise<Array<ExistingUnit & { province_id: number | null; valid_to: string; parent_id: number | null }>> {
  return tx.query<ExistingUnit & { province_id: number | null; valid_to: string; parent_id: number | null }>(
    `select u.id, u.code, u.level, v.name, v.parent_id, u.valid_to::text,
            (select c.ancestor_id from unit_closure c join units p on p.id = c.ancestor_id and p.level = 'province'
              where c.descendant_id = u.id and c.depth > 0 and c.valid_from <= $1::date and $1::date < c.valid_to limit 1) as province_id
       from units u join unit_versions v on v.unit_id = u.id and v.valid_from <= $1::date and $1::date < v.valid_to
      where u.valid_from <= $1::date and $1::date < u.valid_to and (u.code = any($2::text[]) or u.level in ('district', 'commune'))`,
    [eve, codes],
  );
}

/** The communes standing on `date` under each province of the codes, counted. */
export async function countCommunesByProvince(tx: Db, date: string, provinceCodes: string[]): Promise<Array<{ code: string; n: number }>> {
  return tx.query<{ code: string; n: number }>(
    `select p.code, count(*)::int as n from units c
       join unit_versions v on v.unit_id = c.id and v.valid_from <= $1::date and $1::date < v.valid_to
       join units p on p.id = v.parent_id and p.level = 'province'
      where c.level = 'commune' and c.valid_from <= $1::date and $1::date < c.valid_to and p.code = any($2::text[])
      group by p.code`,
    [date, provinceCodes],
  );
}

/** The children the parents have on `eve` whose versions run past `date`. */
export async function childrenAcross(
  tx: Db,
  parentIds: number[],
  eve: string,
  date: string,
): Promise<Array<{ unit_id: number; parent_id: number; name: string; valid_to: string }>> {
  return tx.query<{ unit_id: number; parent_id: number; name: string; valid_to: string }>(
    `select v.unit_id, v.parent_id, v.name, v.valid_to::text from unit_versions v
      where v.parent_id = any($1::bigint[]) and v.valid_from <= $2::date and $2::date < v.valid_to and v.valid_to > $3::date`,
    [parentIds, eve, date],
  );
}
