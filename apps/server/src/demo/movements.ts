// Movements and community for the seed's city. Part One's period (2019 to the congress in mid-2024)
// holds exactly the seed's figures of sections 1.1 and 1.2 (DEMO_MOVEMENTS_FIGURES): channels and what
// they published, 93 core people, 175 visits with 186 + 256 gifts worth 279 million, 5 Catholic
// conferences with 360 delegates, 19 commended, every establishment flying the flag; the Solidarity
// Day in all 151 villages each year (≈ 800,000 attendances, > 96% with a meal, 1 + 7 + 93 + 962 leaders,
// 1,435 collectives and 9,124 individuals commended, 325 civil works); cultural titles at 94–95.2%,
// 10/10 wards and 6/6 communes up to standard, 19 model villages, 151 conventions; satisfaction above
// 95%; 3,175 self-managed models; the buy-Vietnamese, creative, gratitude, environment and security
// figures. The second half of 2024 (the city's targets of 2024) and 2025–2026 in the new wards carry
// on plausibly; a few villages have not yet held the 2026 Solidarity Day.
import type { Db } from '../db/db';
import { today as vnToday } from '../platform/access';
import { unitIdByCode } from '../modules/units/queries';
import { householdKey } from '../modules/movements/survey-key';
import { addDays, bulkInsert, dayIn, person, reserveIds, rng, type Rng } from './org-gen';
import { SEED_WARD_CODES, SUCCESSOR_WARD_CODES } from './org';
import { split } from './oversight';

export const DEMO_MOVEMENTS_TERM = { from: '2019-01-01', to: '2024-06-30' };
/** What the term's records add up to (the seed's figures, "trên"/"gần" ones given a value of their own). */
export const DEMO_MOVEMENTS_FIGURES = {
  columns: 36,
  portalArticles: 168,
  tvReports: 45,
  onlineReports: 34,
  broadcasts: 5_240,
  socialPosts: 3_180,
  works: 2,
  reporters: 167,
  propagandists: 1_356,
  corePeople: 93,
  visits: 175,
  giftsUpper: 186,
  giftsLocal: 256,
  giftValue: 279_000_000,
  conferences: 5,
  delegates: 360,
  commended: 19,
  attendance: 798_450,
  meals: 731,
  leadersCentral: 1,
  leadersProvince: 7,
  leadersCity: 93,
  leadersLocal: 962,
  goldenHearts: 915,
  collectives: 1_435,
  individuals: 9_124,
  civilWorks: 325,
  civilWorksValue: 301_250_000_000,
  modelVillages: 19,
  selfManagedOther: 1_219,
  security: 860,
  wasteGroups: 835,
  wasteMembers: 1_000,
  selfManagedRoads: 110,
  flowerRoads: 50,
  creative: 250,
  excellent: 20,
  ocop: 37,
  /** The public survey of Phường Bắc Giang in 2026 (the citizen's page). */
  publicSurveyCode: 'BACGIANG26',
};
const F = DEMO_MOVEMENTS_FIGURES;
const TERM_YEARS = [2019, 2020, 2021, 2022, 2023];
const TERM_END = DEMO_MOVEMENTS_TERM.to;
/** Villages of the demo ward that have not held the 2026 Solidarity Day (the work board's own among them). */
export const DEMO_NOT_HELD_2026 = ['07213.01', '07213.02'];

type Unit = { id: number; validTo: string };
async function unitAt(tx: Db, code: string, level: string, on: string): Promise<Unit | null> {
  const id = await unitIdByCode(tx, code, level, on);
  if (!id) return null;
  const [{ valid_to }] = await tx.query<{ valid_to: string }>('select valid_to::text from units where id = $1', [id]);
  return { id, validTo: valid_to };
}
type Village = { id: number; code: string; ward: number; commune: boolean };
async function villagesOf(tx: Db, unitId: number, on: string): Promise<Village[]> {
  return tx.query<Village>(
    `select u.id, u.code, v.parent_id as ward, (select pv.name like 'Xã%' from unit_versions pv where pv.unit_id = v.parent_id
            and pv.valid_from <= $2::date and $2::date < pv.valid_to) as commune
       from unit_closure c join units u on u.id = c.descendant_id and u.level = 'village'
       join unit_versions v on v.unit_id = u.id and v.valid_from <= $2::date and $2::date < v.valid_to
      where c.ancestor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to order by u.code`,
    [unitId, on],
  );
}

