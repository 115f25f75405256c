import type { Measure, MetricRef, Quantity, Rule, TargetInput } from '@contract/targets';
import type { UnitLevel } from '@contract/units';

/*
 * The 16 targets of the Bắc Giang city congress 2024–2029 (seed, Part Two III.2) as records. Metric keys
 * follow the keys agreed between modules; keys of modules not built yet (propaganda, religion, culture,
 * solidarity, emulation, supervision, mediation, elections, inspection, training, grading) simply stay
 * "not yet measured" until a module registers them. Where a target is about a level's own work (target 10:
 * the city 2–3 topics, each ward 1–2), the metric's dim is the level of the unit that did it.
 */

const r = (metric: string, dims?: string[]): MetricRef => (dims ? { metric, dims } : { metric });
const value = (metric: string, dims?: string[]): Quantity => ({ kind: 'value', metric: r(metric, dims) });
const ratio = (num: MetricRef, den: MetricRef): Quantity => ({ kind: 'ratio', numerator: num, denominator: den });
const gte = (v: number): Rule => ({ op: 'gte', value: v });
const gt = (v: number): Rule => ({ op: 'gt', value: v });
const range = (min: number, max: number): Rule => ({ op: 'range', min, max });
const ALL: UnitLevel[] = ['district', 'commune', 'village'];
const FRONT: UnitLevel[] = ['district', 'commune'];
const m = (code: string, vi: string, en: string, levels: UnitLevel[], quantity: Quantity, rule: Rule, each?: UnitLevel): Measure => ({
  code,
  label: { vi, en },
  levels,
  quantity,
  rule,
  ...(each ? { each } : {}),
});

