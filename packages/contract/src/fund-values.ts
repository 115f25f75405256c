// Fund kinds, donor kinds, disbursement kinds and purposes, Decree 93 limits and their labels as
// plain data, with no zod, so the web app can import them. fund.ts builds its schemas from these.

type Label = { vi: string; en: string };

export const FUND_KINDS = ['vi_nguoi_ngheo', 'cuu_tro', 'an_sinh', 'den_on_dap_nghia', 'khac'] as const;
export type FundKind = (typeof FUND_KINDS)[number];
export const FUND_KIND_LABELS: Record<FundKind, Label> = {
  vi_nguoi_ngheo: { vi: 'Quỹ "Vì người nghèo"', en: 'Fund for the Poor' },
  cuu_tro: { vi: 'Quỹ cứu trợ', en: 'Relief fund' },
  an_sinh: { vi: 'Quỹ an sinh xã hội', en: 'Social security fund' },
  den_on_dap_nghia: { vi: 'Quỹ "Đền ơn đáp nghĩa"', en: 'Gratitude fund' },
  khac: { vi: 'Quỹ khác', en: 'Other fund' },
};

export const ACCOUNT_KINDS = ['cash', 'bank', 'goods', 'fund', 'payable_up'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const ACCOUNT_KIND_LABELS: Record<AccountKind, Label> = {
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  bank: { vi: 'Tiền gửi ngân hàng', en: 'Bank account' },
  goods: { vi: 'Hiện vật (theo giá trị)', en: 'Goods in kind (at valuation)' },
  fund: { vi: 'Số dư quỹ', en: 'Fund balance' },
  payable_up: { vi: 'Phải nộp cấp trên', en: 'Payable to the higher level' },
};

export const DONOR_KINDS = ['organisation', 'individual', 'anonymous'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];
export const DONOR_KIND_LABELS: Record<DonorKind, Label> = {
  organisation: { vi: 'Tập thể, tổ chức', en: 'Organisation' },
  individual: { vi: 'Cá nhân', en: 'Individual' },
  anonymous: { vi: 'Ẩn danh', en: 'Anonymous' },
};

export const DONATION_KINDS = ['money', 'goods'] as const;
export type DonationKind = (typeof DONATION_KINDS)[number];
export const DONATION_KIND_LABELS: Record<DonationKind, Label> = {
  money: { vi: 'Tiền', en: 'Money' },
  goods: { vi: 'Hiện vật', en: 'Goods in kind' },
};

export const DONATION_SOURCES = ['manual', 'statement'] as const;
export type DonationSource = (typeof DONATION_SOURCES)[number];

export const DISBURSEMENT_KINDS = ['household', 'project', 'transfer_up', 'allocation_down', 'other'] as const;
export type DisbursementKind = (typeof DISBURSEMENT_KINDS)[number];
export const DISBURSEMENT_KIND_LABELS: Record<DisbursementKind, Label> = {
  household: { vi: 'Hỗ trợ hộ gia đình, cá nhân', en: 'Support to a household or person' },
  project: { vi: 'Công trình (nhà Đại đoàn kết…)', en: 'Project (solidarity house…)' },
  transfer_up: { vi: 'Chuyển cấp trên', en: 'Transfer to the higher level' },
  allocation_down: { vi: 'Phân bổ cấp dưới', en: 'Allocation to a lower level' },
  other: { vi: 'Chi khác', en: 'Other payment' },
};

/** What money was spent on: the dims of fund.distributed. */
export const DISBURSEMENT_PURPOSES = ['tet_gift', 'house', 'production', 'medical', 'education', 'hardship', 'relief', 'gratitude', 'transfer', 'other'] as const;
export type DisbursementPurpose = (typeof DISBURSEMENT_PURPOSES)[number];
export const DISBURSEMENT_PURPOSE_LABELS: Record<DisbursementPurpose, Label> = {
  tet_gift: { vi: 'Quà Tết vì người nghèo', en: 'Tết gifts for the poor' },
  house: { vi: 'Nhà Đại đoàn kết', en: 'Solidarity houses' },
  production: { vi: 'Hỗ trợ sản xuất, sinh kế', en: 'Production and livelihood' },
  medical: { vi: 'Hỗ trợ khám, chữa bệnh', en: 'Medical care' },
  education: { vi: 'Hỗ trợ học tập', en: 'Schooling' },
  hardship: { vi: 'Hỗ trợ hoàn cảnh đặc biệt khó khăn', en: 'Special hardship' },
  relief: { vi: 'Cứu trợ thiên tai, dịch bệnh', en: 'Disaster and epidemic relief' },
  gratitude: { vi: 'Đền ơn đáp nghĩa', en: 'Gratitude to people with merit' },
  transfer: { vi: 'Chuyển quỹ cấp trên, cấp khác', en: 'Transfer to another level' },
  other: { vi: 'Khác', en: 'Other' },
};

export const DISBURSEMENT_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];
export const DISBURSEMENT_STATUS_LABELS: Record<DisbursementStatus, Label> = {
  proposed: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã duyệt chi', en: 'Approved' },
  rejected: { vi: 'Không duyệt', en: 'Rejected' },
};

