// Every figure of the seed's Part One (DOMAIN.md, "Part One's figures") with the metric that computes
// it, or none yet. This one table drives the term report, the periodic reports, the Excel annex, the
// consistency checks and `npm run report:coverage`; a test checks that every key named here is
// registered, so the table cannot claim a figure the system does not compute.

export type SectionId = 's1_1' | 's1_2_1' | 's1_2_2' | 's1_2_3' | 's1_2_4' | 's1_2_5' | 's1_3' | 's1_4' | 's1_5' | 's2_1' | 's2_2';

/** The six action programmes: one annex sheet each. */
export const PROGRAMMES = [
  { no: 1, sheet: 'CT1 Tuyên truyền', title: 'Tuyên truyền, vận động, tập hợp Nhân dân' },
  { no: 2, sheet: 'CT2 Giám sát, phản biện', title: 'Giám sát, phản biện xã hội; xây dựng Đảng, chính quyền' },
  { no: 3, sheet: 'CT3 Thi đua, cuộc vận động', title: 'Các cuộc vận động, phong trào thi đua; an sinh xã hội' },
  { no: 4, sheet: 'CT4 Đối ngoại nhân dân', title: 'Đối ngoại nhân dân, người Việt Nam ở nước ngoài' },
  { no: 5, sheet: 'CT5 Tổ chức, cán bộ', title: 'Tổ chức bộ máy, cán bộ' },
  { no: 6, sheet: 'CT6 Khu dân cư', title: 'Khu dân cư đoàn kết; an ninh, môi trường' },
] as const;

/** Part One's sections (the seed's numbering), in document order; `before` are the headings above it (each printed once). */
const H1 = '1. Kết quả thực hiện các chương trình hành động';
const H12 = '1.2. Vận động Nhân dân thi đua học tập, lao động sáng tạo, thực hiện thắng lợi các mục tiêu phát triển kinh tế, văn hóa, xã hội, giữ vững quốc phòng, an ninh';
const H2 = '2. Kết quả thực hiện nhiệm vụ mới đáp ứng yêu cầu thực tiễn';

export const SECTIONS: Array<{ id: SectionId; title: string; programme: number; before?: string[] }> = [
  {
    id: 's1_1',
    programme: 1,
    before: [H1],
    title: '1.1. Tuyên truyền, vận động, tập hợp các tầng lớp Nhân dân; củng cố, tăng cường, phát huy sức mạnh khối đại đoàn kết toàn dân tộc',
  },
  { id: 's1_2_1', programme: 3, before: [H1, H12], title: '1.2.1. Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”' },
  { id: 's1_2_2', programme: 3, before: [H1, H12], title: '1.2.2. Công tác vận động giúp đỡ người nghèo và các hoạt động an sinh xã hội; cứu trợ, nhân đạo từ thiện' },
  { id: 's1_2_3', programme: 3, before: [H1, H12], title: '1.2.3. Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”' },
  { id: 's1_2_4', programme: 3, before: [H1, H12], title: '1.2.4. Phong trào thi đua “Đoàn kết sáng tạo, nâng cao năng suất, chất lượng, hiệu quả, hội nhập quốc tế”' },
  { id: 's1_2_5', programme: 6, before: [H1, H12], title: '1.2.5. Hoạt động đền ơn đáp nghĩa; bảo vệ môi trường; phong trào “Toàn dân bảo vệ an ninh Tổ quốc”' },
  { id: 's1_3', programme: 2, before: [H1], title: '1.3. Thực hiện dân chủ, giám sát và phản biện xã hội; tham gia xây dựng Đảng, chính quyền' },
  { id: 's1_4', programme: 4, before: [H1], title: '1.4. Tăng cường đoàn kết quốc tế, mở rộng hoạt động đối ngoại nhân dân' },
  { id: 's1_5', programme: 5, before: [H1], title: '1.5. Củng cố tổ chức, đổi mới nội dung, phương thức hoạt động của Mặt trận' },
  { id: 's2_1', programme: 3, before: [H2], title: '2.1. Tham gia phòng, chống đại dịch Covid-19' },
  { id: 's2_2', programme: 3, before: [H2], title: '2.2. Vận động hỗ trợ làm nhà Đại đoàn kết cho hộ nghèo tỉnh Điện Biên' },
];

export type Uom = 'count' | 'vnd' | 'percent';
/**
 * Which slice of the report period a figure is measured over, as the seed states it (stocks are
 * counted on the slice's last day):
 * - `period` (default): the report's period — for a term report written before the congress, the term to date;
 * - `term`: the calendar years the period spans, in full (a fund raised each year before 27/7 — the seed's
 *   "trên 2,2 tỷ" counts the congress year's round, held after the report's cut-off);
 * - `to_date`: from the period's start to today (a term report written before the term ends);
 * - `first_year` / `last_year`: the calendar year the period starts / ends in;
 * - `first_full_year` / `last_full_year`: the first / last calendar year wholly inside the period;
 * - `year_before_congress`: the year before the period's last (the congress) year — the seed's "2023";
 * - `until_year_before_congress`: from the start to the end of that year — the seed's "5 năm (2019-2023)".
 * Slices other than `term` never leave the period (a one-year report's "year before" is that year).
 */
export type FigurePeriod =
  'period' | 'term' | 'to_date' | 'first_year' | 'last_year' | 'first_full_year' | 'last_full_year' | 'year_before_congress' | 'until_year_before_congress';
export const FIGURE_PERIODS: FigurePeriod[] = [
  'period',
  'term',
  'to_date',
  'first_year',
  'last_year',
  'first_full_year',
  'last_full_year',
  'year_before_congress',
  'until_year_before_congress',
];

export type Figure = {
  id: string;
  section: SectionId;
  /** The figure's wording in the report (Vietnamese). */
  wording: string;
  uom: Uom;
  /** What the seed states, for the coverage listing. */
  seed: string;
  metric?: { key: string; dim?: string };
  /** The slice of the report period the figure states (default: the whole period). */
  period?: FigurePeriod;
  /** A rate (percent) computed from two other figures; `share` means the numerator cannot exceed the denominator. */
  rate?: { num: string; den: string; share?: boolean };
  /** A difference of two other figures. */
  diff?: { a: string; b: string };
  /** Figures that must add up to this one. */
  parts?: string[];
  /** Not one of Part One's figures (DOMAIN.md): shown in reports, not counted in coverage. */
  extra?: boolean;
};

