// Part One's organisation figures over what the org registry records: reporters and propagandists,
// advisory boards and their members (at the end of the period), member organisations admitted.
import { FRONT_PERSON_ROLE_LABELS } from '@contract/org-values';
import { defineMetrics } from '../../platform/metrics';

defineMetrics([
  {
    key: 'org.front_people', module: 'org', unitOfMeasure: 'count', dims: FRONT_PERSON_ROLE_LABELS,
    label: { vi: 'Báo cáo viên, tuyên truyền viên (tại cuối kỳ)', en: 'Reporters and propagandists (at the end of the period)' },
    facts: `select 'person:' || p.id as fact_id, p.unit_id, :to as fact_date, 1 as value, p.role as dim
              from org_people p where p.valid_from <= :to and :to < p.valid_to`,
  },
  {
    key: 'org.advisory_boards', module: 'org', unitOfMeasure: 'count',
    label: { vi: 'Ban tư vấn, Tổ tư vấn (tại cuối kỳ)', en: 'Advisory boards (at the end of the period)' },
    facts: `select 'committee:' || k.id as fact_id, k.unit_id, :to as fact_date, 1 as value, null::text as dim
              from org_committees k where k.kind = 'advisory_board' and k.valid_from <= :to and :to < k.valid_to`,
  },
  {
    key: 'org.advisory_members', module: 'org', unitOfMeasure: 'count',
    label: { vi: 'Thành viên Ban tư vấn, Tổ tư vấn (tại cuối kỳ)', en: 'Advisory board members (at the end of the period)' },
    facts: `select 'member:' || m.id as fact_id, k.unit_id, :to as fact_date, 1 as value, null::text as dim
              from org_members m join org_committees k on k.id = m.committee_id
             where k.kind = 'advisory_board' and m.valid_from <= :to and :to < m.valid_to`,
  },
  {
    // Admitted = joined after the unit's Front membership was first recorded (the founding members are not).
    key: 'org.member_orgs_admitted', module: 'org', unitOfMeasure: 'count',
    label: { vi: 'Tổ chức thành viên được kết nạp', en: 'Member organisations admitted' },
    facts: `select 'member_org:' || o.id as fact_id, o.unit_id, o.valid_from as fact_date, 1 as value, null::text as dim
              from org_member_orgs o
             where o.valid_from between :from and :to
               and o.valid_from > (select min(f.valid_from) from org_member_orgs f where f.unit_id = o.unit_id)`,
  },
]);