export const ENTRY_KINDS = ['donation', 'donation_batch', 'disbursement', 'transfer_in', 'transfer_out', 'reversal', 'correction', 'opening'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABELS: Record<EntryKind, Label> = {
  donation: { vi: 'Thu ủng hộ', en: 'Donation' },
  donation_batch: { vi: 'Thu theo sao kê', en: 'Donations from a statement' },
  disbursement: { vi: 'Chi', en: 'Payment' },
  transfer_in: { vi: 'Nhận chuyển giao', en: 'Transfer received' },
  correction: { vi: 'Điều chỉnh theo lô sao kê', en: 'Statement correction' },
  transfer_out: { vi: 'Chuyển giao', en: 'Transfer out' },
  reversal: { vi: 'Bút toán đảo', en: 'Reversal' },
  opening: { vi: 'Số dư đầu kỳ', en: 'Opening balance' },
};

/** Decree 93/2021/NĐ-CP: a receiving period of at most 90 days, distribution within 20 days after it ends. */
export const DECREE93_RECEIVE_MAX_DAYS = 90;
export const DECREE93_DISTRIBUTE_WITHIN_DAYS = 20;
/** How many days ahead of a deadline the campaign page starts warning. */
export const DECREE93_WARN_DAYS = 7;

export const DECREE93_CODES = [
  'receive_period_too_long',
  'distribute_deadline_too_late',
  'receive_ending_soon',
  'distribute_deadline_soon',
  'received_after_period',
  'undistributed_after_deadline',
  'paid_after_deadline',
] as const;
export type Decree93Code = (typeof DECREE93_CODES)[number];
export const DECREE93_LABELS: Record<Decree93Code, Label> = {
  receive_period_too_long: { vi: 'Thời gian tiếp nhận quá 90 ngày (Nghị định 93/2021/NĐ-CP)', en: 'Receiving period longer than 90 days (Decree 93/2021)' },
  distribute_deadline_too_late: { vi: 'Hạn phân phối quá 20 ngày sau khi kết thúc tiếp nhận', en: 'Distribution deadline more than 20 days after receiving ends' },
  receive_ending_soon: { vi: 'Sắp hết thời gian tiếp nhận', en: 'The receiving period ends soon' },
  distribute_deadline_soon: { vi: 'Sắp đến hạn phân phối mà quỹ vẫn còn số dư', en: 'The distribution deadline is near and money remains' },
  received_after_period: { vi: 'Có khoản ủng hộ nhận ngoài thời gian tiếp nhận', en: 'Donations received outside the receiving period' },
  undistributed_after_deadline: { vi: 'Quá hạn phân phối mà vẫn còn số dư chưa phân phối', en: 'Past the distribution deadline with money not distributed' },
  paid_after_deadline: { vi: 'Có khoản chi sau hạn phân phối', en: 'Payments made after the distribution deadline' },
};

/** The appeal a campaign answers: Part One states each appeal's totals and transfers. */
export const CAMPAIGN_APPEALS = ['covid19', 'natural_disaster', 'solidarity_houses', 'other'] as const;
export type CampaignAppeal = (typeof CAMPAIGN_APPEALS)[number];
export const CAMPAIGN_APPEAL_LABELS: Record<CampaignAppeal, Label> = {
  covid19: { vi: 'Phòng, chống dịch Covid-19', en: 'Covid-19' },
  natural_disaster: { vi: 'Thiên tai, bão lũ', en: 'Natural disaster' },
  solidarity_houses: { vi: 'Nhà Đại đoàn kết nơi khác', en: 'Solidarity houses elsewhere' },
  other: { vi: 'Khác', en: 'Other' },
};
