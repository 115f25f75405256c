// seedDemoOrg on a copy of the seed's world built here: real codes (07210 is Hoàng Văn Thụ until the
// reform and Phường Bắc Giang after it), 151 villages, the 2025-01-01 and 2025-07-01 mergers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import { computeMetric, getMetric } from '../platform/metrics';
import { testDb } from '../test/db';
import { insertUnit, linkUnits } from '../test/factories';
import { rng, person } from './org-gen';
import { SEED_WARD_CODES, seedDemoOrg } from './org';
import '../modules/metrics-index';

const NAMES: Record<string, string> = {
  '07201': 'Phường Thọ Xương',
  '07204': 'Phường Trần Nguyên Hãn',
  '07207': 'Phường Ngô Quyền',
  '07210': 'Phường Hoàng Văn Thụ',
  '07213': 'Phường Trần Phú',
  '07216': 'Phường Mỹ Độ',
  '07219': 'Phường Lê Lợi',
  '07222': 'Xã Song Mai',
  '07225': 'Phường Xương Giang',
  '07228': 'Phường Đa Mai',
  '07231': 'Phường Dĩnh Kế',
  '07441': 'Xã Dĩnh Trì',
  '07687': 'Xã Tân Mỹ',
  '07696': 'Xã Đồng Sơn',
  '07699': 'Xã Tân Tiến',
  '07705': 'Xã Song Khê',
};
const SUCCESSOR: Record<string, string> = {
  '07201': '07210',
  '07204': '07210',
  '07207': '07210',
  '07210': '07210',
  '07213': '07210',
  '07219': '07210',
  '07225': '07210',
  '07231': '07210',
  '07441': '07210',
  '07216': '07228',
  '07222': '07228',
  '07228': '07228',
  '07687': '07228',
  '07696': '07696',
  '07705': '07696',
  '07699': '07699',
};
const NEW_NAMES: Record<string, string> = { '07210': 'Phường Bắc Giang', '07228': 'Phường Đa Mai', '07696': 'Phường Tiền Phong', '07699': 'Phường Tân Tiến' };
const MID = '2025-01-01';
const REFORM = '2025-07-01';

let db: RootDb;
const ward = new Map<string, number>();
const fresh = new Map<string, number>();
let city: number;
let roots: number[];
let seedMs = 0;

beforeAll(async () => {
  db = await testDb();
  const oldP = await insertUnit(db, { name: 'Tỉnh Bắc Giang', level: 'province', code: '24', validTo: REFORM });
  const newP = await insertUnit(db, { name: 'Tỉnh Bắc Ninh', level: 'province', code: '24', validFrom: REFORM });
  roots = [oldP, newP];
  city = await insertUnit(db, { name: 'Thành phố Bắc Giang', level: 'district', code: '213', parents: [[oldP, '2019-01-01']], validTo: REFORM });
  for (const code of SEED_WARD_CODES) {
    const gone = code === '07204' || code === '07219';
    ward.set(code, await insertUnit(db, { name: NAMES[code], level: 'commune', code, parents: [[city, '2019-01-01']], validTo: gone ? MID : REFORM }));
  }
  for (const code of Object.keys(NEW_NAMES)) {
    fresh.set(code, await insertUnit(db, { name: NEW_NAMES[code], level: 'commune', code, parents: [[newP, REFORM]], validFrom: REFORM }));
  }
  // 151 villages: 10 in each of the first seven wards, 9 in the others. Lê Lợi's and Trần Nguyên Hãn's move on 2025-01-01.
  let i = 0;
  for (const code of SEED_WARD_CODES) {
    const n = i++ < 7 ? 10 : 9;
    const mid = code === '07219' ? '07210' : code === '07204' ? '07201' : null;
    for (let k = 1; k <= n; k++) {
      const parents: Array<[number, string, string?]> = mid
        ? [
            [ward.get(code)!, '2019-01-01', MID],
            [ward.get(mid)!, MID, REFORM],
            [fresh.get(SUCCESSOR[code])!, REFORM],
          ]
        : [
            [ward.get(code)!, '2019-01-01', REFORM],
            [fresh.get(SUCCESSOR[code])!, REFORM],
          ];
      await insertUnit(db, { name: `Tổ dân phố số ${k}`, level: 'village', code: `${code}.${String(k).padStart(2, '0')}`, parents });
    }
  }
  await linkUnits(db, ward.get('07219')!, ward.get('07210')!, MID);
  await linkUnits(db, ward.get('07204')!, ward.get('07201')!, MID);
  for (const code of SEED_WARD_CODES) if (code !== '07204' && code !== '07219') await linkUnits(db, ward.get(code)!, fresh.get(SUCCESSOR[code])!, REFORM);
  await db.query('select refresh_unit_closure()');
  const t0 = Date.now();
  await db.tx((tx) => seedDemoOrg(tx, { within: roots }));
  seedMs = Date.now() - t0;
});
afterAll(() => db?.close());

