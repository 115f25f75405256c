import { POSITION_LABELS } from '@contract/org';
import { defineMetrics } from '../../platform/metrics';

// Facts sit at the committee's unit on their date; the registry places them into units (then/now).
defineMetrics([
  {
    key: 'org.committee_members',
    module: 'org',
    label: { vi: 'Số thành viên theo chức danh (tại cuối kỳ)', en: 'Committee members by position (at the end of the period)' },
    unitOfMeasure: 'count',
    dims: POSITION_LABELS,
    facts: `select 'member:' || m.id as fact_id, k.unit_id, :to as fact_date, 1 as value, m.position as dim
              from org_members m join org_committees k on k.id = m.committee_id
             where m.valid_from <= :to and :to < m.valid_to`,
  },
  {
    key: 'org.villages_with_work_board',
    module: 'org',
    label: { vi: 'Số thôn, tổ dân phố có Ban công tác Mặt trận', en: 'Villages with a Front work board' },
    unitOfMeasure: 'count',
    facts: `select 'village:' || u.id as fact_id, u.id as unit_id, :to as fact_date, 1 as value, null::text as dim
              from units u
             where u.level = 'village' and u.valid_from <= :to and :to < u.valid_to
               and exists (select 1 from org_committees k where k.unit_id = u.id and k.kind = 'work_board'
                              and k.valid_from <= :to and :to < k.valid_to)`,
  },
  {
    key: 'org.membership_changes',
    module: 'org',
    label: { vi: 'Số lượt kiện toàn theo chức danh', en: 'Membership changes by position' },
    unitOfMeasure: 'count',
    dims: POSITION_LABELS,
    facts: `select 'change:' || c.id as fact_id, k.unit_id, c.change_date as fact_date, 1 as value, c.position as dim
              from org_membership_changes c join org_committees k on k.id = c.committee_id
             where c.change_date between :from and :to`,
  },
]);
