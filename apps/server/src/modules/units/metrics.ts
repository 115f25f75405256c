import { defineMetrics } from '../../platform/metrics';

defineMetrics([
  {
    key: 'org.units_by_level',
    module: 'org',
    label: { vi: 'Số đơn vị hành chính theo cấp', en: 'Units by level' },
    unitOfMeasure: 'count',
    dims: {
      province: { vi: 'Tỉnh', en: 'Province' },
      district: { vi: 'Huyện/Thành phố', en: 'District/City' },
      commune: { vi: 'Xã/Phường', en: 'Commune/Ward' },
      village: { vi: 'Thôn/Tổ dân phố', en: 'Village/Residential group' },
    },
    // A unit is counted where it stands at the end of the period.
    facts: `select 'unit:' || u.id as fact_id, u.id as unit_id, :to as fact_date, 1 as value, u.level as dim
              from units u where u.valid_from <= :to and :to < u.valid_to`,
  },
]);