/** Lunar New Year's Day, 30 April and 2 September: the holidays the flag is checked on. */
const TET: Record<number, string> = {
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
};
const halves = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i).flatMap((y) => [
    [`${y}-01-01`, `${y}-06-30`],
    [`${y}-07-01`, `${y}-12-31`],
  ]);

/** Demo data of the movements module; runs inside loadDemo's transaction after the accounts. */
export async function seedDemoMovements(tx: Db, opts: { today?: string } = {}): Promise<void> {
  const today = opts.today ?? vnToday();
  const r = rng(1203);
  const city = await unitAt(tx, '213', 'district', '2024-01-01');
  if (!city) return; // the seed's world is not loaded
  const wards: Unit[] = [];
  for (const code of SEED_WARD_CODES) {
    const u = await unitAt(tx, code, 'commune', '2019-06-01');
    if (u) wards.push(u);
  }
  const newWards: Unit[] = [];
  for (const code of SUCCESSOR_WARD_CODES) {
    const u = await unitAt(tx, code, 'commune', '2025-07-01');
    if (u) newWards.push(u);
  }
  const villages = await villagesOf(tx, city.id, '2019-06-01');
  const newVillages: Village[] = []; // one query at a time on the transaction's connection
  for (const u of newWards) newVillages.push(...(await villagesOf(tx, u.id, '2026-01-01')));
  const ctx = { tx, r, today, city, wards, newWards, villages, newVillages };
  await seedPropaganda(ctx);
  await seedReligion(ctx);
  await seedSolidarity(ctx);
  await seedCulture(ctx);
  await seedSurveys(ctx);
  await seedModels(ctx);
}
type Ctx = { tx: Db; r: Rng; today: string; city: Unit; wards: Unit[]; newWards: Unit[]; villages: Village[]; newVillages: Village[] };