export const STANDARD_TARGETS_2024: TargetInput[] = [
  {
    number: 1,
    title: {
      vi: '100% MTTQ các cấp ứng dụng công nghệ thông tin, công nghệ số trong tuyên truyền, vận động',
      en: '100% of Front committees use IT and digital tools in propaganda',
    },
    measures: [
      m(
        '1',
        'Tỷ lệ Ủy ban MTTQ có kênh số hoạt động và bài đăng trong năm',
        'Committees with an active digital channel and posts',
        FRONT,
        ratio(r('propaganda.units_digital', ['district', 'commune']), r('org.units_by_level', ['district', 'commune'])),
        gte(100),
      ),
    ],
  },
  {
    number: 2,
    title: { vi: 'Hằng tháng, quý có báo cáo tình hình Nhân dân', en: "Monthly and quarterly reports on the people's situation" },
    measures: [
      m(
        '2',
        'Tỷ lệ báo cáo tình hình Nhân dân gửi đúng hạn',
        'Situation reports submitted on time',
        ALL,
        ratio(r('petitions.situation_reports_on_time'), r('petitions.situation_reports_due')),
        gte(100),
      ),
    ],
  },
  {
    number: 3,
    title: { vi: 'Vận động 100% cơ sở tôn giáo treo cờ Tổ quốc nhân các ngày lễ, Tết', en: '100% of religious establishments fly the national flag on holidays' },
    measures: [
      m(
        '3',
        'Tỷ lệ lượt cơ sở tôn giáo treo cờ theo ngày lễ',
        'Establishment-holidays with the flag flown',
        FRONT,
        ratio(r('religion.flag_compliant'), r('religion.flag_due')),
        gte(100),
      ),
    ],
  },
  {
    number: 4,
    title: {
      vi: 'Quỹ "Vì người nghèo" và An sinh xã hội trên 05 tỷ đồng/năm; 100% hộ nghèo, cận nghèo nhận quà Tết; hộ khó khăn đặc biệt được hỗ trợ thường xuyên',
      en: 'Fund for the Poor and social security above 5 billion VND a year; Tết gifts for 100% of poor and near-poor households; special-hardship households supported regularly',
    },
    measures: [
      m(
        '4a',
        'Số tiền vận động Quỹ "Vì người nghèo" và An sinh xã hội trong năm',
        'Raised for the Fund for the Poor and social security in the year',
        ['district'],
        value('fund.raised', ['vi_nguoi_ngheo', 'an_sinh']),
        gt(5_000_000_000),
      ),
      m(
        '4b',
        'Tỷ lệ hộ nghèo, cận nghèo được nhận quà Tết',
        'Poor and near-poor households with a Tết gift',
        ALL,
        ratio(r('households.tet_reached'), r('households.tet_due')),
        gte(100),
      ),
      m(
        '4c',
        'Tỷ lệ hộ khó khăn đặc biệt được hỗ trợ thường xuyên',
        'Special-hardship households supported regularly',
        ALL,
        ratio(r('households.hardship_reached'), r('households.hardship_due')),
        gte(100),
      ),
    ],
  },
  {
    number: 5,
    title: {
      vi: 'Hỗ trợ nhà Đại đoàn kết cho 100% hộ nghèo, cận nghèo có nhu cầu xây mới, sửa chữa',
      en: 'Solidarity houses for 100% of poor and near-poor households needing a new build or repair',
    },
    measures: [
      m(
        '5',
        'Tỷ lệ hộ có nhu cầu được hỗ trợ nhà',
        'Households needing a house that were supported',
        FRONT,
        ratio(r('households.house_supported'), r('households.house_need')),
        gte(100),
      ),
    ],
  },
  {
    number: 6,
    title: { vi: 'Nâng cao chất lượng bình xét danh hiệu "Gia đình văn hóa", "Thôn, tổ dân phố văn hóa"', en: 'Better quality of the cultural family and cultural village titles' },
    measures: [
      m(
        '6a',
        'Tỷ lệ hộ đạt danh hiệu Gia đình văn hóa (không thấp hơn năm trước)',
        'Households recognised as cultural families (not below last year)',
        ALL,
        ratio(r('culture.families_recognised'), r('culture.families_registered')),
        { op: 'no_decrease' },
      ),
      m(
        '6b',
        'Tỷ lệ thôn, tổ dân phố đạt danh hiệu văn hóa (không thấp hơn năm trước)',
        'Villages recognised as cultural villages (not below last year)',
        FRONT,
        ratio(r('culture.villages_recognised'), r('org.units_by_level', ['village'])),
        { op: 'no_decrease' },
      ),
    ],
  },
  {
    number: 7,
    title: {
      vi: 'Hằng năm, 100% thôn, tổ dân phố tổ chức Ngày hội Đại đoàn kết toàn dân tộc (18/11)',
      en: 'Every year, 100% of villages hold the Great National Solidarity Day (18 November)',
    },
    measures: [
      m('7a', 'Tỷ lệ thôn, tổ dân phố tổ chức Ngày hội', 'Villages that held the festival', FRONT, value('solidarity.festivals'), gte(1), 'village'),
      m('7b', 'Số Ngày hội tổ chức tại thôn, tổ dân phố', 'Festivals held in the village', ['village'], value('solidarity.festivals'), gte(1)),
    ],
  },
  {
    number: 8,
    title: {
      vi: 'Tham gia xây dựng nông thôn mới, đô thị văn minh; lấy ý kiến sự hài lòng của Nhân dân',
      en: 'New rural and civilised urban standards; citizen satisfaction surveys',
    },
    measures: [
      m('8a', 'Tỷ lệ người dân hài lòng (trên 95%)', 'Residents satisfied (above 95%)', FRONT, ratio(r('culture.survey_satisfied'), r('culture.survey_respondents')), gt(95)),
      m('8b', 'Số cuộc lấy ý kiến sự hài lòng tổ chức trong năm', 'Satisfaction surveys held in the year', ['commune'], value('culture.surveys'), gte(1)),
    ],
  },
  {
    number: 9,
    title: { vi: 'Hằng năm, xây dựng 5–7 mô hình trong phong trào "Đoàn kết sáng tạo"', en: '5–7 creative models a year in the "Creative solidarity" movement' },
    measures: [
      m('9', 'Số mô hình "Đoàn kết sáng tạo" được công nhận trong năm', 'Creative models recognised in the year', ['district'], value('emulation.creative_models'), range(5, 7)),
    ],
  },
  {
    number: 10,
    title: {
      vi: 'Giám sát chuyên đề: thành phố 02–03, cấp xã 01–02 nội dung/năm; phản biện xã hội: thành phố 01–02, cấp xã ít nhất 01 nội dung/năm',
      en: 'Supervision topics: city 2–3, wards 1–2 a year; social criticism: city 1–2, wards at least 1 a year',
    },
    measures: [
      m(
        '10a',
        'Số nội dung giám sát chuyên đề của MTTQ thành phố',
        'Supervision topics of the city committee',
        ['district'],
        value('supervision.topics', ['district']),
        range(2, 3),
      ),
      m('10b', 'Số nội dung giám sát chuyên đề của MTTQ cấp xã', 'Supervision topics of the ward committee', ['commune'], value('supervision.topics', ['commune']), range(1, 2)),
      m(
        '10c',
        'Số nội dung phản biện xã hội của MTTQ thành phố',
        'Social criticism topics of the city committee',
        ['district'],
        value('supervision.criticisms', ['district']),
        range(1, 2),
      ),
      m('10d', 'Số nội dung phản biện xã hội của MTTQ cấp xã', 'Social criticism topics of the ward committee', ['commune'], value('supervision.criticisms', ['commune']), gte(1)),
    ],
  },
  {
    number: 11,
    title: { vi: 'Tỷ lệ hòa giải thành trên 85% vụ việc', en: 'Mediation success above 85% of cases' },
    measures: [m('11', 'Tỷ lệ vụ việc hòa giải thành', 'Cases mediated successfully', ALL, ratio(r('mediation.successful'), r('mediation.closed')), gt(85))],
  },
  {
    number: 12,
    title: {
      vi: '100% Ủy ban MTTQ, Ban công tác Mặt trận thực hiện tốt nhiệm vụ tham gia Đại hội Đảng và bầu cử',
      en: '100% of committees and work boards fulfil their Party-congress and election tasks',
    },
    measures: [m('12', 'Tỷ lệ nhiệm vụ bầu cử, đại hội hoàn thành', 'Election and congress tasks done', ALL, ratio(r('elections.tasks_done'), r('elections.tasks_due')), gte(100))],
  },
  {
    number: 13,
    title: {
      vi: 'Trả lời đơn thư bằng văn bản đạt 90% trở lên; 01–03 hội nghị công khai kết quả giải quyết/năm',
      en: 'At least 90% of forwarded petitions answered in writing; 1–3 public result conferences a year',
    },
    measures: [
      m(
        '13a',
        'Tỷ lệ đơn thư chuyển được cơ quan chức năng trả lời bằng văn bản',
        'Forwarded petitions answered in writing',
        FRONT,
        ratio(r('petitions.answered_in_writing'), r('petitions.answer_due')),
        gte(90),
      ),
      m('13b', 'Số hội nghị công khai kết quả giải quyết', 'Public result conferences', ['district'], value('petitions.conferences'), range(1, 3)),
    ],
  },
  {
    number: 14,
    title: {
      vi: '100% Ban TTND, Ban GSĐTCCĐ hoạt động tốt trở lên, không có Ban yếu; 100% được cấp đủ kinh phí',
      en: '100% of inspection and investment supervision boards good or better, none weak; 100% funded',
    },
    measures: [
      m('14a', 'Tỷ lệ Ban hoạt động tốt trở lên', 'Boards rated good or better', FRONT, ratio(r('inspection.boards_good'), r('inspection.boards')), gte(100)),
      m('14b', 'Số Ban hoạt động yếu', 'Boards rated weak', FRONT, value('inspection.boards_weak'), { op: 'lte', value: 0 }),
      m('14c', 'Tỷ lệ Ban được cấp đủ kinh phí', 'Boards fully funded', FRONT, ratio(r('inspection.boards_funded'), r('inspection.boards')), gte(100)),
    ],
  },
  {
    number: 15,
    title: {
      vi: '100% cán bộ chuyên trách được tập huấn; MTTQ thành phố Hoàn thành xuất sắc; 100% MTTQ xã, phường, Ban công tác Mặt trận hoạt động tốt trở lên',
      en: '100% of full-time staff trained; city committee "excellent"; all ward committees and work boards good or better',
    },
    measures: [
      m(
        '15a',
        'Tỷ lệ cán bộ chuyên trách được tập huấn trong năm',
        'Full-time staff trained in the year',
        FRONT,
        ratio(r('training.staff_trained'), r('training.staff')),
        gte(100),
      ),
      m('15b', 'MTTQ thành phố xếp loại Hoàn thành xuất sắc nhiệm vụ', 'City committee graded excellent', ['district'], value('grading.excellent', ['district']), gte(1)),
      m(
        '15c',
        'Tỷ lệ MTTQ xã, phường, Ban công tác Mặt trận xếp loại tốt trở lên',
        'Ward committees and work boards graded good or better',
        FRONT,
        ratio(r('grading.good_or_better', ['commune', 'village']), r('grading.graded', ['commune', 'village'])),
        gte(100),
      ),
    ],
  },
  {
    number: 16,
    title: { vi: 'Mỗi cấp đăng ký 03–05 nhiệm vụ trọng tâm với cấp ủy hằng năm', en: 'Each level registers 3–5 key tasks with its Party committee every year' },
    measures: [
      m('16a', 'Số nhiệm vụ trọng tâm MTTQ thành phố đăng ký', 'Key tasks registered by the city committee', ['district'], value('org.key_tasks', ['district']), range(3, 5)),
      m('16b', 'Số nhiệm vụ trọng tâm MTTQ cấp xã đăng ký', 'Key tasks registered by the ward committee', ['commune'], value('org.key_tasks', ['commune']), range(3, 5)),
    ],
  },
];

