// Oversight for the seed's city. Part One's period (2019 to the congress in mid-2024) holds exactly
// the seed's figures: 118 supervisions led by the Front and 303 coordinated, 46 criticism conferences,
// 320 opinion conferences on 415 drafts with 1,845 opinions and 8,595 opinions on officials, 16 people's
// inspection boards elected in 2022 with 172 members, 1,114 + 325 supervisions by the people's boards
// (the seed's text says 1,539; the records say 1,439) finding 87 violations, 151 mediation teams and a
// success rate of 92.3%. The new wards (2025–2026) carry on with plans, supervisions whose
// recommendations are followed (some overdue), new boards and mediation cases.
import { today as vnToday } from '../platform/access';
import type { Db } from '../db/db';
import { unitIdByCode } from '../modules/units/queries';
import { sealParties } from '../modules/oversight/parties';
import { addDays, bulkInsert, dayIn, person, reserveIds, rng, type Rng } from './org-gen';
import { SEED_WARD_CODES, SUCCESSOR_WARD_CODES } from './org';

export const DEMO_OVERSIGHT_TERM = { from: '2019-01-01', to: '2024-06-30' };
export const DEMO_OVERSIGHT_FIGURES = {
  direct: 118,
  coordinated: 303,
  criticisms: 46,
  conferences: 320,
  drafts: 415,
  draftOpinions: 1_845,
  officialsOpinions: 8_595,
  boardsElected: 16,
  membersElected: 172,
  ttndSupervisions: 1_114,
  gsdtccdSupervisions: 325,
  violations: 87,
  mediationTeams: 151,
  mediationClosed: 520,
  mediationSettled: 480,
};
const F = DEMO_OVERSIGHT_FIGURES;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const TTND_ELECTION = '2022-03-20';

const SUPERVISION_TOPICS: Array<[string, 'agency' | 'official' | 'policy' | 'project', string]> = [
  ['Giám sát việc thu, chi các loại quỹ và các khoản đóng góp của Nhân dân', 'agency', 'UBND phường'],
  ['Giám sát việc thực hiện chính sách bảo hiểm y tế cho hộ cận nghèo', 'policy', 'Bảo hiểm xã hội thành phố'],
  ['Giám sát công tác cán bộ, đảng viên theo Quy định 124-QĐ/TW', 'official', 'Người đứng đầu cơ quan, đơn vị'],
  ['Giám sát việc rà soát, bình xét hộ nghèo, hộ cận nghèo', 'policy', 'Ban giảm nghèo phường'],
  ['Giám sát việc giải quyết đơn thư khiếu nại, tố cáo của công dân', 'agency', 'UBND phường'],
  ['Giám sát công tác bồi thường, giải phóng mặt bằng dự án', 'project', 'Ban Quản lý dự án đầu tư xây dựng'],
  ['Giám sát việc thực hiện quy chế dân chủ ở cơ sở', 'agency', 'UBND phường'],
  ['Giám sát công tác vệ sinh môi trường, thu gom rác thải', 'agency', 'Công ty Cổ phần Môi trường đô thị'],
  ['Giám sát việc chi trả chế độ cho người có công', 'policy', 'Phòng Lao động – Thương binh và Xã hội'],
  ['Giám sát thi công công trình đường giao thông nội đồng', 'project', 'Ban Quản lý dự án'],
];
const CRITICISMS = [
  'Dự thảo Đề án phát triển đô thị thông minh',
  'Dự thảo Kế hoạch sử dụng đất hằng năm',
  'Dự thảo Đề án xây dựng nông thôn mới nâng cao',
  'Dự thảo Quy chế quản lý trật tự đô thị',
  'Dự thảo Kế hoạch phát triển kinh tế – xã hội',
  'Dự thảo Đề án chỉnh trang đô thị',
];
const AGENCIES = ['UBND phường', 'UBND thành phố', 'Phòng Tài nguyên và Môi trường', 'Ban Quản lý dự án', 'Phòng Lao động – Thương binh và Xã hội', 'Công an phường'];
const RECS = [
  'Công khai đầy đủ các khoản thu, chi tại nhà văn hóa',
  'Rà soát, bổ sung hồ sơ các hộ đủ điều kiện',
  'Khắc phục ngay các hạng mục thi công chưa đạt',
  'Trả lời bằng văn bản cho công dân trong thời hạn luật định',
  'Tăng cường kiểm tra, xử lý vi phạm',
  'Bố trí kinh phí sửa chữa trong năm',
];
const DRAFT_TITLES: Array<[string, string]> = [
  ['Dự thảo Luật Đất đai (sửa đổi)', 'law'],
  ['Dự thảo Luật Thực hiện dân chủ ở cơ sở', 'law'],
  ['Dự thảo Nghị quyết HĐND tỉnh về phí, lệ phí', 'province'],
  ['Dự thảo Đồ án quy hoạch chung đô thị Bắc Giang đến năm 2045', 'province'],
  ['Dự thảo Văn kiện Đại hội Đảng bộ', 'party'],
  ['Dự thảo Kế hoạch của UBND thành phố', 'city'],
  ['Dự thảo Quy chế của UBND phường', 'commune'],
  ['Dự thảo Chỉ thị của Trung ương', 'central'],
];
const PROJECTS = ['Cải tạo nhà văn hóa', 'Cứng hóa đường ngõ xóm', 'Kênh mương nội đồng', 'Hệ thống chiếu sáng công cộng', 'Sân thể thao khu dân cư', 'Rãnh thoát nước'];
const CASE_KINDS = ['land', 'family', 'neighbour', 'debt', 'environment', 'other'] as const;
const CASE_SUMMARY: Record<(typeof CASE_KINDS)[number], string> = {
  land: 'Tranh chấp ranh giới đất giữa hai hộ liền kề',
  family: 'Mâu thuẫn trong gia đình về chia tài sản',
  neighbour: 'Mâu thuẫn giữa hai hộ hàng xóm do tiếng ồn',
  debt: 'Tranh chấp về khoản vay mượn tiền',
  environment: 'Mâu thuẫn do xả nước thải ra ngõ chung',
  other: 'Mâu thuẫn trong sinh hoạt khu dân cư',
};

