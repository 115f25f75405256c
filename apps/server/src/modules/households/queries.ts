import type {
  Classification,
  Coverage,
  CoverageKind,
  CoverageRow,
  DuplicateCandidate,
  DuplicateGroup,
  Household,
  HouseholdClass,
  HouseholdListQuery,
  Member,
  Support,
} from '@contract/households';
import type { Db } from '../../db/db';
import { reachCondition, type Reach } from '../../platform/access';
import { normalizeVn } from '../../platform/vn-text';
import { maskNationalId, nationalIdDigests } from './crypto';

/**
 * The unit at unitExpr lay on dateExpr in the subtree of the unit $param, or of a unit whose history
 * rolls into it: the scope rule, used to filter by a chosen unit (a merged ward's households belong
 * to its successor).
 */
export const inHistorySubtree = (param: string, unitExpr: string, dateExpr: string) =>
  `exists (select 1 from unit_lineage_closure l join unit_closure c on c.ancestor_id = l.predecessor_id
    where l.successor_id = ${param} and c.descendant_id = ${unitExpr} and c.valid_from <= ${dateExpr} and ${dateExpr} < c.valid_to)`;

/** Where a household stands in year $Y: its review's date, else 1 January (not before its village began). */
const refDate = (y: string) => `coalesce(hc.fact_date, greatest(make_date(${y}, 1, 1), u.valid_from))`;

const unitNameAt = (unitExpr: string, dateExpr: string) => `(select v.name from unit_versions v where v.unit_id = ${unitExpr}
   order by (v.valid_from <= ${dateExpr} and ${dateExpr} < v.valid_to) desc, v.valid_from desc limit 1)`;
const parentNameAt = (unitExpr: string, dateExpr: string) => `(select pv.name from unit_versions v join unit_versions pv on pv.unit_id = v.parent_id
   and pv.valid_from <= ${dateExpr} and ${dateExpr} < pv.valid_to
   where v.unit_id = ${unitExpr} and v.valid_from <= ${dateExpr} and ${dateExpr} < v.valid_to limit 1)`;

/** Numbered parameters for a growing WHERE clause. */
export class Params {
  readonly list: unknown[] = [];
  p(v: unknown): string {
    return `$${this.list.push(v)}`;
  }
  scope(reach: Reach, unitExpr: string, dateExpr: string | null): string {
    const c = reachCondition(reach, unitExpr, dateExpr, this.list.length + 1);
    this.list.push(...c.params);
    return c.sql;
  }
}

type HouseholdRow = {
  id: number;
  unit_id: number;
  village_name: string;
  commune_name: string | null;
  head_name: string;
  head_birth_year: number | null;
  address: string | null;
  registered_on: string;
  member_count: number;
  year: number;
  classes: HouseholdClass[] | null;
  housing_need: Household['housingNeed'];
  note?: string | null;
};

export const toHousehold = (r: HouseholdRow): Household => ({
  id: r.id,
  unitId: r.unit_id,
  villageName: r.village_name,
  communeName: r.commune_name,
  headName: r.head_name,
  headBirthYear: r.head_birth_year,
  address: r.address,
  registeredOn: r.registered_on,
  memberCount: r.member_count,
  year: r.year,
  classes: r.classes,
  housingNeed: r.housing_need,
});

const HOUSEHOLD_COLUMNS = (y: string) => `h.id, h.unit_id, ${unitNameAt('h.unit_id', refDate(y))} as village_name,
  ${parentNameAt('h.unit_id', refDate(y))} as commune_name, h.head_name, h.head_birth_year, h.address, h.registered_on::text,
  (select count(*)::int from household_members m where m.household_id = h.id) as member_count,
  ${y}::int as year, hc.classes, hc.housing_need`;

