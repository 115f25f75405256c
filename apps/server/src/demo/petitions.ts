// Citizens' voice for the seed's city. Part One's period (2019 to the congress in mid-2024) holds
// exactly the seed's figures: 318 citizens received, 63 petitions, 540 voter meetings with 32,300
// voters and 2,219 opinions, 96 dialogues, 80 people's situation reports (the city's monthly and
// quarterly reports over five years). After the 2025 reform the new wards (Phường Bắc Giang, Phường
// Đa Mai) carry on: petitions in every state, some overdue, some received by old Trần Phú before
// the reform and handled by Phường Bắc Giang after it; monthly reports from every ward and village.
import type { Db } from '../db/db';
import { today } from '../platform/access';
import { sealIdentity } from '../modules/petitions/identity';
import { trackingCodeSql } from '../modules/petitions/rules';
import { unitIdByCode } from '../modules/units/queries';
import { addDays, bulkInsert, daysBetween, person, reserveIds, rng, type Rng } from './org-gen';

export const DEMO_PETITION_TERM = { from: '2019-01-01', to: '2024-06-30' };
export const DEMO_PETITION_FIGURES = {
  citizensReceived: 318,
  receptions: 106,
  petitions: 63,
  voterMeetings: 540,
  voters: 32_300,
  opinions: 2_219,
  dialogues: 96,
  situationReports: 80,
};
const RULE_DAYS = { khieu_nai: 30, to_cao: 30, kien_nghi: 60, phan_anh: 60 } as const;
type Kind = keyof typeof RULE_DAYS;
type State = 'received' | 'accepted' | 'declined' | 'forwarded' | 'answered' | 'informed' | 'closed';

const TITLES: Array<[string, string, Kind]> = [
  ['dat_dai', 'Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất', 'kien_nghi'],
  ['gpmb', 'Khiếu nại mức bồi thường giải phóng mặt bằng', 'khieu_nai'],
  ['moi_truong', 'Phản ánh mùi hôi từ bãi tập kết rác', 'phan_anh'],
  ['chinh_sach_xa_hoi', 'Đề nghị xét hộ cận nghèo', 'kien_nghi'],
  ['xay_dung', 'Phản ánh xây dựng lấn chiếm vỉa hè', 'phan_anh'],
  ['an_ninh_trat_tu', 'Phản ánh tụ tập gây mất trật tự ban đêm', 'phan_anh'],
  ['can_bo', 'Tố cáo cán bộ gây khó khăn khi làm thủ tục', 'to_cao'],
  ['xay_dung', 'Kiến nghị sửa chữa đường ngõ xuống cấp', 'kien_nghi'],
  ['dat_dai', 'Khiếu nại quyết định thu hồi đất', 'khieu_nai'],
  ['moi_truong', 'Phản ánh cống thoát nước bị tắc gây ngập', 'phan_anh'],
];
const CHANNELS = ['reception', 'written', 'voter_meeting', 'written', 'dialogue', 'situation_report', 'reception'] as const;
const HOT = [
  'Ô nhiễm môi trường bãi rác',
  'Đường giao thông xuống cấp',
  'Giá cả thị trường tăng',
  'Bồi thường giải phóng mặt bằng',
  'Trật tự xây dựng',
  'Ngập úng khi mưa lớn',
  'An ninh trật tự ban đêm',
  'Sắp xếp đơn vị hành chính',
];

type Spec = {
  unitId: number;
  kind: Kind;
  channel: string;
  field: string;
  title: string;
  received: string;
  target: State;
  actor: number | null;
  agencyId: number;
  inWriting?: boolean;
  answerAfter?: number;
  identity?: boolean;
  reopened?: boolean;
  /** Who acts after the reform when the receiving ward has ended (its successor's officer). */
  after?: { date: string; actor: number; unitId: number };
  /** The day it was accepted, when not three days after receipt. */
  acceptOn?: string;
};