const unitIds = () => [city, ...ward.values(), ...fresh.values()];

async function one<T>(sql: string, params: unknown[]): Promise<T> {
  return (await db.query<T & Record<string, unknown>>(sql, params))[0];
}

describe("seedDemoOrg on the seed's world", () => {
  it('loads in bulk, quickly', () => {
    expect(seedMs).toBeLessThan(20_000);
  });

  it('gives the city and each ward a committee for 2019–2024 and 2024–2029, and the new wards one for 2025–2030', async () => {
    const rows = await db.query<{ unit_id: number; term_label: string; valid_to: string }>(
      `select unit_id, term_label, valid_to::text from org_committees where kind = 'front_committee' and unit_id = any($1::bigint[]) order by unit_id, valid_from`,
      [unitIds()],
    );
    expect(rows.filter((r) => r.unit_id === city).map((r) => r.term_label)).toEqual(['2019–2024', '2024–2029']);
    for (const id of ward.values()) expect(rows.filter((r) => r.unit_id === id).map((r) => r.term_label)).toEqual(['2019–2024', '2024–2029']);
    for (const id of fresh.values()) expect(rows.filter((r) => r.unit_id === id).map((r) => r.term_label)).toEqual(['2025–2030']);
    // An old ward's second term ends with the ward.
    expect(rows.find((r) => r.unit_id === ward.get('07219') && r.term_label === '2024–2029')!.valid_to).toBe(MID);
    const size = await one<{ n: number }>(
      `select count(*)::int as n from org_members m join org_committees k on k.id = m.committee_id
        where k.unit_id = $1 and k.kind = 'front_committee' and m.valid_from <= '2022-01-01' and '2022-01-01' < m.valid_to`,
      [city],
    );
    expect(size.n).toBe(55);
  });

  it("records Part One's replacements: 3 + 8 chairs, 1 + 8 vice-chairs, 21 + 240 members", async () => {
    const rows = await db.query<{ level: string; position: string; n: number }>(
      `select case when k.unit_id = $1 then 'city' else 'wards' end as level, c.position, count(*)::int as n
         from org_membership_changes c join org_committees k on k.id = c.committee_id
        where k.term_label = '2019–2024' and k.kind = 'front_committee' and k.unit_id = any($2::bigint[])
        group by 1, 2 order by 1, 2`,
      [city, [city, ...ward.values()]],
    );
    expect(rows).toEqual([
      { level: 'city', position: 'chair', n: 3 },
      { level: 'city', position: 'member', n: 21 },
      { level: 'city', position: 'vice_chair', n: 1 },
      { level: 'wards', position: 'chair', n: 8 },
      { level: 'wards', position: 'member', n: 240 },
      { level: 'wards', position: 'vice_chair', n: 8 },
    ]);
  });

  it('keeps every row consistent: members inside their term, one chair at a time, changes matching the memberships', async () => {
    const bad = await one<{ outside: number; overlap: number; change: number; committee: number }>(
      `select (select count(*) from org_members m join org_committees k on k.id = m.committee_id
                where m.valid_from < k.valid_from or m.valid_to > k.valid_to)::int as outside,
              (select count(*) from org_members a join org_members b on a.committee_id = b.committee_id and a.id < b.id
                and a.position = b.position and a.position in ('chair', 'head') and a.valid_from < b.valid_to and b.valid_from < a.valid_to)::int as overlap,
              (select count(*) from org_membership_changes c join org_members o on o.id = c.outgoing_member_id
                join org_members i on i.id = c.incoming_member_id
                where o.valid_to <> c.change_date or i.valid_from <> c.change_date or o.position <> c.position or i.position <> c.position)::int as change,
              (select count(*) from org_committees k join units u on u.id = k.unit_id
                where k.valid_from < u.valid_from or k.valid_to > u.valid_to)::int as committee`,
      [],
    );
    expect(bad).toEqual({ outside: 0, overlap: 0, change: 0, committee: 0 });
  });

  it('has a work board in all 151 villages in 2023 and still in 2026; advisory boards of 9 and 16 × 7 = 112', async () => {
    const def = getMetric('org.villages_with_work_board');
    const then = await computeMetric(db, def, { unitIds: [city], from: '2023-01-01', to: '2023-12-31', view: 'then' });
    expect(then.get(city)!.value).toBe(151);
    const later = await computeMetric(db, def, { unitIds: [...fresh.values()], from: '2026-01-01', to: '2026-12-31', view: 'then' });
    expect([...later.values()].reduce((s, r) => s + r.value, 0)).toBe(151);
    const adv = await db.query<{ city: boolean; teams: number; members: number }>(
      `select k.unit_id = $1 as city, count(distinct k.id)::int as teams, count(*)::int as members
         from org_committees k join org_members m on m.committee_id = k.id
        where k.kind = 'advisory_board' and k.unit_id = any($2::bigint[]) and k.term_label = '2019–2024'
          and m.valid_from <= '2022-01-01' and '2022-01-01' < m.valid_to
        group by 1 order by 1`,
      [city, unitIds()],
    );
    expect(adv).toEqual([
      { city: false, teams: 16, members: 112 },
      { city: true, teams: 1, members: 9 },
    ]);
  });

  it('counts 167 reporters and 1,356 propagandists in 2022, and member organisations at each level', async () => {
    const people = await db.query<{ role: string; n: number }>(
      `select p.role, count(*)::int as n from org_people p
        where p.valid_from <= '2022-01-01' and '2022-01-01' < p.valid_to
          and exists (select 1 from unit_closure c where c.descendant_id = p.unit_id and c.ancestor_id = $1)
        group by 1 order by 1`,
      [city],
    );
    expect(people).toEqual([
      { role: 'propagandist', n: 1356 },
      { role: 'reporter', n: 167 },
    ]);
    const orgs = await db.query<{ unit_id: number; n: number; admitted: number }>(
      `select unit_id, count(*)::int as n, count(*) filter (where valid_from between '2019-01-02' and '2024-12-31')::int as admitted
         from org_member_orgs where unit_id = any($1::bigint[]) group by 1`,
      [[...roots, ...unitIds()]],
    );
    expect(orgs).toHaveLength(2 + 1 + 16 + 4);
    expect(orgs.find((o) => o.unit_id === city)!.admitted).toBe(3);
    expect(Math.min(...orgs.map((o) => o.n))).toBeGreaterThanOrEqual(5);
  });

  it('changes of 2023 in the old wards count for Phường Bắc Giang only "as units are now"; work goes on in 2026', async () => {
    const def = getMetric('org.membership_changes');
    const bg = fresh.get('07210')!;
    const now = await computeMetric(db, def, { unitIds: [bg], from: '2023-01-01', to: '2023-12-31', view: 'now' });
    const then = await computeMetric(db, def, { unitIds: [bg], from: '2023-01-01', to: '2023-12-31', view: 'then' });
    expect(now.get(bg)!.value).toBeGreaterThanOrEqual(9 * 3);
    expect(now.get(bg)!.byDim.chair).toBeGreaterThanOrEqual(3);
    expect(then.get(bg)!.value).toBe(0);
    const y2026 = await computeMetric(db, def, { unitIds: [...fresh.values()], from: '2026-01-01', to: '2026-12-31', view: 'then' });
    for (const id of fresh.values()) expect(y2026.get(id)!.value).toBeGreaterThan(0);
  });

  it('generates the same people on every load', () => {
    const a = rng(7);
    const b = rng(7);
    const names = (r: ReturnType<typeof rng>) => Array.from({ length: 20 }, () => person(r).name);
    expect(names(a)).toEqual(names(b));
    expect(new Set(names(rng(8))).size).toBeGreaterThan(10);
  });
});