/** The registry of a year: households registered by its end, with that year's classification, in scope. */
export async function listHouseholds(db: Db, reach: Reach, q: HouseholdListQuery & { year: number }): Promise<Household[]> {
  const P = new Params();
  const y = P.p(q.year);
  const where = [`h.registered_on <= make_date(${y}::int, 12, 31)`, P.scope(reach, 'h.unit_id', refDate(y))];
  if (q.unit !== undefined) where.push(inHistorySubtree(`${P.p(q.unit)}::bigint`, 'h.unit_id', refDate(y)));
  if (q.class) where.push(`${P.p(q.class)}::text = any(hc.classes)`);
  if (q.q) where.push(`h.head_name_search like ${P.p(`%${normalizeVn(q.q)}%`)}`);
  const rows = await db.query<HouseholdRow>(
    `select ${HOUSEHOLD_COLUMNS(y)}
       from households h join units u on u.id = h.unit_id
       left join household_classifications hc on hc.household_id = h.id and hc.year = ${y}
      where ${where.join(' and ')}
      order by village_name, h.head_name_search, h.id limit ${P.p(q.limit)}`,
    P.list,
  );
  return rows.map(toHousehold);
}

export async function householdById(db: Db, id: number, year: number): Promise<(HouseholdRow & { note: string | null }) | undefined> {
  const [r] = await db.query<HouseholdRow & { note: string | null }>(
    `select ${HOUSEHOLD_COLUMNS('$2')}, h.note
       from households h join units u on u.id = h.unit_id
       left join household_classifications hc on hc.household_id = h.id and hc.year = $2
      where h.id = $1`,
    [id, year],
  );
  return r;
}

export async function membersOf(db: Db, householdId: number): Promise<Member[]> {
  const rows = await db.query<{ id: number; full_name: string; birth_year: number | null; relation: Member['relation']; national_id_last: string | null }>(
    `select id, full_name, birth_year, relation, national_id_last from household_members where household_id = $1
      order by relation = 'head' desc, birth_year nulls last, id`,
    [householdId],
  );
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, birthYear: r.birth_year, relation: r.relation, nationalIdMasked: maskNationalId(r.national_id_last) }));
}

export async function historyOf(db: Db, householdId: number): Promise<Classification[]> {
  const rows = await db.query<{
    year: number;
    classes: HouseholdClass[];
    housing_condition: Classification['housingCondition'];
    housing_need: Classification['housingNeed'];
    note: string | null;
  }>(`select year, classes, housing_condition, housing_need, note from household_classifications where household_id = $1 order by year desc`, [householdId]);
  return rows.map((r) => ({ year: r.year, classes: r.classes, housingCondition: r.housing_condition, housingNeed: r.housing_need, note: r.note }));
}

type SupportRow = {
  id: number;
  household_id: number;
  member_id: number | null;
  member_name: string | null;
  unit_id: number;
  unit_name: string;
  kind: Support['kind'];
  year: number;
  support_date: string;
  form: Support['form'];
  value_vnd: number;
  people: number;
  provider: string | null;
  campaign: string | null;
  fund_id: number | null;
  disbursement_id: number | null;
  loan_group: string | null;
  note: string | null;
  build: 'new' | 'repair' | null;
  status: 'approved' | 'under_construction' | 'handed_over' | null;
  approved_on: string | null;
  started_on: string | null;
  handed_over_on: string | null;
  cost_vnd: number | null;
  from_fund_vnd: number | null;
  from_member_orgs_vnd: number | null;
  from_social_vnd: number | null;
  labour_days: number | null;
  photos: Array<{ id: number; stage: 'approved' | 'under_construction' | 'handed_over'; fileName: string }> | null;
};

const toSupport = (r: SupportRow): Support => ({
  id: r.id,
  householdId: r.household_id,
  memberId: r.member_id,
  memberName: r.member_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  kind: r.kind,
  year: r.year,
  supportDate: r.support_date,
  form: r.form,
  valueVnd: r.value_vnd,
  people: r.people,
  provider: r.provider,
  campaign: r.campaign,
  fundId: r.fund_id,
  disbursementId: r.disbursement_id,
  loanGroup: r.loan_group,
  note: r.note,
  house:
    r.build === null
      ? null
      : {
          build: r.build,
          status: r.status!,
          approvedOn: r.approved_on!,
          startedOn: r.started_on,
          handedOverOn: r.handed_over_on,
          costVnd: r.cost_vnd!,
          fromFundVnd: r.from_fund_vnd!,
          fromMemberOrgsVnd: r.from_member_orgs_vnd!,
          fromSocialVnd: r.from_social_vnd!,
          labourDays: r.labour_days!,
          photos: r.photos ?? [],
        },
});

