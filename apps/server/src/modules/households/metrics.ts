import { HOUSE_STATUS_LABELS, HOUSEHOLD_CLASS_LABELS, SUPPORT_KIND_LABELS } from '@contract/households';
import type { MetricDef } from '../../platform/metrics';
import { COVERAGE_SQL } from './queries';

// Facts sit at the household's village (a review carries it). A year's review is dated on its fact_date (1 January), so a
// year's due and reached households are placed in the same unit; hardship is counted per quarter.
const reviewed = (cond: string, value = '1', dim = 'null::text', id = `'hc:' || hc.household_id || ':' || hc.year`) =>
  `select ${id} as fact_id, hc.unit_id, hc.fact_date, ${value} as value, ${dim} as dim
     from household_classifications hc
    where hc.fact_date between :from and :to and ${cond}`;

const quarterStart = `greatest(make_date(hc.year, q * 3 - 2, 1), hc.fact_date)`;
const quarterEnd = `(make_date(hc.year, q * 3 - 2, 1) + interval '3 months' - interval '1 day')::date`;
const hardship = (reachedOnly: boolean) =>
  `select 'hq:' || hc.household_id || ':' || hc.year || ':' || q as fact_id, hc.unit_id, ${quarterStart} as fact_date, 1 as value, null::text as dim
     from household_classifications hc cross join generate_series(1, 4) as q
    where ${COVERAGE_SQL.hardship.due} and ${quarterStart} between :from and :to
      ${reachedOnly ? `and ${COVERAGE_SQL.hardship.reached('hc.year', `make_date(hc.year, q * 3 - 2, 1)`, quarterEnd)}` : ''}`;

const supports = (value: string) =>
  `select 's:' || s.id as fact_id, h.unit_id, s.support_date as fact_date, ${value} as value, s.kind as dim
     from household_supports s join households h on h.id = s.household_id
    where s.support_date between :from and :to`;

const classLabels = HOUSEHOLD_CLASS_LABELS;

export const householdMetrics: MetricDef[] = [
  {
    key: 'households.total',
    module: 'households',
    unitOfMeasure: 'count',
    label: { vi: 'Tổng số hộ gia đình (mẫu số tỷ lệ hộ nghèo)', en: "Households (the poverty rate's denominator)" },
    facts: `select 'vc:' || c.unit_id || ':' || c.year as fact_id, c.unit_id, f.d as fact_date, c.households as value, null::text as dim
              from village_household_counts c join units u on u.id = c.unit_id
              cross join lateral (select greatest(make_date(c.year, 1, 1), u.valid_from) as d) f
             where f.d between :from and :to`,
  },
  {
    key: 'households.by_class',
    module: 'households',
    unitOfMeasure: 'count',
    dims: classLabels,
    label: { vi: 'Số hộ theo phân loại (rà soát hằng năm)', en: 'Households by class (annual review)' },
    facts: `select 'hc:' || hc.household_id || ':' || hc.year || ':' || c as fact_id, hc.unit_id, hc.fact_date, 1 as value, c as dim
              from household_classifications hc cross join unnest(hc.classes) as c
             where hc.fact_date between :from and :to`,
  },
  {
    key: 'households.poor',
    module: 'households',
    unitOfMeasure: 'count',
    label: { vi: 'Số hộ nghèo', en: 'Poor households' },
    facts: reviewed(`'poor' = any(hc.classes)`),
  },
  {
    key: 'households.tet_due',
    module: 'households',
    unitOfMeasure: 'count',
    label: { vi: 'Hộ nghèo, cận nghèo cần được tặng quà Tết', en: 'Poor and near-poor households due a Tết gift' },
    facts: reviewed(COVERAGE_SQL.tet.due),
  },
  {
    key: 'households.tet_reached',
    module: 'households',
    unitOfMeasure: 'count',
    label: { vi: 'Hộ nghèo, cận nghèo đã nhận quà Tết', en: 'Poor and near-poor households that received a Tết gift' },
    facts: reviewed(`${COVERAGE_SQL.tet.due} and ${COVERAGE_SQL.tet.reached('hc.year', '', '')}`),
  },
  {
    key: 'households.hardship_due',
    module: 'households',
    unitOfMeasure: 'count',
    label: { vi: 'Lượt hộ hoàn cảnh đặc biệt khó khăn cần hỗ trợ (theo quý)', en: 'Special-hardship household-quarters due support' },
    facts: hardship(false),
  },
  {
    key: 'households.hardship_reached',
    module: 'households',
    unitOfMeasure: 'count',
    label: { vi: 'Lượt hộ hoàn cảnh đặc biệt khó khăn được hỗ trợ trong quý', en: 'Special-hardship household-quarters supported' },
    facts: hardship(true),
  },
  {
    key: 'households.house_need',
    module: 'households',
    unitOfMeasure: 'count',
    label: { vi: 'Hộ có nhu cầu xây mới, sửa chữa nhà ở', en: 'Households needing a new or repaired house' },
    facts: reviewed(COVERAGE_SQL.house.due, '1', 'hc.housing_need'),
  },
  {
    key: 'households.house_supported',
    module: 'households',
    unitOfMeasure: 'count',
    label: { vi: 'Hộ có nhu cầu nhà ở đã được hỗ trợ trong năm', en: 'Households needing a house that were supported in the year' },
    facts: reviewed(`${COVERAGE_SQL.house.due} and ${COVERAGE_SQL.house.reached('hc.year', '', '')}`, '1', 'hc.housing_need'),
  },
  {
    key: 'households.support_acts',
    module: 'households',
    unitOfMeasure: 'count',
    dims: SUPPORT_KIND_LABELS,
    label: { vi: 'Số lượt hỗ trợ theo hình thức', en: 'Support acts by kind' },
    facts: supports('1'),
  },
  {
    key: 'households.support_people',
    module: 'households',
    unitOfMeasure: 'count',
    dims: SUPPORT_KIND_LABELS,
    label: { vi: 'Số người được hỗ trợ theo hình thức', en: 'People supported, by kind' },
    facts: supports('s.people'),
  },
  {
    key: 'households.support_value',
    module: 'households',
    unitOfMeasure: 'vnd',
    dims: SUPPORT_KIND_LABELS,
    label: { vi: 'Giá trị hỗ trợ theo hình thức', en: 'Support value by kind' },
    facts: supports('s.value_vnd'),
  },
  {
    key: 'households.houses',
    module: 'households',
    unitOfMeasure: 'count',
    dims: HOUSE_STATUS_LABELS,
    label: { vi: 'Nhà Đại đoàn kết theo tiến độ (theo ngày phê duyệt)', en: 'Solidarity houses by progress (by approval date)' },
    facts: `select 'house:' || x.support_id as fact_id, h.unit_id, x.approved_on as fact_date, 1 as value, x.status as dim
              from household_houses x join household_supports s on s.id = x.support_id join households h on h.id = s.household_id
             where x.approved_on between :from and :to`,
  },
];
