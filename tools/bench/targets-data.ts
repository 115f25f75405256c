// A province-size synthetic world for the targets benchmark, written with set-based SQL only: one
// province, 10 districts (each with the seed's congress and its 16 targets), 20 communes per district,
// 12 villages per commune, and two years of facts in the real tables of the modules whose metrics exist
// (households: Tết gifts, hardship support, houses; petitions: written answers, situation reports,
// conferences; fund: donations with a balanced ledger). Misses are spread by hash so that some units
// fail some targets.
import type { Db } from '../../apps/server/src/db/db';
import { STANDARD_TARGETS_2024 } from '../../apps/server/src/modules/targets/standard-targets';

export const SIZE = { districts: 10, communesPerDistrict: 20, villagesPerCommune: 12, householdsPerVillage: 8, petitionsPerCommune: 30 };
export const YEARS = [2024, 2025] as const;
const P = 'BT'; // code prefix of the synthetic units

export type TargetWorld = { province: number; districts: number[]; communes: number[]; villages: number[]; all: number[]; counts: Record<string, number> };

async function tree(db: Db): Promise<void> {
  const { districts: D, communesPerDistrict: C, villagesPerCommune: V } = SIZE;
  await db.query(`insert into units (code, level, kind, valid_from) values ('${P}', 'province', 'province', '2019-01-01')`);
  await db.query(`insert into units (code, level, kind, valid_from)
    select '${P}.' || lpad(d::text, 2, '0'), 'district', 'district', '2019-01-01' from generate_series(1, ${D}) d`);
  await db.query(`insert into units (code, level, kind, valid_from)
    select '${P}.' || lpad(d::text, 2, '0') || '.' || lpad(c::text, 2, '0'), 'commune', case when c % 3 = 0 then 'commune' else 'ward' end, '2019-01-01'
      from generate_series(1, ${D}) d, generate_series(1, ${C}) c`);
  await db.query(`insert into units (code, level, kind, valid_from)
    select '${P}.' || lpad(d::text, 2, '0') || '.' || lpad(c::text, 2, '0') || '.' || lpad(v::text, 2, '0'), 'village', 'village', '2019-01-01'
      from generate_series(1, ${D}) d, generate_series(1, ${C}) c, generate_series(1, ${V}) v`);
  await db.query(`insert into unit_versions (unit_id, name, name_search, parent_id, valid_from)
    select u.id, n.name, lower(n.name), p.id, '2019-01-01'
      from units u
      left join units p on p.code = regexp_replace(u.code, '\\.[^.]+$', '') and u.code like '%.%'
      cross join lateral (select case u.level when 'province' then 'Tỉnh Thử Nghiệm' when 'district' then 'Thành phố ' || u.code
        when 'commune' then 'Phường ' || u.code else 'Tổ dân phố ' || u.code end as name) n
     where u.code = '${P}' or u.code like '${P}.%'`);
  await db.query('select refresh_unit_closure()');
}

async function congresses(db: Db, districts: number[]): Promise<void> {
  await db.query(
    `insert into target_congresses (unit_id, term_label, name, valid_from, valid_to)
     select d, '2024–2029', 'Đại hội MTTQ nhiệm kỳ 2024–2029', '2024-01-01', '2030-01-01' from unnest($1::bigint[]) d`,
    [districts],
  );
  for (const t of STANDARD_TARGETS_2024) {
    await db.query(
      `insert into target_defs (congress_id, number, title_vi, title_en, measures)
       select k.id, $1, $2, $3, $4::jsonb from target_congresses k where k.unit_id = any($5::bigint[])`,
      [t.number, t.title.vi, t.title.en, JSON.stringify(t.measures), districts],
    );
  }
}