const SUPPORT_SELECT = `
  select s.id, s.household_id, s.member_id, m.full_name as member_name, s.unit_id, ${unitNameAt('s.unit_id', 's.support_date')} as unit_name,
         s.kind, s.year, s.support_date::text, s.form, s.value_vnd, s.people, s.provider, s.campaign, s.fund_id, s.disbursement_id,
         s.loan_group, s.note, hh.build, hh.status, hh.approved_on::text, hh.started_on::text, hh.handed_over_on::text, hh.cost_vnd,
         hh.from_fund_vnd, hh.from_member_orgs_vnd, hh.from_social_vnd, hh.labour_days,
         (select json_agg(json_build_object('id', p.id, 'stage', p.stage, 'fileName', p.file_name) order by p.id)
            from household_house_photos p where p.support_id = s.id) as photos
    from household_supports s
    left join household_members m on m.id = s.member_id
    left join household_houses hh on hh.support_id = s.id`;

export async function supportsOf(db: Db, householdId: number): Promise<Support[]> {
  const rows = await db.query<SupportRow>(`${SUPPORT_SELECT} where s.household_id = $1 order by s.support_date desc, s.id desc`, [householdId]);
  return rows.map(toSupport);
}

export async function supportById(db: Db, id: number): Promise<Support | undefined> {
  const [r] = await db.query<SupportRow>(`${SUPPORT_SELECT} where s.id = $1`, [id]);
  return r && toSupport(r);
}

// ---------- coverage ----------

/** The first and last day of a quarter. */
export const quarterBounds = (year: number, q: number) => {
  const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
  return { from, to: end };
};

/** Where a unit's facts of a year lie: its history subtree (itself and merged predecessors) during the year. */
const placesCte = (unit: string, year: string) => `places as (
  select distinct c.descendant_id, c.valid_from, c.valid_to
    from unit_lineage_closure l join unit_closure c on c.ancestor_id = l.predecessor_id
   where l.successor_id = ${unit} and c.valid_from <= make_date(${year}, 12, 31) and make_date(${year}, 1, 1) < c.valid_to)`;

/** Who is due and whether reached, per kind: the one definition shared by the lists and the metrics. */
export const COVERAGE_SQL: Record<CoverageKind, { due: string; reached: (y: string, from: string, to: string) => string }> = {
  tet: {
    due: `hc.classes && array['poor', 'near_poor']::text[]`,
    reached: (y) => `exists (select 1 from household_supports s where s.household_id = hc.household_id and s.kind = 'tet' and s.year = ${y})`,
  },
  hardship: {
    due: `'special_hardship' = any(hc.classes)`,
    reached: (_y, from, to) => `exists (select 1 from household_supports s where s.household_id = hc.household_id
      and s.support_date between ${from} and ${to})`,
  },
  house: {
    due: `hc.housing_need <> 'none'`,
    reached: (y) => `exists (select 1 from household_supports s where s.household_id = hc.household_id and s.kind = 'house' and s.year = ${y})`,
  },
};

/** Households due for a kind of support in a unit and year, and which of them have not been reached. */
export async function coverage(db: Db, reach: Reach, unitId: number, year: number, kind: CoverageKind, quarter: number | null): Promise<Coverage> {
  const P = new Params();
  const y = `${P.p(year)}::int`;
  const b = quarter ? quarterBounds(year, quarter) : { from: `${year}-01-01`, to: `${year}-12-31` };
  const def = COVERAGE_SQL[kind];
  const reached = kind === 'hardship' ? def.reached(y, `${P.p(b.from)}::date`, `${P.p(b.to)}::date`) : def.reached(y, '', '');
  const rows = await db.query<
    CoverageRow & {
      reached: boolean;
      head_name: string;
      head_birth_year: number | null;
      unit_id: number;
      village_name: string;
      household_id: number;
      housing_need: CoverageRow['housingNeed'];
    }
  >(
    `with ${placesCte(P.p(unitId), y)}
     select hc.household_id, h.unit_id, ${unitNameAt('h.unit_id', 'hc.fact_date')} as village_name, h.head_name, h.head_birth_year,
            h.address, hc.classes, hc.housing_need, ${reached} as reached
       from places p
       join household_classifications hc on hc.unit_id = p.descendant_id and hc.fact_date >= p.valid_from and hc.fact_date < p.valid_to
       join households h on h.id = hc.household_id
      where hc.year = ${y} and ${def.due}
        and ${P.scope(reach, 'hc.unit_id', 'hc.fact_date')}
      order by village_name, h.head_name_search, h.id`,
    P.list,
  );
  const missing = rows
    .filter((r) => !r.reached)
    .map((r) => ({
      householdId: r.household_id,
      unitId: r.unit_id,
      villageName: r.village_name,
      headName: r.head_name,
      headBirthYear: r.head_birth_year,
      address: r.address,
      classes: r.classes,
      housingNeed: r.housing_need,
    }));
  return { unitId, year, kind, quarter, total: rows.length, reached: rows.length - missing.length, missing };
}