/** Builds a petition row and its timeline from a target state (the same steps the service takes). */
function lifecycle(s: Spec, r: Rng, ids: { id: number }, rows: unknown[][], events: unknown[][]) {
  const acceptDue = addDays(s.received, 10);
  let state: State = 'received';
  const ev = (date: string, action: string, to: State, agency: number | null = null, note: string | null = null) => {
    const late = s.after && date >= s.after.date;
    events.push([ids.id, date, action, action === 'receive' ? null : state, to, late ? s.after!.actor : s.actor, late ? s.after!.unitId : s.unitId, agency, note]);
    state = to;
  };
  const p: Record<string, unknown> = { accept_due_on: acceptDue, due_on: acceptDue, handler: s.after?.actor ?? s.actor };
  ev(s.received, 'receive', 'received');
  const steps: State[] = ['accepted', 'forwarded', 'answered', 'informed', 'closed'];
  let d = s.received;
  if (s.target === 'declined') {
    d = addDays(d, 4);
    ev(d, 'decline', 'declined', null, 'Nội dung không thuộc thẩm quyền, đã hướng dẫn công dân');
    Object.assign(p, { due_on: null, decline_reason: 'Nội dung không thuộc thẩm quyền, đã hướng dẫn công dân' });
  }
  for (const step of steps) {
    if (s.target === 'declined' || steps.indexOf(step) > steps.indexOf(s.target as State) || s.target === 'received') break;
    if (step === 'accepted') {
      d = s.acceptOn ?? addDays(d, 3);
      ev(d, 'accept', 'accepted');
    }
    if (step === 'forwarded') {
      d = addDays(d, 4);
      ev(d, 'forward', 'forwarded', s.agencyId);
      const due = addDays(d, RULE_DAYS[s.kind]);
      Object.assign(p, { forwarded_on: d, agency_id: s.agencyId, forward_letter_no: `${r.int(10, 300)}/MTTQ-BTT`, forward_letter_date: d, answer_due_on: due, due_on: due });
    }
    if (step === 'answered') {
      d = addDays(d, s.answerAfter ?? r.int(12, RULE_DAYS[s.kind] - 5));
      const inWriting = s.inWriting ?? true;
      ev(d, 'answer', 'answered');
      Object.assign(p, {
        answered_on: d,
        answer_in_writing: inWriting,
        answer_doc_no: inWriting ? `${r.int(100, 999)}/UBND-VP` : null,
        answer_summary: inWriting ? 'Cơ quan có thẩm quyền đã xem xét, trả lời bằng văn bản và giao đơn vị chuyên môn thực hiện.' : 'Đã trả lời trực tiếp tại buổi tiếp xúc.',
        answer_public: true,
        due_on: null,
      });
    }
    if (step === 'informed') {
      d = addDays(d, 3);
      ev(d, 'inform', 'informed');
      p.informed_on = d;
    }
    if (step === 'closed') {
      d = addDays(d, 2);
      ev(d, 'close', 'closed');
      p.closed_on = d;
    }
  }
  if (s.reopened) {
    d = addDays(d, 5);
    ev(d, 'reopen', 'accepted', null, 'Công dân chưa đồng ý với kết quả trả lời');
    Object.assign(p, { accept_due_on: addDays(d, 10), due_on: addDays(d, 10), closed_on: null });
  }
  const who = person(r);
  const identity = s.identity ? sealIdentity({ name: who.name, phone: `09${r.int(10_000_000, 99_999_999)}`, address: `Số ${r.int(1, 120)}, tổ dân phố` }) : null;
  rows.push([
    ids.id,
    `DEMO-${String(ids.id).padStart(6, '0')}`,
    s.unitId,
    s.channel,
    s.kind,
    s.field,
    s.title,
    `${s.title}. Công dân trình bày sự việc và đề nghị cơ quan có thẩm quyền xem xét, giải quyết.`,
    s.received,
    state,
    p.accept_due_on,
    p.answer_due_on ?? null,
    p.due_on ?? null,
    p.handler,
    p.agency_id ?? null,
    p.forward_letter_no ?? null,
    p.forward_letter_date ?? null,
    p.forwarded_on ?? null,
    p.decline_reason ?? null,
    p.answered_on ?? null,
    p.answer_in_writing ?? null,
    p.answer_doc_no ?? null,
    p.answer_summary ?? null,
    p.answer_public ?? false,
    p.informed_on ?? null,
    p.closed_on ?? null,
    identity,
    `demo-${ids.id}`,
  ]);
}

