// The Front organisation of the seed's Bắc Giang city (2019–2025) and of the new wards that succeeded
// it on 2025-07-01, consistent with Part One's figures. Units are found by code, level and date.
import type { MemberOrgKind, Position } from '@contract/org';
import type { Db } from '../db/db';
import { addDays, dayIn, rng } from './org-gen';
import { OrgPlan, type ChangeSpec, type PlanCommittee, type PlanOrg } from './org-plan';

type U = { id: number; code: string; name: string; valid_from: string; valid_to: string; parent_id: number | null };

/** The 16 wards/communes of the seed's city (10 phường, 6 xã), by official code. */
export const SEED_WARD_CODES = [
  '07201',
  '07204',
  '07207',
  '07210',
  '07213',
  '07216',
  '07219',
  '07222',
  '07225',
  '07228',
  '07231',
  '07441',
  '07687',
  '07696',
  '07699',
  '07705',
] as const;
/** The new wards of 2025-07-01 that took in the city's wards. */
export const SUCCESSOR_WARD_CODES = ['07210', '07228', '07696', '07699'] as const;

const CITY_TERM = { first: '2019-07-10', second: '2024-07-12' };
// Part One: chairs, vice-chairs and members replaced in 2019–2024 (city + wards).
const WARD_CHAIR_CHANGES = ['07213', '07207', '07201', '07210', '07231', '07216', '07222', '07699'];
const WARD_VICE_CHANGES = ['07213', '07225', '07219', '07204', '07228', '07696', '07705', '07441'];
// Wards that merged into Phường Bắc Giang: some of their changes fall in 2023 (the "now vs then" year).
const BAC_GIANG_PAST = new Set(['07201', '07204', '07207', '07210', '07213', '07219', '07225', '07231', '07441']);

