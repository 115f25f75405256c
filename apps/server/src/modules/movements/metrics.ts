import {
  GIFT_SOURCE_LABELS,
  MODEL_KIND_LABELS,
  MOVEMENT_ACTIVITY_LABELS,
  OUTPUT_KIND_LABELS,
  PROPAGANDA_ROLE_LABELS,
  SELF_MANAGED_KINDS,
  DIGITAL_CHANNELS,
  UNIT_TITLE_LABELS,
  SURVEY_RATING_LABELS,
  SATISFIED,
} from '@contract/movements';
import type { MetricDef } from '../../platform/metrics';

type Dims = Record<string, { vi: string; en: string }>;
const LEVELS: Dims = {
  province: { vi: 'Tỉnh', en: 'Province' },
  district: { vi: 'Huyện/Thành phố', en: 'District/City' },
  commune: { vi: 'Xã/Phường', en: 'Commune/Ward' },
  village: { vi: 'Thôn/Tổ dân phố', en: 'Village' },
};
const LEADERS: Dims = {
  central: { vi: 'Trung ương', en: 'Central' },
  province: { vi: 'Tỉnh', en: 'Province' },
  city: { vi: 'Thành phố', en: 'City' },
  local: { vi: 'Phòng, ngành, phường, xã', en: 'Departments, wards and communes' },
};
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

const count = (key: string, vi: string, en: string, facts: string, dims?: Dims, unitOfMeasure: 'count' | 'vnd' = 'count'): MetricDef => ({
  key,
  module: 'movements',
  label: { vi, en },
  unitOfMeasure,
  facts,
  ...(dims ? { dims } : {}),
});
const vnd = (key: string, vi: string, en: string, facts: string, dims?: Dims) => count(key, vi, en, facts, dims, 'vnd');

// A festival's facts, one per figure; `f` is solidarity_festivals.
const fest = (key: string, vi: string, en: string, value: string, where = 'true', money = false) =>
  (money ? vnd : count)(
    key,
    vi,
    en,
    `select 'sf:' || id as fact_id, unit_id, held_on as fact_date, ${value} as value, null::text as dim
     from solidarity_festivals where held_on between :from and :to and ${where}`,
  );
// A village's cultural year; dated on the day it was assessed.
const villageYear = (key: string, vi: string, en: string, column: string) =>
  count(
    key,
    vi,
    en,
    `select 'cy:' || unit_id || ':' || year as fact_id, unit_id, assessed_on as fact_date, ${column} as value, null::text as dim
     from village_culture_years where assessed_on between :from and :to`,
  );
// What stands at the end of the period (a registry): counted where it stands on that day.
const STANDING_MODELS = `from movement_models where started_on <= :to and (ended_on is null or :to < ended_on)`;
const ANSWERS = `from survey_answers a join surveys s on s.id = a.survey_id where a.answered_on between :from and :to`;
const activity = (key: string, vi: string, en: string, column: string, money = false) =>
  (money ? vnd : count)(
    key,
    vi,
    en,
    `select 'ma:' || id as fact_id, unit_id, held_on as fact_date, ${column}::float8 as value, kind as dim
     from movement_activities where held_on between :from and :to and ${column} > 0`,
    MOVEMENT_ACTIVITY_LABELS,
  );