// ---------- duplicates ----------

type DupInput = { name: string; birthYear?: number | null; address?: string | null; nationalId?: string; exclude?: number };

/**
 * Likely duplicates of a person anywhere: the same name with or without diacritics and the same year
 * of birth (or, without a year, a similar address), or the same ID number. Outside the reader's reach
 * only a masked name and the village are shown.
 */
export async function personDuplicates(db: Db, reach: Reach, input: DupInput): Promise<DuplicateCandidate[]> {
  const P = new Params();
  const name = P.p(normalizeVn(input.name));
  const addr = P.p(normalizeVn(input.address ?? ''));
  const match: string[] = [];
  if (input.birthYear) match.push(`(m.name_search = ${name} and m.birth_year = ${P.p(input.birthYear)})`);
  else if (input.address) match.push(`(m.name_search = ${name} and similarity(h.address_search, ${addr}) >= 0.5)`);
  else match.push(`(m.name_search = ${name})`);
  const digests = input.nationalId ? P.p(nationalIdDigests(input.nationalId)) : null;
  if (digests) match.push(`m.national_id_digest = any(${digests}::text[])`);
  const exclude = input.exclude ? `and h.id <> ${P.p(input.exclude)}` : '';
  const rows = await db.query<{
    household_id: number;
    member_id: number;
    unit_id: number;
    village_name: string;
    full_name: string;
    birth_year: number | null;
    address: string | null;
    same_id: boolean;
    in_scope: boolean;
  }>(
    `select h.id as household_id, m.id as member_id, h.unit_id, ${unitNameAt('h.unit_id', 'vn_today()')} as village_name,
            m.full_name, m.birth_year, h.address, coalesce(m.national_id_digest = any(${digests ?? 'null'}::text[]), false) as same_id,
            ${P.scope(reach, 'h.unit_id', null)} as in_scope
       from household_members m join households h on h.id = m.household_id
      where (${match.join(' or ')}) ${exclude}
      order by similarity(h.address_search, ${addr}) desc, h.id limit 20`,
    P.list,
  );
  // Outside the scope: that a match exists, once per reason, and only when the asker named the year or ID.
  const knowsMore = !!input.birthYear || !!input.nationalId;
  return hideOutOfScope(
    rows.map((r) => ({
      householdId: r.household_id,
      memberId: r.member_id,
      unitId: r.unit_id,
      villageName: r.village_name,
      name: r.full_name,
      birthYear: r.birth_year,
      address: r.address,
      reason: r.same_id ? ('same_id' as const) : ('same_person' as const),
      inScope: r.in_scope,
      support: null,
    })),
    knowsMore,
  );
}

