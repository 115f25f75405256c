// Organisation and direction of the demo: the seed's Part One 1.5 and election figures for Bắc Giang
// city 2019–2024 (12 courses, 1,805 attendances, 180 at provincial courses; 16/16 wards good or better,
// 20% of ward gradings excellent, the city excellent 5 years; 151/151 work boards; 175 collectives and
// 172 individuals commended; 16 coordination programmes; 99% turnout, 3 + 7 + 35 + 370 deputies, 28
// jurors, 151 village heads, 16 inspection boards of 172), and the new province's 2026: a directive to
// its 99 wards and communes with some late, and Phường Bắc Giang's year (key tasks, staff trained,
// election tasks, grading). Written with set-based SQL; units are found by code, level and date.
import type { Db } from '../db/db';
import { person, rng } from './org-gen';
import { SEED_WARD_CODES } from './org';

type U = { id: number; code: string; name: string };

async function unitsAt(tx: Db, level: string, on: string, under: number, codes?: readonly string[]): Promise<U[]> {
  return tx.query<U>(
    `select u.id, u.code, v.name from unit_closure c join units u on u.id = c.descendant_id
       join unit_versions v on v.unit_id = u.id and v.valid_from <= $3::date and $3::date < v.valid_to
      where c.ancestor_id = $1 and u.level = $2 and c.valid_from <= $3::date and $3::date < c.valid_to
        and u.valid_from <= $3::date and $3::date < u.valid_to and ($4::text[] is null or u.code = any($4::text[]))
      order by u.code, u.id`,
    [under, level, on, codes ?? null],
  );
}

async function one(tx: Db, code: string, level: string, on: string): Promise<U | undefined> {
  return (
    await tx.query<U>(
      `select u.id, u.code, v.name from units u join unit_versions v on v.unit_id = u.id and v.valid_from <= $3::date and $3::date < v.valid_to
      where u.code = $1 and u.level = $2 and u.valid_from <= $3::date and $3::date < u.valid_to`,
      [code, level, on],
    )
  )[0];
}

const userId = async (tx: Db, username: string) => (await tx.query<{ id: number }>('select id from users where username = $1', [username]))[0]?.id ?? null;

/** Splits a total into n integer parts as evenly as possible (the first ones get the remainder). */
const spread = (total: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));

export async function seedDemoDirection(tx: Db): Promise<void> {
  const city = await one(tx, '213', 'district', '2024-06-01');
  if (!city) return; // the seed's world is not loaded
  await seedCity(tx, city);
  await seedProvince2026(tx);
}

