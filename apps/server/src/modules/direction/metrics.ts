import { AWARD_LEVEL_LABELS, ELECTION_CAMPAIGN_LABELS, ELECTION_KIND_LABELS, LEVEL_DIMS, OBLIGATION_KIND_LABELS, RECIPIENT_KIND_LABELS } from '@contract/direction';
import type { MetricDef } from '../../platform/metrics';

type Dims = Record<string, { vi: string; en: string }>;
const count = (key: string, vi: string, en: string, facts: string, dims?: Dims): MetricDef => ({
  key,
  module: 'direction',
  label: { vi, en },
  unitOfMeasure: 'count',
  facts,
  ...(dims ? { dims } : {}),
});

/** The last day a unit existed in a period ending `to` (a ward merged mid-year is graded on its last day). */
const lastDay = (unit: string, to: string) => `least(${to}, (select u.valid_to - 1 from units u where u.id = ${unit}))`;
const levelOf = (unit: string) => `(select u.level from units u where u.id = ${unit})`;

// Facts sit at the unit where they happened, on their date; the registry places them (then/now).
// Where a target judges a level's own work (16: the city's key tasks, not its wards'), the dim is the
// level of the unit that did it or was graded.
export const directionMetrics: MetricDef[] = [
  // Directives: every recipient's duty falls on its due date; on time when answered by then.
  count(
    'direction.directives',
    'Số văn bản chỉ đạo, hướng dẫn ban hành',
    'Directives and guidance issued',
    `select 'd:' || id as fact_id, unit_id, issued_on as fact_date, 1 as value, kind as dim from directives where issued_on between :from and :to`,
  ),
  count(
    'direction.obligations_due',
    'Số yêu cầu của cấp trên đến hạn (theo cấp đơn vị nhận)',
    'Obligations from above falling due (by level of the recipient)',
    `select 'o:' || o.id || ':' || r.unit_id as fact_id, r.unit_id, o.due_on as fact_date, 1 as value, ${levelOf('r.unit_id')} as dim
       from directive_obligations o join directive_recipients r on r.directive_id = o.directive_id where o.due_on between :from and :to`,
    LEVEL_DIMS,
  ),
  count(
    'direction.obligations_on_time',
    'Số yêu cầu của cấp trên được trả lời đúng hạn',
    'Obligations from above answered on time',
    `select 'o:' || o.id || ':' || a.unit_id as fact_id, a.unit_id, o.due_on as fact_date, 1 as value, ${levelOf('a.unit_id')} as dim
       from directive_answers a join directive_obligations o on o.id = a.obligation_id
      where o.due_on between :from and :to and a.answered_on <= o.due_on`,
    LEVEL_DIMS,
  ),
  count(
    'direction.obligations_by_kind',
    'Số yêu cầu của cấp trên đến hạn (theo loại)',
    'Obligations from above falling due (by kind)',
    `select 'o:' || o.id || ':' || r.unit_id as fact_id, r.unit_id, o.due_on as fact_date, 1 as value, o.kind as dim
       from directive_obligations o join directive_recipients r on r.directive_id = o.directive_id where o.due_on between :from and :to`,
    OBLIGATION_KIND_LABELS,
  ),
  count(
    'direction.inspections',
    'Số cuộc kiểm tra cấp dưới',
    'Inspections of lower units',
    `select 'i:' || id as fact_id, inspected_unit_id as unit_id, held_on as fact_date, 1 as value, null::text as dim
       from inspections where held_on between :from and :to`,
  ),
  // Key tasks (target 16).
  count(
    'org.key_tasks',
    'Số nhiệm vụ trọng tâm đăng ký với cấp ủy (theo cấp)',
    'Key tasks registered with the Party committee (by level)',
    `select 'k:' || id as fact_id, unit_id, registered_on as fact_date, 1 as value, ${levelOf('unit_id')} as dim
       from key_tasks where registered_on between :from and :to`,
    LEVEL_DIMS,
  ),
  count(
    'org.key_tasks_completed',
    'Số nhiệm vụ trọng tâm đã hoàn thành (theo cấp)',
    'Key tasks completed (by level)',
    `select 'k:' || id as fact_id, unit_id, registered_on as fact_date, 1 as value, ${levelOf('unit_id')} as dim
       from key_tasks where registered_on between :from and :to and completed_on is not null`,
    LEVEL_DIMS,
  ),
  // Elections and Party congresses (target 12).
  count(
    'elections.tasks_due',
    'Số nhiệm vụ bầu cử, đại hội đến hạn',
    'Election and congress tasks due',
    `select 'e:' || id as fact_id, unit_id, due_on as fact_date, 1 as value, campaign as dim from election_tasks where due_on between :from and :to`,
    ELECTION_CAMPAIGN_LABELS,
  ),
  count(
    'elections.tasks_done',
    'Số nhiệm vụ bầu cử, đại hội đã hoàn thành',
    'Election and congress tasks done',
    `select 'e:' || id as fact_id, unit_id, due_on as fact_date, 1 as value, campaign as dim from election_tasks
      where due_on between :from and :to and done_on is not null`,
    ELECTION_CAMPAIGN_LABELS,
  ),
  count(
    'elections.held',
    'Số cuộc bầu cử đã tổ chức (theo loại)',
    'Elections held (by kind)',
    `select 'r:' || id as fact_id, unit_id, held_on as fact_date, 1 as value, kind as dim from election_results where held_on between :from and :to`,
    ELECTION_KIND_LABELS,
  ),
  count(
    'elections.elected',
    'Số người trúng cử (theo loại)',
    'People elected (by kind)',
    `select 'r:' || id as fact_id, unit_id, held_on as fact_date, elected as value, kind as dim from election_results where held_on between :from and :to`,
    ELECTION_KIND_LABELS,
  ),
  count(
    'elections.voters',
    'Số cử tri trong danh sách (theo loại bầu cử)',
    'Voters on the lists (by kind of election)',
    `select 'r:' || id as fact_id, unit_id, held_on as fact_date, voters as value, kind as dim from election_results where held_on between :from and :to`,
    ELECTION_KIND_LABELS,
  ),
  count(
    'elections.voted',
    'Số cử tri đã đi bầu (theo loại bầu cử)',
    'Voters who voted (by kind of election)',
    `select 'r:' || id as fact_id, unit_id, held_on as fact_date, voted as value, kind as dim from election_results where held_on between :from and :to`,
    ELECTION_KIND_LABELS,
  ),
  // Training (target 15a): courses at the organiser; attendances also at the attendee's unit, by the organiser's level.
  count(
    'training.courses',
    'Số lớp tập huấn, bồi dưỡng tổ chức',
    'Training courses held',
    `select 'c:' || id as fact_id, unit_id, starts_on as fact_date, 1 as value, null::text as dim from training_courses where starts_on between :from and :to`,
  ),
  count(
    'training.attendances',
    'Số lượt người dự các lớp tập huấn tổ chức',
    'Attendances at the courses held',
    `select 'a:' || a.id as fact_id, c.unit_id, c.starts_on as fact_date, 1 as value, null::text as dim
       from training_attendances a join training_courses c on c.id = a.course_id where c.starts_on between :from and :to`,
  ),
  count(
    'training.attendances_by_attendee',
    'Số lượt cán bộ dự tập huấn (theo cấp tổ chức lớp)',
    "Attendances by the unit's people (by level of the organiser)",
    `select 'a:' || a.id as fact_id, a.unit_id, c.starts_on as fact_date, 1 as value, ${levelOf('c.unit_id')} as dim
       from training_attendances a join training_courses c on c.id = a.course_id where c.starts_on between :from and :to`,
    LEVEL_DIMS,
  ),
  count(
    'training.staff',
    'Số cán bộ chuyên trách (cuối kỳ)',
    'Full-time staff (at the end of the period)',
    `select 's:' || s.id as fact_id, s.unit_id, ${lastDay('s.unit_id', 'least(:to, s.valid_to - 1)')} as fact_date, 1 as value, null::text as dim
       from front_staff s where s.valid_from <= :to and s.valid_to > :from`,
  ),
  count(
    'training.staff_trained',
    'Số cán bộ chuyên trách được tập huấn trong kỳ',
    'Full-time staff trained in the period',
    `select 's:' || s.id as fact_id, s.unit_id, ${lastDay('s.unit_id', 'least(:to, s.valid_to - 1)')} as fact_date, 1 as value, null::text as dim
       from front_staff s where s.valid_from <= :to and s.valid_to > :from
        and exists (select 1 from training_attendances a join training_courses c on c.id = a.course_id
                     where a.staff_id = s.id and c.starts_on between :from and :to)`,
  ),
  // Annual grading (target 15b, 15c): decided grades, on the last day of the year graded.
  ...(
    [
      ['graded', 'Số đơn vị được xếp loại (theo cấp)', 'Units graded (by level)', `true`],
      ['good_or_better', 'Số đơn vị xếp loại tốt trở lên (theo cấp)', 'Units graded good or better (by level)', `g.grade in ('excellent', 'good')`],
      ['excellent', 'Số đơn vị xếp loại vững mạnh xuất sắc (theo cấp)', 'Units graded excellent (by level)', `g.grade = 'excellent'`],
    ] as const
  ).map(([k, vi, en, cond]) =>
    count(
      `grading.${k}`,
      vi,
      en,
      `select * from (select 'g:' || g.id as fact_id, g.unit_id, ${lastDay('g.unit_id', 'make_date(g.year, 12, 31)')} as fact_date, 1 as value,
                           ${levelOf('g.unit_id')} as dim
                      from gradings g where g.grade is not null and ${cond} and g.year between extract(year from :from) and extract(year from :to)) g
      where g.fact_date between :from and :to`,
      LEVEL_DIMS,
    ),
  ),
  // The commendation registry: by recipient; those of the province and central levels apart (Part One 1.5).
  count(
    'awards.commendations',
    'Số lượt khen thưởng (theo đối tượng)',
    'Commendations (by recipient)',
    `select 'w:' || id as fact_id, unit_id, awarded_on as fact_date, 1 as value, recipient_kind as dim from commendations where awarded_on between :from and :to`,
    RECIPIENT_KIND_LABELS,
  ),
  count(
    'awards.commendations_by_level',
    'Số lượt khen thưởng (theo cấp khen)',
    'Commendations (by awarding level)',
    `select 'w:' || id as fact_id, unit_id, awarded_on as fact_date, 1 as value, level as dim from commendations where awarded_on between :from and :to`,
    AWARD_LEVEL_LABELS,
  ),
  count(
    'awards.commendations_higher',
    'Số lượt được Trung ương, cấp tỉnh khen thưởng (theo đối tượng)',
    'Commendations by central and provincial bodies (by recipient)',
    `select 'w:' || id as fact_id, unit_id, awarded_on as fact_date, 1 as value, recipient_kind as dim from commendations
      where awarded_on between :from and :to and level in ('central', 'province')`,
    RECIPIENT_KIND_LABELS,
  ),
  // Advisory boards and teams (Part One 1.5 (4)), read from the org module's committees at the period's end.
  count(
    'org.advisory_boards',
    'Số Ban tư vấn, Tổ tư vấn (cuối kỳ)',
    'Advisory boards and teams (at the end of the period)',
    `select 'k:' || k.id as fact_id, k.unit_id, :to as fact_date, 1 as value, null::text as dim
       from org_committees k where k.kind = 'advisory_board' and k.valid_from <= :to and :to < k.valid_to`,
  ),
  count(
    'org.advisory_members',
    'Số thành viên Ban tư vấn, Tổ tư vấn (cuối kỳ)',
    'Members of advisory boards and teams (at the end of the period)',
    `select 'm:' || m.id as fact_id, k.unit_id, :to as fact_date, 1 as value, null::text as dim
       from org_members m join org_committees k on k.id = m.committee_id
      where k.kind = 'advisory_board' and m.valid_from <= :to and :to < m.valid_to`,
  ),
  // Coordination programmes (Part One 1.5 (3)).
  count(
    'direction.coordination_programmes',
    'Số chương trình phối hợp công tác ký kết',
    'Coordination programmes signed',
    `select 'p:' || id as fact_id, unit_id, signed_on as fact_date, 1 as value, partner_kind as dim from coordination_programmes where signed_on between :from and :to`,
  ),
  count(
    'direction.coordination_reviews',
    'Số lượt sơ kết, tổng kết chương trình phối hợp',
    'Yearly reviews of coordination programmes',
    `select 'pr:' || r.id as fact_id, p.unit_id, r.reviewed_on as fact_date, 1 as value, null::text as dim
       from coordination_reviews r join coordination_programmes p on p.id = r.programme_id where r.reviewed_on between :from and :to`,
  ),
];