/** Units with these codes at a level on a date (codes are reused over time: 07210 was Hoàng Văn Thụ, then Bắc Giang). */
async function unitsAt(tx: Db, codes: readonly string[], level: string, on: string, within: number[] | null): Promise<U[]> {
  return tx.query<U>(
    `select u.id, u.code, v.name, v.parent_id, u.valid_from::text, u.valid_to::text
       from units u join unit_versions v on v.unit_id = u.id and v.valid_from <= $3::date and $3::date < v.valid_to
      where u.code = any($1::text[]) and u.level = $2 and u.valid_from <= $3::date and $3::date < u.valid_to
        and ($4::bigint[] is null or exists (select 1 from unit_closure c where c.descendant_id = u.id and c.ancestor_id = any($4::bigint[])))
      order by u.code`,
    [codes, level, on, within],
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const isCommune = (u: U) => u.name.startsWith('Xã');

/**
 * Seeds committees, members and their changes, member organisations, work boards, advisory boards,
 * reporters and propagandists. `within` limits the unit look-ups to the subtrees of these roots (tests
 * build their own copy of the world next to others').
 */
export async function seedDemoOrg(tx: Db, opts: { within?: number[] } = {}): Promise<void> {
  const within = opts.within ?? null;
  const [city, ...more] = await unitsAt(tx, ['213'], 'district', '2019-06-01', within);
  if (!city) return; // the units of the seed's world are not loaded: nothing to attach to
  if (more.length) throw new Error('demo: more than one unit 213 (district) on 2019-06-01');
  const wards = await unitsAt(tx, SEED_WARD_CODES, 'commune', '2019-06-01', within);
  if (wards.length !== SEED_WARD_CODES.length) throw new Error(`demo: expected 16 wards of the city, found ${wards.length}`);
  const successors = await unitsAt(tx, SUCCESSOR_WARD_CODES, 'commune', '2025-07-01', within);
  const villages = await tx.query<U>(
    `select u.id, u.code, u.valid_from::text, u.valid_to::text, null::bigint as parent_id,
            (select v.name from unit_versions v where v.unit_id = u.id order by v.valid_from limit 1) as name
       from units u where u.level = 'village'
        and exists (select 1 from unit_versions v where v.unit_id = u.id and v.parent_id = any($1::bigint[]))
      order by u.code`,
    [[...wards, ...successors].map((w) => w.id)],
  );
  const provinces = await tx.query<U>(
    `select distinct u.id, u.code, v.name, null::bigint as parent_id, u.valid_from::text, u.valid_to::text
       from units u join unit_versions v on v.unit_id = u.id and v.valid_from <= u.valid_from and u.valid_from < v.valid_to
      where u.id = any($1::bigint[])`,
    [[city.parent_id, ...successors.map((s) => s.parent_id)].filter((x) => x !== null)],
  );

  const plan = new OrgPlan(rng(2024_22));
  const orgsOf = new Map<number, PlanOrg[]>();
  const later = (a: string, b: string) => (a > b ? a : b);
  for (const p of provinces) orgsOf.set(p.id, memberOrgs(plan, p, later(p.valid_from, '2019-01-01'), 'upper'));
  orgsOf.set(city.id, [...memberOrgs(plan, city, '2019-01-01', 'upper'), ...admittedOrgs(plan, city)]);
  for (const w of wards) orgsOf.set(w.id, memberOrgs(plan, w, '2019-01-01', isCommune(w) ? 'rural' : 'urban'));
  for (const s of successors) orgsOf.set(s.id, memberOrgs(plan, s, s.valid_from, 'rural'));

  planCity(plan, city, orgsOf.get(city.id)!);
  for (const w of wards) planWard(plan, w, orgsOf.get(w.id)!);
  for (const s of successors) planSuccessor(plan, s, orgsOf.get(s.id)!);
  planVillages(plan, villages, successors);
  planPeople(plan, city, wards, successors, villages);
  await plan.write(tx);
}

const CORE_ORGS: Array<[MemberOrgKind, string]> = [
  ['women', 'Hội Liên hiệp Phụ nữ'],
  ['veterans', 'Hội Cựu chiến binh'],
  ['youth', 'Đoàn TNCS Hồ Chí Minh'],
  ['elderly', 'Hội Người cao tuổi'],
  ['red_cross', 'Hội Chữ thập đỏ'],
];

/** The member organisations of a unit ("Hội Cựu chiến binh phường Trần Phú") for the unit's whole life. */
function memberOrgs(plan: OrgPlan, u: U, from: string, kind: 'upper' | 'rural' | 'urban'): PlanOrg[] {
  const kinds: Array<[MemberOrgKind, string]> = [...CORE_ORGS];
  // Farmers' associations where there is farmland; the trade-union federation from the city up.
  if (kind !== 'urban') kinds.splice(1, 0, ['farmers', 'Hội Nông dân']);
  if (kind === 'upper') kinds.unshift(['trade_union', 'Liên đoàn Lao động']);
  return kinds.map(([k, name]) => plan.org(u.id, k, `${name} ${lowerFirst(u.name)}`, from, u.valid_to));
}

/** Part One: 3 member organisations admitted during 2019–2024, at the city. */
function admittedOrgs(plan: OrgPlan, city: U): PlanOrg[] {
  return [
    plan.org(city.id, 'other', 'Hội Cựu Thanh niên xung phong thành phố Bắc Giang', '2020-10-15', city.valid_to),
    plan.org(city.id, 'other', 'Hội Nạn nhân chất độc da cam/dioxin thành phố Bắc Giang', '2021-12-20', city.valid_to),
    plan.org(city.id, 'other', 'Hội Khuyến học thành phố Bắc Giang', '2023-04-12', city.valid_to),
  ];
}

const SECTORS = ['Chức sắc tôn giáo', 'Doanh nghiệp tiêu biểu', 'Trí thức', 'Cá nhân tiêu biểu', 'Lực lượng vũ trang', 'Ngành Giáo dục', 'Ngành Y tế'];
const reps = (orgs: PlanOrg[], extra: string[] = []) => [
  ...orgs.map((o) => ({ representing: o.name, org: o })),
  ...[...extra, ...SECTORS].map((representing) => ({ representing })),
];

function planCity(plan: OrgPlan, city: U, orgs: PlanOrg[]) {
  const r = plan.r;
  const first = plan.committee(city.id, 'front_committee', '2019–2024', 'Ủy ban MTTQ Việt Nam thành phố Bắc Giang khóa XXI', CITY_TERM.first, CITY_TERM.second);
  plan.roster(first, { chair: 1, vice_chair: 3, standing_member: 1, member: 50 }, reps(orgs));
  const specs: ChangeSpec[] = [
    ...['2020-09-15', '2022-03-10', '2023-08-21'].map((date) => ({ committee: first, date, position: 'chair' as Position })),
    { committee: first, date: '2021-11-05', position: 'vice_chair' },
    ...Array.from({ length: 21 }, () => ({ committee: first, date: dayIn(r, '2019-10-01', '2024-06-01'), position: 'member' as Position })),
  ];
  plan.applyChanges(specs);
  const second = plan.committee(city.id, 'front_committee', '2024–2029', 'Ủy ban MTTQ Việt Nam thành phố Bắc Giang khóa XXII', CITY_TERM.second, city.valid_to);
  plan.roster(second, { chair: 1, vice_chair: 3, standing_member: 1, member: 49 }, reps(orgs), plan.carryOver(first));
  plan.applyChanges([
    { committee: second, date: '2024-11-15', position: 'member' },
    { committee: second, date: '2025-03-20', position: 'member' },
  ]);
  advisory(
    plan,
    city.id,
    'Ban tư vấn Ủy ban MTTQ thành phố Bắc Giang',
    [
      ['2019–2024', '2019-09-05', CITY_TERM.second],
      ['2024–2029', '2024-09-10', city.valid_to],
    ],
    7,
  );
}

function advisory(plan: OrgPlan, unitId: number, name: string, terms: Array<[string, string, string]>, members: number) {
  let prev: PlanCommittee | null = null;
  for (const [term, from, to] of terms) {
    if (from >= to) continue;
    const c = plan.committee(unitId, 'advisory_board', term, name, from, to);
    plan.roster(
      c,
      { head: 1, deputy_head: 1, board_member: members },
      [{ representing: 'Cán bộ hưu trí' }, { representing: 'Chuyên gia, nhà khoa học' }, { representing: 'Cựu chiến binh' }],
      prev ? plan.carryOver(prev, 0.7) : [],
    );
    prev = c;
  }
}

function planWard(plan: OrgPlan, w: U, orgs: PlanOrg[]) {
  const r = plan.r;
  const place = lowerFirst(w.name);
  const c2019 = addDays('2019-04-08', r.int(0, 45));
  const c2024 = addDays('2024-04-08', r.int(0, 50));
  const sizes = (n: number) => ({ chair: 1, vice_chair: r.chance(0.5) ? 2 : 1, standing_member: 1, member: n });
  const first = plan.committee(w.id, 'front_committee', '2019–2024', `Ủy ban MTTQ Việt Nam ${place}`, c2019, c2024);
  plan.roster(first, sizes(isCommune(w) ? r.int(23, 29) : r.int(27, 33)), reps(orgs, ['Trưởng Ban công tác Mặt trận']));
  const in2023 = BAC_GIANG_PAST.has(w.code);
  const when = (force2023: boolean) => (force2023 ? dayIn(r, '2023-01-05', '2023-12-20') : dayIn(r, addDays(c2019, 120), addDays(c2024, -30)));
  const specs: ChangeSpec[] = [];
  if (WARD_CHAIR_CHANGES.includes(w.code)) specs.push({ committee: first, date: when(['07213', '07207', '07201'].includes(w.code)), position: 'chair' });
  if (WARD_VICE_CHANGES.includes(w.code)) specs.push({ committee: first, date: when(['07213', '07225', '07219'].includes(w.code)), position: 'vice_chair' });
  for (let i = 0; i < 15; i++) specs.push({ committee: first, date: when(in2023 && i < 3), position: 'member' });
  plan.applyChanges(specs);
  const second = plan.committee(w.id, 'front_committee', '2024–2029', `Ủy ban MTTQ Việt Nam ${place}`, c2024, w.valid_to);
  plan.roster(second, sizes(isCommune(w) ? r.int(23, 29) : r.int(27, 33)), reps(orgs, ['Trưởng Ban công tác Mặt trận']), plan.carryOver(first));
  if (w.code === '07213' || w.code === '07228') plan.applyChanges([{ committee: second, date: dayIn(r, '2024-10-01', '2025-06-01'), position: 'member' }]);
  advisory(
    plan,
    w.id,
    `Tổ tư vấn Ủy ban MTTQ ${place}`,
    [
      ['2019–2024', addDays(c2019, 60), c2024],
      ['2024–2029', addDays(c2024, 60), w.valid_to],
    ],
    5,
  );
}

// After the reform: the new wards' first committees (2025–2030) and their changes through 2026.
const SUCCESSOR_CHANGES: Record<string, Array<[string, Position]>> = {
  '07210': [
    ['2025-11-03', 'member'],
    ['2026-01-12', 'member'],
    ['2026-03-16', 'vice_chair'],
    ['2026-04-20', 'member'],
    ['2026-09-08', 'member'],
  ],
  '07228': [
    ['2026-02-09', 'member'],
    ['2026-06-15', 'member'],
  ],
  '07696': [
    ['2025-12-01', 'member'],
    ['2026-05-18', 'member'],
  ],
  '07699': [
    ['2026-05-04', 'chair'],
    ['2026-08-10', 'member'],
  ],
};

function planSuccessor(plan: OrgPlan, s: U, orgs: PlanOrg[]) {
  const r = plan.r;
  const c = plan.committee(s.id, 'front_committee', '2025–2030', `Ủy ban MTTQ Việt Nam ${lowerFirst(s.name)}`, s.valid_from, s.valid_to);
  plan.roster(c, { chair: 1, vice_chair: 3, standing_member: 2, member: r.int(45, 58) }, reps(orgs, ['Trưởng Ban công tác Mặt trận']));
  plan.applyChanges((SUCCESSOR_CHANGES[s.code] ?? []).map(([date, position]) => ({ committee: c, date, position })));
  advisory(plan, s.id, `Tổ tư vấn Ủy ban MTTQ ${lowerFirst(s.name)}`, [['2025–2030', addDays(s.valid_from, 62), s.valid_to]], 5);
}

const BOARD_REPS = ['Chi hội Phụ nữ', 'Chi hội Cựu chiến binh', 'Chi đoàn Thanh niên', 'Chi hội Người cao tuổi', 'Chi hội Nông dân', 'Người có uy tín'];

/** A work board per village and term; boards elected in 2024 carry on through the reform. */
function planVillages(plan: OrgPlan, villages: U[], successors: U[]) {
  const r = plan.r;
  const reform = successors[0]?.valid_from ?? '2025-07-01';
  const boardReps = BOARD_REPS.map((representing) => ({ representing }));
  const heads: PlanCommittee[] = [];
  for (const v of villages) {
    const name = `Ban công tác Mặt trận ${v.name}`;
    const t1 = addDays('2019-02-18', r.int(0, 40));
    const t2 = addDays('2024-02-19', r.int(0, 40));
    const size = () => ({ head: 1, deputy_head: 1, board_member: r.int(3, 5) });
    let prev: PlanCommittee | null = null;
    for (const [term, from, to] of [
      ['2019–2024', t1, t2],
      ['2024–2029', t2, v.valid_to],
    ] as const) {
      const start = from < v.valid_from ? v.valid_from : from;
      if (start >= to || start >= v.valid_to) continue;
      const label = start >= reform ? '2025–2030' : term;
      const c = plan.committee(v.id, 'work_board', label, name, start, to < v.valid_to ? to : v.valid_to);
      plan.roster(c, size(), boardReps, prev ? plan.carryOver(prev, 0.7) : []);
      prev = c;
    }
    if (prev && prev.to === 'infinity' && heads.length < 3 && v.code.endsWith('.02')) heads.push(prev);
  }
  // Work goes on after the reform: a few village boards change their head in 2026.
  plan.applyChanges(heads.map((committee, i) => ({ committee, date: ['2026-02-23', '2026-05-11', '2026-10-05'][i], position: 'head' as Position })));
}

/** 167 reporters (city and wards) and 1,356 propagandists (villages) of Part One; then the new wards' reporters. */
function planPeople(plan: OrgPlan, city: U, wards: U[], successors: U[], villages: U[]) {
  const r = plan.r;
  for (let i = 0; i < 15; i++) plan.person(city.id, 'reporter', dayIn(r, '2019-08-01', '2019-12-31'), city.valid_to, 0.4);
  wards.forEach((w, wi) => {
    for (let i = 0; i < (wi < 8 ? 10 : 9); i++) plan.person(w.id, 'reporter', dayIn(r, '2019-08-01', '2019-12-31'), w.valid_to, 0.45);
  });
  for (const s of successors) for (let i = 0; i < 12; i++) plan.person(s.id, 'reporter', dayIn(r, addDays(s.valid_from, 30), addDays(s.valid_from, 120)), s.valid_to, 0.45);
  if (!villages.length) return;
  const base = Math.floor(1356 / villages.length);
  const extra = 1356 % villages.length;
  villages.forEach((v, vi) => {
    const from = v.valid_from > '2019-06-01' ? v.valid_from : '2019-06-01';
    for (let i = 0; i < base + (vi < extra ? 1 : 0); i++) plan.person(v.id, 'propagandist', dayIn(r, from, addDays(from, 180)), v.valid_to, 0.6);
  });
}