async function seedCity(tx: Db, city: U) {
  const bttCity = await userId(tx, 'btt.thanhpho');
  const wards = await unitsAt(tx, 'commune', '2024-06-01', city.id, SEED_WARD_CODES);
  const villages = await unitsAt(tx, 'village', '2024-06-01', city.id);
  const [{ parent_id: provinceId }] = await tx.query<{ parent_id: number }>(
    `select parent_id from unit_versions where unit_id = $1 and valid_from <= '2022-06-01' and '2022-06-01' < valid_to`,
    [city.id],
  );
  const r = rng(1305);

  // Full-time staff: 6 at the city, 2 in each ward; every one of them trained in 2024 (target 15a).
  const staff: Array<{ unit: number; name: string }> = [];
  for (let i = 0; i < 6; i++) staff.push({ unit: city.id, name: person(r).name });
  for (const w of wards) for (let i = 0; i < 2; i++) staff.push({ unit: w.id, name: person(r).name });
  const staffIds = await tx.query<{ id: number; unit_id: number; person_name: string }>(
    `insert into front_staff (unit_id, person_name, position, valid_from, valid_to)
     select x.u, x.n, 'Cán bộ chuyên trách', '2019-01-01', un.valid_to from unnest($1::bigint[], $2::text[]) as x(u, n) join units un on un.id = x.u
     returning id, unit_id, person_name`,
    [staff.map((s) => s.unit), staff.map((s) => s.name)],
  );

  // 12 city courses (two a year) with 1,805 attendances in all; the 2024 ones train every staff member.
  const perCourse = spread(1805, 12);
  const unitsForAttendees = [city, ...wards, ...villages];
  for (let i = 0; i < 12; i++) {
    const year = 2019 + Math.floor(i / 2);
    const startsOn = `${year}-${i % 2 ? '09-15' : '04-12'}`;
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into training_courses (unit_id, title, starts_on, ends_on, audience, created_by)
       values ($1, $2, $3::date, $3::date + 1, 'Cán bộ Mặt trận cơ sở, Ban TTND, Ban GSĐTCCĐ', $4) returning id`,
      [city.id, `Lớp bồi dưỡng nghiệp vụ công tác Mặt trận năm ${year} (đợt ${(i % 2) + 1})`, startsOn, bttCity],
    );
    const trained = year === 2024 ? staffIds.slice(i % 2 ? Math.ceil(staffIds.length / 2) : 0, i % 2 ? staffIds.length : Math.ceil(staffIds.length / 2)) : [];
    const rest = Array.from({ length: perCourse[i] - trained.length }, (_, k) => ({ unit: unitsForAttendees[(i * 31 + k) % unitsForAttendees.length].id, name: person(r).name }));
    await tx.query(
      `insert into training_attendances (course_id, unit_id, person_name, staff_id)
       select $1, u, n, s from unnest($2::bigint[], $3::text[], $4::bigint[]) as x(u, n, s)`,
      [
        id,
        [...trained.map((s) => s.unit_id), ...rest.map((x) => x.unit)],
        [...trained.map((s) => s.person_name), ...rest.map((x) => x.name)],
        [...trained.map((s) => s.id), ...rest.map(() => null)],
      ],
    );
  }
  // 180 attendances of the city's people at the province's courses (one course a year).
  const sentUp = spread(180, 6);
  for (let y = 0; y < 6; y++) {
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into training_courses (unit_id, title, starts_on, ends_on, audience) values ($1, $2, $3::date, $3::date + 2, 'Cán bộ chủ chốt MTTQ cấp huyện, xã') returning id`,
      [provinceId, `Lớp tập huấn nghiệp vụ của Ủy ban MTTQ tỉnh năm ${2019 + y}`, `${2019 + y}-06-20`],
    );
    await tx.query(
      `insert into training_attendances (course_id, unit_id, person_name)
       select $1, u, n from unnest($2::bigint[], $3::text[]) as x(u, n)`,
      [id, Array.from({ length: sentUp[y] }, (_, k) => [city, ...wards][k % 17].id), Array.from({ length: sentUp[y] }, () => person(r).name)],
    );
  }

  // Gradings 2020–2024: the city excellent every year; 16 of the 80 ward gradings excellent (20%), the
  // others good; every work board good or better.
  const excellentWards = new Set<string>();
  for (let y = 0; y < 5; y++) for (let k = 0; k < (y < 4 ? 3 : 4); k++) excellentWards.add(`${2020 + y}:${(y * 3 + k * 5) % 16}`);
  const rows: Array<[number, number, string]> = [];
  for (let year = 2020; year <= 2024; year++) {
    rows.push([city.id, year, 'excellent']);
    wards.forEach((w, i) => rows.push([w.id, year, excellentWards.has(`${year}:${i}`) ? 'excellent' : 'good']));
    villages.forEach((v, i) => rows.push([v.id, year, i % 9 === 0 ? 'excellent' : 'good']));
  }
  await tx.query(
    `insert into gradings (unit_id, year, proposed_grade, grade, reason, decided_by, decided_on)
     select u, y, g, g, null, $4, make_date(y + 1, 1, 15) from unnest($1::bigint[], $2::int[], $3::text[]) as x(u, y, g)`,
    [rows.map((x) => x[0]), rows.map((x) => x[1]), rows.map((x) => x[2]), bttCity],
  );

  // Key tasks of 2024: 4 for the city, 3 for each ward, registered in January, completed by November.
  const tasks = [
    'Tổ chức thành công Đại hội MTTQ các cấp nhiệm kỳ 2024–2029',
    'Vận động Quỹ "Vì người nghèo" vượt 5 tỷ đồng',
    'Nâng cao chất lượng Ngày hội Đại đoàn kết toàn dân tộc',
    'Ứng dụng công nghệ số trong công tác Mặt trận',
  ];
  const kt: Array<[number, string]> = tasks.map((t) => [city.id, t]);
  for (const w of wards) for (const t of tasks.slice(0, 3)) kt.push([w.id, t]);
  await tx.query(
    `insert into key_tasks (unit_id, year, title, registered_on, progress, completed_on, evidence, created_by)
     select u, 2024, t, '2024-01-18', 100, '2024-11-28', 'Báo cáo kết quả thực hiện năm 2024', $3 from unnest($1::bigint[], $2::text[]) as x(u, t)`,
    [kt.map((x) => x[0]), kt.map((x) => x[1]), bttCity],
  );

  // Election and Party-congress tasks of 2024 (target 12): preparing the 2025–2030 congresses.
  const et: number[] = [city.id, ...wards.map((w) => w.id)];
  await tx.query(
    `insert into election_tasks (unit_id, campaign, kind, title, due_on, done_on, evidence)
     select u, 'party_congress_2025', k, t, d::date, d::date - 3, 'Biên bản, báo cáo gửi cấp ủy'
       from unnest($1::bigint[]) as u
      cross join (values ('conference', 'Quán triệt Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp', '2024-09-30'),
                         ('opinion_round', 'Tổng hợp ý kiến Nhân dân góp ý dự thảo văn kiện đại hội', '2024-12-15')) as v(k, t, d)`,
    [et],
  );

  // Election results: 2021 deputies (99% turnout), jurors, 2022 village heads and inspection boards.
  const res: Array<[number, string, string, number, number, number, number]> = [
    [city.id, 'national_assembly', '2021-05-23', 150_000, 148_500, 5, 3],
    [city.id, 'province_council', '2021-05-23', 150_000, 148_500, 12, 7],
    [city.id, 'district_council', '2021-05-23', 150_000, 148_500, 58, 35],
    [city.id, 'jurors', '2021-07-20', 0, 0, 30, 28],
  ];
  const councils = spread(370, 16);
  const boards = spread(172, 16);
  wards.forEach((w, i) => {
    res.push([w.id, 'commune_council', '2021-05-23', 9_000 + i * 100, Math.round((9_000 + i * 100) * 0.99), councils[i] + 8, councils[i]]);
    res.push([w.id, 'inspection_board', '2022-10-20', 0, 0, boards[i] + 2, boards[i]]);
  });
  for (const v of villages) res.push([v.id, 'village_head', '2022-10-16', 0, 0, 2, 1]);
  await tx.query(
    `insert into election_results (unit_id, kind, held_on, voters, voted, candidates, elected)
     select * from unnest($1::bigint[], $2::text[], $3::date[], $4::int[], $5::int[], $6::int[], $7::int[])`,
    [0, 1, 2, 3, 4, 5, 6].map((k) => res.map((x) => x[k])),
  );

  // 175 collectives and 172 individuals commended by the central and provincial levels.
  const bodies: Array<[string, string]> = [
    ['Ủy ban Trung ương MTTQ Việt Nam', 'central'],
    ['UBND tỉnh Bắc Giang', 'province'],
    ['Ủy ban MTTQ tỉnh Bắc Giang', 'province'],
  ];
  const com: Array<[number, string, string, string, string, string]> = [];
  for (let i = 0; i < 175; i++) {
    const v = i < 16 ? wards[i] : villages[i % villages.length];
    const [by, level] = bodies[i % 7 === 0 ? 0 : 1 + (i % 2)];
    com.push([
      v.id,
      'collective',
      `Ban công tác Mặt trận ${v.name}`.replace('Ban công tác Mặt trận Phường', 'Ủy ban MTTQ phường').replace('Ban công tác Mặt trận Xã', 'Ủy ban MTTQ xã'),
      by,
      level,
      `${2019 + (i % 6)}-11-18`,
    ]);
  }
  for (let i = 0; i < 172; i++) {
    const u = [city, ...wards][i % 17];
    const [by, level] = bodies[i % 9 === 0 ? 0 : 1 + (i % 2)];
    com.push([u.id, 'person', person(r).name, by, level, `${2019 + (i % 6)}-12-${String(10 + (i % 15)).padStart(2, '0')}`]);
  }
  await tx.query(
    `insert into commendations (unit_id, recipient_kind, recipient_name, awarded_by, level, reason, awarded_on)
     select u, k, n, b, l, 'Có thành tích xuất sắc trong công tác Mặt trận', d from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[]) as x(u, k, n, b, l, d)`,
    [0, 1, 2, 3, 4, 5].map((k) => com.map((x) => x[k])),
  );

  // 16 coordination programmes of the city (Part One: "trên 15"), each reviewed every year after signing.
  const partners: Array<[string, string]> = [
    ['Công an thành phố', 'agency'],
    ['Phòng Lao động - Thương binh và Xã hội', 'agency'],
    ['Phòng Tài nguyên và Môi trường', 'agency'],
    ['Phòng Văn hóa và Thông tin', 'agency'],
    ['Phòng Kinh tế', 'agency'],
    ['Trung tâm Chính trị thành phố', 'agency'],
    ['Tòa án nhân dân thành phố', 'agency'],
    ['Viện Kiểm sát nhân dân thành phố', 'agency'],
    ['Chi cục Thi hành án dân sự', 'agency'],
    ['Phòng Tư pháp', 'agency'],
    ['Liên đoàn Lao động thành phố', 'member_org'],
    ['Hội Liên hiệp Phụ nữ thành phố', 'member_org'],
    ['Hội Nông dân thành phố', 'member_org'],
    ['Hội Cựu chiến binh thành phố', 'member_org'],
    ['Thành đoàn Bắc Giang', 'member_org'],
    ['Hội Chữ thập đỏ thành phố', 'member_org'],
  ];
  const progs = await tx.query<{ id: number; signed_on: string }>(
    `insert into coordination_programmes (unit_id, partner, partner_kind, title, signed_on, created_by)
     select $1, p, k, 'Chương trình phối hợp công tác với ' || p, s, $5 from unnest($2::text[], $3::text[], $4::date[]) as x(p, k, s) returning id, signed_on`,
    [city.id, partners.map((p) => p[0]), partners.map((p) => p[1]), partners.map((_, i) => `${2019 + (i % 5)}-${String(3 + (i % 9)).padStart(2, '0')}-10`), bttCity],
  );
  await tx.query(
    `insert into coordination_reviews (programme_id, year, reviewed_on, result)
     select p.id, y, make_date(y, 12, 20), 'Các bên thực hiện tốt nội dung phối hợp'
       from unnest($1::bigint[], $2::date[]) as p(id, signed_on) cross join generate_series(extract(year from p.signed_on)::int, 2024) as y`,
    [progs.map((p) => p.id), progs.map((p) => p.signed_on)],
  );
}