const PETITION_COLUMNS = [
  'id',
  'tracking_code',
  'unit_id',
  'channel',
  'kind',
  'field',
  'title',
  'content',
  'received_on',
  'state',
  'accept_due_on',
  'answer_due_on',
  'due_on',
  'handler_id',
  'agency_id',
  'forward_letter_no',
  'forward_letter_date',
  'forwarded_on',
  'decline_reason',
  'answered_on',
  'answer_in_writing',
  'answer_doc_no',
  'answer_summary',
  'answer_public',
  'informed_on',
  'closed_on',
  'identity_enc',
  'content_hash',
];
const EVENT_COLUMNS = ['petition_id', 'on_date', 'action', 'from_state', 'to_state', 'actor_id', 'actor_unit_id', 'agency_id', 'note'];

async function one(tx: Db, sql: string, params: unknown[]): Promise<number> {
  const rows = await tx.query<{ id: number }>(sql, params);
  if (!rows[0]) throw new Error(`demo petitions: nothing for ${JSON.stringify(params)}`);
  return rows[0].id;
}
const unitAt = async (tx: Db, code: string, level: string, on: string) => {
  const id = await unitIdByCode(tx, code, level, on);
  if (!id) throw new Error(`demo petitions: no unit ${code} (${level}) on ${on}`);
  return id;
};
const userId = (tx: Db, name: string) => one(tx, 'select id from users where username = $1', [name]);

async function agencies(tx: Db, unitId: number, names: string[]): Promise<number[]> {
  const rows = await tx.query<{ id: number }>('insert into petition_agencies (unit_id, name) select $1, unnest($2::text[]) returning id', [unitId, names]);
  return rows.map((x) => x.id);
}