/** Support already given for the same purpose (same kind and year) to this household or to the same person elsewhere. */
export async function supportDuplicates(db: Db, reach: Reach, householdId: number, kind: Support['kind'], year: number): Promise<DuplicateCandidate[]> {
  const rows = await db.query<{
    household_id: number;
    unit_id: number;
    village_name: string;
    head_name: string;
    head_birth_year: number | null;
    address: string | null;
    in_scope: boolean;
    support_id: number;
    kind: Support['kind'];
    year: number;
    unit_name: string;
    provider: string | null;
    support_date: string;
  }>(
    `with me as (select head_name_search, head_birth_year from households where id = $1),
     same as (select h.id from households h, me where h.id = $1
                 or (h.head_name_search = me.head_name_search and h.head_birth_year = me.head_birth_year))
     select h.id as household_id, h.unit_id, ${unitNameAt('h.unit_id', 'vn_today()')} as village_name, h.head_name, h.head_birth_year,
            h.address, ${reachCondition(reach, 'h.unit_id', null, 4).sql} as in_scope,
            s.id as support_id, s.kind, s.year, ${unitNameAt('s.unit_id', 's.support_date')} as unit_name, s.provider, s.support_date::text
       from household_supports s join households h on h.id = s.household_id
      where s.household_id in (select id from same) and s.kind = $2 and s.year = $3
      order by s.support_date desc limit 20`,
    [householdId, kind, year, ...reachCondition(reach, 'h.unit_id', null, 4).params],
  );
  return hideOutOfScope(
    rows.map((r) => ({
      householdId: r.household_id,
      memberId: null,
      unitId: r.unit_id,
      villageName: r.village_name,
      name: r.head_name,
      birthYear: r.head_birth_year,
      address: r.address,
      reason: 'same_support' as const,
      inScope: r.in_scope,
      support: { id: r.support_id, kind: r.kind, year: r.year, unitName: r.unit_name, provider: r.provider, supportDate: r.support_date },
    })),
    true,
  );
}

/** Keeps in-scope candidates whole; replaces those outside by one anonymous flag per reason. */
function hideOutOfScope(all: DuplicateCandidate[], flagOutside: boolean): DuplicateCandidate[] {
  const inside = all.filter((c) => c.inScope);
  if (!flagOutside) return inside;
  const reasons = [...new Set(all.filter((c) => !c.inScope).map((c) => c.reason))];
  return [
    ...inside,
    ...reasons.map((reason) => ({
      householdId: null,
      memberId: null,
      unitId: null,
      villageName: null,
      name: null,
      birthYear: null,
      address: null,
      reason,
      inScope: false,
      support: null,
    })),
  ];
}

/** People registered in more than one household within a unit (as it stands on `on`), in scope. */
export async function duplicateReport(db: Db, reach: Reach, unitId: number, on: string): Promise<DuplicateGroup[]> {
  const P = new Params();
  const d = `${P.p(on)}::date`;
  type Item = DuplicateGroup['households'][number] & { name: string };
  const rows = await db.query<{ name_search: string; birth_year: number | null; items: Item[] }>(
    `with m as (
       select m.id, m.household_id, m.full_name, m.name_search, m.birth_year, m.relation, h.unit_id, h.address
         from household_members m join households h on h.id = m.household_id join units u on u.id = h.unit_id
        where m.birth_year is not null
          and ${inHistorySubtree(`${P.p(unitId)}::bigint`, 'h.unit_id', `least(${d}, u.valid_to - 1)`)}
          and ${P.scope(reach, 'h.unit_id', null)})
     select x.name_search, x.birth_year,
            json_agg(json_build_object('householdId', x.household_id, 'memberId', x.id, 'unitId', x.unit_id, 'name', x.full_name,
              'villageName', ${unitNameAt('x.unit_id', d)}, 'address', x.address, 'relation', x.relation) order by x.household_id) as items
       from m as x group by x.name_search, x.birth_year having count(distinct x.household_id) > 1
      order by name_search, birth_year limit 500`,
    P.list,
  );
  return rows.map((r) => ({
    key: `${r.name_search}|${r.birth_year}`,
    name: r.items[0].name,
    birthYear: r.birth_year,
    households: r.items.map(({ householdId, memberId, unitId, villageName, address, relation }) => ({ householdId, memberId, unitId, villageName, address, relation })),
  }));
}

export type VillageCoverage = { unitId: number; total: number; reached: number };

/**
 * Target-4/5 coverage for every village under a unit in one query: the unit's history subtree on
 * each review's date, joined once (not one query per village). Admin-level: callers check access.
 */
export async function coverageByVillage(db: Db, unitId: number, year: number, kind: 'tet' | 'house'): Promise<VillageCoverage[]> {
  const def = COVERAGE_SQL[kind];
  return db.query<VillageCoverage>(
    `with ${placesCte('$1::bigint', '$2::int')}
     select hc.unit_id as "unitId", count(*)::int as total, count(*) filter (where ${def.reached('$2::int', '', '')})::int as reached
       from places p
       join household_classifications hc on hc.unit_id = p.descendant_id and hc.fact_date >= p.valid_from and hc.fact_date < p.valid_to
      where hc.year = $2 and ${def.due}
      group by hc.unit_id`,
    [unitId, year],
  );
}

