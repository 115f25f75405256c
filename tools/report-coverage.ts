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
console.log('\nChưa có / not yet covered:');
for (const f of partOne.filter((x) => !covered.includes(x))) {
  const note = f.metric ? `  (chỉ số ${f.metric.key} chưa đăng ký / not registered yet)` : '';
  console.log(`  ✗ ${title.get(f.section)} ${f.id.padEnd(30)} ${f.wording} — ${f.seed}${note}`);
}
if (mappedMissing.length) console.log(`\n${mappedMissing.length} figure(s) name a metric not registered yet.`);