/** Demo data of the petitions module; runs inside loadDemo's transaction. */
export async function seedDemoPetitions(tx: Db): Promise<void> {
  const r = rng(2019_0613);
  const city = await unitAt(tx, '213', 'district', '2024-06-01');
  const wards = (
    await tx.query<{ id: number }>(
      `select u.id from unit_closure c join units u on u.id = c.descendant_id
      where c.ancestor_id = $1 and u.level = 'commune' and c.valid_from <= '2019-06-01' and '2019-06-01' < c.valid_to
        and u.valid_to > '2024-06-30' order by u.code`,
      [city],
    )
  ).map((x) => x.id);
  const bg = await unitAt(tx, '07210', 'commune', '2025-07-01');
  const dm = await unitAt(tx, '07228', 'commune', '2025-07-01');
  const tp = await unitAt(tx, '07213', 'commune', '2025-06-01');
  const province = await unitAt(tx, '24', 'province', '2025-07-01');
  const oldProvince = await unitAt(tx, '24', 'province', '2024-06-01');
  // One at a time: a transaction is one connection, which runs one query at a time.
  const bttCity = await userId(tx, 'btt.thanhpho');
  const canboBg = await userId(tx, 'canbo.bacgiang');
  const canboDm = await userId(tx, 'canbo.damai');

  const [cityUbnd, cityThanhTra] = await agencies(tx, city, [
    'UBND thành phố Bắc Giang',
    'Thanh tra thành phố Bắc Giang',
    'Phòng Tài nguyên và Môi trường thành phố Bắc Giang',
    'Công an thành phố Bắc Giang',
  ]);
  await agencies(tx, oldProvince, ['UBND tỉnh Bắc Giang', 'Thanh tra tỉnh Bắc Giang']);
  const [provUbnd, provThanhTra, provNnmt] = await agencies(tx, province, [
    'UBND tỉnh Bắc Ninh',
    'Thanh tra tỉnh Bắc Ninh',
    'Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh',
    'Công an tỉnh Bắc Ninh',
  ]);
  const [bgUbnd, bgCongAn] = await agencies(tx, bg, ['UBND phường Bắc Giang', 'Công an phường Bắc Giang']);
  const [dmUbnd] = await agencies(tx, dm, ['UBND phường Đa Mai', 'Công an phường Đa Mai']);

  const termDays = daysBetween(DEMO_PETITION_TERM.from, DEMO_PETITION_TERM.to) + 1;
  const places = [city, ...wards];
  // Reception sessions: 106 of 2 or 4 citizens = 318.
  await tx.query(
    `insert into citizen_receptions (unit_id, held_on, officials, citizens_count, matters)
     select ($1::bigint[])[1 + i % array_length($1::bigint[], 1)], $2::date + (i * $3::int / 106),
            case when i % 3 = 0 then 'Chủ tịch UB MTTQ, đại diện Ban Tiếp công dân' else 'Phó Chủ tịch UB MTTQ' end,
            case when i % 2 = 0 then 2 else 4 end, ($4::text[])[1 + i % array_length($4::text[], 1)]
       from generate_series(0, 105) i`,
    [places, DEMO_PETITION_TERM.from, termDays, HOT],
  );
  // 540 voter meetings (100 of 59 voters, 440 of 60 = 32,300; 59 with 5 opinions, 481 with 4 = 2,219) and 96 dialogues.
  await tx.query(
    `insert into voter_meetings (unit_id, kind, held_on, deputies, place, voters, opinions)
     select ($1::bigint[])[1 + i % array_length($1::bigint[], 1)], 'voter_meeting', $2::date + (i * $3::int / 540),
            (array['Đại biểu Quốc hội tỉnh Bắc Giang', 'Đại biểu HĐND tỉnh', 'Đại biểu HĐND thành phố'])[1 + i % 3], 'Nhà văn hóa khu dân cư',
            case when i < 100 then 59 else 60 end, case when i < 59 then 5 else 4 end
       from generate_series(0, 539) i
     union all
     select ($1::bigint[])[1 + i % array_length($1::bigint[], 1)], 'dialogue', $2::date + 3 + (i * $3::int / 96),
            'Chủ tịch UBND và Chủ tịch UB MTTQ', 'Hội trường UBND', 40 + i % 30, 3 + i % 4
       from generate_series(0, 95) i`,
    [places, DEMO_PETITION_TERM.from, termDays],
  );
  // The city's 80 reports: monthly and quarterly from July 2019 to June 2024, due on the period's last day; 4 late.
  await tx.query(
    `with p as (
       insert into situation_periods (unit_id, kind, starts_on, ends_on, due_on, levels)
       select $1, k.kind, s::date, (s + k.len - interval '1 day')::date, (s + k.len - interval '1 day')::date, '{district}'
         from (values ('month', interval '1 month'), ('quarter', interval '3 months')) k(kind, len)
         cross join lateral generate_series(date '2019-07-01', date '2024-06-01', k.len) s
       returning id, kind, due_on)
     insert into situation_reports (period_id, unit_id, filed_on, topics, hot_issues)
     select p.id, $1, case when p.kind = 'month' and extract(month from p.due_on) = 2 and extract(year from p.due_on) between 2020 and 2023
                           then p.due_on + 3 else p.due_on - (p.id % 5)::int end,
            'Tình hình tư tưởng, đời sống Nhân dân ổn định; một số vấn đề Nhân dân quan tâm.',
            array[($2::text[])[1 + p.id % 8], ($2::text[])[1 + (p.id + 3) % 8]]
       from p`,
    [city, HOT],
  );

  // Petitions of the term: 63, answered and closed (a few declined; some answered only orally).
  const specs: Spec[] = [];
  for (let i = 0; i < 63; i++) {
    const [field, title, kind] = TITLES[i % TITLES.length];
    specs.push({
      unitId: places[(i * 7) % places.length],
      kind,
      field,
      title,
      channel: CHANNELS[i % CHANNELS.length],
      received: addDays(DEMO_PETITION_TERM.from, Math.floor((i * (termDays - 120)) / 63)),
      target: i % 21 === 5 ? 'declined' : 'closed',
      actor: bttCity,
      agencyId: kind === 'to_cao' ? cityThanhTra : cityUbnd,
      inWriting: i % 13 !== 4,
      identity: kind === 'to_cao' || i % 4 === 0,
    });
  }
  // After the reform: every state, overdue ones, and old Trần Phú's petitions handled by Phường Bắc Giang.
  const now = today();
  const ago = (n: number) => addDays(now, -n);
  const living: Array<[number, State, number, Partial<Spec>?]> = [
    // [ward, target state, days ago received, extra]
    [bg, 'received', 2],
    [bg, 'received', 75],
    [dm, 'received', 4],
    [dm, 'received', 40],
    [bg, 'accepted', 6],
    [bg, 'accepted', 35],
    [dm, 'accepted', 8],
    [bg, 'forwarded', 25],
    [bg, 'forwarded', 63],
    [bg, 'forwarded', 120],
    [dm, 'forwarded', 30],
    [dm, 'forwarded', 95],
    [bg, 'forwarded', 44, { kind: 'khieu_nai' }],
    [bg, 'answered', 70],
    [dm, 'answered', 80],
    [bg, 'informed', 90],
    [dm, 'informed', 110],
    [bg, 'declined', 50],
    [dm, 'declined', 150],
    [bg, 'closed', 420],
    [bg, 'closed', 380],
    [bg, 'closed', 330, { inWriting: false }],
    [bg, 'closed', 300],
    [bg, 'closed', 260],
    [bg, 'closed', 220],
    [bg, 'closed', 200, { reopened: true }],
    [dm, 'closed', 400],
    [dm, 'closed', 340],
    [dm, 'closed', 280],
    [dm, 'closed', 240],
    [dm, 'closed', 190],
    [bg, 'closed', 160],
    [dm, 'closed', 150, { inWriting: false }],
  ];
  living.forEach(([ward, target, days, extra], i) => {
    const k = (extra?.kind ?? TITLES[(i * 3) % TITLES.length][2]) as Kind;
    const ofKind = TITLES.filter((x) => x[2] === k);
    const [field, title] = ofKind[i % ofKind.length];
    const received = ago(days) < '2025-07-02' ? addDays('2025-07-02', i) : ago(days);
    specs.push({
      unitId: ward,
      kind: k,
      field,
      title,
      channel: i % 5 === 0 ? 'web' : CHANNELS[i % CHANNELS.length],
      received,
      target,
      actor: ward === bg ? canboBg : canboDm,
      identity: k === 'to_cao' || i % 3 === 0,
      agencyId: k === 'to_cao' ? provThanhTra : i % 4 === 0 ? provNnmt : ward === bg ? (i % 2 ? bgUbnd : bgCongAn) : dmUbnd,
      answerAfter: target === 'forwarded' ? undefined : 20,
      ...extra,
    });
  });
  // Old Trần Phú, spring 2025: received before the reform, handled by Phường Bắc Giang after it.
  ['2025-04-08', '2025-05-12', '2025-06-03', '2025-06-20', '2025-06-26'].forEach((received, i) => {
    const [field, title, kind] = TITLES[(i * 7 + 1) % TITLES.length];
    specs.push({
      unitId: tp,
      kind,
      field,
      title,
      channel: CHANNELS[i % CHANNELS.length],
      received,
      target: i === 3 ? 'forwarded' : i === 4 ? 'accepted' : 'closed',
      actor: bttCity,
      agencyId: i % 2 ? provUbnd : bgUbnd,
      identity: kind === 'to_cao',
      answerAfter: 35,
      acceptOn: addDays('2025-07-03', i * 4),
      after: { date: '2025-07-01', actor: canboBg, unitId: bg },
    });
  });

  const ids = await reserveIds(tx, 'petitions', specs.length);
  const rows: unknown[][] = [];
  const events: unknown[][] = [];
  specs.forEach((s, i) => lifecycle(s, r, { id: ids[i] }, rows, events));
  await bulkInsert(tx, 'petitions', PETITION_COLUMNS, rows, true);
  await bulkInsert(tx, 'petition_events', EVENT_COLUMNS, events);
  // Real-looking tracking codes for demo rows (the public page accepts only the 4-4-2 form).
  await tx.query(`update petitions set tracking_code = ${trackingCodeSql('id')} where id = any($1::bigint[])`, [ids]);

  // Living receptions, meetings and conferences in the new wards.
  await tx.query(
    `insert into citizen_receptions (unit_id, held_on, officials, citizens_count, matters)
     select w, m::date + 14, 'Chủ tịch UB MTTQ phường', 2 + (extract(month from m)::int % 5), ($2::text[])[1 + extract(month from m)::int % 8]
       from unnest($1::bigint[]) w cross join generate_series(date '2025-07-01', vn_today() - 15, interval '1 month') m`,
    [[bg, dm], HOT],
  );
  await tx.query(
    `insert into voter_meetings (unit_id, kind, held_on, deputies, place, voters, opinions)
     select w, case when i % 4 = 3 then 'dialogue' else 'voter_meeting' end, date '2025-07-20' + i * 37,
            'Đại biểu HĐND tỉnh Bắc Ninh', 'Nhà văn hóa tổ dân phố', 55 + i * 3, 3 + i % 4
       from unnest($1::bigint[]) w cross join generate_series(0, 11) i where date '2025-07-20' + i * 37 < vn_today()`,
    [[bg, dm]],
  );
  const confs: Array<[number, string, string, number]> = [
    [city, '2020-12-18', 'Hội nghị công khai kết quả giải quyết kiến nghị năm 2020', 120],
    [city, '2021-12-20', 'Hội nghị công khai kết quả giải quyết kiến nghị năm 2021', 110],
    [city, '2022-12-16', 'Hội nghị công khai kết quả giải quyết kiến nghị năm 2022', 130],
    [city, '2023-12-15', 'Hội nghị công khai kết quả giải quyết kiến nghị năm 2023', 125],
    [city, '2024-06-14', 'Hội nghị công khai kết quả giải quyết kiến nghị 6 tháng đầu năm 2024', 90],
    [bg, '2026-06-26', 'Hội nghị công khai kết quả giải quyết kiến nghị 6 tháng đầu năm 2026', 80],
    [dm, '2026-07-10', 'Hội nghị công khai kết quả giải quyết kiến nghị 6 tháng đầu năm 2026', 60],
  ];
  for (const [unit, held, title, attendees] of confs.filter((c) => c[1] <= now)) {
    const [c] = await tx.query<{ id: number }>('insert into petition_conferences (unit_id, held_on, title, attendees) values ($1, $2, $3, $4) returning id', [
      unit,
      held,
      title,
      attendees,
    ]);
    // The cases covered: petitions of the unit's subtree answered in the year before the conference.
    await tx.query(
      `insert into petition_conference_cases (conference_id, petition_id)
       select $1, p.id from petitions p where p.answered_on between $3::date - 365 and $3::date and p.unit_id in (
         select c.descendant_id from unit_lineage_closure l join unit_closure c on c.ancestor_id = l.predecessor_id where l.successor_id = $2)`,
      [c.id, unit, held],
    );
  }
  await seedLivingReports(tx, [bg, dm]);
}

