// Households and support for the seed's city, 2019–2026, consistent with Part One: a poverty rate of
// 0.6% in 2019 falling to 0.39% in 2023 (84 households fewer), and from 2019 to mid-2024 (the term
// report's period) 140 solidarity houses worth 18 billion, production support to 217 households
// (323,334,000), medical support to 445 people (278,234,000) and schooling for 736 pupils
// (275,032,000). 2026 is the current year, with gaps left to close.
//
// The registry holds the classified households (≈1,100), not all ≈40,000: registering every
// household is the civil registry's work, not the Front's; the poverty rate's denominator is a
// household count per village and year (village_household_counts), as the annual review reports it.
import type { Db } from '../db/db';
import { sealNationalId } from '../modules/households/crypto';
import { normalizeVn } from '../platform/vn-text';
import { today as vnToday } from '../platform/access';
import { addDays, bulkInsert, person, reserveIds, rng, type Rng } from './org-gen';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;
type Year = (typeof YEARS)[number];
export const DEMO_HOUSEHOLD_TOTALS: Record<Year, number> = { 2019: 40000, 2020: 40120, 2021: 40250, 2022: 40380, 2023: 40500, 2024: 40640, 2025: 40780, 2026: 40900 };
export const DEMO_POOR: Record<Year, number> = { 2019: 240, 2020: 221, 2021: 197, 2022: 176, 2023: 156, 2024: 140, 2025: 128, 2026: 118 };
const NEAR_POOR: Record<Year, number> = { 2019: 410, 2020: 392, 2021: 371, 2022: 349, 2023: 330, 2024: 312, 2025: 298, 2026: 285 };
const TET: Record<Year, string> = {
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
};
/** Part One's period: the term report counts support from 2019 to the congress in mid-2024. */
export const PART_ONE = { from: '2019-01-01', to: '2024-06-30' };
export const PART_ONE_FIGURES = {
  houses: { count: 140, value: 18_000_000_000, perYear: [28, 26, 24, 25, 24, 13] },
  production: { count: 217, value: 323_334_000, perYear: [40, 38, 37, 36, 40, 26] },
  medical: { count: 445, value: 278_234_000, perYear: [80, 78, 76, 74, 77, 60] },
  schooling: { count: 736, value: 275_032_000, perYear: [130, 128, 125, 122, 126, 105] },
};
// After Part One's period: 2024 H2, 2025, 2026.
const LATER = { houses: [10, 20, 8], production: [10, 35, 30], medical: [25, 70, 60], schooling: [120, 118, 115] };
const HOUSES_UNSUPPORTED_2026 = 7;
const POVERTY_POOL = 650; // poor + near-poor of 2019
const POOL = 1100;

/** Splits total into integer parts proportional to weights, rounded to `step`, the remainder on the largest part. */
export function spread(total: number, weights: number[], step = 1000): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum / step) * step);
  const rest = total - parts.reduce((a, b) => a + b, 0);
  parts[weights.indexOf(Math.max(...weights))] += rest;
  return parts;
}

type Village = { id: number; code: string };
type Member = { id: number; hh: number; name: string; birthYear: number; relation: string };
type SupportRow = {
  hh: number;
  member: number | null;
  unit: number;
  kind: string;
  year: number;
  date: string;
  form: string;
  value: number;
  people: number;
  provider: string | null;
  campaign: string | null;
  loanGroup: string | null;
  note: string | null;
};

const dayOfYear = (r: Rng, y: number, fromMonth = 1, toMonth = 12) => addDays(`${y}-${String(fromMonth).padStart(2, '0')}-01`, r.int(0, (toMonth - fromMonth) * 30 + 27));