async function households(db: Db): Promise<void> {
  const mine = `(select id from units where level = 'village' and code like '${P}.%')`;
  await db.query(`insert into households (unit_id, head_name, head_name_search, registered_on)
    select v, 'Hộ thử ' || v || '-' || h, 'ho thu ' || v || '-' || h, '2019-01-01' from ${mine} as m(v), generate_series(1, ${SIZE.householdsPerVillage}) h`);
  await db.query(`insert into household_classifications (household_id, unit_id, year, classes, housing_need, fact_date)
    select h.id, h.unit_id, y, (case (h.id + y) % 8 when 0 then '{poor}' when 1 then '{near_poor}' when 2 then '{special_hardship}'
                                          when 3 then '{poor,special_hardship}' else '{}' end)::text[],
           case when (h.id * 7 + y) % 23 = 0 then 'repair' when (h.id * 7 + y) % 41 = 0 then 'new' else 'none' end, make_date(y, 1, 1)
      from households h, unnest(array[${YEARS.join(',')}]) y where h.unit_id in ${mine}`);
  const hc = `household_classifications hc join households h on h.id = hc.household_id and h.unit_id in ${mine}`;
  // Tết gifts for most poor/near-poor households; about one in 29 is missed.
  await db.query(`insert into household_supports (household_id, unit_id, kind, year, support_date, value_vnd)
    select hc.household_id, h.unit_id, 'tet', hc.year, make_date(hc.year, 1, 20), 500000 from ${hc}
     where hc.classes && array['poor', 'near_poor'] and (hc.household_id * 13 + hc.year) % 29 <> 0`);
  await db.query(`insert into household_supports (household_id, unit_id, kind, year, support_date, value_vnd)
    select hc.household_id, h.unit_id, 'regular', hc.year, make_date(hc.year, q * 3 - 1, 15), 300000 from ${hc}, generate_series(1, 4) q
     where 'special_hardship' = any(hc.classes) and (hc.household_id * q + hc.year) % 17 <> 0`);
  await db.query(`insert into household_supports (household_id, unit_id, kind, year, support_date, value_vnd)
    select hc.household_id, h.unit_id, 'house', hc.year, make_date(hc.year, 6, 1), 50000000 from ${hc}
     where hc.housing_need <> 'none' and (hc.household_id + hc.year) % 5 <> 0`);
}

async function petitions(db: Db, districts: number[]): Promise<void> {
  const communes = `(select id from units where level = 'commune' and code like '${P}.%')`;
  await db.query(`insert into petitions (tracking_code, unit_id, channel, kind, title, content, received_on, state, accept_due_on,
                                         answer_due_on, forwarded_on, answered_on, answer_in_writing, content_hash)
    select 'BT-' || c || '-' || y || '-' || n, c, 'written', (array['khieu_nai', 'to_cao', 'kien_nghi', 'phan_anh'])[1 + n % 4],
           'Kiến nghị thử', 'Nội dung thử', r, 'answered', r + 10, r + 60, r + 5, r + 40, (c * 3 + n + y) % 9 <> 0, md5(c || '-' || y || '-' || n)
      from ${communes} as m(c), generate_series(1, ${SIZE.petitionsPerCommune}) n, unnest(array[${YEARS.join(',')}]) y,
           lateral (select make_date(y, 1, 1) + (n * 11 % 290) as r) d`);
  await db.query(`insert into petition_conferences (unit_id, held_on, title)
    select u.id, make_date(y, 3 + k * 2, 10), 'Hội nghị công khai thử' from units u, unnest(array[${YEARS.join(',')}]) y, generate_series(1, 3) k
     where u.code like '${P}.%' and u.level in ('district', 'commune') and k <= (u.id + y) % 4`);
  // Monthly situation reports from every commune and village, set by each district; ~1 in 11 late or missing.
  await db.query(
    `insert into situation_periods (unit_id, kind, starts_on, ends_on, due_on, levels)
    select d, 'month', make_date(y, m, 1), (make_date(y, m, 1) + interval '1 month - 1 day')::date,
           (make_date(y, m, 1) + interval '1 month + 4 days')::date, array['commune', 'village']
      from unnest($1::bigint[]) d, unnest(array[${YEARS.join(',')}]) y, generate_series(1, 12) m`,
    [districts],
  );
  await db.query(`insert into situation_reports (period_id, unit_id, filed_on)
    select sp.id, c.descendant_id, case when (sp.id + c.descendant_id) % 11 = 0 then sp.due_on + 3 else sp.due_on - 1 end
      from situation_periods sp
      join unit_closure c on c.ancestor_id = sp.unit_id and c.depth > 0 and c.valid_from <= sp.due_on and sp.due_on < c.valid_to
     where (sp.id * 7 + c.descendant_id) % 23 <> 0`);
}