async function seedPropaganda({ tx, r, city, wards, newWards, villages }: Ctx) {
  const channels: unknown[][] = [];
  const ids = await reserveIds(tx, 'propaganda_channels', 3 + wards.length * 2 + newWards.length * 2 + 100);
  let c = 0;
  const channel = (unitId: number, kind: string, name: string, from: string, to: string) => {
    const id = ids[c++];
    channels.push([id, unitId, kind, name, from, to]);
    return id;
  };
  const cityFanpage = channel(city.id, 'fanpage', 'Mặt trận Tổ quốc thành phố Bắc Giang', '2019-01-01', city.validTo);
  channel(city.id, 'portal_column', 'Chuyên mục Mặt trận trên Cổng thông tin điện tử thành phố', '2019-01-01', city.validTo);
  channel(city.id, 'online_tv', 'Truyền hình online thành phố', '2019-01-01', city.validTo);
  const wardPage = new Map<number, number>();
  for (const w of wards) {
    wardPage.set(w.id, channel(w.id, 'fanpage', 'Trang tuyên truyền cộng đồng MTTQ phường', dayIn(r, '2019-01-01', '2019-06-01'), w.validTo));
    channel(w.id, 'zalo', 'Nhóm Zalo Ban công tác Mặt trận', '2019-01-01', w.validTo);
  }
  for (const w of newWards) {
    wardPage.set(w.id, channel(w.id, 'fanpage', 'Mặt trận Tổ quốc phường', '2025-07-01', 'infinity'));
    channel(w.id, 'zalo', 'Nhóm Zalo Mặt trận phường', '2025-07-01', 'infinity');
  }
  // The committees whose history the city carries now (Yên Dũng district and its communes, merged into the
  // city in 2025) ran their own fanpages too: the city's rates are over all of them.
  const merged = await tx.query<{ id: number; valid_to: string }>(
    `select distinct c.descendant_id as id, u.valid_to::text from unit_lineage_closure l join unit_closure c on c.ancestor_id = l.predecessor_id
       join units u on u.id = c.descendant_id and u.level in ('district', 'commune')
      where l.successor_id = $1 and c.valid_from <= $2::date and $2::date < c.valid_to and not (c.descendant_id = any($3::bigint[])) order by 1`,
    [city.id, TERM_END, [city.id, ...wards.map((w) => w.id)]],
  );
  for (const u of merged) wardPage.set(u.id, channel(u.id, 'fanpage', 'Trang thông tin Mặt trận Tổ quốc', '2019-06-01', u.valid_to));
  await bulkInsert(tx, 'propaganda_channels', ['id', 'unit_id', 'kind', 'name', 'valid_from', 'valid_to'], channels, true);

  const out: unknown[][] = [];
  const termHalves = halves(2019, 2024).filter(([, to]) => to <= TERM_END);
  // Posts and broadcasts in every half-year of the term; the city's own output at random half-years.
  const units = [city, ...wards];
  const posts = split(F.socialPosts, units.length * termHalves.length, r, 1);
  units.forEach((u, i) =>
    termHalves.forEach(([from, to], h) => out.push([u.id, u.id === city.id ? cityFanpage : wardPage.get(u.id), 'social_post', from, to, posts[i * termHalves.length + h]])),
  );
  const casts = split(F.broadcasts, wards.length * termHalves.length, r, 1);
  wards.forEach((u, i) => termHalves.forEach(([from, to], h) => out.push([u.id, null, 'broadcast', from, to, casts[i * termHalves.length + h]])));
  for (const [kind, total] of [
    ['column', F.columns],
    ['portal_article', F.portalArticles],
    ['tv_report', F.tvReports],
    ['online_report', F.onlineReports],
    ['work', F.works],
  ] as const) {
    const parts = split(total, termHalves.length, r, total >= termHalves.length ? 1 : 0);
    termHalves.forEach(([from, to], h) => {
      if (parts[h] > 0) out.push([city.id, null, kind, from, to, parts[h]]);
    });
  }
  for (const u of merged)
    for (const [from, to] of [...termHalves, ['2024-07-01', '2024-12-31']]) if (to < u.valid_to) out.push([u.id, wardPage.get(u.id), 'social_post', from, to, r.int(3, 12)]);
  // After the congress: the second half of 2024, then the new wards.
  for (const u of units) out.push([u.id, u.id === city.id ? cityFanpage : wardPage.get(u.id), 'social_post', '2024-07-01', '2024-12-31', r.int(10, 40)]);
  for (const u of newWards) {
    for (const [from, to] of [
      ['2025-07-01', '2025-12-31'],
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', '2026-11-30'],
    ]) {
      out.push([u.id, wardPage.get(u.id), 'social_post', from, to, r.int(40, 120)]);
      out.push([u.id, null, 'broadcast', from, to, r.int(60, 150)]);
    }
  }
  await bulkInsert(tx, 'propaganda_outputs', ['unit_id', 'channel_id', 'kind', 'period_from', 'period_to', 'quantity'], out);

  // 167 reporters at the city and wards, 1,356 propagandists in the villages (standing at the congress).
  const people: unknown[][] = [];
  const reporters = split(F.reporters - 20, wards.length, r, 5);
  for (let k = 0; k < 20; k++) people.push([city.id, 'reporter', person(r, 0.5, [1965, 1990]).name, '2019-01-01', city.validTo]);
  wards.forEach((w, i) => {
    for (let k = 0; k < reporters[i]; k++) people.push([w.id, 'reporter', person(r, 0.5, [1960, 1990]).name, '2019-01-01', w.validTo]);
  });
  const propagandists = split(F.propagandists, villages.length, r, 5);
  villages.forEach((v, i) => {
    for (let k = 0; k < propagandists[i]; k++) people.push([v.id, 'propagandist', person(r, 0.6, [1955, 1995]).name, '2019-01-01', 'infinity']);
  });
  for (const w of newWards) for (let k = 0; k < 8; k++) people.push([w.id, 'reporter', person(r, 0.5, [1965, 1995]).name, '2025-07-01', 'infinity']);
  await bulkInsert(tx, 'propaganda_people', ['unit_id', 'role', 'full_name', 'valid_from', 'valid_to'], people);
}