/** Monthly reports from each new ward and its villages (quarterly from the ward), filed mostly on time. */
async function seedLivingReports(tx: Db, wards: number[]): Promise<void> {
  await tx.query(
    `insert into situation_periods (unit_id, kind, starts_on, ends_on, due_on, levels)
     select w, k.kind, s::date, (s + k.len - interval '1 day')::date, (s + k.len - interval '1 day')::date + k.grace,
            case when k.kind = 'month' then '{commune,village}'::text[] else '{commune}'::text[] end
       from unnest($1::bigint[]) w
       cross join (values ('month', interval '1 month', 0), ('quarter', interval '3 months', 5)) k(kind, len, grace)
       cross join lateral generate_series(date '2025-07-01', vn_today(), k.len) s
     union all
     select ($1::bigint[])[1], 'half_month', s::date, (s + interval '14 days')::date, (s + interval '15 days')::date, '{commune}'
       from generate_series(greatest(date '2026-09-01', vn_today() - 75), vn_today(), interval '15 days') s`,
    [wards],
  );
  // Hash of (period, unit) decides the outcome: ~85% on time, ~8% late, the rest not filed.
  await tx.query(
    `insert into situation_reports (period_id, unit_id, filed_on, topics, hot_issues)
     select r.period_id, r.unit_id,
            case when h < 85 then r.due_on - (h % 6) else r.due_on + 1 + (h % 9) end,
            'Tình hình Nhân dân trên địa bàn ổn định; Nhân dân quan tâm một số vấn đề.',
            array[($2::text[])[1 + h % 8]] || case when h % 3 = 0 then array[($2::text[])[1 + (h + 5) % 8]] else '{}' end
       from (select sp.id as period_id, sp.due_on, c.descendant_id as unit_id,
                    abs(hashtext(sp.id || ':' || c.descendant_id)) % 100 as h
               from situation_periods sp
               join unit_closure c on c.ancestor_id = sp.unit_id and c.valid_from <= sp.due_on and sp.due_on < c.valid_to
               join units u on u.id = c.descendant_id and u.level = any(sp.levels)
              where sp.unit_id = any($1::bigint[])) r
      where r.h < 93 and (case when r.h < 85 then r.due_on - (r.h % 6) else r.due_on + 1 + (r.h % 9) end) <= vn_today()`,
    [wards, HOT],
  );
}