/** n non-negative integers summing to total, nearly even, shuffled by r. */
export function split(total: number, n: number, r: Rng, min = 0): number[] {
  const out = Array.from({ length: n }, () => min);
  let left = total - min * n;
  if (left < 0) throw new Error(`split: ${total} < ${min} × ${n}`);
  const base = Math.floor(left / n);
  for (let i = 0; i < n; i++) {
    out[i] += base;
    left -= base;
  }
  for (let i = 0; left > 0; i = (i + 1) % n) {
    out[r.int(0, n - 1)] += 1;
    left -= 1;
  }
  // Move a little between pairs so not every unit looks the same.
  for (let k = 0; k < n; k++) {
    const a = r.int(0, n - 1),
      b = r.int(0, n - 1),
      d = r.int(0, Math.floor((out[a] - min) / 3));
    out[a] -= d;
    out[b] += d;
  }
  return out;
}

type Unit = { id: number; validTo: string };
async function unitAt(tx: Db, code: string, level: string, on: string): Promise<Unit | null> {
  const id = await unitIdByCode(tx, code, level, on);
  if (!id) return null;
  const [{ valid_to }] = await tx.query<{ valid_to: string }>('select valid_to::text from units where id = $1', [id]);
  return { id, validTo: valid_to };
}
async function villagesOf(tx: Db, unitId: number, on: string): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `select c.descendant_id as id from unit_closure c join units u on u.id = c.descendant_id
      where c.ancestor_id = $1 and u.level = 'village' and c.valid_from <= $2::date and $2::date < c.valid_to order by u.code, u.id`,
    [unitId, on],
  );
  return rows.map((x) => x.id);
}

/** A day of the year within [from, min(to, end)); the old period ends with the congress (2024-06-30). */
const dayOfYear = (r: Rng, y: number, end: string, last = '2024-06-30') => {
  const to = [`${y + 1}-01-01`, end, addDays(last, 1)].sort()[0];
  return dayIn(r, `${y}-01-01`, to);
};