export const movementsMetrics: MetricDef[] = [
  // ---- propaganda (target 1) ----
  count(
    'propaganda.outputs',
    'Số tin, bài, phóng sự, buổi phát thanh (theo loại)',
    'Propaganda output (by kind)',
    `select 'po:' || id as fact_id, unit_id, period_to as fact_date, quantity as value, kind as dim
       from propaganda_outputs where period_to between :from and :to`,
    OUTPUT_KIND_LABELS,
  ),
  // A unit with a digital channel of its own in the period and posts dated in it: one fact per unit (its first post).
  count(
    'propaganda.units_digital',
    'Số Ủy ban MTTQ có kênh số hoạt động và bài đăng (theo cấp)',
    'Committees with an active digital channel and posts (by level)',
    `select 'pd:' || o.unit_id as fact_id, o.unit_id, min(o.period_to) as fact_date, 1 as value, min(u.level) as dim
       from propaganda_outputs o join units u on u.id = o.unit_id
      where o.period_to between :from and :to and o.kind in ('social_post', 'portal_article')
        and exists (select 1 from propaganda_channels c where c.unit_id = o.unit_id and c.kind in (${list(DIGITAL_CHANNELS)})
                     and c.valid_from <= :to and :from < c.valid_to)
      group by o.unit_id`,
    LEVELS,
  ),
  count(
    'propaganda.fanpage_units',
    'Số Ủy ban MTTQ có trang fanpage (tại cuối kỳ, theo cấp)',
    'Committees with a fanpage (at the end of the period, by level)',
    `select 'pf:' || c.unit_id as fact_id, c.unit_id, :to as fact_date, 1 as value, min(u.level) as dim
       from propaganda_channels c join units u on u.id = c.unit_id
      where c.kind = 'fanpage' and c.valid_from <= :to and :to < c.valid_to group by c.unit_id`,
    LEVELS,
  ),
  count(
    'propaganda.people',
    'Số báo cáo viên, tuyên truyền viên (tại cuối kỳ)',
    'Reporters and propagandists (at the end of the period)',
    `select 'pp:' || id as fact_id, unit_id, :to as fact_date, 1 as value, role as dim
       from propaganda_people where valid_from <= :to and :to < valid_to`,
    PROPAGANDA_ROLE_LABELS,
  ),

  // ---- religion (target 3) ----
  count(
    'religion.core_people',
    'Số người tiêu biểu, cốt cán trong các tôn giáo được phê duyệt',
    'Core people in religions approved',
    `select 'rp:' || id as fact_id, unit_id, approved_on as fact_date, 1 as value, null::text as dim
       from religious_people where kind = 'core' and approved_on between :from and :to`,
  ),
  count(
    'religion.establishments',
    'Số cơ sở tôn giáo, tín ngưỡng (tại cuối kỳ)',
    'Religious establishments (at the end of the period)',
    `select 're:' || id as fact_id, unit_id, :to as fact_date, 1 as value, null::text as dim
       from religious_establishments where valid_from <= :to and :to < valid_to`,
  ),
  count(
    'religion.cameras',
    'Số cơ sở tôn giáo lắp camera an ninh (tại cuối kỳ)',
    'Establishments with security cameras (at the end of the period)',
    `select 're:' || id as fact_id, unit_id, :to as fact_date, 1 as value, null::text as dim
       from religious_establishments where has_camera and valid_from <= :to and :to < valid_to`,
  ),
  count(
    'religion.visits',
    'Số cuộc thăm hỏi, chúc mừng chức sắc, cơ sở tôn giáo',
    'Visits to dignitaries and establishments',
    `select 'ra:' || id as fact_id, unit_id, held_on as fact_date, 1 as value, null::text as dim
       from religion_activities where kind = 'visit' and held_on between :from and :to`,
  ),
  count(
    'religion.gifts',
    'Số suất quà tặng chức sắc, cơ sở tôn giáo (theo nguồn)',
    'Gifts to dignitaries and establishments (by source)',
    `select 'ra:' || a.id || ':' || g.src as fact_id, a.unit_id, a.held_on as fact_date, g.n as value, g.src as dim
       from religion_activities a cross join lateral (values ('upper', a.gifts_upper), ('local', a.gifts_local)) as g(src, n)
      where a.held_on between :from and :to and g.n > 0`,
    GIFT_SOURCE_LABELS,
  ),
  vnd(
    'religion.gift_value',
    'Trị giá quà tặng chức sắc, cơ sở tôn giáo',
    'Value of gifts to dignitaries and establishments',
    `select 'ra:' || id as fact_id, unit_id, held_on as fact_date, gift_value_vnd as value, null::text as dim
       from religion_activities where held_on between :from and :to and gift_value_vnd > 0`,
  ),
  count(
    'religion.conferences',
    'Số hội nghị với đồng bào, chức sắc tôn giáo',
    'Conferences with religious communities',
    `select 'ra:' || id as fact_id, unit_id, held_on as fact_date, 1 as value, null::text as dim
       from religion_activities where kind = 'conference' and held_on between :from and :to`,
  ),
  count(
    'religion.delegates',
    'Số đại biểu dự hội nghị tôn giáo',
    'Delegates at religious conferences',
    `select 'ra:' || id as fact_id, unit_id, held_on as fact_date, delegates as value, null::text as dim
       from religion_activities where kind = 'conference' and held_on between :from and :to`,
  ),
  count(
    'religion.commended',
    'Số tập thể, cá nhân tiêu biểu trong tôn giáo được đề nghị khen thưởng',
    'Religious collectives and individuals commended',
    `select 'ra:' || id as fact_id, unit_id, held_on as fact_date, commended as value, null::text as dim
       from religion_activities where kind = 'commendation' and held_on between :from and :to`,
  ),
  // Each establishment standing on each flag holiday of the period is due; a check makes it compliant.
  count(
    'religion.flag_due',
    'Số lượt cơ sở tôn giáo cần treo cờ (cơ sở × ngày lễ)',
    'Establishment-holidays due to fly the flag',
    `select 'rf:' || e.id || ':' || h.id as fact_id, e.unit_id, h.held_on as fact_date, 1 as value, null::text as dim
       from flag_holidays h join religious_establishments e on e.valid_from <= h.held_on and h.held_on < e.valid_to
      where h.held_on between :from and :to`,
  ),
  count(
    'religion.flag_compliant',
    'Số lượt cơ sở tôn giáo treo cờ Tổ quốc',
    'Establishment-holidays with the flag flown',
    `select 'rf:' || e.id || ':' || h.id as fact_id, e.unit_id, h.held_on as fact_date, 1 as value, null::text as dim
       from flag_holidays h join religious_establishments e on e.valid_from <= h.held_on and h.held_on < e.valid_to
       join religion_flag_checks k on k.establishment_id = e.id and k.holiday_id = h.id and k.compliant
      where h.held_on between :from and :to`,
  ),

  // ---- the Great Solidarity Day (target 7) ----
  fest('solidarity.festivals', 'Số Ngày hội Đại đoàn kết tổ chức tại thôn, tổ dân phố', 'Solidarity Days held in villages', '1'),
  // One fact per village (its id): a village that held it several times in the period counts once.
  count(
    'solidarity.villages_held',
    'Số thôn, tổ dân phố đã tổ chức Ngày hội trong kỳ',
    'Villages that held the Solidarity Day in the period',
    `select 'sv:' || unit_id as fact_id, unit_id, held_on as fact_date, 1 as value, null::text as dim
       from solidarity_festivals where held_on between :from and :to`,
  ),
  fest('solidarity.meals', 'Số Ngày hội có bữa cơm đoàn kết', 'Solidarity Days with a solidarity meal', '1', 'meal'),
  fest('solidarity.attendance', 'Số lượt người tham gia Ngày hội', 'Attendance at Solidarity Days', 'attendance'),
  count(
    'solidarity.leaders',
    'Số lượt lãnh đạo dự Ngày hội (theo cấp)',
    'Leaders attending Solidarity Days (by level)',
    `select 'sf:' || f.id || ':' || l.lv as fact_id, f.unit_id, f.held_on as fact_date, l.n as value, l.lv as dim
       from solidarity_festivals f cross join lateral (values ('central', f.leaders_central), ('province', f.leaders_province),
            ('city', f.leaders_city), ('local', f.leaders_local)) as l(lv, n)
      where f.held_on between :from and :to and l.n > 0`,
    LEADERS,
  ),
  fest('solidarity.golden_hearts', 'Số suất quà “Tấm lòng vàng” trao tại Ngày hội', '"Golden heart" gifts at Solidarity Days', 'golden_hearts'),
  fest('solidarity.collectives_commended', 'Số tập thể được khen thưởng tại Ngày hội', 'Collectives commended at Solidarity Days', 'collectives_commended'),
  fest('solidarity.individuals_commended', 'Số cá nhân được khen thưởng tại Ngày hội', 'Individuals commended at Solidarity Days', 'individuals_commended'),
  fest('solidarity.civil_works', 'Số công trình dân sinh khánh thành dịp Ngày hội', 'Civil works inaugurated at Solidarity Days', 'civil_works'),
  fest('solidarity.civil_works_value', 'Trị giá công trình dân sinh', 'Value of civil works', 'civil_works_value_vnd', 'civil_works_value_vnd > 0', true),

  // ---- cultural titles, standards, conventions (targets 6, 8) ----
  villageYear('culture.households', 'Số hộ gia đình (bình xét văn hóa)', 'Households (cultural assessment)', 'households'),
  villageYear('culture.families_registered', 'Số hộ đăng ký danh hiệu Gia đình văn hóa', 'Households registered for the cultural family title', 'registered'),
  villageYear('culture.families_recognised', 'Số hộ đạt danh hiệu Gia đình văn hóa', 'Households recognised as cultural families', 'recognised'),
  villageYear('culture.civilised_rites', 'Số hộ thực hiện nếp sống văn minh trong việc cưới, việc tang', 'Households keeping civilised rites', 'civilised_rites'),
  villageYear('culture.env_pledged', 'Số hộ ký cam kết bảo vệ môi trường', 'Households pledged to protect the environment', 'env_pledged'),
  villageYear('culture.green_sunday', 'Số hộ tham gia “Chủ nhật xanh” hằng tuần', 'Households joining "Green Sunday"', 'green_sunday'),
  count(
    'culture.villages_recognised',
    'Số thôn, tổ dân phố đạt danh hiệu văn hóa trong kỳ',
    'Villages recognised as cultural villages in the period',
    `select 'ut:' || id as fact_id, unit_id, recognised_on as fact_date, 1 as value, null::text as dim
       from unit_titles where title = 'cultural_village' and recognised_on between :from and :to`,
  ),
  count(
    'culture.titles',
    'Số đơn vị đạt danh hiệu, chuẩn (tại cuối kỳ, theo danh hiệu)',
    'Units holding a title or standard (at the end of the period)',
    `select 'ut:' || id as fact_id, unit_id, :to as fact_date, 1 as value, title as dim
       from unit_titles where recognised_on <= :to and :to < valid_to`,
    UNIT_TITLE_LABELS,
  ),
  count(
    'culture.conventions',
    'Số thôn, tổ dân phố có hương ước, quy ước được phê duyệt (tại cuối kỳ)',
    'Villages with an approved convention (at the end of the period)',
    `select 'vc:' || unit_id as fact_id, unit_id, :to as fact_date, 1 as value, null::text as dim
       from village_conventions where approved_on <= :to and :to < valid_to`,
  ),
  count(
    'culture.surveys',
    'Số cuộc lấy ý kiến sự hài lòng của Nhân dân',
    'Satisfaction surveys held',
    `select 'sv:' || id as fact_id, unit_id, opens_on as fact_date, 1 as value, null::text as dim from surveys where opens_on between :from and :to`,
  ),
  count(
    'culture.survey_respondents',
    'Số phiếu lấy ý kiến sự hài lòng',
    'Satisfaction survey answers',
    `select 'sa:' || a.id as fact_id, s.unit_id, a.answered_on as fact_date, 1 as value, a.rating as dim ${ANSWERS}`,
    SURVEY_RATING_LABELS,
  ),
  count(
    'culture.survey_satisfied',
    'Số phiếu hài lòng',
    'Satisfied answers',
    `select 'sa:' || a.id as fact_id, s.unit_id, a.answered_on as fact_date, 1 as value, a.rating as dim ${ANSWERS} and a.rating in (${list(SATISFIED)})`,
    SURVEY_RATING_LABELS,
  ),

  // ---- models (target 9) and campaign activities ----
  count(
    'models.standing',
    'Số mô hình đang duy trì (tại cuối kỳ, theo loại)',
    'Models standing (at the end of the period, by kind)',
    `select 'mm:' || id as fact_id, unit_id, :to as fact_date, 1 as value, kind as dim ${STANDING_MODELS}`,
    MODEL_KIND_LABELS,
  ),
  count(
    'models.members',
    'Số thành viên các mô hình (tại cuối kỳ, theo loại)',
    'Members of models (at the end of the period, by kind)',
    `select 'mm:' || id as fact_id, unit_id, :to as fact_date, members as value, kind as dim ${STANDING_MODELS} and members > 0`,
    MODEL_KIND_LABELS,
  ),
  count(
    'models.self_managed',
    'Số mô hình, tổ chức tự quản ở khu dân cư (tại cuối kỳ)',
    'Self-managed models in residential areas (at the end of the period)',
    `select 'mm:' || id as fact_id, unit_id, :to as fact_date, 1 as value, kind as dim ${STANDING_MODELS} and kind in (${list(SELF_MANAGED_KINDS)})`,
    MODEL_KIND_LABELS,
  ),
  // One fact per unit and kind: the wards with a waste collection team (16/16).
  count(
    'models.units_with',
    'Số đơn vị có mô hình (tại cuối kỳ, theo loại)',
    'Units with a model (at the end of the period, by kind)',
    `select 'mu:' || unit_id || ':' || kind as fact_id, unit_id, :to as fact_date, 1 as value, kind as dim ${STANDING_MODELS}`,
    MODEL_KIND_LABELS,
  ),
  count(
    'models.recognised',
    'Số mô hình, sản phẩm được công nhận trong kỳ (theo loại)',
    'Models recognised in the period (by kind)',
    `select 'mm:' || id as fact_id, unit_id, recognised_on as fact_date, 1 as value, kind as dim
       from movement_models where recognised_on between :from and :to`,
    MODEL_KIND_LABELS,
  ),
  count(
    'models.excellent',
    'Số mô hình xuất sắc đề nghị cấp trên khen thưởng (theo loại)',
    'Excellent models put forward (by kind)',
    `select 'mm:' || id as fact_id, unit_id, recognised_on as fact_date, 1 as value, kind as dim
       from movement_models where excellent and recognised_on between :from and :to`,
    MODEL_KIND_LABELS,
  ),
  count(
    'emulation.creative_models',
    'Số mô hình “Đoàn kết sáng tạo” được công nhận',
    'Creative models recognised',
    `select 'mm:' || id as fact_id, unit_id, recognised_on as fact_date, 1 as value, null::text as dim
       from movement_models where kind = 'creative' and recognised_on between :from and :to`,
  ),
  activity('movements.quantity', 'Số lượng theo hoạt động của các cuộc vận động, phong trào', 'Campaign activities (quantity, by kind)', 'quantity'),
  activity('movements.participants', 'Số lượt người tham gia (theo hoạt động)', 'Participants (by kind of activity)', 'participants'),
  activity('movements.opinions', 'Số lượt ý kiến (theo hoạt động)', 'Opinions (by kind of activity)', 'opinions'),
  activity('movements.value', 'Trị giá (theo hoạt động)', 'Value (by kind of activity)', 'value_vnd', true),
];