const ESTABLISHMENTS: Array<[string, string]> = [
  ['Chùa', 'buddhism'],
  ['Đình', 'folk'],
  ['Đền', 'folk'],
  ['Chùa', 'buddhism'],
  ['Nhà thờ giáo họ', 'catholicism'],
  ['Miếu', 'folk'],
];

async function seedReligion({ tx, r, today, city, wards, villages }: Ctx) {
  // About two establishments in every second village, standing with their village through the reform.
  const est: unknown[][] = [];
  const estIds = await reserveIds(tx, 'religious_establishments', villages.length);
  let e = 0;
  villages.forEach((v, i) => {
    if (i % 3 === 2) return;
    const [kind, religion] = ESTABLISHMENTS[i % ESTABLISHMENTS.length];
    est.push([estIds[e++], v.id, `${kind} ${v.code.slice(-2)}`, religion, true, '2010-01-01']);
  });
  await bulkInsert(tx, 'religious_establishments', ['id', 'unit_id', 'name', 'religion', 'has_camera', 'valid_from'], est, true);
  const people: unknown[][] = [];
  const core = split(F.corePeople, wards.length, r, 2);
  wards.forEach((w, i) => {
    for (let k = 0; k < core[i]; k++) people.push([w.id, 'core', person(r, 0.4, [1950, 1985]).name, dayIn(r, '2020-03-01', '2023-12-01')]);
  });
  est.forEach((x) => people.push([x[1], 'dignitary', person(r, 0.3, [1945, 1980]).name, '2018-01-01']));
  await bulkInsert(tx, 'religious_people', ['unit_id', 'kind', 'full_name', 'approved_on'], people);

  // Holidays and the flag on each: every establishment in the term; one missed on 2 September 2025.
  const holidays: unknown[][] = [];
  const hIds = await reserveIds(tx, 'flag_holidays', 8 * 3);
  let h = 0;
  for (let y = 2019; y <= 2026; y++) {
    for (const [name, day] of [
      ['Tết Nguyên đán', TET[y]],
      ['Ngày Giải phóng miền Nam, thống nhất đất nước', `${y}-04-30`],
      ['Quốc khánh', `${y}-09-02`],
    ]) {
      if (day <= today) holidays.push([hIds[h++], name, day]);
    }
  }
  await bulkInsert(tx, 'flag_holidays', ['id', 'name', 'held_on'], holidays, true);
  const checks: unknown[][] = [];
  for (const hol of holidays) for (const x of est) checks.push([x[0], hol[0], !(hol[2] === '2025-09-02' && x === est[0])]);
  await bulkInsert(tx, 'religion_flag_checks', ['establishment_id', 'holiday_id', 'compliant'], checks);

  // Visits on holidays with their gifts; Catholic conferences; commendations each year.
  const acts: unknown[][] = [];
  const units = [city, ...wards];
  const upper = split(F.giftsUpper, F.visits, r);
  const local = split(F.giftsLocal, F.visits, r);
  const value = split(F.giftValue / 1000, F.visits, r, 100).map((v) => v * 1000);
  for (let k = 0; k < F.visits; k++) {
    const y = 2019 + (k % 5);
    const [occasion, day] = k % 3 === 0 ? ['Lễ Phật đản', `${y}-05-15`] : k % 3 === 1 ? ['Lễ Giáng sinh', `${y}-12-20`] : ['Tết Nguyên đán', addDays(TET[y], -5)];
    acts.push([units[k % units.length].id, 'visit', day, occasion, est[k % est.length][0], upper[k], local[k], value[k], 0, 0]);
  }
  const delegates = split(F.delegates, F.conferences, r, 40);
  for (let k = 0; k < F.conferences; k++)
    acts.push([city.id, 'conference', `${2019 + k}-10-1${k}`, 'Hội nghị tuyên truyền và giao ban công tác Công giáo', null, 0, 0, 0, delegates[k], 0]);
  const commended = split(F.commended, TERM_YEARS.length, r, 2);
  TERM_YEARS.forEach((y, k) => acts.push([city.id, 'commendation', `${y}-12-05`, 'Tập thể, cá nhân tiêu biểu trong xây dựng Đình, Đền, Chùa', null, 0, 0, 0, 0, commended[k]]));
  await bulkInsert(
    tx,
    'religion_activities',
    ['unit_id', 'kind', 'held_on', 'occasion', 'establishment_id', 'gifts_upper', 'gifts_local', 'gift_value_vnd', 'delegates', 'commended'],
    acts,
  );
}

