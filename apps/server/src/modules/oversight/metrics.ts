import { ACTIVITY_FORM_LABELS, BOARD_KIND_LABELS, DOC_KIND_LABELS, MEDIATION_KIND_LABELS } from '@contract/oversight';
import type { MetricDef } from '../../platform/metrics';

const LEVELS = {
  province: { vi: 'Tỉnh', en: 'Province' },
  district: { vi: 'Huyện/Thành phố', en: 'District/City' },
  commune: { vi: 'Xã/Phường', en: 'Commune/Ward' },
  village: { vi: 'Thôn/Tổ dân phố', en: 'Village' },
};

const count = (key: string, vi: string, en: string, facts: string, dims?: Record<string, { vi: string; en: string }>) => ({
  key,
  module: 'oversight',
  label: { vi, en },
  unitOfMeasure: 'count' as const,
  facts,
  ...(dims ? { dims } : {}),
});

/**
 * Each board for each year of the period it served in, dated on the year's last day it existed (its
 * term's end, or the period's end): the denominator of target 14, judged year by year.
 */
const BOARD_YEARS = `select b.id, b.unit_id, b.kind, y.y,
       least(make_date(y.y, 12, 31), :to, case when b.valid_to = 'infinity' then :to else b.valid_to - 1 end) as fact_date
  from inspection_boards b
  cross join lateral generate_series(extract(year from :from)::int, extract(year from :to)::int) as y(y)
 where b.valid_from <= least(make_date(y.y, 12, 31), :to) and greatest(make_date(y.y, 1, 1), :from) < b.valid_to`;