/** The new province's 2026: a directive to its 99 wards and communes (some late), and Phường Bắc Giang's year. */
async function seedProvince2026(tx: Db) {
  const province = await one(tx, '24', 'province', '2025-07-01');
  const pbg = await one(tx, '07210', 'commune', '2025-07-01');
  if (!province || !pbg) return;
  const bttProvince = await userId(tx, 'btt.tinh');
  const staffPbg = await userId(tx, 'canbo.bacgiang');
  const communes = await unitsAt(tx, 'commune', '2026-10-20', province.id);

  const directive = async (number: string, kind: string, issuedOn: string, title: string, summary: string, obligations: Array<[string, string, string]>) => {
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into directives (unit_id, kind, number, issued_on, title, summary, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [province.id, kind, number, issuedOn, title, summary, bttProvince],
    );
    await tx.query('insert into directive_recipients (directive_id, unit_id) select $1, u from unnest($2::bigint[]) as u', [id, communes.map((c) => c.id)]);
    const obs = await tx.query<{ id: number }>(
      `insert into directive_obligations (directive_id, kind, what, due_on) select $1, k, w, d from unnest($2::text[], $3::text[], $4::date[]) as x(k, w, d) returning id`,
      [id, obligations.map((o) => o[0]), obligations.map((o) => o[1]), obligations.map((o) => o[2])],
    );
    return obs.map((o) => o.id);
  };
  // Due 20 November: Phường Bắc Giang on time; every 11th commune late, every 7th not at all.
  const [festival] = await directive(
    '412/CV-MTTQ',
    'request',
    '2026-10-20',
    'Báo cáo kết quả tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026',
    'Đề nghị Ủy ban MTTQ các xã, phường báo cáo kết quả tổ chức Ngày hội tại khu dân cư, số liệu theo mẫu kèm theo.',
    [['report', 'Báo cáo kết quả tổ chức Ngày hội Đại đoàn kết toàn dân tộc, kèm số khu dân cư tổ chức và số lượt người tham gia', '2026-11-20']],
  );
  const ans: Array<[number, string, string]> = [];
  communes.forEach((c, i) => {
    if (c.id !== pbg.id && i % 7 === 3) return;
    const late = c.id !== pbg.id && i % 11 === 5;
    ans.push([c.id, late ? '2026-11-27' : '2026-11-18', late ? 'Báo cáo muộn do tổng hợp chậm số liệu khu dân cư.' : 'Đã tổ chức Ngày hội tại 100% khu dân cư.']);
  });
  await tx.query(
    `insert into directive_answers (obligation_id, unit_id, answered_on, text, figures, created_by)
     select $1, u, d, t, jsonb_build_object('Số khu dân cư tổ chức Ngày hội', 12), case when u = $6 then $5::bigint end from unnest($2::bigint[], $3::date[], $4::text[]) as x(u, d, t)`,
    [festival, ans.map((a) => a[0]), ans.map((a) => a[1]), ans.map((a) => a[2]), staffPbg, pbg.id],
  );
  await tx.query(
    `update directive_recipients r set acknowledged_on = a.answered_on from directive_answers a
                   where a.obligation_id = $1 and r.unit_id = a.unit_id and r.directive_id = (select directive_id from directive_obligations where id = $1)`,
    [festival],
  );
  // Still open: the year-end summary, due 15 December.
  await directive(
    '455/HD-MTTQ',
    'guidance',
    '2026-11-25',
    'Hướng dẫn tổng kết công tác Mặt trận năm 2026, phương hướng nhiệm vụ năm 2027',
    'Các xã, phường tổ chức hội nghị tổng kết và gửi báo cáo, số liệu về Ban Thường trực Ủy ban MTTQ tỉnh.',
    [
      ['report', 'Báo cáo tổng kết công tác Mặt trận năm 2026', '2026-12-15'],
      ['figure', 'Biểu số liệu kết quả thực hiện chỉ tiêu năm 2026', '2026-12-15'],
    ],
  );

  // Phường Bắc Giang's 2026: 4 key tasks, 3 staff trained, the 2026 election checklist done, graded.
  const villages = await unitsAt(tx, 'village', '2026-06-01', pbg.id);
  const tasks = [
    'Tham gia tổ chức thành công cuộc bầu cử đại biểu Quốc hội khóa XVI và HĐND các cấp',
    'Vận động Quỹ "Vì người nghèo" năm 2026',
    'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc tại 100% khu dân cư',
    'Chuyển đổi số trong công tác Mặt trận phường',
  ];
  await tx.query(
    `insert into key_tasks (unit_id, year, title, registered_on, progress, completed_on, evidence, created_by)
     select $1, 2026, t, '2026-01-16', case when o < 4 then 100 else 70 end, case when o < 4 then '2026-11-20'::date end, '', $3
       from unnest($2::text[]) with ordinality as x(t, o)`,
    [pbg.id, tasks, staffPbg],
  );
  const staff = await tx.query<{ id: number; person_name: string }>(
    `insert into front_staff (unit_id, person_name, position, valid_from)
     select $1, n, p, '2025-07-01' from unnest($2::text[], $3::text[]) as x(n, p) returning id, person_name`,
    [pbg.id, ['Thân Thị Hương', 'Nguyễn Văn Thắng', 'Giáp Thị Mai'], ['Phó Chủ tịch', 'Ủy viên Ban Thường trực', 'Cán bộ chuyên trách']],
  );
  const [{ id: course }] = await tx.query<{ id: number }>(
    `insert into training_courses (unit_id, title, starts_on, ends_on, audience) values ($1, 'Tập huấn nghiệp vụ công tác Mặt trận cấp xã sau sắp xếp', '2026-08-12', '2026-08-14', 'Cán bộ chuyên trách MTTQ cấp xã') returning id`,
    [province.id],
  );
  await tx.query(`insert into training_attendances (course_id, unit_id, person_name, staff_id) select $1, $2, n, s from unnest($3::text[], $4::bigint[]) as x(n, s)`, [
    course,
    pbg.id,
    staff.map((s) => s.person_name),
    staff.map((s) => s.id),
  ]);
  await tx.query(
    `insert into election_tasks (unit_id, campaign, kind, title, due_on, done_on, evidence)
     select u, 'elections_2026', k, t, d::date, d::date - 1, 'Biên bản hội nghị' from unnest($1::bigint[]) as u
      cross join (values ('consultation', 'Hội nghị hiệp thương lần thứ hai', '2026-02-03'), ('voter_list', 'Niêm yết danh sách cử tri', '2026-02-13'),
                         ('supervision', 'Giám sát công tác bầu cử tại khu vực bỏ phiếu', '2026-03-15')) as v(k, t, d)`,
    [[pbg.id, ...villages.map((v) => v.id)]],
  );
  await tx.query(
    `insert into gradings (unit_id, year, proposed_grade, grade, reason, decided_by, decided_on)
     select u, 2026, g, g, null, $3, '2026-12-02' from unnest($1::bigint[], $2::text[]) as x(u, g)`,
    [[pbg.id, ...villages.map((v) => v.id)], ['excellent', ...villages.map(() => 'good')], bttProvince],
  );
}
