// `npm run report:coverage`: which of Part One's figures (DOMAIN.md) a registered metric computes.
// Prints covered / total and the figures not yet covered; exits 0 (coverage grows with the modules).
import '../apps/server/src/modules/metrics-index';
import { FIGURES, SECTIONS, isCovered } from '../apps/server/src/modules/reports/coverage';
import { registeredKeys } from '../apps/server/src/modules/reports/compute';

const keys = registeredKeys();
const partOne = FIGURES.filter((f) => !f.extra);
const covered = partOne.filter((f) => isCovered(f, (k) => keys.has(k)));
const mappedMissing = partOne.filter((f) => f.metric && !keys.has(f.metric.key));
const title = new Map(SECTIONS.map((s) => [s.id, s.title.split(' ')[0]]));
const how = (f: (typeof FIGURES)[number]) =>
  f.metric ? `${f.metric.key}${f.metric.dim ? `[${f.metric.dim}]` : ''}` : f.rate ? `${f.rate.num} ÷ ${f.rate.den}` : f.diff ? `${f.diff.a} − ${f.diff.b}` : '';

console.log(`Phần thứ nhất — số liệu có chỉ số tính / Part One figures computed: ${covered.length} / ${partOne.length}`);
console.log('\nĐã có / covered:');
for (const f of covered) console.log(`  ✓ ${title.get(f.section)} ${f.id.padEnd(30)} ${how(f)}`);
// Why a figure is not computed yet: the module that will record its facts, or what no module records.
const WHY: Array<[RegExp, string]> = [
  [
    /^(poor\.(loans_disbursed|savings_group_members|policy_bank_loans)$)/,
    "không ghi nhận: vốn vay hội, đoàn thể và NHCSXH không qua sổ quỹ MTTQ / loans are not in the Front's books",
  ],
  [/^poor\.member_org_support$/, "không ghi nhận: chi hỗ trợ của tổ chức thành viên ngoài sổ quỹ MTTQ / member organisations' own spending"],
  [/^poor\.gifts_other_districts/, 'sổ quỹ demo chưa ghi khoản trích quỹ tặng 4 huyện / not in the demo books'],
  [/^relief\.south_goods$/, 'không ghi nhận: hàng tính bằng tấn, không qua sổ quỹ / goods in tonnes, not booked'],
  [/^ntm\.(land_|farmland_|roads_repaired)/, 'không ghi nhận: hiến đất, ngày công / land and labour donated are not recorded'],
  [/^(sup|cit\.mediation|pb\.(conferences|drafts|opinions|opinions_officials|legal_|law_))/, 'giám sát, phản biện, hòa giải, góp ý (issue 11)'],
  [/^(ntm|bv|cr|env|sec|grat|fest|rel)\./, 'cuộc vận động, phong trào, Ngày hội, tôn giáo (issue 12)'],
  [/^prop\./, 'tuyên truyền (issue 12)'],
  [/^(el|org)\./, 'bầu cử, tập huấn, xếp loại, khen thưởng, chỉ đạo (issue 13)'],
];
const why = (f: (typeof FIGURES)[number]) =>
  f.metric ? `chỉ số ${f.metric.key} chưa đăng ký / not registered yet` : (WHY.find(([re]) => re.test(f.id))?.[1] ?? 'chưa có chỉ số / no metric yet');
console.log('\nChưa có / not yet covered:');
for (const f of partOne.filter((x) => !covered.includes(x))) {
  console.log(`  ✗ ${title.get(f.section)} ${f.id.padEnd(30)} ${f.wording} — ${f.seed}  [${why(f)}]`);
}
if (mappedMissing.length) console.log(`\n${mappedMissing.length} figure(s) name a metric not registered yet.`);