async function seedSolidarity({ tx, r, today, villages, newVillages }: Ctx) {
  const rows: unknown[][] = [];
  const n = villages.length * TERM_YEARS.length;
  const attendance = split(F.attendance, n, r, 300);
  const mealless = new Set(Array.from({ length: n - F.meals }, (_, k) => (k * 37 + 11) % n));
  const leaders = { central: split(F.leadersCentral, n, r), province: split(F.leadersProvince, n, r), city: split(F.leadersCity, n, r), local: split(F.leadersLocal, n, r) };
  const golden = split(F.goldenHearts, n, r);
  const collectives = split(F.collectives, n, r, 1);
  const individuals = split(F.individuals, n, r, 5);
  const works = split(F.civilWorks, n, r);
  const workValues = split(F.civilWorksValue / 1_000_000, F.civilWorks, r, 50).map((v) => v * 1_000_000);
  let w = 0;
  TERM_YEARS.forEach((y, yi) =>
    villages.forEach((v, vi) => {
      const k = yi * villages.length + vi;
      const value = workValues.slice(w, w + works[k]).reduce((a, b) => a + b, 0);
      w += works[k];
      rows.push([
        v.id,
        y,
        `${y}-11-${r.int(10, 18)}`,
        attendance[k],
        !mealless.has(k),
        leaders.central[k],
        leaders.province[k],
        leaders.city[k],
        leaders.local[k],
        golden[k],
        r.int(3, 12),
        0,
        collectives[k],
        individuals[k],
        works[k],
        value,
      ]);
    }),
  );
  // After the term: 2024 in the city's villages, 2025 and 2026 in the new wards (a few villages not yet in 2026).
  const later = (v: Village, y: number, day: string) =>
    rows.push([
      v.id,
      y,
      day,
      r.int(700, 1600),
      r.chance(0.97),
      0,
      0,
      r.int(0, 1),
      r.int(1, 3),
      r.int(0, 2),
      r.int(3, 12),
      r.int(3, 12) * 500_000,
      r.int(1, 4),
      r.int(5, 20),
      r.chance(0.1) ? 1 : 0,
      0,
    ]);
  for (const v of villages) later(v, 2024, `2024-11-${r.int(10, 18)}`);
  for (const v of newVillages) later(v, 2025, `2025-11-${r.int(10, 18)}`);
  for (const v of newVillages) {
    const day = `2026-11-${r.int(10, 18)}`;
    if (!DEMO_NOT_HELD_2026.includes(v.code) && day <= today) later(v, 2026, day);
  }
  await bulkInsert(
    tx,
    'solidarity_festivals',
    [
      'unit_id',
      'year',
      'held_on',
      'attendance',
      'meal',
      'leaders_central',
      'leaders_province',
      'leaders_city',
      'leaders_local',
      'golden_hearts',
      'gifts',
      'gifts_value_vnd',
      'collectives_commended',
      'individuals_commended',
      'civil_works',
      'civil_works_value_vnd',
    ],
    rows,
  );
}

/** The share of registered households recognised each year: 94–95.2%, never falling (target 6). */
const FAMILY_RATE: Record<number, number> = { 2019: 0.941, 2020: 0.943, 2021: 0.944, 2022: 0.946, 2023: 0.948, 2024: 0.95, 2025: 0.951, 2026: 0.952 };