type Writer = { acts: unknown[][]; recs: unknown[][]; actIds: number[]; used: number };
const ACT_COLS = [
  'id',
  'unit_id',
  'kind',
  'form',
  'title',
  'subject_kind',
  'subject',
  'team',
  'started_on',
  'ended_on',
  'findings',
  'conclusion',
  'draft_title',
  'participants',
  'opinions_given',
  'opinions_accepted',
  'status',
];
const REC_COLS = ['activity_id', 'unit_id', 'made_on', 'content', 'agency', 'due_on', 'status', 'answer', 'answered_on', 'done_on', 'open_due_on'];

/** One completed (or ongoing) activity with its recommendations followed as far as `today` allows. */
function activity(
  w: Writer,
  r: Rng,
  a: { unitId: number; kind: 'supervision' | 'criticism'; form: 'direct' | 'coordinated'; started: string; cap: string; today: string; open?: boolean },
) {
  const id = w.actIds[w.used++];
  const [title, subjectKind, subject] = a.kind === 'supervision' ? r.pick(SUPERVISION_TOPICS) : [r.pick(CRITICISMS), 'policy' as const, 'UBND cùng cấp'];
  const ended = [addDays(a.started, r.int(5, 25)), a.cap].sort()[0];
  const completed = !a.open && ended <= a.today;
  const given = a.kind === 'criticism' ? r.int(8, 30) : null;
  w.acts.push([
    id,
    a.unitId,
    a.kind,
    a.form,
    title,
    subjectKind,
    subject,
    'Đoàn giám sát của Ban Thường trực và các tổ chức thành viên',
    a.started,
    completed ? ended : null,
    completed ? 'Cơ bản thực hiện đúng quy định; còn một số tồn tại cần khắc phục.' : '',
    completed ? 'Đề nghị cơ quan được giám sát khắc phục các tồn tại và báo cáo kết quả bằng văn bản.' : '',
    a.kind === 'criticism' ? title : null,
    a.kind === 'criticism' ? r.int(25, 80) : null,
    given,
    given === null ? null : r.int(Math.floor(given / 2), given),
    completed ? 'completed' : 'ongoing',
  ]);
  if (!completed) return;
  for (let k = r.int(1, 2); k > 0; k--) {
    const due = addDays(ended, r.pick([30, 45, 60, 90]));
    const roll = r.next();
    const answered = addDays(ended, r.int(10, 25));
    const doneOn = addDays(ended, r.int(26, 80));
    // Most are remedied; some refused or partly done; a few still open (overdue once their due date passes).
    let row: unknown[];
    if (doneOn <= a.today && roll < 0.78) row = ['done', 'Đã tiếp thu và khắc phục', answered, doneOn, null];
    else if (answered <= a.today && roll < 0.86) row = ['refused', 'Nội dung ngoài thẩm quyền, đã báo cáo cấp trên', answered, null, null];
    else if (answered <= a.today && roll < 0.93) row = ['partly', 'Đã khắc phục một phần', answered, null, due];
    else row = ['pending', null, null, null, due];
    w.recs.push([id, a.unitId, ended, r.pick(RECS), r.pick(AGENCIES), due, ...row]);
  }
}