async function funds(db: Db): Promise<void> {
  const holders = `(select id from units where code like '${P}.%' and level in ('district', 'commune'))`;
  await db.query(`insert into fund_funds (unit_id, kind, name, opened_on) select u, 'vi_nguoi_ngheo', 'Quỹ Vì người nghèo', '2019-01-01' from ${holders} as m(u)`);
  await db.query(`insert into fund_accounts (unit_id, kind, name) select u, 'cash', 'Tiền mặt' from ${holders} as m(u)`);
  await db.query(`insert into fund_accounts (unit_id, kind, name, fund_id) select f.unit_id, 'fund', f.name, f.id from fund_funds f where f.unit_id in ${holders}`);
  // One batch entry per fund and year, balanced (cash debit = fund credit), and its donations.
  await db.tx(async (tx) => {
    await tx.query(`insert into fund_entries (unit_id, entry_date, kind, memo)
      select f.unit_id, make_date(y, 12, 31), 'donation_batch', 'Thử ' || f.id || ' ' || y from fund_funds f, unnest(array[${YEARS.join(',')}]) y
       where f.unit_id in ${holders}`);
    const amount = `(case when u.level = 'district' then 120000000 else 9000000 end + ((f.id * 37 + n * 11 + y) % 13) * 1000000)`;
    await tx.query(`insert into fund_entry_lines (entry_id, account_id, debit, credit)
      select e.id, a.id, case when a.kind = 'cash' then t.total else 0 end, case when a.kind = 'fund' then t.total else 0 end
        from (select f.id as fund_id, f.unit_id, y, sum(${amount}) as total
                from fund_funds f join units u on u.id = f.unit_id, unnest(array[${YEARS.join(',')}]) y, generate_series(1, 30) n
               where f.unit_id in ${holders} group by f.id, f.unit_id, y) t
        join fund_entries e on e.unit_id = t.unit_id and e.memo = 'Thử ' || t.fund_id || ' ' || t.y
        join fund_accounts a on a.unit_id = t.unit_id and (a.kind = 'cash' or a.fund_id = t.fund_id)`);
    await tx.query(`insert into fund_donations (unit_id, fund_id, account_id, received_on, amount, kind, donor_kind, donor_name, entry_id)
      select f.unit_id, f.id, a.id, make_date(y, 1, 1) + (n * 12 % 360), ${amount}, 'money', 'individual', 'Nhà hảo tâm ' || n, e.id
        from fund_funds f join units u on u.id = f.unit_id, unnest(array[${YEARS.join(',')}]) y, generate_series(1, 30) n,
             fund_accounts a, fund_entries e
       where f.unit_id in ${holders} and a.unit_id = f.unit_id and a.kind = 'cash' and e.unit_id = f.unit_id and e.memo = 'Thử ' || f.id || ' ' || y`);
  });
}

/** Builds the world and its facts; returns the unit ids and row counts. */
export async function buildTargetWorld(db: Db): Promise<TargetWorld> {
  await tree(db);
  const units = await db.query<{ id: number; level: string }>(`select id, level from units where code = '${P}' or code like '${P}.%' order by id`);
  const of = (l: string) => units.filter((u) => u.level === l).map((u) => u.id);
  const w = { province: of('province')[0], districts: of('district'), communes: of('commune'), villages: of('village'), all: units.map((u) => u.id) };
  await congresses(db, w.districts);
  await households(db);
  await petitions(db, w.districts);
  await funds(db);
  await db.exec('analyze');
  const counts: Record<string, number> = { units: units.length };
  for (const t of ['households', 'household_classifications', 'household_supports', 'petitions', 'situation_reports', 'petition_conferences', 'fund_donations']) {
    counts[t] = (await db.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0].n;
  }
  return { ...w, counts };
}
