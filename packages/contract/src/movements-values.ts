// Movements and community as plain data (no zod), so the web app can import them without the schema
// library. movements.ts builds its schemas from these.

type Label = { vi: string; en: string };

export const CHANNEL_KINDS = ['fanpage', 'zalo', 'portal_column', 'tv', 'online_tv', 'loudspeaker'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
/** Channels a unit runs itself on the Internet: target 1 counts a unit with one of these and posts in the year. */
export const DIGITAL_CHANNELS: readonly ChannelKind[] = ['fanpage', 'zalo', 'portal_column'];
export const CHANNEL_KIND_LABELS: Record<ChannelKind, Label> = {
  fanpage: { vi: 'Trang fanpage', en: 'Fanpage' },
  zalo: { vi: 'Nhóm Zalo', en: 'Zalo group' },
  portal_column: { vi: 'Chuyên mục trên Cổng thông tin', en: 'Portal column' },
  tv: { vi: 'Truyền hình', en: 'Television' },
  online_tv: { vi: 'Truyền hình online', en: 'Online TV' },
  loudspeaker: { vi: 'Hệ thống truyền thanh cơ sở', en: 'Loudspeaker system' },
};

export const OUTPUT_KINDS = ['column', 'portal_article', 'tv_report', 'online_report', 'broadcast', 'social_post', 'work'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export const OUTPUT_KIND_LABELS: Record<OutputKind, Label> = {
  column: { vi: 'Chuyên trang, chuyên mục', en: 'Columns' },
  portal_article: { vi: 'Tin, bài trên Cổng thông tin', en: 'Portal articles' },
  tv_report: { vi: 'Phóng sự truyền hình', en: 'TV reports' },
  online_report: { vi: 'Phóng sự truyền hình online', en: 'Online TV reports' },
  broadcast: { vi: 'Buổi phát thanh', en: 'Broadcasts' },
  social_post: { vi: 'Tin bài trên fanpage, nhóm Zalo', en: 'Fanpage and Zalo posts' },
  work: { vi: 'Tác phẩm được tuyên truyền', en: 'Works promoted' },
};

export const PROPAGANDA_ROLES = ['reporter', 'propagandist'] as const;
export const PROPAGANDA_ROLE_LABELS: Record<(typeof PROPAGANDA_ROLES)[number], Label> = {
  reporter: { vi: 'Báo cáo viên', en: 'Reporters' },
  propagandist: { vi: 'Tuyên truyền viên', en: 'Propagandists' },
};

export const RELIGIONS = ['buddhism', 'catholicism', 'protestantism', 'folk', 'other'] as const;
export type Religion = (typeof RELIGIONS)[number];
export const RELIGION_LABELS: Record<Religion, Label> = {
  buddhism: { vi: 'Phật giáo', en: 'Buddhism' },
  catholicism: { vi: 'Công giáo', en: 'Catholicism' },
  protestantism: { vi: 'Tin lành', en: 'Protestantism' },
  folk: { vi: 'Tín ngưỡng (đình, đền, miếu)', en: 'Folk belief (communal houses, temples)' },
  other: { vi: 'Khác', en: 'Other' },
};
export const RELIGION_ACTIVITY_KINDS = ['visit', 'conference', 'commendation'] as const;
export type ReligionActivityKind = (typeof RELIGION_ACTIVITY_KINDS)[number];
export const RELIGION_ACTIVITY_LABELS: Record<ReligionActivityKind, Label> = {
  visit: { vi: 'Thăm hỏi, chúc mừng', en: 'Visit' },
  conference: { vi: 'Hội nghị', en: 'Conference' },
  commendation: { vi: 'Khen thưởng', en: 'Commendation' },
};
export const GIFT_SOURCE_LABELS = {
  upper: { vi: 'Quà của Trung ương, MTTQ tỉnh', en: 'Gifts from the centre and the province' },
  local: { vi: 'Quà của thành phố và MTTQ các cấp', en: 'Gifts from the city and the local Front' },
};

export const SOLIDARITY_DAY = { month: 11, day: 18 };

export const UNIT_TITLES = ['cultural_village', 'model_village', 'new_rural', 'civilised_urban', 'cultural_commune'] as const;
export type UnitTitle = (typeof UNIT_TITLES)[number];
export const UNIT_TITLE_LABELS: Record<UnitTitle, Label> = {
  cultural_village: { vi: 'Thôn, tổ dân phố văn hóa', en: 'Cultural village' },
  model_village: { vi: 'Thôn nông thôn mới kiểu mẫu', en: 'Model new-rural village' },
  new_rural: { vi: 'Xã đạt chuẩn nông thôn mới', en: 'New-rural commune' },
  civilised_urban: { vi: 'Phường đạt chuẩn đô thị văn minh', en: 'Civilised-urban ward' },
  cultural_commune: { vi: 'Xã đạt chuẩn văn hóa nông thôn mới', en: 'Cultural new-rural commune' },
};
/** The level each title is given at. */
export const UNIT_TITLE_LEVEL: Record<UnitTitle, 'village' | 'commune'> = {
  cultural_village: 'village',
  model_village: 'village',
  new_rural: 'commune',
  civilised_urban: 'commune',
  cultural_commune: 'commune',
};

export const SURVEY_RATINGS = ['very_satisfied', 'satisfied', 'unsatisfied'] as const;
export type SurveyRating = (typeof SURVEY_RATINGS)[number];
export const SURVEY_RATING_LABELS: Record<SurveyRating, Label> = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  unsatisfied: { vi: 'Chưa hài lòng', en: 'Not satisfied' },
};
export const SATISFIED: readonly SurveyRating[] = ['very_satisfied', 'satisfied'];

/** The one registry of models: each kind, and whether it is a self-managed model of a residential area. */
export const MODEL_KINDS = [
  'security',
  'eco_area',
  'waste_sorting',
  'self_managed_road',
  'flower_road',
  'self_managed_other',
  'waste_collection',
  'creative',
  'ocop_product',
  'hometown_association',
  'friendship',
] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export const SELF_MANAGED_KINDS: readonly ModelKind[] = ['security', 'eco_area', 'waste_sorting', 'self_managed_road', 'self_managed_other'];
export const MODEL_KIND_LABELS: Record<ModelKind, Label> = {
  security: { vi: 'Tổ liên gia tự quản về an ninh trật tự', en: 'Self-managed security group' },
  eco_area: { vi: 'Khu dân cư thân thiện với môi trường', en: 'Eco-friendly residential area' },
  waste_sorting: { vi: 'Tổ, nhóm phân loại rác thải, hỗ trợ vượt khó', en: 'Waste-sorting group' },
  self_managed_road: { vi: 'Đoạn đường tự quản', en: 'Self-managed road' },
  flower_road: { vi: 'Đoạn đường hoa', en: 'Flower road' },
  self_managed_other: { vi: 'Mô hình tự quản khác (văn hóa, giao thông, giúp nhau thoát nghèo…)', en: 'Other self-managed model' },
  waste_collection: { vi: 'Tổ thu gom rác', en: 'Waste collection team' },
  creative: { vi: 'Mô hình, giải pháp “Đoàn kết sáng tạo”', en: 'Creative model or solution' },
  ocop_product: { vi: 'Sản phẩm OCOP được đánh giá, xếp hạng', en: 'OCOP product rated' },
  hometown_association: { vi: 'Hội đồng hương', en: 'Hometown association' },
  friendship: { vi: 'Hoạt động đối ngoại nhân dân, kết nghĩa', en: "People's diplomacy link" },
};

/** Campaign activities counted by kind (the buy-Vietnamese campaign, creative models, security, gratitude, environment). */
export const ACTIVITY_KINDS_MOVEMENT = [
  'bv_guidance_doc',
  'bv_tv_report',
  'bv_panel',
  'bv_online_post',
  'bv_broadcast',
  'bv_worker_booth',
  'bv_ecommerce',
  'bv_fair',
  'bv_fair_product',
  'cr_conference',
  'sec_conference',
  'sec_reintegration',
  'grat_house',
  'env_canal_km',
  'env_recycling',
  'env_women_flower_road',
  'env_bins',
  'env_bags_kg',
  'env_baskets',
  'diplomacy',
] as const;
export type MovementActivityKind = (typeof ACTIVITY_KINDS_MOVEMENT)[number];
export const MOVEMENT_ACTIVITY_LABELS: Record<MovementActivityKind, Label> = {
  bv_guidance_doc: { vi: 'Kế hoạch, công văn, hướng dẫn Cuộc vận động dùng hàng Việt', en: 'Buy-Vietnamese guidance documents' },
  bv_tv_report: { vi: 'Phóng sự về Cuộc vận động dùng hàng Việt', en: 'Buy-Vietnamese TV reports' },
  bv_panel: { vi: 'Pano tuyên truyền dùng hàng Việt', en: 'Buy-Vietnamese panels' },
  bv_online_post: { vi: 'Hình ảnh, phóng sự, khẩu hiệu dùng hàng Việt trên mạng', en: 'Buy-Vietnamese online posts' },
  bv_broadcast: { vi: 'Tin, bài dùng hàng Việt trên truyền thanh', en: 'Buy-Vietnamese broadcasts' },
  bv_worker_booth: { vi: 'Gian hàng dành cho công nhân lao động', en: "Workers' booths" },
  bv_ecommerce: { vi: 'Cơ sở được hỗ trợ lên sàn thương mại điện tử', en: 'Producers helped onto e-commerce' },
  bv_fair: { vi: 'Gian hàng hội chợ, chương trình quảng bá', en: 'Fair booths' },
  bv_fair_product: { vi: 'Lượt sản phẩm trưng bày tại hội chợ', en: 'Products shown at fairs' },
  cr_conference: { vi: 'Hội nghị phổ biến phong trào “Đoàn kết sáng tạo”', en: 'Creative-solidarity conferences' },
  sec_conference: { vi: 'Hội nghị về an ninh trật tự', en: 'Security conferences' },
  sec_reintegration: { vi: 'Người lầm lỗi được giúp đỡ tái hòa nhập', en: 'Offenders helped to reintegrate' },
  grat_house: { vi: 'Nhà tình nghĩa cho cựu chiến binh, thương binh', en: 'Gratitude houses' },
  env_canal_km: { vi: 'Kênh mương được nạo vét (km)', en: 'Canals dredged (km)' },
  env_recycling: { vi: 'Thu gom phế liệu tái chế (trường hợp được giúp đỡ, số tiền)', en: 'Recycling (cases helped, money)' },
  env_women_flower_road: { vi: 'Đoạn đường hoa phụ nữ được hỗ trợ', en: "Women's flower roads supported" },
  env_bins: { vi: 'Thùng rác công cộng được hỗ trợ', en: 'Public bins' },
  env_bags_kg: { vi: 'Túi đựng rác tặng hộ gia đình (kg)', en: 'Waste bags (kg)' },
  env_baskets: { vi: 'Làn nhựa đi chợ tặng hội viên', en: 'Market baskets' },
  diplomacy: { vi: 'Hoạt động đối ngoại nhân dân', en: "People's diplomacy activity" },
};