async function seedCulture({ tx, r, today, wards, villages }: Ctx) {
  const years: unknown[][] = [];
  const titles: unknown[][] = [];
  const size = new Map(villages.map((v) => [v.id, r.int(220, 460)]));
  for (let y = 2019; y <= 2026; y++) {
    const assessed = y === 2026 ? '2026-11-28' : `${y}-12-10`;
    if (assessed > today) continue;
    villages.forEach((v, i) => {
      const households = size.get(v.id)! + (y - 2019) * r.int(1, 4);
      const registered = households - r.int(2, 6);
      const recognised = Math.round(registered * FAMILY_RATE[y]);
      years.push([v.id, y, assessed, households, registered, recognised, households, households, Math.round(households * (0.76 + r.int(0, 4) / 100))]);
      // Most villages earn the cultural village title, a few more each year (target 6: never fewer); it lasts to the end of the following year.
      if ((i * 37) % 100 < 86 + (y - 2019)) titles.push([v.id, 'cultural_village', addDays(assessed, 5), `${y + 1}-12-31`]);
    });
  }
  // Standards: 10 wards civilised-urban, 6 communes new-rural and cultural; 19 model villages in the communes.
  for (const w of wards) {
    const [{ commune }] = await tx.query<{ commune: boolean }>(`select exists (select 1 from unit_versions where unit_id = $1 and name like 'Xã%') as commune`, [w.id]);
    if (commune) {
      titles.push([w.id, 'new_rural', dayIn(r, '2015-06-01', '2019-01-01'), w.validTo]);
      titles.push([w.id, 'cultural_commune', dayIn(r, '2020-01-01', '2023-12-01'), w.validTo]);
    } else titles.push([w.id, 'civilised_urban', dayIn(r, '2019-06-01', '2023-12-01'), w.validTo]);
  }
  villages
    .filter((v) => v.commune)
    .slice(0, F.modelVillages)
    .forEach((v) => titles.push([v.id, 'model_village', dayIn(r, '2019-03-01', '2024-03-01'), 'infinity']));
  await bulkInsert(
    tx,
    'village_culture_years',
    ['unit_id', 'year', 'assessed_on', 'households', 'registered', 'recognised', 'civilised_rites', 'env_pledged', 'green_sunday'],
    years,
  );
  await bulkInsert(tx, 'unit_titles', ['unit_id', 'title', 'recognised_on', 'valid_to'], titles);
  await bulkInsert(
    tx,
    'village_conventions',
    ['unit_id', 'approved_on', 'decision'],
    villages.map((v) => [v.id, dayIn(r, '2019-01-15', '2021-12-01'), 'Quyết định phê duyệt của UBND thành phố']),
  );
}

async function seedSurveys({ tx, r, today, wards, newWards }: Ctx) {
  const surveys: unknown[][] = [];
  const answers: unknown[][] = [];
  const ids = await reserveIds(tx, 'surveys', wards.length * 4 + newWards.length * 2);
  let s = 0;
  const survey = (unitId: number, opens: string, closes: string, code: string | null, n: number, unsatisfied: number, publicShare = 0) => {
    const id = ids[s++];
    const [campaign, title] = ['Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh', `Lấy ý kiến sự hài lòng của người dân năm ${opens.slice(0, 4)}`];
    surveys.push([id, unitId, campaign, title, 'Ông/bà có hài lòng với kết quả xây dựng nông thôn mới, đô thị văn minh ở địa phương không?', opens, closes, code]);
    for (let k = 0; k < n; k++) {
      const rating = k < unsatisfied ? 'unsatisfied' : r.chance(0.45) ? 'very_satisfied' : 'satisfied';
      const online = k % 100 < publicShare * 100;
      const day = dayIn(r, opens, [addDays(closes, 1), addDays(today, 1)].sort()[0]);
      answers.push([id, day, online ? 'public' : 'paper', rating, online ? householdKey(id, `HB${id}${String(k).padStart(4, '0')}`) : null]);
    }
  };
  // Each ward every second year of the term, and in the first half of 2024: 3–4% not satisfied.
  for (const w of wards) for (const y of [2019, 2021, 2023, 2024]) survey(w.id, `${y}-03-01`, `${y}-04-30`, null, 50, r.int(1, 2));
  for (const w of newWards) {
    survey(w.id, '2025-09-01', '2025-10-31', null, 80, 3, 0.3);
    survey(w.id, '2026-09-01', '2026-12-31', w === newWards[0] ? F.publicSurveyCode : `PHUONG${w.id}`, 90, 3, 0.4);
  }
  await bulkInsert(tx, 'surveys', ['id', 'unit_id', 'campaign', 'title', 'question', 'opens_on', 'closes_on', 'public_code'], surveys, true);
  await bulkInsert(tx, 'survey_answers', ['survey_id', 'answered_on', 'channel', 'rating', 'household_key'], answers);
}