const f = (section: SectionId, id: string, wording: string, uom: Uom, seed: string, more: Partial<Figure> = {}, period?: FigurePeriod): Figure => ({
  id,
  section,
  wording,
  uom,
  seed,
  ...(period ? { period } : {}),
  ...more,
});
const m = (key: string, dim?: string) => ({ metric: dim ? { key, dim } : { key } });

// Petitions by the channel they came through: together they are all petitions received.
const CHANNELS: Array<[string, string]> = [
  ['reception', 'trong đó qua tiếp công dân'],
  ['written', 'trong đó gửi bằng văn bản'],
  ['web', 'trong đó gửi qua cổng trực tuyến'],
  ['voter_meeting', 'trong đó qua tiếp xúc cử tri'],
  ['dialogue', 'trong đó qua đối thoại'],
  ['situation_report', 'trong đó qua báo cáo tình hình Nhân dân'],
];

export const FIGURES: Figure[] = [
  // 1.1 Propaganda, religion, Solidarity Day
  f('s1_1', 'prop.columns', 'Chuyên trang, chuyên mục tuyên truyền', 'count', '36', m('propaganda.outputs', 'column')),
  f('s1_1', 'prop.portal_articles', 'Tin, bài đăng trên Cổng thông tin điện tử', 'count', '168', m('propaganda.outputs', 'portal_article')),
  f('s1_1', 'prop.tv_reports', 'Phóng sự truyền hình', 'count', '45', m('propaganda.outputs', 'tv_report')),
  f('s1_1', 'prop.online_reports', 'Phóng sự trên trang truyền hình online thành phố', 'count', '34', m('propaganda.outputs', 'online_report')),
  f('s1_1', 'prop.broadcasts', 'Buổi phát thanh trên hệ thống truyền thanh cơ sở', 'count', '> 5.000', m('propaganda.outputs', 'broadcast')),
  f('s1_1', 'prop.social_posts', 'Lượt tin bài, ảnh đăng tải, chia sẻ trên fanpage, nhóm Zalo', 'count', '> 3.000', m('propaganda.outputs', 'social_post')),
  f('s1_1', 'prop.works', 'Tác phẩm, bài viết của Tổng Bí thư được tuyên truyền', 'count', '02', m('propaganda.outputs', 'work')),
  f('s1_1', 'prop.reporters', 'Báo cáo viên', 'count', '167', m('propaganda.people', 'reporter')),
  f('s1_1', 'prop.propagandists', 'Tuyên truyền viên ở cơ sở và Ban công tác Mặt trận khu dân cư', 'count', '1.356', m('propaganda.people', 'propagandist')),
  f('s1_1', 'prop.wards', 'Ủy ban MTTQ phường, xã', 'count', '', { ...m('org.units_by_level', 'commune'), extra: true }),
  f('s1_1', 'prop.wards_fanpage', 'Ủy ban MTTQ phường, xã có Trang fanpage', 'count', '', { ...m('propaganda.fanpage_units', 'commune'), extra: true }),
  f('s1_1', 'prop.wards_fanpage_rate', 'Tỷ lệ Ủy ban MTTQ phường, xã có Trang fanpage', 'percent', '100%', { rate: { num: 'prop.wards_fanpage', den: 'prop.wards', share: true } }),
  f('s1_1', 'prop.situation_reports', 'Báo cáo tình hình Nhân dân đã lập', 'count', '80', m('petitions.situation_reports')),
  f('s1_1', 'rel.core_people', 'Người đủ tiêu chuẩn tham gia lực lượng cốt cán phong trào trong các tôn giáo được phê duyệt', 'count', '93', m('religion.core_people')),
  f('s1_1', 'rel.flag_due', 'Lượt cơ sở tôn giáo cần treo cờ (cơ sở × ngày lễ)', 'count', '', { ...m('religion.flag_due'), extra: true }),
  f('s1_1', 'rel.flag_compliant', 'Lượt cơ sở tôn giáo treo cờ Tổ quốc', 'count', '', { ...m('religion.flag_compliant'), extra: true }),
  f('s1_1', 'rel.flag_rate', 'Tỷ lệ cơ sở tôn giáo treo cờ Tổ quốc dịp Tết, ngày lễ lớn', 'percent', '100%', {
    rate: { num: 'rel.flag_compliant', den: 'rel.flag_due', share: true },
  }),
  f('s1_1', 'rel.establishments', 'Cơ sở tôn giáo, tín ngưỡng', 'count', '', { ...m('religion.establishments'), extra: true }),
  f('s1_1', 'rel.cameras', 'Cơ sở tôn giáo lắp đặt camera an ninh', 'count', '', { ...m('religion.cameras'), extra: true }),
  f('s1_1', 'rel.camera_rate', 'Tỷ lệ cơ sở tôn giáo lắp đặt hệ thống camera an ninh', 'percent', '100%', { rate: { num: 'rel.cameras', den: 'rel.establishments', share: true } }),
  f('s1_1', 'rel.visits', 'Cuộc thăm hỏi, chúc mừng chức sắc, chức việc các tôn giáo nhân dịp lễ, tết', 'count', '175', m('religion.visits')),
  f('s1_1', 'rel.gifts', 'Suất quà tặng chức sắc, cơ sở tôn giáo', 'count', '186 + 256', { ...m('religion.gifts'), parts: ['rel.gifts_upper', 'rel.gifts_local'] }),
  f('s1_1', 'rel.gifts_upper', 'trong đó quà của Trung ương, MTTQ tỉnh', 'count', '186', m('religion.gifts', 'upper')),
  f('s1_1', 'rel.gifts_local', 'trong đó quà của Thành ủy, UBND thành phố và MTTQ các cấp', 'count', '256', m('religion.gifts', 'local')),
  f('s1_1', 'rel.gift_value', 'Trị giá quà của Thành ủy, UBND thành phố và MTTQ các cấp', 'vnd', '279 triệu đồng', m('religion.gift_value')),
  f('s1_1', 'rel.conferences', 'Hội nghị tuyên truyền và giao ban công tác Công giáo', 'count', '5', m('religion.conferences')),
  f('s1_1', 'rel.delegates', 'Đại biểu dự hội nghị tuyên truyền, giao ban công tác Công giáo', 'count', '360', m('religion.delegates')),
  f('s1_1', 'rel.commended', 'Tập thể, cá nhân tiêu biểu trong xây dựng Đình, Đền, Chùa được đề nghị khen thưởng', 'count', '19', m('religion.commended')),
  f('s1_1', 'fest.villages_held', 'Thôn, tổ dân phố tổ chức Ngày hội Đại đoàn kết toàn dân tộc', 'count', '151', m('solidarity.villages_held')),
  f('s1_1', 'fest.villages', 'Tổng số thôn, tổ dân phố', 'count', '151', m('org.units_by_level', 'village')),
  f('s1_1', 'fest.rate', 'Tỷ lệ thôn, tổ dân phố tổ chức Ngày hội', 'percent', '100%', { rate: { num: 'fest.villages_held', den: 'fest.villages', share: true } }),
  f('s1_1', 'fest.attendance', 'Lượt người tham gia Ngày hội', 'count', '~ 800.000', m('solidarity.attendance')),
  f('s1_1', 'fest.festivals', 'Lượt thôn, tổ dân phố tổ chức Ngày hội (mỗi năm một lần)', 'count', '', { ...m('solidarity.festivals'), extra: true }),
  f('s1_1', 'fest.meals', 'Lượt Ngày hội có bữa cơm đoàn kết', 'count', '', { ...m('solidarity.meals'), extra: true }),
  f('s1_1', 'fest.meal_rate', 'Tỷ lệ khu dân cư tổ chức bữa cơm đoàn kết', 'percent', '> 96%', { rate: { num: 'fest.meals', den: 'fest.festivals', share: true } }),
  f('s1_1', 'fest.leader_visits', 'Lượt lãnh đạo các cấp dự Ngày hội', 'count', '> 1.000', {
    ...m('solidarity.leaders'),
    parts: ['fest.leaders_central', 'fest.leaders_province', 'fest.leaders_city', 'fest.leaders_local'],
  }),
  f('s1_1', 'fest.leaders_central', 'trong đó đoàn đại biểu của Trung ương', 'count', '01', m('solidarity.leaders', 'central')),
  f('s1_1', 'fest.leaders_province', 'trong đó lượt đại biểu lãnh đạo tỉnh', 'count', '07', m('solidarity.leaders', 'province')),
  f('s1_1', 'fest.leaders_city', 'trong đó lượt đồng chí lãnh đạo thành phố', 'count', '93', m('solidarity.leaders', 'city')),
  f('s1_1', 'fest.leaders_local', 'trong đó lượt cán bộ lãnh đạo phòng, ngành, đơn vị thành phố và phường, xã', 'count', '> 950', m('solidarity.leaders', 'local')),
  f('s1_1', 'fest.golden_heart_gifts', 'Suất quà “Tấm lòng vàng” (mỗi suất từ 1.000.000 đồng)', 'count', '> 900', m('solidarity.golden_hearts')),
  f('s1_1', 'fest.collectives_commended', 'Tập thể được khen thưởng tại Ngày hội', 'count', '1.435', m('solidarity.collectives_commended')),
  f('s1_1', 'fest.individuals_commended', 'Cá nhân được khen thưởng tại Ngày hội', 'count', '9.124', m('solidarity.individuals_commended')),
  f('s1_1', 'fest.civil_works', 'Công trình dân sinh được xây dựng', 'count', '325', m('solidarity.civil_works')),
  f('s1_1', 'fest.civil_works_value', 'Trị giá công trình dân sinh', 'vnd', '> 300 tỷ đồng', m('solidarity.civil_works_value')),
  // 1.2.1 New rural / civilised urban
  f('s1_2_1', 'ntm.survey_respondents', 'Phiếu lấy ý kiến sự hài lòng của người dân', 'count', '', { ...m('culture.survey_respondents'), extra: true }),
  f('s1_2_1', 'ntm.survey_satisfied', 'trong đó phiếu hài lòng', 'count', '', { ...m('culture.survey_satisfied'), extra: true }),
  f('s1_2_1', 'ntm.satisfaction_rate', 'Tỷ lệ người dân hài lòng (khảo sát)', 'percent', '> 95%', {
    rate: { num: 'ntm.survey_satisfied', den: 'ntm.survey_respondents', share: true },
  }),
  f('s1_2_1', 'ntm.wards_standard', 'Phường đạt chuẩn đô thị văn minh', 'count', '10/10', m('culture.titles', 'civilised_urban')),
  f('s1_2_1', 'ntm.communes_standard', 'Xã đạt chuẩn nông thôn mới', 'count', '6/6', m('culture.titles', 'new_rural')),
  f('s1_2_1', 'ntm.model_villages', 'Thôn nông thôn mới kiểu mẫu', 'count', '19', m('culture.titles', 'model_village')),
  f('s1_2_1', 'ntm.families_registered', 'Lượt hộ đăng ký danh hiệu gia đình văn hóa', 'count', '', { ...m('culture.families_registered'), extra: true }),
  f('s1_2_1', 'ntm.families_recognised', 'Lượt hộ đạt danh hiệu gia đình văn hóa', 'count', '', { ...m('culture.families_recognised'), extra: true }),
  f('s1_2_1', 'ntm.cultural_family_rate', 'Tỷ lệ hộ đạt danh hiệu gia đình văn hóa', 'percent', '94–95,2%', {
    rate: { num: 'ntm.families_recognised', den: 'ntm.families_registered', share: true },
  }),
  f('s1_2_1', 'ntm.village_conventions', 'Hương ước, quy ước thôn, tổ dân phố được phê duyệt', 'count', '151/151', m('culture.conventions')),
  f('s1_2_1', 'ntm.cultural_communes', 'Xã đạt chuẩn văn hóa nông thôn mới', 'count', '6/6', m('culture.titles', 'cultural_commune')),
  f('s1_2_1', 'ntm.households', 'Lượt hộ được bình xét (hộ × năm)', 'count', '', { ...m('culture.households'), extra: true }),
  f('s1_2_1', 'ntm.civilised_rites', 'Lượt hộ thực hiện nếp sống văn minh trong việc cưới, việc tang', 'count', '', { ...m('culture.civilised_rites'), extra: true }),
  f('s1_2_1', 'ntm.civilised_rites_rate', 'Tỷ lệ hộ thực hiện nếp sống văn minh trong việc cưới, việc tang', 'percent', '100%', {
    rate: { num: 'ntm.civilised_rites', den: 'ntm.households', share: true },
  }),
  f('s1_2_1', 'ntm.land_donated', 'Đất thổ cư Nhân dân hiến (m²)', 'count', '> 445'),
  f('s1_2_1', 'ntm.land_donated_value', 'Trị giá đất thổ cư Nhân dân hiến', 'vnd', '> 10 tỷ đồng'),
  f('s1_2_1', 'ntm.farmland_donated_value', 'Trị giá đất nông nghiệp Nhân dân hiến', 'vnd', '> 15 tỷ đồng'),
  f('s1_2_1', 'ntm.roads_repaired_km', 'Đường giao thông nông thôn, kênh mương nội đồng được sửa chữa, bảo dưỡng (km)', 'count', '1.091'),
  f('s1_2_1', 'ntm.self_managed_models', 'Mô hình tự quản ở khu dân cư', 'count', '3.175', m('models.self_managed')),
  // 1.2.2 Fund for the Poor, social security, relief
  f('s1_2_2', 'poor.fund_raised', 'Quỹ “Vì người nghèo” các cấp vận động được', 'vnd', '> 7 tỷ đồng (2019-2023)', m('fund.raised', 'vi_nguoi_ngheo'), 'until_year_before_congress'),
  // Two metrics over the same receipts: by fund kind and by donor kind must give the same total.
  f('s1_2_2', 'fund.raised_total', 'Tổng số tiền các quỹ vận động được (tiền và hiện vật quy đổi)', 'vnd', '', {
    ...m('fund.raised'),
    extra: true,
    parts: ['fund.raised_organisation', 'fund.raised_individual', 'fund.raised_anonymous'],
  }),
  f('s1_2_2', 'fund.raised_organisation', 'trong đó do tổ chức, doanh nghiệp ủng hộ', 'vnd', '', { ...m('fund.raised_by_donor', 'organisation'), extra: true }),
  f('s1_2_2', 'fund.raised_individual', 'trong đó do cá nhân ủng hộ', 'vnd', '', { ...m('fund.raised_by_donor', 'individual'), extra: true }),
  f('s1_2_2', 'fund.raised_anonymous', 'trong đó do người không nêu danh ủng hộ', 'vnd', '', { ...m('fund.raised_by_donor', 'anonymous'), extra: true }),
  f('s1_2_2', 'poor.tet_gifts', '“Tết vì người nghèo”: số suất quà trao tặng', 'count', '76.630', m('fund.gift_packages')),
  f('s1_2_2', 'poor.tet_gift_value', '“Tết vì người nghèo”: trị giá quà', 'vnd', '32.027.693.000 đồng', m('fund.gift_value')),
  f('s1_2_2', 'poor.tet_due', 'Hộ nghèo, cận nghèo trong năm', 'count', '', { ...m('households.tet_due'), period: 'last_year', extra: true }),
  f('s1_2_2', 'poor.tet_reached', 'Hộ nghèo, cận nghèo được tặng quà Tết', 'count', '', { ...m('households.tet_reached'), period: 'last_year', extra: true }),
  f('s1_2_2', 'poor.tet_rate', 'Tỷ lệ hộ nghèo, cận nghèo được tặng quà Tết', 'percent', '100%', {
    rate: { num: 'poor.tet_reached', den: 'poor.tet_due', share: true },
    extra: true,
  }),
  f('s1_2_2', 'poor.hardship_due', 'Lượt hộ hoàn cảnh đặc biệt khó khăn cần hỗ trợ trong năm', 'count', '', { ...m('households.hardship_due'), period: 'last_year', extra: true }),
  f('s1_2_2', 'poor.hardship_reached', 'Lượt hộ hoàn cảnh đặc biệt khó khăn được hỗ trợ trong năm', 'count', '', {
    ...m('households.hardship_reached'),
    period: 'last_year',
    extra: true,
  }),
  f('s1_2_2', 'poor.hardship_rate', 'Tỷ lệ hộ hoàn cảnh đặc biệt khó khăn được hỗ trợ thường xuyên', 'percent', '', {
    rate: { num: 'poor.hardship_reached', den: 'poor.hardship_due', share: true },
    extra: true,
  }),
  f('s1_2_2', 'poor.house_need', 'Hộ có nhu cầu xây mới, sửa chữa nhà ở trong năm', 'count', '', { ...m('households.house_need'), period: 'last_year', extra: true }),
  f('s1_2_2', 'poor.house_supported', 'Hộ có nhu cầu nhà ở đã được hỗ trợ trong năm', 'count', '', { ...m('households.house_supported'), period: 'last_year', extra: true }),
  f('s1_2_2', 'poor.house_rate', 'Tỷ lệ hộ có nhu cầu nhà ở được hỗ trợ', 'percent', '100%', {
    rate: { num: 'poor.house_supported', den: 'poor.house_need', share: true },
    extra: true,
  }),
  // The seed compares the term's first year with the year before the congress (2019 → 2023); the counts behind the
  // rates are helper rows (no seed value of their own).
  f('s1_2_2', 'poor.households_first', 'Tổng số hộ', 'count', '', { ...m('households.total'), period: 'first_year', extra: true }),
  f('s1_2_2', 'poor.poor_first', 'Số hộ nghèo', 'count', '', { ...m('households.poor'), period: 'first_year', extra: true }),
  f('s1_2_2', 'poor.rate_first', 'Tỷ lệ hộ nghèo', 'percent', '0,6% (2019)', { rate: { num: 'poor.poor_first', den: 'poor.households_first', share: true }, period: 'first_year' }),
  f('s1_2_2', 'poor.households_last', 'Tổng số hộ', 'count', '', { ...m('households.total'), period: 'year_before_congress', extra: true }),
  f('s1_2_2', 'poor.poor_last', 'Số hộ nghèo', 'count', '', { ...m('households.poor'), period: 'year_before_congress', extra: true }),
  f('s1_2_2', 'poor.rate_last', 'Tỷ lệ hộ nghèo', 'percent', '0,39% (2023)', {
    rate: { num: 'poor.poor_last', den: 'poor.households_last', share: true },
    period: 'year_before_congress',
  }),
  f('s1_2_2', 'poor.reduction', 'Số hộ nghèo giảm so với đầu nhiệm kỳ', 'count', '84', {
    diff: { a: 'poor.poor_first', b: 'poor.poor_last' },
    period: 'until_year_before_congress',
  }),
  f('s1_2_2', 'poor.loans_disbursed', 'Vốn vay của các hội, đoàn thể giải ngân giúp hội viên, đoàn viên nghèo', 'vnd', '> 30 tỷ đồng'),
  f('s1_2_2', 'poor.savings_group_members', 'Thành viên các Tổ tiết kiệm và vay vốn (Ngân hàng Chính sách xã hội)', 'count', '11.120'),
  f('s1_2_2', 'poor.policy_bank_loans', 'Số vốn vay qua các Tổ tiết kiệm và vay vốn', 'vnd', '600 tỷ đồng'),
  f('s1_2_2', 'poor.member_org_support', 'Các tổ chức thành viên hỗ trợ đoàn viên, hội viên có hoàn cảnh đặc biệt khó khăn', 'vnd', '> 5 tỷ đồng'),
  f('s1_2_2', 'poor.gifts_other_districts', 'Suất quà Tết tặng người nghèo tại 04 huyện khó khăn của tỉnh (Sơn Động, Lục Ngạn, Yên Thế, Lục Nam)', 'count', '5.992'),
  f('s1_2_2', 'poor.gifts_other_districts_value', 'Trị giá quà Tết tặng người nghèo tại 04 huyện khó khăn của tỉnh', 'vnd', '1,8 tỷ đồng'),
  f('s1_2_2', 'poor.houses', 'Nhà Đại đoàn kết xây mới, sửa chữa', 'count', '140', m('households.houses')),
  f('s1_2_2', 'poor.houses_value', 'Trị giá hỗ trợ nhà Đại đoàn kết', 'vnd', '18 tỷ đồng', m('households.support_value', 'house')),
  f('s1_2_2', 'poor.production_households', 'Lượt hộ được hỗ trợ sản xuất', 'count', '217', m('households.support_acts', 'production')),
  f('s1_2_2', 'poor.production_value', 'Trị giá hỗ trợ sản xuất', 'vnd', '323.334.000 đồng', m('households.support_value', 'production')),
  f('s1_2_2', 'poor.medical_people', 'Lượt người được hỗ trợ khám chữa bệnh', 'count', '445', m('households.support_people', 'medical')),
  f('s1_2_2', 'poor.medical_value', 'Trị giá hỗ trợ khám chữa bệnh', 'vnd', '278.234.000 đồng', m('households.support_value', 'medical')),
  f('s1_2_2', 'poor.pupils', 'Lượt học sinh được hỗ trợ học tập', 'count', '736', m('households.support_people', 'schooling')),
  f('s1_2_2', 'poor.pupils_value', 'Trị giá hỗ trợ học tập', 'vnd', '275.032.000 đồng', m('households.support_value', 'schooling')),
  f('s1_2_2', 'fund.distributed', 'Tổng số tiền các quỹ đã chi hỗ trợ', 'vnd', '', { ...m('fund.distributed'), extra: true }),
  f('s1_2_2', 'fund.transferred_up', 'Tổng số tiền chuyển lên Mặt trận cấp trên (gồm Quỹ Vắc xin, ủng hộ đồng bào miền Trung)', 'vnd', '', {
    ...m('fund.transferred_up'),
    extra: true,
  }),
  f('s1_2_2', 'relief.fire_drowning', 'Hỗ trợ hộ gia đình bị thiệt hại về người, tài sản do hỏa hoạn, đuối nước', 'vnd', '> 150 triệu đồng', m('fund.relief_hardship'), 'term'),
  f(
    's1_2_2',
    'relief.floods_transferred',
    'Tiền và hàng ủng hộ đồng bào miền Trung bị lũ lụt, chuyển về MTTQ tỉnh',
    'vnd',
    '~ 7 tỷ đồng',
    m('fund.appeal_transferred_up', 'natural_disaster'),
  ),
  // 1.2.3 Buy Vietnamese
  f('s1_2_3', 'bv.guidance_docs', 'Kế hoạch, công văn, hướng dẫn của Ban Chỉ đạo Cuộc vận động', 'count', '15', m('movements.quantity', 'bv_guidance_doc')),
  f('s1_2_3', 'bv.tv_reports', 'Phóng sự về Cuộc vận động', 'count', '04', m('movements.quantity', 'bv_tv_report')),
  f('s1_2_3', 'bv.panels', 'Pano tuyên truyền Cuộc vận động', 'count', '86', m('movements.quantity', 'bv_panel')),
  f(
    's1_2_3',
    'bv.online_posts',
    'Lượt hình ảnh, phóng sự, khẩu hiệu về Cuộc vận động đăng trên zalo, fanpage, cổng thông tin',
    'count',
    '> 600',
    m('movements.quantity', 'bv_online_post'),
  ),
  f('s1_2_3', 'bv.broadcasts', 'Lượt tin, bài phát trên hệ thống truyền thanh thành phố và phường, xã', 'count', '687', m('movements.quantity', 'bv_broadcast')),
  f('s1_2_3', 'bv.worker_booths', 'Gian hàng trưng bày sản phẩm tại “Gian hàng dành cho công nhân lao động”', 'count', '01', m('movements.quantity', 'bv_worker_booth')),
  f('s1_2_3', 'bv.ocop', 'Sản phẩm OCOP được đánh giá, xếp hạng', 'count', '37', m('models.recognised', 'ocop_product')),
  f('s1_2_3', 'bv.ecommerce', 'Cơ sở sản xuất được hỗ trợ đưa sản phẩm lên sàn thương mại điện tử', 'count', '7', m('movements.quantity', 'bv_ecommerce')),
  f('s1_2_3', 'bv.fair_booths', 'Gian hàng hội chợ', 'count', '5', m('movements.quantity', 'bv_fair')),
  f('s1_2_3', 'bv.fair_products', 'Sản phẩm trưng bày tại hội chợ', 'count', '300', m('movements.quantity', 'bv_fair_product')),
  // 1.2.4 Creative models
  f('s1_2_4', 'cr.conferences', 'Hội nghị phổ biến phong trào “Đoàn kết sáng tạo”', 'count', '52', m('movements.quantity', 'cr_conference')),
  f('s1_2_4', 'cr.participants', 'Lượt người tham dự', 'count', '> 8.000', m('movements.participants', 'cr_conference')),
  f('s1_2_4', 'cr.models', 'Mô hình, giải pháp sáng tạo', 'count', '250', m('models.recognised', 'creative')),
  f('s1_2_4', 'cr.excellent', 'Mô hình xuất sắc đề nghị tỉnh khen thưởng', 'count', '20', m('models.excellent', 'creative')),
  // 1.2.5 Gratitude, environment, security
  f('s1_2_5', 'grat.fund', 'Quỹ “Đền ơn đáp nghĩa” vận động được', 'vnd', '> 2,2 tỷ đồng', m('fund.raised', 'den_on_dap_nghia'), 'term'),
  f('s1_2_5', 'grat.houses', 'Nhà tình nghĩa cho cựu chiến binh, thương binh', 'count', '117', m('movements.quantity', 'grat_house')),
  f('s1_2_5', 'grat.houses_value', 'Trị giá nhà tình nghĩa', 'vnd', '2,355 tỷ đồng', m('movements.value', 'grat_house')),
  f('s1_2_5', 'env.green_sunday', 'Lượt hộ tham gia vệ sinh môi trường “Chủ nhật xanh” hằng tuần', 'count', '', { ...m('culture.green_sunday'), extra: true }),
  f('s1_2_5', 'env.green_sunday_rate', 'Tỷ lệ đại diện hộ dân tham gia vệ sinh môi trường “Chủ nhật xanh” hằng tuần', 'percent', '> 75%', {
    rate: { num: 'env.green_sunday', den: 'ntm.households', share: true },
  }),
  f('s1_2_5', 'env.self_managed_roads', 'Đoạn đường tự quản', 'count', '110', m('models.standing', 'self_managed_road')),
  f('s1_2_5', 'env.flower_roads', 'Đoạn đường hoa được trồng, chăm sóc', 'count', '50', m('models.standing', 'flower_road')),
  f('s1_2_5', 'env.canals_km', 'Kênh mương được nạo vét (km)', 'count', '> 190', m('movements.quantity', 'env_canal_km')),
  f('s1_2_5', 'env.waste_collection_units', 'Xã, phường có tổ thu gom rác', 'count', '16/16', m('models.units_with', 'waste_collection')),
  f('s1_2_5', 'env.pledged', 'Lượt hộ gia đình ký cam kết bảo vệ môi trường', 'count', '', { ...m('culture.env_pledged'), extra: true }),
  f('s1_2_5', 'env.commitment_rate', 'Tỷ lệ hộ gia đình ký cam kết bảo vệ môi trường', 'percent', '100%', { rate: { num: 'env.pledged', den: 'ntm.households', share: true } }),
  f('s1_2_5', 'env.eco_areas', 'Khu dân cư thân thiện với môi trường', 'count', '151', m('models.standing', 'eco_area')),
  f('s1_2_5', 'env.waste_groups', 'Tổ phân loại rác tại nguồn', 'count', '835', m('models.standing', 'waste_sorting')),
  f('s1_2_5', 'env.waste_members', 'Thành viên tổ phân loại rác', 'count', '1.000', m('models.members', 'waste_sorting')),
  f('s1_2_5', 'env.recycling_value', 'Tiền thu từ phế liệu tái chế', 'vnd', '> 600 triệu đồng', m('movements.value', 'env_recycling')),
  f('s1_2_5', 'env.recycling_cases', 'Trường hợp được giúp đỡ từ tiền tái chế', 'count', '187', m('movements.quantity', 'env_recycling')),
  f('s1_2_5', 'env.women_flower_roads', 'Đoạn đường trồng hoa của phụ nữ được hỗ trợ từ quỹ mô hình', 'count', '30', m('movements.quantity', 'env_women_flower_road')),
  f('s1_2_5', 'env.bins', 'Thùng rác công cộng được hỗ trợ lắp đặt', 'count', '200', m('movements.quantity', 'env_bins')),
  f('s1_2_5', 'env.bags_kg', 'Túi đựng rác đã phân loại tặng hộ gia đình (kg)', 'count', '230', m('movements.quantity', 'env_bags_kg')),
  f('s1_2_5', 'env.baskets', 'Làn nhựa đi chợ tặng hội viên phụ nữ', 'count', '320', m('movements.quantity', 'env_baskets')),
  f('s1_2_5', 'sec.self_managed_models', 'Mô hình tự quản về an ninh trật tự', 'count', '860', m('models.standing', 'security')),
  f('s1_2_5', 'sec.reintegrated', 'Người lầm lỗi được giúp đỡ tái hòa nhập cộng đồng', 'count', '150', m('movements.quantity', 'sec_reintegration')),
  f('s1_2_5', 'sec.conferences', 'Hội nghị về an ninh trật tự', 'count', '260', m('movements.quantity', 'sec_conference')),
  f('s1_2_5', 'sec.participants', 'Lượt người dự hội nghị an ninh trật tự', 'count', '> 2.000', m('movements.participants', 'sec_conference')),
  f('s1_2_5', 'sec.opinions', 'Ý kiến tại hội nghị an ninh trật tự', 'count', '474', m('movements.opinions', 'sec_conference')),
  // 1.3 Democracy, supervision, Party and government building, elections, citizens
  f('s1_3', 'pb.conferences', 'Hội nghị góp ý xây dựng Đảng, chính quyền', 'count', '320', m('opinions.conferences')),
  f('s1_3', 'pb.drafts', 'Dự thảo văn bản được góp ý', 'count', '415', m('opinions.drafts')),
  f('s1_3', 'pb.opinions', 'Ý kiến góp ý dự thảo', 'count', '1.845', m('opinions.draft_opinions')),
  f('s1_3', 'pb.opinions_officials', 'Ý kiến nhận xét cán bộ, đảng viên', 'count', '8.595', m('opinions.officials_opinions')),
  f('s1_3', 'pb.legal_conferences', 'Hội nghị phổ biến chủ trương, chính sách, pháp luật', 'count', '25'),
  f('s1_3', 'pb.legal_participants', 'Lượt người dự hội nghị phổ biến pháp luật', 'count', '> 3.500'),
  f('s1_3', 'pb.law_opinions', 'Lượt ý kiến góp ý xây dựng pháp luật, chính sách của tỉnh', 'count', '1.175'),
  f('s1_3', 'pb.voter_meetings', 'Hội nghị tiếp xúc cử tri', 'count', '540', m('petitions.voter_meetings')),
  f('s1_3', 'pb.voters', 'Lượt cử tri tham dự', 'count', '32.300', m('petitions.voters')),
  f('s1_3', 'pb.voter_opinions', 'Ý kiến, kiến nghị của cử tri', 'count', '2.219', m('petitions.voter_opinions')),
  f('s1_3', 'pb.dialogues', 'Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân', 'count', '96', m('petitions.dialogues')),
  f('s1_3', 'el.voters', 'Cử tri trong danh sách bầu cử đại biểu Quốc hội', 'count', '', { ...m('elections.voters', 'national_assembly'), extra: true }),
  f('s1_3', 'el.voted', 'Cử tri đã đi bầu cử đại biểu Quốc hội', 'count', '', { ...m('elections.voted', 'national_assembly'), extra: true }),
  f('s1_3', 'el.turnout', 'Tỷ lệ cử tri đi bầu cử', 'percent', '99%', { rate: { num: 'el.voted', den: 'el.voters', share: true } }),
  f('s1_3', 'el.na_deputies', 'Đại biểu Quốc hội trúng cử', 'count', '3', m('elections.elected', 'national_assembly')),
  f('s1_3', 'el.province_deputies', 'Đại biểu HĐND tỉnh trúng cử', 'count', '7', m('elections.elected', 'province_council')),
  f('s1_3', 'el.city_deputies', 'Đại biểu HĐND thành phố trúng cử', 'count', '35', m('elections.elected', 'district_council')),
  f('s1_3', 'el.commune_deputies', 'Đại biểu HĐND xã, phường trúng cử', 'count', '370', m('elections.elected', 'commune_council')),
  f('s1_3', 'el.jurors', 'Hội thẩm nhân dân được giới thiệu', 'count', '28', m('elections.elected', 'jurors')),
  f('s1_3', 'el.village_heads', 'Trưởng thôn, tổ trưởng tổ dân phố được bầu', 'count', '151', m('elections.elected', 'village_head')),
  f('s1_3', 'el.inspection_boards', 'Ban Thanh tra nhân dân được bầu', 'count', '16', m('inspection.boards_elected', 'ttnd')),
  f('s1_3', 'el.inspection_members', 'Thành viên Ban Thanh tra nhân dân', 'count', '172', m('inspection.members_elected', 'ttnd')),
  f('s1_3', 'sup.direct', 'Cuộc giám sát do Mặt trận chủ trì', 'count', '118', m('supervision.supervisions', 'direct')),
  f('s1_3', 'sup.coordinated', 'Cuộc giám sát phối hợp', 'count', '303', m('supervision.supervisions', 'coordinated')),
  f('s1_3', 'sup.criticism', 'Hội nghị phản biện xã hội', 'count', '46', m('supervision.criticisms')),
  f('s1_3', 'sup.people_boards', 'Cuộc giám sát của Ban TTND và Ban GSĐTCCĐ', 'count', '1.539', { ...m('inspection.supervisions'), parts: ['sup.ttnd', 'sup.gsdtccd'] }),
  f('s1_3', 'sup.ttnd', 'Cuộc giám sát của Ban Thanh tra nhân dân', 'count', '1.114', m('inspection.supervisions', 'ttnd')),
  f('s1_3', 'sup.gsdtccd', 'Cuộc giám sát của Ban Giám sát đầu tư của cộng đồng', 'count', '325', m('inspection.supervisions', 'gsdtccd')),
  f('s1_3', 'sup.violations', 'Vi phạm được phát hiện qua giám sát', 'count', '87', m('inspection.violations')),
  f('s1_3', 'el.village_heads_party_rate', 'Tỷ lệ Trưởng thôn, Tổ trưởng tổ dân phố là đảng viên', 'percent', '94%'),
  f('s1_3', 'cit.received', 'Lượt công dân được tiếp', 'count', '318', m('petitions.citizens_received')),
  f('s1_3', 'cit.petitions', 'Đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận', 'count', '63', {
    ...m('petitions.received'),
    parts: CHANNELS.map(([dim]) => `cit.by_${dim}`),
  }),
  ...CHANNELS.map(([dim, wording]) => f('s1_3', `cit.by_${dim}`, wording, 'count', '', { ...m('petitions.received_by_channel', dim), extra: true })),
  f('s1_3', 'cit.answer_due', 'Đơn đã chuyển, đến hạn trả lời', 'count', '', { ...m('petitions.answer_due'), extra: true }),
  f('s1_3', 'cit.answered', 'Đơn được cơ quan có thẩm quyền trả lời bằng văn bản', 'count', '', { ...m('petitions.answered_in_writing'), extra: true }),
  f('s1_3', 'cit.answered_rate', 'Tỷ lệ đơn được trả lời bằng văn bản', 'percent', '≥ 90%', { rate: { num: 'cit.answered', den: 'cit.answer_due', share: true }, extra: true }),
  f('s1_3', 'cit.conferences', 'Hội nghị công khai kết quả giải quyết đơn thư', 'count', '', { ...m('petitions.conferences'), extra: true }),
  f('s1_3', 'cit.mediation_teams', 'Tổ hòa giải ở cơ sở', 'count', '151', m('mediation.teams')),
  f('s1_3', 'cit.mediation_closed', 'Vụ việc hòa giải đã kết thúc', 'count', '', { ...m('mediation.closed'), extra: true }),
  f('s1_3', 'cit.mediation_successful', 'Vụ việc hòa giải thành', 'count', '', { ...m('mediation.successful'), extra: true }),
  f('s1_3', 'cit.mediation_rate', 'Tỷ lệ hòa giải thành', 'percent', '92,3%', { rate: { num: 'cit.mediation_successful', den: 'cit.mediation_closed', share: true } }),
  f('s1_3', 'sup.recommendations', 'Kiến nghị sau giám sát, phản biện xã hội', 'count', '', { ...m('supervision.recommendations'), extra: true }),
  f('s1_3', 'sup.recommendations_done', 'trong đó đã được khắc phục', 'count', '', { ...m('supervision.recommendations_done'), extra: true }),
  f('s1_3', 'sup.recommendations_rate', 'Tỷ lệ kiến nghị được khắc phục', 'percent', '', {
    rate: { num: 'sup.recommendations_done', den: 'sup.recommendations', share: true },
    extra: true,
  }),
  f('s1_3', 'sup.criticism_opinions', 'Ý kiến phản biện xã hội', 'count', '', { ...m('supervision.criticism_opinions'), extra: true }),
  f('s1_3', 'sup.criticism_accepted', 'trong đó được tiếp thu', 'count', '', { ...m('supervision.criticism_opinions_accepted'), extra: true }),
  // 1.5 Organisation
  f('s1_5', 'org.courses', 'Lớp tập huấn nghiệp vụ', 'count', '12', m('training.courses'), 'term'),
  f('s1_5', 'org.attendances', 'Lượt người dự tập huấn', 'count', '1.805', m('training.attendances'), 'term'),
  f('s1_5', 'org.provincial_courses', 'Lượt cán bộ dự lớp do tỉnh tổ chức', 'count', '180', m('training.attendances_by_attendee', 'province')),
  f('s1_5', 'org.city_excellent_years', 'Số năm Ủy ban MTTQ thành phố đạt vững mạnh xuất sắc', 'count', '5', m('grading.excellent', 'district'), 'term'),
  f('s1_5', 'org.wards_good', 'Ủy ban MTTQ xã, phường xếp loại tốt trở lên', 'count', '16/16', { ...m('grading.good_or_better', 'commune'), period: 'last_year' }),
  f('s1_5', 'org.wards_graded', 'Ủy ban MTTQ xã, phường được xếp loại', 'count', '16', { ...m('grading.graded', 'commune'), period: 'last_year', extra: true }),
  f('s1_5', 'org.ward_gradings', 'Lượt xếp loại Ủy ban MTTQ xã, phường trong nhiệm kỳ', 'count', '', { ...m('grading.graded', 'commune'), extra: true }, 'term'),
  f('s1_5', 'org.ward_gradings_excellent', 'Lượt Ủy ban MTTQ xã, phường xếp loại vững mạnh xuất sắc', 'count', '', { ...m('grading.excellent', 'commune'), extra: true }, 'term'),
  f(
    's1_5',
    'org.wards_excellent_rate',
    'Tỷ lệ Ủy ban MTTQ xã, phường vững mạnh xuất sắc',
    'percent',
    '20%',
    { rate: { num: 'org.ward_gradings_excellent', den: 'org.ward_gradings', share: true } },
    'term',
  ),
  f('s1_5', 'org.boards_good', 'Ban công tác Mặt trận xếp loại tốt trở lên', 'count', '151/151', { ...m('grading.good_or_better', 'village'), period: 'last_year' }),
  f('s1_5', 'org.boards_graded', 'Ban công tác Mặt trận được xếp loại', 'count', '151', { ...m('grading.graded', 'village'), period: 'last_year', extra: true }),
  f('s1_5', 'org.work_boards', 'Thôn, tổ dân phố có Ban công tác Mặt trận', 'count', '', { ...m('org.villages_with_work_board'), extra: true }),
  f('s1_5', 'org.collectives_awarded', 'Tập thể được khen thưởng', 'count', '175', m('awards.commendations_higher', 'collective'), 'term'),
  f('s1_5', 'org.individuals_awarded', 'Cá nhân được khen thưởng', 'count', '172', m('awards.commendations_higher', 'person'), 'term'),
  f('s1_5', 'org.members_admitted', 'Tổ chức thành viên được kết nạp', 'count', '3', m('org.member_orgs_admitted')),
  f('s1_5', 'org.coordination_programmes', 'Chương trình phối hợp công tác được ký kết', 'count', '> 15', m('direction.coordination_programmes')),
  f('s1_5', 'org.advisory_boards', 'Ban Tư vấn, Tổ tư vấn', 'count', '1 + 16', m('org.advisory_boards'), 'term'),
  f('s1_5', 'org.advisory_members', 'Thành viên Ban Tư vấn, Tổ tư vấn', 'count', '9 + 112', m('org.advisory_members'), 'term'),
  f('s1_5', 'org.chairs_replaced', 'Lượt kiện toàn Chủ tịch', 'count', '3 + 8', m('org.membership_changes', 'chair')),
  f('s1_5', 'org.vice_chairs_replaced', 'Lượt kiện toàn Phó Chủ tịch', 'count', '1 + 8', m('org.membership_changes', 'vice_chair')),
  f('s1_5', 'org.members_replaced', 'Lượt kiện toàn Ủy viên', 'count', '21 + 240', m('org.membership_changes', 'member')),
  // 2.1 Covid-19, 2.2 Điện Biên
  f('s2_1', 'relief.covid_total', 'Tiền, hàng hóa, vật tư y tế ủng hộ phòng, chống dịch Covid-19', 'vnd', '> 20 tỷ đồng', {
    ...m('fund.appeal_raised', 'covid19'),
    parts: ['relief.covid_cash', 'relief.covid_goods'],
  }),
  f('s2_1', 'relief.covid_cash', 'trong đó tiền mặt', 'vnd', '> 15 tỷ đồng', m('fund.appeal_raised_money', 'covid19')),
  f('s2_1', 'relief.covid_goods', 'trong đó tiền hàng (vật tư, thiết bị y tế và nhu yếu phẩm)', 'vnd', '> 5 tỷ đồng', m('fund.appeal_raised_goods', 'covid19')),
  f('s2_1', 'relief.vaccine_fund', 'Ủng hộ Quỹ vắc-xin phòng, chống dịch Covid-19 (đã chuyển về tỉnh)', 'vnd', '2.980.393.000 đồng', m('fund.appeal_transferred_up', 'covid19')),
  f('s2_1', 'relief.south_goods', 'Hàng ủng hộ Nhân dân các tỉnh phía Nam và Thành phố Hồ Chí Minh (tấn)', 'count', '> 40'),
  f('s2_2', 'relief.dien_bien_raised', 'Vận động ủng hộ làm nhà Đại đoàn kết tỉnh Điện Biên (các đợt vận động có chỉ tiêu)', 'vnd', '316.023.000 đồng', m('fund.campaign_raised')),
  f('s2_2', 'relief.dien_bien_quota', 'Chỉ tiêu vận động được giao', 'vnd', '', { ...m('fund.campaign_quota'), extra: true }),
  f('s2_2', 'relief.dien_bien_rate', 'Tỷ lệ so với chỉ tiêu', 'percent', '126,4%', { rate: { num: 'relief.dien_bien_raised', den: 'relief.dien_bien_quota' } }),
];

export const FIGURE_BY_ID = new Map(FIGURES.map((x) => [x.id, x]));

/** The figures of the periodic (monthly … annual) reports: those a metric computes or will compute. */
export function isMapped(fig: Figure): boolean {
  if (fig.metric) return true;
  const deps = fig.rate ? [fig.rate.num, fig.rate.den] : fig.diff ? [fig.diff.a, fig.diff.b] : [];
  return deps.length > 0 && deps.every((d) => isMapped(FIGURE_BY_ID.get(d)!));
}

/** A figure is covered when it, or every figure it is computed from, names a registered metric. */
export function isCovered(fig: Figure, registered: (key: string) => boolean): boolean {
  if (fig.metric) return registered(fig.metric.key);
  const deps = fig.rate ? [fig.rate.num, fig.rate.den] : fig.diff ? [fig.diff.a, fig.diff.b] : [];
  return deps.length > 0 && deps.every((d) => isCovered(FIGURE_BY_ID.get(d)!, registered));
}