export async function seedDemoHouseholds(tx: Db): Promise<void> {
  const villages = await tx.query<Village>(
    `select u.id, u.code from units u join units city on city.code = '213' and city.level = 'district'
       join unit_closure c on c.ancestor_id = city.id and c.descendant_id = u.id and c.valid_from <= '2019-06-01' and '2019-06-01' < c.valid_to
      where u.level = 'village' order by u.code`,
  );
  if (villages.length === 0) return; // the seed's world is not loaded
  const [done] = await tx.query('select 1 from village_household_counts where unit_id = $1', [villages[0].id]);
  if (done) return;
  const r = rng(2026_05);

  // Household counts per village and year: the denominator of the poverty rate.
  const weights = villages.map((_, i) => 180 + ((i * 37) % 170));
  const counts: unknown[][] = [];
  for (const y of YEARS) spread(DEMO_HOUSEHOLD_TOTALS[y], weights, 1).forEach((n, i) => counts.push([villages[i].id, y, n]));
  await bulkInsert(tx, 'village_household_counts', ['unit_id', 'year', 'households'], counts);

  // The households: k < 650 are poor or near-poor at some time (lower k stays poor longer).
  const hhIds = await reserveIds(tx, 'households', POOL);
  const heads: Member[] = [];
  const members: Member[] = [];
  const hhRows: unknown[][] = [];
  const classesOf = (k: number, y: Year): string[] => {
    const c: string[] = [];
    if (k < DEMO_POOR[y]) c.push('poor');
    else if (k < DEMO_POOR[y] + NEAR_POOR[y]) c.push('near_poor');
    if (k % 17 === 0) c.push('special_hardship');
    if (k < POVERTY_POOL ? k % 6 === 5 : k % 4 === 0 || k % 4 === 3) c.push('merit');
    if (k < POVERTY_POOL ? k % 13 === 3 : k % 4 === 1) c.push('lone_elderly');
    if (k < POVERTY_POOL ? k % 7 === 2 : k % 4 === 2) c.push('disability');
    return c;
  };
  const memberIds = await reserveIds(tx, 'household_members', POOL * 4);
  let mi = 0;
  const sealedRows: unknown[][] = [];
  for (let k = 0; k < POOL; k++) {
    const village = villages[(k * 67) % villages.length];
    const lone = classesOf(k, 2019).includes('lone_elderly');
    const p = person(r, 0.4, lone ? [1932, 1950] : [1945, 1988]);
    // One known duplicate for the duplicate report: the same man registered in two groups of old Trần Phú.
    if (k === 700 || k === 701) Object.assign(p, { name: 'Nguyễn Văn An', birthYear: 1962, gender: 'male' });
    const address = `Số ${r.int(1, 120)}, ngõ ${r.int(1, 30)}`;
    hhRows.push([
      hhIds[k],
      k === 701 ? (villages.find((v) => v.code === '07213.05')?.id ?? village.id) : k === 700 ? (villages.find((v) => v.code === '07213.02')?.id ?? village.id) : village.id,
      p.name,
      normalizeVn(p.name),
      p.birthYear,
      address,
      normalizeVn(address),
      '2019-01-01',
    ]);
    const head = { id: memberIds[mi++], hh: hhIds[k], name: p.name, birthYear: p.birthYear, relation: 'head' };
    heads.push(head);
    members.push(head);
    if (k % 3 === 0) {
      const id = `0${24}${p.birthYear < 2000 ? (p.gender === 'male' ? 0 : 1) : 2}${String(p.birthYear).slice(2)}${String(100000 + ((k * 7919) % 900000)).slice(-6)}`;
      sealedRows.push([head.id, sealNationalId(id)]);
    }
    if (!lone) {
      if (k % 4 !== 1)
        members.push({ id: memberIds[mi++], hh: hhIds[k], name: person(r, p.gender === 'male' ? 1 : 0).name, birthYear: p.birthYear + r.int(-4, 4), relation: 'spouse' });
      if (k < POVERTY_POOL + 200) {
        const surname = p.name.split(' ')[0];
        const child = (born: number) => ({
          id: memberIds[mi++],
          hh: hhIds[k],
          name: `${surname} ${person(r).name.split(' ').slice(1).join(' ')}`,
          birthYear: born,
          relation: 'child',
        });
        members.push(child(2005 + (k % 12)));
        if (k % 2 === 0) members.push(child(2008 + (k % 9)));
      }
    }
  }
  await bulkInsert(tx, 'households', ['id', 'unit_id', 'head_name', 'head_name_search', 'head_birth_year', 'address', 'address_search', 'registered_on'], hhRows, true);
  const sealed = new Map(sealedRows.map(([id, s]) => [id as number, s as ReturnType<typeof sealNationalId>]));
  await bulkInsert(
    tx,
    'household_members',
    ['id', 'household_id', 'full_name', 'name_search', 'birth_year', 'relation', 'national_id_enc', 'national_id_last', 'national_id_digest'],
    members.map((m) => {
      const s = sealed.get(m.id);
      return [m.id, m.hh, m.name, normalizeVn(m.name), m.birthYear, m.relation, s?.enc ?? null, s?.last ?? null, s?.digest ?? null];
    }),
    true,
  );

  // Houses: each goes to a household due that year (poor or near-poor), recorded as needing one.
  const need = new Map<string, 'new' | 'repair'>();
  const houses: Array<{ k: number; y: Year; build: 'new' | 'repair'; approved: string; supported: boolean; j: number }> = [];
  let ptr = 0;
  const nextDue = (y: Year) => {
    for (;;) {
      const k = (ptr++ * 101) % POVERTY_POOL;
      if (k < DEMO_POOR[y] + NEAR_POOR[y] && ![...need.keys()].some((key) => key.startsWith(`${k}:`))) return k;
    }
  };
  const housePlan: Array<[Year, number, number, number, boolean]> = [
    // year, count, first month, last month, supported
    ...PART_ONE_FIGURES.houses.perYear.map((n, i) => [2019 + i, n, 1, i === 5 ? 5 : 11, true] as [Year, number, number, number, boolean]),
    [2024, LATER.houses[0], 7, 11, true],
    [2025, LATER.houses[1], 1, 11, true],
    [2026, LATER.houses[2], 2, 9, true],
    [2026, HOUSES_UNSUPPORTED_2026, 1, 1, false],
  ];
  for (const [y, n, m1, m2, supported] of housePlan) {
    for (let i = 0; i < n; i++) {
      const k = nextDue(y);
      const j = houses.length;
      const build = j % 3 === 0 ? 'new' : 'repair';
      need.set(`${k}:${y}`, build);
      houses.push({ k, y, build, approved: dayOfYear(r, y, m1, m2), supported, j });
    }
  }

  // The annual review, every year for every household (an empty set: reviewed, no longer classified).
  const cls: unknown[][] = [];
  for (let k = 0; k < POOL; k++) {
    for (const y of YEARS) {
      const c = classesOf(k, y);
      const n = need.get(`${k}:${y}`) ?? 'none';
      cls.push([hhIds[k], hhRows[k][1], y, c, n === 'none' ? (c.length ? 'semi_solid' : 'solid') : n === 'new' ? 'damaged' : 'makeshift', n, `${y}-01-01`]);
    }
  }
  await bulkInsert(tx, 'household_classifications', ['household_id', 'unit_id', 'year', 'classes', 'housing_condition', 'housing_need', 'fact_date'], cls);

  // Support acts. unit_id is first the village; one update below puts each at its ward on its date.
  const supports: SupportRow[] = [];
  const dueCount = (y: Year) => DEMO_POOR[y] + NEAR_POOR[y];
  const add = (
    k: number,
    member: number | null,
    kind: string,
    y: number,
    date: string,
    form: string,
    value: number,
    people = 1,
    provider: string | null = null,
    campaign: string | null = null,
    loanGroup: string | null = null,
    note: string | null = null,
  ) => supports.push({ hh: hhIds[k], member, unit: hhRows[k][1] as number, kind, year: y, date, form, value, people, provider, campaign, loanGroup, note });

  for (const y of YEARS) {
    for (let k = 0; k < dueCount(y); k++) {
      // 2026: about one household in nine still waits for its Tết gift.
      if (y === 2026 && k % 9 === 4) continue;
      const goods = k % 5 === 0;
      add(
        k,
        null,
        'tet',
        y,
        addDays(TET[y], -5 - (k % 10)),
        goods ? 'goods' : 'cash',
        goods ? 450_000 : y < 2022 ? 500_000 : 600_000,
        1,
        'Quỹ "Vì người nghèo"',
        `Tết vì người nghèo Xuân ${y}`,
      );
    }
    for (let q = 1; q <= 4; q++) {
      for (let k = 0; k < POOL; k += 17) {
        if (y === 2026 && q === 4 && k % 34 === 17) continue; // this quarter: half not yet visited
        add(k, null, 'regular', y, `${y}-${String(q * 3 - 2).padStart(2, '0')}-${String(10 + (k % 15)).padStart(2, '0')}`, 'cash', 500_000, 1, 'Ủy ban MTTQ phường, xã');
      }
    }
    for (let i = 0; i < 15; i++) {
      const k = (i * 43 + y) % POVERTY_POOL;
      add(
        k,
        null,
        'loan',
        y,
        dayOfYear(r, y, 2, 10),
        'loan',
        30_000_000 + 5_000_000 * (i % 5),
        1,
        'Ngân hàng Chính sách xã hội',
        null,
        `Tổ tiết kiệm và vay vốn số ${1 + (i % 6)}`,
      );
    }
  }

  // Production, medical and schooling: Part One's exact figures by mid-2024, then later years.
  const byHh = new Map<number, Member[]>();
  for (const m of members) byHh.set(m.hh, [...(byHh.get(m.hh) ?? []), m]);
  const kOf = new Map(hhIds.map((id, k) => [id, k]));
  const pupils = new Map<number, Member[]>();
  const pupilsOf = (y: Year) => {
    if (!pupils.has(y))
      pupils.set(
        y,
        members.filter((m) => m.relation === 'child' && y - m.birthYear >= 6 && y - m.birthYear <= 18 && kOf.get(m.hh)! < dueCount(y)),
      );
    return pupils.get(y)!;
  };
  const plan = (kind: 'production' | 'medical' | 'schooling') => {
    const f = PART_ONE_FIGURES[kind];
    const values = spread(
      f.value,
      Array.from({ length: f.count }, (_, i) => (kind === 'medical' ? 3 + (i % 10) : 4 + (i % 5))),
    );
    let vi = 0;
    const usedHh = new Set<number>();
    const rows = (y: Year, n: number, m1: number, m2: number, value: (i: number) => number) => {
      for (let i = 0; i < n; i++) {
        const date = dayOfYear(r, y, m1, m2);
        if (kind === 'production') {
          let k = r.int(0, dueCount(y) - 1);
          while (usedHh.has(k)) k = (k + 1) % dueCount(y);
          usedHh.add(k);
          add(
            k,
            null,
            'production',
            y,
            date,
            i % 3 === 0 ? 'goods' : 'cash',
            value(i),
            1,
            i % 2 ? 'Hội Nông dân' : 'Quỹ "Vì người nghèo"',
            null,
            null,
            i % 3 === 0 ? 'Giống, vật nuôi' : null,
          );
        } else if (kind === 'medical') {
          const k = r.int(0, dueCount(y) - 1);
          const m = r.pick(byHh.get(hhIds[k])!);
          add(k, m.id, 'medical', y, date, 'cash', value(i), 1, 'Hội Chữ thập đỏ');
        } else {
          const m = r.pick(pupilsOf(y));
          add(kOf.get(m.hh)!, m.id, 'schooling', y, date, i % 4 === 0 ? 'goods' : 'cash', value(i), 1, 'Hội Khuyến học');
        }
      }
    };
    f.perYear.forEach((n, i) => rows((2019 + i) as Year, n, kind === 'schooling' && i < 5 ? 8 : 1, i === 5 ? 5 : kind === 'schooling' ? 9 : 11, () => values[vi++]));
    const later = LATER[kind];
    const avg = Math.round(f.value / f.count / 1000) * 1000;
    rows(2024, later[0], 8, 11, (i) => avg + 1000 * (i % 7) * 10);
    rows(2025, later[1], 1, 11, (i) => avg + 1000 * (i % 7) * 10);
    rows(2026, later[2], 1, 10, (i) => avg + 1000 * (i % 7) * 10);
  };
  plan('production');
  plan('medical');
  plan('schooling');

  // Houses: cost and sources; Part One's 140 come to exactly 18 billion.
  const partOne = houses.filter((h) => h.supported && h.approved <= PART_ONE.to);
  const costs = spread(
    PART_ONE_FIGURES.houses.value,
    partOne.map((h) => (h.build === 'new' ? 170 + (h.j % 5) * 10 : 90 + (h.j % 4) * 5)),
    1_000_000,
  );
  const costOf = new Map(partOne.map((h, i) => [h.j, costs[i]]));
  const houseSupports: Array<{ h: (typeof houses)[number]; cost: number }> = [];
  for (const h of houses.filter((x) => x.supported)) {
    const cost = costOf.get(h.j) ?? (h.build === 'new' ? 200_000_000 : 100_000_000);
    add(h.k, null, 'house', h.y, h.approved, 'in_kind', cost, 1, 'Quỹ "Vì người nghèo" và các nguồn xã hội hóa', `Nhà Đại đoàn kết ${h.y}`);
    houseSupports.push({ h, cost });
  }

  const supportIds = await reserveIds(tx, 'household_supports', supports.length);
  await bulkInsert(
    tx,
    'household_supports',
    ['id', 'household_id', 'member_id', 'unit_id', 'kind', 'year', 'support_date', 'form', 'value_vnd', 'people', 'provider', 'campaign', 'loan_group', 'note'],
    supports.map((s, i) => [supportIds[i], s.hh, s.member, s.unit, s.kind, s.year, s.date, s.form, s.value, s.people, s.provider, s.campaign, s.loanGroup, s.note]),
    true,
  );
  const firstHouse = supports.length - houseSupports.length;
  const today = vnToday();
  await bulkInsert(
    tx,
    'household_houses',
    ['support_id', 'build', 'status', 'approved_on', 'started_on', 'handed_over_on', 'cost_vnd', 'from_fund_vnd', 'from_member_orgs_vnd', 'from_social_vnd', 'labour_days'],
    houseSupports.map(({ h, cost }, i) => {
      const started = addDays(h.approved, 20);
      const handed = addDays(h.approved, 100 + (h.j % 30));
      const status = handed <= today ? 'handed_over' : started <= today ? 'under_construction' : 'approved';
      const fund = Math.round((cost * 0.4) / 1000) * 1000;
      const orgs = Math.round((cost * 0.15) / 1000) * 1000;
      const social = Math.round((cost * 0.3) / 1000) * 1000;
      return [
        supportIds[firstHouse + i],
        h.build,
        status,
        h.approved,
        status === 'approved' ? null : started,
        status === 'handed_over' ? handed : null,
        cost,
        fund,
        orgs,
        social,
        30 + (h.j % 50),
      ];
    }),
  );
  // Each act is recorded by the ward its village belonged to on the act's date.
  await tx.query(
    `update household_supports s set unit_id = v.parent_id
       from households h join unit_versions v on v.unit_id = h.unit_id
      where s.household_id = h.id and s.unit_id = h.unit_id and h.id = any($1::bigint[])
        and v.valid_from <= s.support_date and s.support_date < v.valid_to and v.parent_id is not null`,
    [hhIds],
  );
  // Fresh statistics: without them the planner takes thousands of support rows for a handful (PGlite
  // has no autovacuum) and the metrics' joins run as nested loops, 100× slower.
  await tx.exec(
    'analyze households; analyze household_members; analyze household_classifications; analyze household_supports; analyze household_houses; analyze village_household_counts',
  );
}
