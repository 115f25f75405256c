import { PETITION_CHANNEL_LABELS, PETITION_KIND_LABELS, SITUATION_PERIOD_KIND_LABELS } from '@contract/petitions';
import type { MetricDef } from '../../platform/metrics';
import { REQUIRED_SQL } from './queries-situation';

/**
 * The unit that holds a petition on a date: its own unit while that exists, afterwards the successor
 * valid then (a ward merged in the reform hands its open petitions to the new ward).
 */
const holderAt = (unitExpr: string, dateExpr: string) => `coalesce((select s.id from unit_lineage_closure l join units s on s.id = l.successor_id
   where l.predecessor_id = ${unitExpr} and s.valid_from <= ${dateExpr} and ${dateExpr} < s.valid_to
   order by (s.id = ${unitExpr}) desc, s.id limit 1), ${unitExpr})`;

const count = (key: string, vi: string, en: string, facts: string, dims?: Record<string, { vi: string; en: string }>) => ({
  key,
  module: 'petitions',
  label: { vi, en },
  unitOfMeasure: 'count' as const,
  facts,
  ...(dims ? { dims } : {}),
});

// Facts sit at the unit where they happened, on their date; the registry places them (then/now).
export const petitionMetrics: MetricDef[] = [
  count(
    'petitions.received',
    'Số đơn thư, kiến nghị tiếp nhận (theo loại)',
    'Petitions received (by kind)',
    `select 'p:' || id as fact_id, unit_id, received_on as fact_date, 1 as value, kind as dim
       from petitions where received_on between :from and :to`,
    PETITION_KIND_LABELS,
  ),
  count(
    'petitions.received_by_channel',
    'Số đơn thư, kiến nghị tiếp nhận (theo kênh)',
    'Petitions received (by channel)',
    `select 'p:' || id as fact_id, unit_id, received_on as fact_date, 1 as value, channel as dim
       from petitions where received_on between :from and :to`,
    PETITION_CHANNEL_LABELS,
  ),
  count(
    'petitions.forwarded',
    'Số đơn thư, kiến nghị đã chuyển cơ quan có thẩm quyền',
    'Petitions forwarded to the competent agency',
    `select 'p:' || id as fact_id, ${holderAt('unit_id', 'forwarded_on')} as unit_id, forwarded_on as fact_date, 1 as value, kind as dim
       from petitions where forwarded_on between :from and :to`,
    PETITION_KIND_LABELS,
  ),
  count(
    'petitions.answer_due',
    'Số kiến nghị đã chuyển đến hạn trả lời',
    'Forwarded petitions whose answer fell due',
    `select 'p:' || id as fact_id, ${holderAt('unit_id', 'answer_due_on')} as unit_id, answer_due_on as fact_date, 1 as value, kind as dim
       from petitions where answer_due_on between :from and :to`,
    PETITION_KIND_LABELS,
  ),
  count(
    'petitions.answered_in_writing',
    'Số kiến nghị đến hạn đã được trả lời bằng văn bản',
    'Of those, answered in writing',
    `select 'p:' || id as fact_id, ${holderAt('unit_id', 'answer_due_on')} as unit_id, answer_due_on as fact_date, 1 as value, kind as dim
       from petitions where answer_due_on between :from and :to and answer_in_writing`,
    PETITION_KIND_LABELS,
  ),
  count(
    'petitions.answered',
    'Số kiến nghị đã có trả lời',
    'Petitions answered',
    `select 'p:' || id as fact_id, ${holderAt('unit_id', 'answered_on')} as unit_id, answered_on as fact_date, 1 as value, kind as dim
       from petitions where answered_on between :from and :to`,
    PETITION_KIND_LABELS,
  ),
  {
    key: 'petitions.answer_days',
    module: 'petitions',
    unitOfMeasure: 'days',
    label: { vi: 'Tổng số ngày từ khi chuyển đến khi có trả lời', en: 'Total days from forwarding to answer' },
    facts: `select 'p:' || id as fact_id, ${holderAt('unit_id', 'answered_on')} as unit_id, answered_on as fact_date,
                   (answered_on - forwarded_on) as value, null::text as dim
              from petitions where answered_on between :from and :to and forwarded_on is not null`,
  },
  count(
    'petitions.overdue',
    'Số kiến nghị quá hạn chưa giải quyết',
    'Petitions open past their due date',
    `select 'p:' || id as fact_id, ${holderAt('unit_id', 'due_on')} as unit_id, due_on as fact_date, 1 as value, state as dim
       from petitions where due_on < vn_today() and due_on between :from and :to`,
  ),
  count(
    'petitions.citizens_received',
    'Số lượt công dân được tiếp',
    'Citizens received',
    `select 'r:' || id as fact_id, unit_id, held_on as fact_date, citizens_count as value, null::text as dim
       from citizen_receptions where held_on between :from and :to`,
  ),
  count(
    'petitions.receptions',
    'Số buổi tiếp công dân',
    'Citizen reception sessions',
    `select 'r:' || id as fact_id, unit_id, held_on as fact_date, 1 as value, null::text as dim
       from citizen_receptions where held_on between :from and :to`,
  ),
  count(
    'petitions.voter_meetings',
    'Số cuộc tiếp xúc cử tri',
    'Voter meetings',
    `select 'm:' || id as fact_id, unit_id, held_on as fact_date, 1 as value, null::text as dim
       from voter_meetings where kind = 'voter_meeting' and held_on between :from and :to`,
  ),
  count(
    'petitions.voters',
    'Số lượt cử tri tham dự tiếp xúc',
    'Voters attending voter meetings',
    `select 'm:' || id as fact_id, unit_id, held_on as fact_date, voters as value, null::text as dim
       from voter_meetings where kind = 'voter_meeting' and held_on between :from and :to`,
  ),
  count(
    'petitions.voter_opinions',
    'Số ý kiến, kiến nghị của cử tri',
    'Opinions raised at voter meetings',
    `select 'm:' || id as fact_id, unit_id, held_on as fact_date, opinions as value, null::text as dim
       from voter_meetings where kind = 'voter_meeting' and held_on between :from and :to`,
  ),
  count(
    'petitions.dialogues',
    'Số cuộc đối thoại',
    'Dialogues',
    `select 'm:' || id as fact_id, unit_id, held_on as fact_date, 1 as value, null::text as dim
       from voter_meetings where kind = 'dialogue' and held_on between :from and :to`,
  ),
  count(
    'petitions.situation_reports_due',
    'Số báo cáo tình hình Nhân dân phải nộp',
    "People's situation reports due",
    `select 'sr:' || r.period_id || ':' || r.unit_id as fact_id, r.unit_id, r.due_on as fact_date, 1 as value, sp.kind as dim
       from (${REQUIRED_SQL}) r join situation_periods sp on sp.id = r.period_id where r.due_on between :from and :to`,
    SITUATION_PERIOD_KIND_LABELS,
  ),
  count(
    'petitions.situation_reports_on_time',
    'Số báo cáo tình hình Nhân dân nộp đúng hạn',
    'Situation reports filed on time',
    // From the reports filed (few) rather than from every unit owing one (many): same facts, ~4× faster
    // for a province (npm run bench -- targets).
    `select 'sr:' || s.period_id || ':' || s.unit_id as fact_id, s.unit_id, sp.due_on as fact_date, 1 as value, sp.kind as dim
       from situation_reports s join situation_periods sp on sp.id = s.period_id
      where sp.due_on between :from and :to and s.filed_on <= sp.due_on
        and exists (select 1 from unit_closure c join units u on u.id = c.descendant_id
                     where c.ancestor_id = sp.unit_id and c.descendant_id = s.unit_id
                       and c.valid_from <= sp.due_on and sp.due_on < c.valid_to
                       and u.level = any(sp.levels) and u.valid_from <= sp.due_on and sp.due_on < u.valid_to)`,
    SITUATION_PERIOD_KIND_LABELS,
  ),
  count(
    'petitions.situation_reports',
    'Số báo cáo tình hình Nhân dân đã nộp',
    'Situation reports filed',
    `select 'sr:' || s.id as fact_id, s.unit_id, s.filed_on as fact_date, 1 as value, sp.kind as dim
       from situation_reports s join situation_periods sp on sp.id = s.period_id where s.filed_on between :from and :to`,
    SITUATION_PERIOD_KIND_LABELS,
  ),
  count(
    'petitions.conferences',
    'Số hội nghị công khai kết quả giải quyết',
    'Public result conferences held',
    `select 'c:' || id as fact_id, unit_id, held_on as fact_date, 1 as value, null::text as dim
       from petition_conferences where held_on between :from and :to`,
  ),
];