// ---------- records: where they lie, and the writes the services make ----------

export type VillageRow = { id: number; level: string; valid_from: string; valid_to: string };

export async function unitById(db: Db, unitId: number): Promise<VillageRow | undefined> {
  const [u] = await db.query<VillageRow>('select id, level, valid_from::text, valid_to::text from units where id = $1', [unitId]);
  return u;
}

export type HouseholdHead = { id: number; unit_id: number; head_name: string; registered_on: string };

export async function householdHead(db: Db, id: number): Promise<HouseholdHead | undefined> {
  const [h] = await db.query<HouseholdHead>('select id, unit_id, head_name, registered_on::text from households where id = $1', [id]);
  return h;
}

/** The village of a household (through a support or a photo when named by those), with its life. */
export async function householdPlace(db: Db, by: 'household' | 'house' | 'photo', id: number): Promise<VillageRow | undefined> {
  const from = {
    household: 'households h where h.id = $1',
    house: 'household_supports s join household_houses x on x.support_id = s.id join households h on h.id = s.household_id where s.id = $1',
    photo: 'household_house_photos p join household_supports s on s.id = p.support_id join households h on h.id = s.household_id where p.id = $1',
  }[by];
  const [r] = await db.query<VillageRow>(`select u.id, u.level, u.valid_from::text, u.valid_to::text from ${from.replace(' where ', ' join units u on u.id = h.unit_id where ')}`, [
    id,
  ]);
  return r;
}

/** Households counted for a unit's year (the poverty rate's denominator), through its history. */
export async function householdCount(db: Db, unitId: number, year: number): Promise<number> {
  const [counts] = await db.query<{ households: number }>(
    `select coalesce(sum(c.households), 0)::int as households from village_household_counts c join units u on u.id = c.unit_id
      where c.year = $1 and exists (select 1 from unit_lineage_closure l join unit_closure uc on uc.ancestor_id = l.predecessor_id
        where l.successor_id = $2 and uc.descendant_id = c.unit_id
          and uc.valid_from <= greatest(make_date($1, 1, 1), u.valid_from) and greatest(make_date($1, 1, 1), u.valid_from) < uc.valid_to)`,
    [year, unitId],
  );
  return counts.households;
}

export async function insertHousehold(
  tx: Db,
  h: { unitId: number; headName: string; headBirthYear: number | null; address: string | null; registeredOn: string; note: string | null },
): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into households (unit_id, head_name, head_name_search, head_birth_year, address, address_search, registered_on, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [h.unitId, h.headName, normalizeVn(h.headName), h.headBirthYear, h.address, normalizeVn(h.address ?? ''), h.registeredOn, h.note],
  );
  return id;
}

export async function insertMember(
  tx: Db,
  householdId: number,
  m: { fullName: string; birthYear: number | null; relation: Member['relation']; sealed: { enc: string; last: string; digest: string } | null },
): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into household_members (household_id, full_name, name_search, birth_year, relation, national_id_enc, national_id_last, national_id_digest)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [householdId, m.fullName, normalizeVn(m.fullName), m.birthYear, m.relation, m.sealed?.enc ?? null, m.sealed?.last ?? null, m.sealed?.digest ?? null],
  );
  return id;
}

export async function upsertClassification(tx: Db, householdId: number, villageId: number, factDate: string, c: Classification): Promise<void> {
  await tx.query(
    `insert into household_classifications (household_id, year, classes, housing_condition, housing_need, fact_date, note, unit_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (household_id, year) do update set classes = excluded.classes, housing_condition = excluded.housing_condition,
       housing_need = excluded.housing_need, fact_date = excluded.fact_date, note = excluded.note`,
    [householdId, c.year, [...new Set(c.classes)], c.housingCondition, c.housingNeed, factDate, c.note, villageId],
  );
}

export async function classificationOf(tx: Db, householdId: number, year: number): Promise<Record<string, unknown> | undefined> {
  const [before] = await tx.query('select year, classes, housing_condition, housing_need from household_classifications where household_id = $1 and year = $2', [
    householdId,
    year,
  ]);
  return before;
}