/** Demo data of the oversight module; runs inside loadDemo's transaction after the accounts. */
export async function seedDemoOversight(tx: Db, opts: { today?: string } = {}): Promise<void> {
  const today = opts.today ?? vnToday();
  const r = rng(1103);
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

  // ---- supervisions and criticisms, 2019 – mid-2024 ----
  const w: Writer = { acts: [], recs: [], actIds: await reserveIds(tx, 'oversight_activities', 700), used: 0 };
  const cityDirect = [3, 2, 2, 3, 3, 2]; // 15 in all: the city's 2–3 topics a year
  const wardDirect = split(F.direct - 15 - wards.length * YEARS.length, 7, r).map((n, i) => [i, n] as const);
  const extra = new Map<number, number>(); // 7 extra topics on top of one per ward per year
  for (const [i, n] of wardDirect) extra.set(i * 2 + 1, n);
  YEARS.forEach((y, yi) => {
    for (let k = 0; k < cityDirect[yi]; k++)
      activity(w, r, { unitId: city.id, kind: 'supervision', form: 'direct', started: dayOfYear(r, y, city.validTo), cap: '2024-06-30', today });
    wards.forEach((u, wi) => {
      const n = 1 + (yi === 0 ? (extra.get(wi) ?? 0) : 0);
      for (let k = 0; k < n; k++) activity(w, r, { unitId: u.id, kind: 'supervision', form: 'direct', started: dayOfYear(r, y, u.validTo), cap: '2024-06-30', today });
    });
    activity(w, r, { unitId: city.id, kind: 'criticism', form: 'direct', started: dayOfYear(r, y, city.validTo), cap: '2024-06-30', today });
  });
  const units = [city, ...wards];
  for (let k = 0; k < F.coordinated; k++) {
    const u = units[k % units.length];
    activity(w, r, { unitId: u.id, kind: 'supervision', form: 'coordinated', started: dayOfYear(r, YEARS[k % YEARS.length], u.validTo), cap: '2024-06-30', today });
  }
  for (let k = 0; k < F.criticisms - YEARS.length; k++) {
    const u = wards[k % wards.length];
    activity(w, r, {
      unitId: u.id,
      kind: 'criticism',
      form: k % 3 === 0 ? 'coordinated' : 'direct',
      started: dayOfYear(r, YEARS[k % YEARS.length], u.validTo),
      cap: '2024-06-30',
      today,
    });
  }

  // ---- the new wards, 2025–2026: plans approved, topics carried out, recommendations followed ----
  const plans: unknown[][] = [];
  const topics: unknown[][] = [];
  const planIds = await reserveIds(tx, 'oversight_plans', 2 + newWards.length * 2 + wards.length);
  let pi = 0;
  const plan = (unitId: number, year: number, level: 'district' | 'commune') => {
    const id = planIds[pi++];
    plans.push([id, unitId, year, 'approved', 'Thống nhất với kế hoạch; tập trung giám sát các vấn đề Nhân dân quan tâm.', `${year}-01-10`, `${year}-01-15`]);
    const sup = level === 'district' ? 2 : 1;
    for (let k = 0; k < sup; k++) {
      const [t, sk, s] = SUPERVISION_TOPICS[(id + k) % SUPERVISION_TOPICS.length];
      topics.push([id, 'supervision', t, sk, s, 'direct', k + 2]);
    }
    topics.push([id, 'criticism', CRITICISMS[id % CRITICISMS.length], 'policy', 'UBND cùng cấp', 'direct', 3]);
  };
  plan(city.id, 2024, 'district');
  for (const u of wards) plan(u.id, 2024, 'commune');
  for (const u of newWards) {
    plan(u.id, 2026, 'commune');
    activity(w, r, { unitId: u.id, kind: 'supervision', form: 'direct', started: dayIn(r, '2025-08-01', '2025-11-01'), cap: '2025-12-31', today });
    activity(w, r, { unitId: u.id, kind: 'criticism', form: 'direct', started: dayIn(r, '2025-08-01', '2025-11-01'), cap: '2025-12-31', today });
    activity(w, r, { unitId: u.id, kind: 'supervision', form: 'direct', started: dayIn(r, '2026-02-01', '2026-09-01'), cap: '2026-11-30', today });
    activity(w, r, { unitId: u.id, kind: 'supervision', form: 'coordinated', started: dayIn(r, '2026-03-01', '2026-10-01'), cap: '2026-11-30', today });
    activity(w, r, { unitId: u.id, kind: 'criticism', form: 'direct', started: dayIn(r, '2026-03-01', '2026-10-01'), cap: '2026-11-30', today });
    activity(w, r, { unitId: u.id, kind: 'supervision', form: 'direct', started: '2026-11-20', cap: '2026-12-31', today, open: true });
  }
  await bulkInsert(tx, 'oversight_plans', ['id', 'unit_id', 'year', 'status', 'party_opinion', 'party_opinion_on', 'approved_on'], plans, true);
  await bulkInsert(tx, 'oversight_plan_topics', ['plan_id', 'kind', 'title', 'subject_kind', 'subject', 'form', 'quarter'], topics);
  await bulkInsert(tx, 'oversight_activities', ACT_COLS, w.acts, true);
  await bulkInsert(tx, 'oversight_recommendations', REC_COLS, w.recs);
  // Each planned topic is carried out by the unit's activity of its kind that year (led by the Front), in
  // order: the plan's page shows which topic was carried out by which supervision.
  await tx.query(`
    with t as (select t.id, t.kind, t.title, t.subject_kind, t.subject, p.unit_id, p.year,
                      row_number() over (partition by p.id, t.kind order by t.quarter, t.id) as n
                 from oversight_plan_topics t join oversight_plans p on p.id = t.plan_id),
         a as (select a.id, a.kind, a.unit_id, extract(year from a.started_on)::int as year,
                      row_number() over (partition by a.unit_id, a.kind, extract(year from a.started_on) order by a.started_on, a.id) as n
                 from oversight_activities a where a.form = 'direct')
    update oversight_activities x set topic_id = t.id, title = t.title, subject_kind = t.subject_kind, subject = t.subject,
           draft_title = case when x.kind = 'criticism' then t.title else x.draft_title end
      from t join a on a.unit_id = t.unit_id and a.year = t.year and a.kind = t.kind and a.n = t.n
     where x.id = a.id`);

  await seedOpinions(tx, r, city, wards, newWards);
  await seedBoards(tx, r, wards, newWards, today);
  await seedMediation(tx, r, wards, newWards, today);
}

