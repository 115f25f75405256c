// Part One's "member organisations admitted" over what the org registry records.
import { defineMetrics } from '../../platform/metrics';

defineMetrics([
  {
    // Admitted = joined after the unit's Front membership was first recorded (the founding members are not).
    key: 'org.member_orgs_admitted',
    module: 'org',
    unitOfMeasure: 'count',
    label: { vi: 'Tổ chức thành viên được kết nạp', en: 'Member organisations admitted' },
    facts: `select 'member_org:' || o.id as fact_id, o.unit_id, o.valid_from as fact_date, 1 as value, null::text as dim
              from org_member_orgs o
             where o.valid_from between :from and :to
               and o.valid_from > (select min(f.valid_from) from org_member_orgs f where f.unit_id = o.unit_id)`,
  },
]);