export async function isMemberOf(tx: Db, memberId: number, householdId: number): Promise<boolean> {
  return (await tx.query('select 1 from household_members where id = $1 and household_id = $2', [memberId, householdId])).length > 0;
}

export type SupportInsert = {
  householdId: number;
  memberId: number | null;
  unitId: number;
  kind: Support['kind'];
  year: number;
  supportDate: string;
  form: Support['form'];
  valueVnd: number;
  people: number;
  provider: string | null;
  campaign: string | null;
  fundId: number | null;
  loanGroup: string | null;
  note: string | null;
  createdBy: number;
  clientKey: string | null;
};

export async function insertSupport(tx: Db, s: SupportInsert): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into household_supports (household_id, member_id, unit_id, kind, year, support_date, form, value_vnd, people, provider, campaign,
       fund_id, loan_group, note, created_by, client_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning id`,
    [
      s.householdId,
      s.memberId,
      s.unitId,
      s.kind,
      s.year,
      s.supportDate,
      s.form,
      s.valueVnd,
      s.people,
      s.provider,
      s.campaign,
      s.fundId,
      s.loanGroup,
      s.note,
      s.createdBy,
      s.clientKey,
    ],
  );
  return id;
}

export async function insertHouse(tx: Db, supportId: number, x: Omit<NonNullable<Support['house']>, 'photos'> & { labourDays: number }): Promise<void> {
  await tx.query(
    `insert into household_houses (support_id, build, status, approved_on, started_on, handed_over_on, cost_vnd, from_fund_vnd,
       from_member_orgs_vnd, from_social_vnd, labour_days) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [supportId, x.build, x.status, x.approvedOn, x.startedOn, x.handedOverOn, x.costVnd, x.fromFundVnd, x.fromMemberOrgsVnd, x.fromSocialVnd, x.labourDays],
  );
}

export async function unitNameOn(tx: Db, unitId: number, date: string): Promise<string | undefined> {
  const [v] = await tx.query<{ name: string }>('select name from unit_versions where unit_id = $1 and valid_from <= $2::date and $2::date < valid_to', [unitId, date]);
  return v?.name;
}

export async function setDisbursement(tx: Db, supportId: number, disbursementId: number): Promise<void> {
  await tx.query('update household_supports set disbursement_id = $2 where id = $1', [supportId, disbursementId]);
}

export async function moveHouse(tx: Db, supportId: number, status: NonNullable<Support['house']>['status'], date: string): Promise<void> {
  await tx.query(
    `update household_houses set status = $2,
       started_on = case when $2 = 'under_construction' then $3::date else coalesce(started_on, $3::date) end,
       handed_over_on = case when $2 = 'handed_over' then $3::date else handed_over_on end
     where support_id = $1`,
    [supportId, status, date],
  );
}

export async function insertPhoto(tx: Db, supportId: number, p: { stage: string; fileName: string; mime: string; data: Buffer }): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>('insert into household_house_photos (support_id, stage, file_name, mime, data) values ($1, $2, $3, $4, $5) returning id', [
    supportId,
    p.stage,
    p.fileName,
    p.mime,
    p.data,
  ]);
  return id;
}

export async function photoById(db: Db, photoId: number): Promise<{ mime: string; data: Uint8Array } | undefined> {
  const [p] = await db.query<{ mime: string; data: Uint8Array }>('select mime, data from household_house_photos where id = $1', [photoId]);
  return p;
}

/** Solidarity houses handed over under a unit (through its history), latest first. */
export async function handedOverHouses(db: Db, unitId: number) {
  return db.query<{ village_name: string | null; head_name: string; year: number; build: 'new' | 'repair'; handed_over_on: string }>(
    `select (select v.name from unit_versions v where v.unit_id = h.unit_id and v.valid_from <= x.handed_over_on and x.handed_over_on < v.valid_to) as village_name,
            h.head_name, s.year, x.build, x.handed_over_on::text
       from household_houses x join household_supports s on s.id = x.support_id join households h on h.id = s.household_id
      where x.status = 'handed_over' and ${inHistorySubtree('$1::bigint', 'h.unit_id', 'x.handed_over_on')}
      order by x.handed_over_on desc limit 500`,
    [unitId],
  );
}