const MODEL_NAMES: Record<string, string[]> = {
  security: ['Tổ liên gia tự quản về an ninh trật tự', 'Camera an ninh khu dân cư', 'Tổ dân phố không có tội phạm'],
  eco_area: ['Khu dân cư thân thiện với môi trường'],
  waste_sorting: ['Tổ phân loại rác thải, hỗ trợ vượt khó'],
  self_managed_road: ['Tuyến đường tự quản xanh – sạch – đẹp'],
  flower_road: ['Con đường hoa'],
  self_managed_other: ['Tổ tự quản nếp sống văn minh', 'Tổ liên gia an toàn giao thông', 'Câu lạc bộ giúp nhau thoát nghèo', 'Tổ tự quản bảo vệ môi trường'],
  creative: ['Nuôi cá công nghệ số', 'Trồng hoa ly kép', 'Giải pháp nâng cao chất lượng câu lạc bộ năng khiếu', 'Trồng rau gia vị an toàn', 'Chăn nuôi gà an toàn sinh học'],
  ocop_product: ['Gà đồi', 'Bánh đa Kế', 'Mỳ Thủ Dương', 'Rau an toàn', 'Mật ong'],
};

async function seedModels({ tx, r, today, city, wards, newWards, villages }: Ctx) {
  const rows: unknown[][] = [];
  const add = (unitId: number, kind: string, started: string, members = 0, recognised: string | null = null, excellent = false) =>
    rows.push([unitId, kind, r.pick(MODEL_NAMES[kind] ?? ['Mô hình']), started, recognised, excellent, members]);
  const inVillage = (kind: string, n: number, members?: number[]) => {
    for (let k = 0; k < n; k++) add(villages[k % villages.length].id, kind, dayIn(r, '2016-01-01', '2024-06-01'), members?.[k] ?? r.int(5, 15));
  };
  inVillage('security', F.security);
  villages.forEach((v) => add(v.id, 'eco_area', dayIn(r, '2018-01-01', '2021-01-01'), 0));
  inVillage('waste_sorting', F.wasteGroups, split(F.wasteMembers, F.wasteGroups, r, 1));
  inVillage('self_managed_road', F.selfManagedRoads);
  inVillage('flower_road', F.flowerRoads);
  inVillage('self_managed_other', F.selfManagedOther);
  for (const w of wards) add(w.id, 'waste_collection', '2018-03-01', r.int(4, 10));
  // Creative models and OCOP products recognised over the term (20 excellent ones sent to the province).
  const units = [city, ...wards];
  for (let k = 0; k < F.creative; k++) {
    const recognised = dayIn(r, '2019-03-01', TERM_END);
    add(units[k % units.length].id, 'creative', addDays(recognised, -r.int(60, 400)), 0, recognised, k < F.excellent);
  }
  for (let k = 0; k < F.ocop; k++) {
    const recognised = dayIn(r, '2019-06-01', TERM_END);
    add(wards[k % wards.length].id, 'ocop_product', addDays(recognised, -300), 0, recognised);
  }
  add(city.id, 'hometown_association', '2019-01-01');
  for (const p of ['quận Seo, thành phố Daejeon (Hàn Quốc)', 'thành phố Nam Ninh (Trung Quốc)', 'tỉnh Xay Sổm Bun (Lào)'])
    rows.push([city.id, 'friendship', `Hợp tác hữu nghị với ${p}`, '2019-01-01', null, false, 0]);
  // After the term: a few creative models in 2024, six in each new ward in 2026, new groups.
  for (let k = 0; k < 6; k++) add(units[k].id, 'creative', '2024-03-01', 0, `2024-${String(8 + (k % 4)).padStart(2, '0')}-15`);
  for (const w of newWards) {
    for (let k = 0; k < 6; k++) {
      const rec = dayIn(r, '2026-02-01', '2026-11-30');
      if (rec <= today) add(w.id, 'creative', addDays(rec, -120), 0, rec);
    }
    add(w.id, 'waste_collection', '2025-08-01', r.int(6, 12));
    add(w.id, 'security', '2025-09-01', r.int(8, 20));
  }
  await bulkInsert(tx, 'movement_models', ['unit_id', 'kind', 'name', 'started_on', 'recognised_on', 'excellent', 'members'], rows);

  // Campaign activities by kind: [kind, rows, quantity, participants, opinions, value].
  const acts: unknown[][] = [];
  const spread = (kind: string, n: number, total: number, min: number, extra: { participants?: number; opinions?: number; value?: number } = {}, onUnits = units) => {
    const q = split(total, n, r, min);
    const p = extra.participants ? split(extra.participants, n, r, 1) : null;
    const o = extra.opinions ? split(extra.opinions, n, r) : null;
    const v = extra.value ? split(extra.value / 1000, n, r, 1).map((x) => x * 1000) : null;
    for (let k = 0; k < n; k++) {
      acts.push([
        onUnits[k % onUnits.length].id,
        kind,
        dayIn(r, `${TERM_YEARS[k % TERM_YEARS.length]}-01-05`, `${TERM_YEARS[k % TERM_YEARS.length]}-12-20`),
        '',
        q[k],
        p?.[k] ?? 0,
        o?.[k] ?? 0,
        v?.[k] ?? 0,
      ]);
    }
  };
  spread('bv_guidance_doc', 15, 15, 1, {}, [city]);
  spread('bv_tv_report', 4, 4, 1, {}, [city]);
  spread('bv_panel', 16, 86, 2, {}, wards);
  spread('bv_online_post', 17, 640, 10);
  spread('bv_broadcast', 32, 687, 5, {}, wards);
  spread('bv_worker_booth', 1, 1, 1, {}, [city]);
  spread('bv_ecommerce', 7, 7, 1, {}, wards);
  spread('bv_fair', 5, 5, 1, {}, [city]);
  spread('bv_fair_product', 5, 312, 30, {}, [city]);
  spread('cr_conference', 52, 52, 1, { participants: 8_240 });
  spread('sec_conference', 260, 260, 1, { participants: 2_130, opinions: 474 }, wards);
  spread('sec_reintegration', 48, 150, 1, {}, wards);
  spread('grat_house', 117, 117, 1, { value: 2_355_000_000 }, wards);
  spread('env_canal_km', 32, 196, 2, {}, wards);
  spread('env_recycling', 80, 187, 0, { value: 612_400_000 }, wards);
  spread('env_women_flower_road', 10, 30, 1, {}, wards);
  spread('env_bins', 16, 200, 5, {}, wards);
  spread('env_bags_kg', 8, 230, 10, {}, wards);
  spread('env_baskets', 8, 320, 20, {}, wards);
  for (const w of newWards) {
    acts.push([w.id, 'sec_conference', '2025-10-20', 'Hội nghị đánh giá tình hình an ninh trật tự', 1, r.int(30, 60), r.int(2, 8), 0]);
    acts.push([w.id, 'sec_conference', '2026-06-15', 'Hội nghị đánh giá tình hình an ninh trật tự', 1, r.int(30, 60), r.int(2, 8), 0]);
    acts.push([w.id, 'cr_conference', '2026-04-10', 'Hội nghị phổ biến phong trào “Đoàn kết sáng tạo”', 1, r.int(80, 160), 0, 0]);
  }
  await bulkInsert(tx, 'movement_activities', ['unit_id', 'kind', 'held_on', 'title', 'quantity', 'participants', 'opinions', 'value_vnd'], acts);
}