/** 320 conferences (250 on drafts, 70 on officials) and 60 written rounds; 415 drafts, 1,845 opinions; 8,595 on officials. */
async function seedOpinions(tx: Db, r: Rng, city: Unit, wards: Unit[], newWards: Unit[]) {
  const units = [city, ...wards];
  const draftSessions = 250 + 60;
  const ids = await reserveIds(tx, 'opinion_sessions', draftSessions + 70 + newWards.length * 3);
  const sessions: unknown[][] = [];
  const drafts: unknown[][] = [];
  const perSession = split(F.drafts, draftSessions, r, 1);
  const opinions = split(F.draftOpinions, F.drafts, r, 1);
  const officials = split(F.officialsOpinions, 70, r, 20);
  let d = 0;
  let i = 0;
  for (let k = 0; k < draftSessions; k++, i++) {
    const u = units[k % units.length];
    const held = dayOfYear(r, YEARS[k % YEARS.length], u.validTo);
    sessions.push([ids[i], u.id, held, k < 250 ? 'conference' : 'written', 'drafts', k < 250 ? 'Hội nghị góp ý dự thảo văn bản' : 'Góp ý bằng văn bản', r.int(15, 60), 0]);
    for (let j = 0; j < perSession[k]; j++) {
      const [t, kind] = r.pick(DRAFT_TITLES);
      drafts.push([ids[i], t, kind, opinions[d++]]);
    }
  }
  for (let k = 0; k < 70; k++, i++) {
    const u = units[k % units.length];
    sessions.push([
      ids[i],
      u.id,
      dayOfYear(r, YEARS[k % YEARS.length], u.validTo),
      'conference',
      'officials',
      'Hội nghị góp ý cán bộ, đảng viên theo Quy định 124-QĐ/TW',
      r.int(30, 120),
      officials[k],
    ]);
  }
  for (const u of newWards) {
    for (const [held, topic] of [
      ['2025-10-15', 'drafts'],
      ['2026-04-10', 'drafts'],
      ['2026-09-20', 'officials'],
    ] as const) {
      sessions.push([
        ids[i],
        u.id,
        held,
        'conference',
        topic,
        topic === 'drafts' ? 'Hội nghị góp ý dự thảo văn bản' : 'Hội nghị góp ý cán bộ, đảng viên',
        r.int(20, 60),
        topic === 'officials' ? r.int(40, 120) : 0,
      ]);
      if (topic === 'drafts')
        drafts.push([ids[i], held < '2026' ? 'Dự thảo Văn kiện Đại hội Đảng bộ phường' : 'Dự thảo Luật Đất đai (sửa đổi)', held < '2026' ? 'party' : 'law', r.int(5, 20)]);
      i++;
    }
  }
  await bulkInsert(tx, 'opinion_sessions', ['id', 'unit_id', 'held_on', 'form', 'topic', 'title', 'participants', 'officials_opinions'], sessions, true);
  await bulkInsert(tx, 'opinion_drafts', ['session_id', 'title', 'doc_kind', 'opinions'], drafts);
}