// Facts sit at the unit where they happened, on their date; the registry places them (then/now).
export const oversightMetrics: MetricDef[] = [
  count(
    'supervision.supervisions',
    'Số cuộc giám sát (theo hình thức)',
    'Supervisions (by form)',
    `select 'sa:' || id as fact_id, unit_id, started_on as fact_date, 1 as value, form as dim
       from oversight_activities where kind = 'supervision' and started_on between :from and :to`,
    ACTIVITY_FORM_LABELS,
  ),
  // Target 10: the topics a level's Front leads itself; dim = the level of the unit that did it.
  count(
    'supervision.topics',
    'Số nội dung giám sát chuyên đề do Mặt trận chủ trì (theo cấp)',
    'Supervision topics led by the Front (by level)',
    `select 'sa:' || a.id as fact_id, a.unit_id, a.started_on as fact_date, 1 as value, u.level as dim
       from oversight_activities a join units u on u.id = a.unit_id
      where a.kind = 'supervision' and a.form = 'direct' and a.started_on between :from and :to`,
    LEVELS,
  ),
  count(
    'supervision.criticisms',
    'Số hội nghị, nội dung phản biện xã hội (theo cấp)',
    'Social criticisms (by level)',
    `select 'sa:' || a.id as fact_id, a.unit_id, a.started_on as fact_date, 1 as value, u.level as dim
       from oversight_activities a join units u on u.id = a.unit_id
      where a.kind = 'criticism' and a.started_on between :from and :to`,
    LEVELS,
  ),
  count(
    'supervision.criticism_opinions',
    'Số ý kiến phản biện',
    'Opinions given at criticisms',
    `select 'sa:' || id as fact_id, unit_id, started_on as fact_date, coalesce(opinions_given, 0) as value, null::text as dim
       from oversight_activities where kind = 'criticism' and started_on between :from and :to`,
  ),
  count(
    'supervision.criticism_opinions_accepted',
    'Số ý kiến phản biện được tiếp thu',
    'Criticism opinions accepted',
    `select 'sa:' || id as fact_id, unit_id, started_on as fact_date, coalesce(opinions_accepted, 0) as value, null::text as dim
       from oversight_activities where kind = 'criticism' and started_on between :from and :to`,
  ),
  count(
    'supervision.recommendations',
    'Số kiến nghị sau giám sát, phản biện',
    'Recommendations made',
    `select 'sr:' || id as fact_id, unit_id, made_on as fact_date, 1 as value, null::text as dim
       from oversight_recommendations where made_on between :from and :to`,
  ),
  count(
    'supervision.recommendations_done',
    'Số kiến nghị đã được khắc phục',
    'Recommendations remedied',
    `select 'sr:' || id as fact_id, unit_id, made_on as fact_date, 1 as value, null::text as dim
       from oversight_recommendations where status = 'done' and made_on between :from and :to`,
  ),
  count(
    'supervision.recommendations_overdue',
    'Số kiến nghị quá hạn chưa được giải quyết',
    'Recommendations open past their due date',
    `select 'sr:' || id as fact_id, unit_id, made_on as fact_date, 1 as value, null::text as dim
       from oversight_recommendations where open_due_on < vn_today() and made_on between :from and :to`,
  ),

  count(
    'opinions.conferences',
    'Số hội nghị góp ý xây dựng Đảng, chính quyền',
    'Opinion conferences',
    `select 'os:' || id as fact_id, unit_id, held_on as fact_date, 1 as value, topic as dim
       from opinion_sessions where form = 'conference' and held_on between :from and :to`,
  ),
  count(
    'opinions.drafts',
    'Số dự thảo văn bản được góp ý (theo loại)',
    'Drafts commented (by kind)',
    `select 'od:' || d.id as fact_id, s.unit_id, s.held_on as fact_date, 1 as value, d.doc_kind as dim
       from opinion_drafts d join opinion_sessions s on s.id = d.session_id where s.held_on between :from and :to`,
    DOC_KIND_LABELS,
  ),
  count(
    'opinions.draft_opinions',
    'Số lượt ý kiến góp ý dự thảo',
    'Opinions on drafts',
    `select 'od:' || d.id as fact_id, s.unit_id, s.held_on as fact_date, d.opinions as value, d.doc_kind as dim
       from opinion_drafts d join opinion_sessions s on s.id = d.session_id where s.held_on between :from and :to`,
    DOC_KIND_LABELS,
  ),
  count(
    'opinions.officials_opinions',
    'Số lượt ý kiến góp ý cán bộ, đảng viên',
    'Opinions on officials and Party members',
    `select 'os:' || id as fact_id, unit_id, held_on as fact_date, officials_opinions as value, null::text as dim
       from opinion_sessions where topic = 'officials' and held_on between :from and :to`,
  ),
  count(
    'opinions.participants',
    'Số lượt người tham gia góp ý',
    'People taking part in opinion collection',
    `select 'os:' || id as fact_id, unit_id, held_on as fact_date, participants as value, topic as dim
       from opinion_sessions where held_on between :from and :to`,
  ),

  count(
    'inspection.boards_elected',
    'Số Ban được bầu (theo loại)',
    'Boards elected (by kind)',
    `select 'ib:' || id as fact_id, unit_id, elected_on as fact_date, 1 as value, kind as dim
       from inspection_boards where elected_on between :from and :to`,
    BOARD_KIND_LABELS,
  ),
  count(
    'inspection.members_elected',
    'Số thành viên Ban được bầu (theo loại)',
    'Board members elected (by kind)',
    `select 'im:' || m.id as fact_id, b.unit_id, m.elected_on as fact_date, 1 as value, b.kind as dim
       from inspection_board_members m join inspection_boards b on b.id = m.board_id where m.elected_on between :from and :to`,
    BOARD_KIND_LABELS,
  ),
  count(
    'inspection.supervisions',
    'Số cuộc giám sát của Ban TTND, Ban GSĐTCCĐ',
    "Supervisions by the people's boards",
    `select 'is:' || s.id as fact_id, s.unit_id, s.held_on as fact_date, 1 as value, b.kind as dim
       from inspection_supervisions s join inspection_boards b on b.id = s.board_id where s.held_on between :from and :to`,
    BOARD_KIND_LABELS,
  ),
  count(
    'inspection.violations',
    'Số vi phạm phát hiện qua giám sát của các Ban',
    'Violations found by the boards',
    `select 'is:' || s.id as fact_id, s.unit_id, s.held_on as fact_date, s.violations as value, b.kind as dim
       from inspection_supervisions s join inspection_boards b on b.id = s.board_id where s.held_on between :from and :to and s.violations > 0`,
    BOARD_KIND_LABELS,
  ),
  count(
    'inspection.boards',
    'Số lượt Ban hoạt động trong năm',
    'Board-years in service',
    `select 'iy:' || id || ':' || y as fact_id, unit_id, fact_date, 1 as value, kind as dim from (${BOARD_YEARS}) x`,
    BOARD_KIND_LABELS,
  ),
  count(
    'inspection.boards_good',
    'Số lượt Ban xếp loại tốt trở lên',
    'Board-years rated good or better',
    `select 'iy:' || x.id || ':' || x.y as fact_id, x.unit_id, x.fact_date, 1 as value, x.kind as dim from (${BOARD_YEARS}) x
       join inspection_board_years r on r.board_id = x.id and r.year = x.y where r.rating in ('excellent', 'good')`,
    BOARD_KIND_LABELS,
  ),
  count(
    'inspection.boards_weak',
    'Số lượt Ban xếp loại yếu',
    'Board-years rated weak',
    `select 'iy:' || x.id || ':' || x.y as fact_id, x.unit_id, x.fact_date, 1 as value, x.kind as dim from (${BOARD_YEARS}) x
       join inspection_board_years r on r.board_id = x.id and r.year = x.y where r.rating = 'weak'`,
    BOARD_KIND_LABELS,
  ),
  count(
    'inspection.boards_funded',
    'Số lượt Ban được cấp đủ kinh phí',
    'Board-years fully funded',
    `select 'iy:' || x.id || ':' || x.y as fact_id, x.unit_id, x.fact_date, 1 as value, x.kind as dim from (${BOARD_YEARS}) x
       join inspection_board_years r on r.board_id = x.id and r.year = x.y where r.funding_vnd >= r.funding_required_vnd`,
    BOARD_KIND_LABELS,
  ),

  // A team is counted where it stands at the end of the period (like the units themselves).
  count(
    'mediation.teams',
    'Số tổ hòa giải ở cơ sở (tại cuối kỳ)',
    'Mediation teams (at the end of the period)',
    `select 'mt:' || id as fact_id, unit_id, :to as fact_date, 1 as value, null::text as dim
       from mediation_teams where valid_from <= :to and :to < valid_to`,
  ),
  count(
    'mediation.cases',
    'Số vụ việc hòa giải tiếp nhận (theo loại)',
    'Mediation cases received (by kind)',
    `select 'mc:' || id as fact_id, unit_id, received_on as fact_date, 1 as value, kind as dim
       from mediation_cases where received_on between :from and :to`,
    MEDIATION_KIND_LABELS,
  ),
  count(
    'mediation.closed',
    'Số vụ việc hòa giải đã kết thúc',
    'Mediation cases closed',
    `select 'mc:' || id as fact_id, unit_id, closed_on as fact_date, 1 as value, outcome as dim
       from mediation_cases where closed_on between :from and :to`,
  ),
  count(
    'mediation.successful',
    'Số vụ việc hòa giải thành',
    'Mediation cases settled',
    `select 'mc:' || id as fact_id, unit_id, closed_on as fact_date, 1 as value, kind as dim
       from mediation_cases where outcome = 'success' and closed_on between :from and :to`,
    MEDIATION_KIND_LABELS,
  ),
];