const swapDim = (ref: MetricRef): MetricRef => (ref.dims ? { ...ref, dims: ref.dims.map((d) => (d === 'district' ? 'commune' : d)) } : ref);
const swapQuantity = (q: Quantity): Quantity =>
  q.kind === 'value' ? { kind: 'value', metric: swapDim(q.metric) } : { kind: 'ratio', numerator: swapDim(q.numerator), denominator: swapDim(q.denominator) };

/**
 * The same targets adopted by a ward's own congress (the new wards of 2025): the ward is judged at its
 * own level. A city-only measure becomes the ward's own, unless the target already sets a ward measure
 * over the same metric (target 10: the ward keeps 1–2 topics, not the city's 2–3).
 */
export function adoptForWard(targets: TargetInput[]): TargetInput[] {
  return targets.map((t) => {
    const wardMetrics = new Set(t.measures.filter((x) => x.levels.includes('commune')).map((x) => JSON.stringify(metricsOf(x.quantity))));
    const measures = t.measures.flatMap((x): Measure[] => {
      if (x.levels.includes('commune')) return [{ ...x, levels: x.levels.filter((l) => l !== 'district' && l !== 'province') }];
      if (!x.levels.includes('district')) return [x];
      if (wardMetrics.has(JSON.stringify(metricsOf(swapQuantity(x.quantity))))) return [];
      const label = { vi: x.label.vi.replace('thành phố', 'phường, xã'), en: x.label.en.replace('city', 'ward') };
      return [{ ...x, label, levels: ['commune'], quantity: swapQuantity(x.quantity) }];
    });
    return { ...t, measures };
  });
}

const metricsOf = (q: Quantity) => (q.kind === 'value' ? [q.metric.metric] : [q.numerator.metric, q.denominator.metric]);