/**
 * One Ban TTND per ward and term (2019–2022 elected late 2018; 2022–2025 elected in March 2022: 16 boards,
 * 172 members, one per village and a few more), Ban GSĐTCCĐ per project; their supervisions, ratings
 * and funding; new boards in the new wards from September 2025.
 */
async function seedBoards(tx: Db, r: Rng, wards: Unit[], newWards: Unit[], today: string) {
  const boards: unknown[][] = [];
  const members: unknown[][] = [];
  const years: unknown[][] = [];
  const ids = await reserveIds(tx, 'inspection_boards', wards.length * 2 + 60 + newWards.length * 3);
  let b = 0;
  // One after another: a transaction is one connection, and pg refuses (deprecated: queues) queries sent at once on it.
  const villageCounts: number[][] = [];
  for (const u of wards) villageCounts.push(await villagesOf(tx, u.id, '2022-03-20'));
  const extraMembers = split(F.membersElected - villageCounts.reduce((n, v) => n + v.length, 0), wards.length, r);
  const board = (unitId: number, kind: 'ttnd' | 'gsdtccd', name: string, project: string | null, term: string, elected: string, to: string, villages: number[], n: number) => {
    const id = ids[b++];
    boards.push([id, unitId, kind, name, project, term, elected, elected, to]);
    for (let k = 0; k < n; k++) {
      members.push([id, person(r, 0.4, [1955, 1985]).name, villages.length ? villages[k % villages.length] : null, k === 0 ? 'head' : k === 1 ? 'deputy' : 'member', elected]);
    }
    const [y0, y1] = [Number(elected.slice(0, 4)), Math.min(Number(addDays(to === 'infinity' ? today : to, -1).slice(0, 4)), Number(today.slice(0, 4)))];
    for (let y = Math.max(y0, 2019); y <= y1; y++) {
      const required = kind === 'ttnd' ? 10_000_000 : 3_000_000;
      // The year's rating, given in November; all boards good or better from 2023 (target 14 met in 2024).
      // A board whose term ends in the year is rated on its last day.
      const ratedOn = `${y}-11-25` < to ? `${y}-11-25` : addDays(to, -1);
      const rated = ratedOn <= today;
      const rating = !rated ? null : y < 2023 && r.chance(0.15) ? 'fair' : r.chance(0.3) ? 'excellent' : 'good';
      years.push([
        id,
        y,
        'Kế hoạch giám sát năm theo chương trình của Ban Thường trực',
        required,
        y < 2022 && r.chance(0.1) ? required / 2 : required,
        rating,
        rated ? ratedOn : null,
      ]);
    }
    return id;
  };
  const ttnd2022: number[] = [];
  wards.forEach((u, i) => {
    const v = villageCounts[i];
    board(u.id, 'ttnd', 'Ban Thanh tra nhân dân', null, '2019–2022', '2018-12-15', TTND_ELECTION, v, Math.max(5, v.length));
    ttnd2022.push(board(u.id, 'ttnd', 'Ban Thanh tra nhân dân', null, '2022–2025', TTND_ELECTION, u.validTo, v, v.length + extraMembers[i]));
  });
  const gsd: Array<{ id: number; unitId: number; from: string; to: string }> = [];
  for (let k = 0; k < 40; k++) {
    const u = wards[k % wards.length];
    const from = dayIn(r, '2019-02-01', '2023-06-30');
    const to = [addDays(from, r.int(300, 600)), u.validTo].sort()[0];
    const project = `${PROJECTS[k % PROJECTS.length]} (${from.slice(0, 4)})`;
    gsd.push({ id: board(u.id, 'gsdtccd', `Ban Giám sát đầu tư của cộng đồng – ${project}`, project, from.slice(0, 4), from, to, [], r.int(5, 7)), unitId: u.id, from, to });
  }
  // Supervisions: TTND of both terms, inside each board's term and before mid-2024.
  const sup: unknown[][] = [];
  const reports: unknown[][] = [];
  const ttndBoards = boards.filter((x) => x[2] === 'ttnd') as Array<[number, number, string, string, null, string, string, string, string]>;
  const ttndCounts = split(F.ttndSupervisions, ttndBoards.length, r, 10);
  const gsdCounts = split(F.gsdtccdSupervisions, gsd.length, r, 2);
  const violations = split(F.violations, 60, r);
  let vi = 0;
  const addSup = (boardId: number, unitId: number, from: string, to: string, kind: 'ttnd' | 'gsdtccd') => {
    const held = dayIn(r, from < '2019-01-01' ? '2019-01-01' : from, [to, '2024-07-01'].sort()[0]);
    const v = vi < violations.length && r.chance(0.05) ? violations[vi++] : 0;
    sup.push([
      boardId,
      unitId,
      held,
      kind === 'ttnd'
        ? r.pick(['Việc thu, chi quỹ tại khu dân cư', 'Việc bình xét hộ nghèo', 'Việc giải quyết đơn thư của công dân', 'Việc thực hiện quy chế dân chủ'])
        : 'Chất lượng thi công công trình',
      v ? 'Phát hiện sai phạm, đã kiến nghị khắc phục' : 'Thực hiện đúng quy định',
      v,
      v ? 'Đã kiến nghị nhà thầu, chủ đầu tư khắc phục' : '',
      v > 0,
    ]);
  };
  ttndBoards.forEach((x, k) => {
    for (let j = 0; j < ttndCounts[k]; j++) addSup(x[0], x[1], x[7], x[8], 'ttnd');
  });
  gsd.forEach((g, k) => {
    for (let j = 0; j < gsdCounts[k]; j++) addSup(g.id, g.unitId, g.from, g.to, 'gsdtccd');
  });
  // Any violations not yet placed go to the last supervisions (the total is the seed's 87).
  for (let k = sup.length - 1; vi < violations.length; k--) {
    const v = violations[vi++];
    if (!v) continue;
    const row = sup[k];
    row[4] = 'Phát hiện sai phạm, đã kiến nghị khắc phục';
    row[5] = (row[5] as number) + v;
    row[6] = 'Đã kiến nghị nhà thầu, chủ đầu tư khắc phục';
    row[7] = true;
  }
  // The new wards: a Ban TTND elected in September 2025 and a Ban GSĐTCCĐ for a 2026 project.
  for (const u of newWards) {
    const v = await villagesOf(tx, u.id, '2025-09-15');
    const t = board(u.id, 'ttnd', 'Ban Thanh tra nhân dân', null, '2025–2027', '2025-09-15', 'infinity', v, Math.max(7, Math.min(v.length, 25)));
    const g = board(u.id, 'gsdtccd', 'Ban Giám sát đầu tư của cộng đồng – Nhà văn hóa tổ dân phố', 'Nhà văn hóa tổ dân phố (2026)', '2026', '2026-03-01', 'infinity', [], 6);
    for (let j = 0; j < 8; j++) sup.push([t, u.id, dayIn(r, '2025-10-01', '2026-11-30'), 'Việc thu, chi quỹ tại khu dân cư', 'Thực hiện đúng quy định', 0, '', false]);
    // Quarterly reports to the Front, ten days after each quarter; the investment board never sent Q2/2026's.
    for (const [boardId, from, missing] of [
      [t, '2025-09-15', ''],
      [g, '2026-03-01', '2026-2'],
    ] as const) {
      for (const [y, q, end] of quartersEnded(from, today)) {
        if (`${y}-${q}` !== missing && addDays(end, 10) <= today) reports.push([boardId, y, q, addDays(end, 10), `Báo cáo kết quả hoạt động quý ${q}/${y}`]);
      }
    }
    for (let j = 0; j < 3; j++)
      sup.push([
        g,
        u.id,
        dayIn(r, '2026-03-15', '2026-11-30'),
        'Chất lượng thi công công trình',
        'Một hạng mục chưa đúng thiết kế',
        j === 0 ? 1 : 0,
        j === 0 ? 'Nhà thầu đã sửa' : '',
        j === 0,
      ]);
  }
  await bulkInsert(tx, 'inspection_boards', ['id', 'unit_id', 'kind', 'name', 'project', 'term_label', 'elected_on', 'valid_from', 'valid_to'], boards, true);
  await bulkInsert(tx, 'inspection_board_members', ['board_id', 'full_name', 'village_id', 'role', 'elected_on'], members);
  await bulkInsert(tx, 'inspection_board_years', ['board_id', 'year', 'plan', 'funding_required_vnd', 'funding_vnd', 'rating', 'rated_on'], years);
  await bulkInsert(tx, 'inspection_supervisions', ['board_id', 'unit_id', 'held_on', 'subject', 'findings', 'violations', 'remedy', 'remedied'], sup);
  await bulkInsert(tx, 'inspection_board_reports', ['board_id', 'year', 'quarter', 'filed_on', 'summary'], reports);
}

/** The quarters that ended after `from` and before `today`: [year, quarter, last day]. */
function quartersEnded(from: string, today: string): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(today.slice(0, 4)); y++) {
    for (let q = 1; q <= 4; q++) {
      const end = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
      if (end >= from && end < today) out.push([y, q, end]);
    }
  }
  return out;
}

/** A team in every village from 2019; 520 cases closed in the old period (480 settled: 92.3%); cases in the new wards. */
async function seedMediation(tx: Db, r: Rng, wards: Unit[], newWards: Unit[], today: string) {
  const villages: number[] = []; // one query at a time on the transaction's connection
  for (const u of wards) villages.push(...(await villagesOf(tx, u.id, '2019-06-01')));
  const teamIds = await reserveIds(tx, 'mediation_teams', villages.length);
  const [names] = await tx.query<{ n: string[] }>(
    `select array_agg(v.name order by u.ord) as n from unnest($1::bigint[]) with ordinality u(id, ord) join unit_versions v on v.unit_id = u.id and v.valid_from <= '2019-06-01' and '2019-06-01' < v.valid_to`,
    [villages],
  );
  const teams: unknown[][] = villages.map((v, i) => [teamIds[i], v, `Tổ hòa giải ${names.n[i]}`, '2019-01-01']);
  const members: unknown[][] = teamIds.flatMap((t) =>
    Array.from({ length: r.int(5, 7) }, (_, k) => [t, person(r, 0.4, [1950, 1985]).name, k === 0 ? 'head' : 'member', '2019-01-01']),
  );
  const teamOf = new Map(villages.map((v, i) => [v, teamIds[i]]));
  const cases: unknown[][] = [];
  const add = (village: number, received: string, outcome: string, closed: string | null) => {
    const kind = r.pick(CASE_KINDS);
    const sealed = sealParties([{ name: person(r).name, phone: `09${r.int(10_000_000, 99_999_999)}` }, { name: person(r).name }]);
    cases.push([teamOf.get(village), village, received, kind, CASE_SUMMARY[kind], sealed.enc, sealed.masked, outcome, closed]);
  };
  const outcomes = [...Array(F.mediationSettled).fill('success'), ...Array(F.mediationClosed - F.mediationSettled - 12).fill('failure'), ...Array(12).fill('referred')];
  outcomes.forEach((o, k) => {
    const received = dayIn(r, '2019-01-01', '2024-06-01');
    const closed = [addDays(received, r.int(3, 25)), '2024-06-30'].sort()[0];
    add(villages[k % villages.length], received, o, closed);
  });
  for (const u of newWards) {
    const vs = await villagesOf(tx, u.id, '2026-01-01');
    for (let k = 0; k < 14; k++) {
      const received = dayIn(r, '2025-07-15', '2026-11-20');
      const closed = addDays(received, r.int(3, 20));
      const pending = closed > today || k === 13;
      add(vs[k % vs.length], received, pending ? 'pending' : k % 9 === 4 ? 'failure' : 'success', pending ? null : closed);
    }
  }
  await bulkInsert(tx, 'mediation_teams', ['id', 'unit_id', 'name', 'valid_from'], teams, true);
  await bulkInsert(tx, 'mediation_team_members', ['team_id', 'full_name', 'role', 'valid_from'], members);
  await bulkInsert(tx, 'mediation_cases', ['team_id', 'unit_id', 'received_on', 'kind', 'summary', 'parties_enc', 'parties_masked', 'outcome', 'closed_on'], cases);
}
