// The fund demo: Bắc Giang city and its 16 wards/communes 2019–2024 at Part One's figures, the first
// half of 2025, the hand-over of every balance when the units end, and the new wards through 2026.
// Planned in memory (FundBook) and written in bulk; the ledger's triggers check every entry.
import type { FundKind } from '@contract/fund-values';
import type { Db } from '../db/db';
import { importDemoStatements } from '../modules/fund/statements/demo-import';
import { insertBankAccount } from '../modules/fund/service';
import { today } from '../platform/access';
import { FundBook, apportion, split, type FundRef } from './fund-book';
import { donor, loadDemoWorld, openBooks, openCampaign, openFund, type DemoUnit, type DemoWorld, type UnitBooks } from './fund-setup';
import { addDays, dayIn, person, rng, type Rng } from './org-gen';

/** Part One's fund figures (2019–2024) the demo reproduces; demo/fund.test.ts checks them through the metrics. */
export const FUND_SEED = {
  poorFundRaised2019to2023: [1_352_000_000, 1_405_120_000, 1_298_750_000, 1_496_240_000, 1_663_350_000], // > 7 billion
  poorFundRaised2024: 1_720_500_000,
  tetPackages: [11_820, 12_410, 12_960, 13_250, 13_040, 13_150], // Tết 2019…2024: 76,630
  tetValue: [4_728_000_000, 5_088_100_000, 5_391_360_000, 5_618_000_000, 5_476_800_000, 5_725_433_000], // 32,027,693,000
  covid: { money: [5_820_000_000, 9_460_000_000], goods: [2_140_000_000, 2_960_000_000], transferredUp: 2_980_393_000 },
  floodsTransferred: 7_012_350_000,
  dienBien: { quota: 250_000_000, raised: 316_023_000 },
  gratitudeRaised: [352_000_000, 361_200_000, 348_900_000, 374_400_000, 391_000_000, 409_000_000], // > 2.2 billion
  production: { amount: 323_334_000, households: 217 },
  medical: { amount: 278_234_000, people: 445 },
  education: { amount: 275_032_000, pupils: 736 },
  fireAndDrowning: 156_500_000,
} as const;

const TET = ['2019-02-05', '2020-01-25', '2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const CITY_END = '2025-06-30';
const REFORM = '2025-07-01';

type Ctx = { book: FundBook; r: Rng; w: DemoWorld; books: Map<number, UnitBooks>; acct: number; btt: number };

/** Demo data of the fund module (see its issue); runs inside loadDemo's transaction. */
export async function seedDemoFunds(tx: Db): Promise<void> {
  const w = await loadDemoWorld(tx);
  if (!w) return; // the seed's units are not loaded: nothing to attach to
  const r = rng(2024_93);
  const book = new FundBook(r);
  const c: Ctx = { book, r, w, books: new Map(), acct: w.users['ketoan.thanhpho'], btt: w.users['btt.thanhpho'] };
  const cityUnits = [w.city, ...w.wards];
  for (const u of cityUnits) {
    const b = await openBooks(tx, book, u);
    c.books.set(u.id, b);
    for (const kind of ['vi_nguoi_ngheo', 'an_sinh', 'den_on_dap_nghia'] as FundKind[]) await openFund(tx, book, b, kind, '2019-01-01');
  }
  await openFund(tx, book, c.books.get(w.city.id)!, 'cuu_tro', '2019-01-01');
  poorFund(c);
  await tetGifts(tx, c);
  await covid(tx, c);
  await centralFloods(tx, c);
  await dienBien(tx, c);
  gratitude(c);
  fireAndDrowning(c);
  await yagiInTheCity(tx, c);
  await handOver(tx, c);
  await newWards(tx, c);
  await book.write(tx);

  const yagi = await yagiCampaign(tx, w);
  await importDemoStatements(tx, yagi.campaign.campaignId!);
  await distributeYagi(tx, w, yagi);
}

const later = (a: string, b: string) => (a > b ? a : b);
const weightOf = (c: Ctx, u: DemoUnit) => (u.id === c.w.city.id ? 3 : 0.7 + (Number(u.code.slice(-2)) % 7) / 10);

/** Donations from local donors summing exactly to `total`, dated by `dateOf`. */
function raise(c: Ctx, to: FundRef, u: DemoUnit, total: number, n: number, dateOf: () => string, memo: string, accountId?: number) {
  const b = c.books.get(u.id) ?? c.books.get(to.unitId)!;
  for (const amount of split(c.r, total, n)) {
    c.book.donation({ to, accountId: accountId ?? b.bank, date: dateOf(), amount, ...donor(c.r, u), memo, createdBy: c.acct });
  }
}

/** Quỹ "Vì người nghèo": > 7 billion raised 2019–2023, mostly in the peak month (17/10–18/11); support paid in December. */
function poorFund(c: Ctx) {
  const units = [c.w.city, ...c.w.wards];
  const weights = units.map((u) => weightOf(c, u));
  const yearly = [...FUND_SEED.poorFundRaised2019to2023, FUND_SEED.poorFundRaised2024];
  const cells: Array<{ u: DemoUnit; y: number; raised: number }> = [];
  YEARS.forEach((y, i) => {
    const parts = apportion(yearly[i] / 1000, weights).map((x) => x * 1000);
    units.forEach((u, k) => {
      cells.push({ u, y, raised: parts[k] });
      const peak = () => (c.r.chance(0.7) ? dayIn(c.r, `${y}-10-17`, `${y}-11-19`) : dayIn(c.r, `${y}-01-05`, `${y}-10-17`));
      raise(c, c.books.get(u.id)!.funds.vi_nguoi_ngheo!, u, parts[k], c.r.int(4, 9), peak, `Ủng hộ Quỹ "Vì người nghèo" năm ${y}`);
    });
  });
  const supports = [
    ['production', FUND_SEED.production.amount, FUND_SEED.production.households, 'Hỗ trợ sản xuất, sinh kế'],
    ['medical', FUND_SEED.medical.amount, FUND_SEED.medical.people, 'Hỗ trợ khám, chữa bệnh'],
    ['education', FUND_SEED.education.amount, FUND_SEED.education.pupils, 'Hỗ trợ học sinh nghèo'],
  ] as const;
  for (const [purpose, amount, count, note] of supports) {
    const counts = apportion(
      count,
      cells.map((x) => x.raised),
    );
    const amounts = split(c.r, amount, count, 1000, 0.8);
    let k = 0;
    cells.forEach((cell, i) => {
      for (let j = 0; j < counts[i]; j++)
        payHousehold(c, cell.u, c.books.get(cell.u.id)!.funds.vi_nguoi_ngheo!, purpose, amounts[k++], dayIn(c.r, `${cell.y}-12-01`, `${cell.y}-12-29`), note);
    });
  }
  // Solidarity houses: 40 million from the fund for each, where a year's raising covers one.
  for (const cell of cells) {
    const houses = Math.floor((cell.raised * 0.45) / 40_000_000);
    for (let j = 0; j < houses; j++) {
      const who = person(c.r, 0.4, [1940, 1985]).name;
      c.book.payment({
        from: c.books.get(cell.u.id)!.funds.vi_nguoi_ngheo!,
        payAccountId: c.books.get(cell.u.id)!.bank,
        kind: 'project',
        purpose: 'house',
        amount: 40_000_000,
        date: dayIn(c.r, `${cell.y}-12-01`, `${cell.y}-12-29`),
        projectName: `Nhà Đại đoàn kết hộ ${who}`,
        beneficiaryName: who,
        beneficiaryVillage: villageOf(c, cell.u),
        proposedBy: c.acct,
        decidedBy: c.btt,
      });
    }
  }
}

function villageOf(c: Ctx, u: DemoUnit): string | null {
  const pool = u.villages.length ? u.villages : c.w.wards.flatMap((w) => w.villages);
  return pool.length ? c.r.pick(pool) : null;
}

function payHousehold(
  c: Ctx,
  u: DemoUnit,
  from: FundRef,
  purpose: 'production' | 'medical' | 'education' | 'hardship' | 'gratitude' | 'relief',
  amount: number,
  date: string,
  note: string,
) {
  c.book.payment({
    from,
    payAccountId: c.books.get(from.unitId)!.bank,
    kind: 'household',
    purpose,
    amount,
    date,
    beneficiaryName: person(c.r, 0.5, [1945, 2010]).name,
    beneficiaryVillage: villageOf(c, u),
    note,
    proposedBy: c.acct,
    decidedBy: c.btt,
  });
}

/** "Tết vì người nghèo": gifts per village before each Tết, from money and goods raised in the weeks before. */
async function tetGifts(tx: Db, c: Ctx) {
  const units = [c.w.city, ...c.w.wards];
  const seasons = [...FUND_SEED.tetPackages.map((k, i) => ({ tet: TET[i], packages: k, value: FUND_SEED.tetValue[i] })), { tet: TET[6], packages: 12_870, value: 5_791_500_000 }];
  const city = c.books.get(c.w.city.id)!;
  for (const s of seasons) {
    const year = Number(s.tet.slice(0, 4));
    const live = units.filter((u) => u.validTo > s.tet);
    const campaign = await openCampaign(tx, c.book, city.funds.an_sinh!, {
      name: `Tết vì người nghèo Xuân ${year}`,
      purpose: 'Quà Tết cho hộ nghèo, hộ cận nghèo và hộ có hoàn cảnh khó khăn',
      receiveFrom: later(addDays(s.tet, -75), '2019-01-01'),
      receiveTo: addDays(s.tet, -12),
      distributeBy: addDays(s.tet, -1),
      isPublic: year >= 2024,
    });
    const packs = apportion(
      s.packages,
      live.map((u) => weightOf(c, u)),
    );
    const values = apportion(s.value / 1000, packs).map((x) => x * 1000);
    live.forEach((u, i) => {
      const b = c.books.get(u.id)!;
      const to = u.id === c.w.city.id ? campaign : b.funds.an_sinh!;
      const villages = u.villages.length ? u.villages : c.w.wards.flatMap((x) => x.villages).slice(0, 12);
      const vPacks = apportion(
        packs[i],
        villages.map(() => 1 + c.r.next()),
      );
      const vValues = apportion(values[i] / 1000, vPacks).map((x) => x * 1000);
      // About a third of the villages' gifts are goods given in kind (rice, cakes, oil).
      const goodsIdx = villages.map((_, j) => j).filter((j) => j % 3 === 0 && vValues[j] > 0);
      const goods = goodsIdx.reduce((t, j) => t + vValues[j], 0);
      const money = values[i] - goods;
      const when = () => dayIn(c.r, later(addDays(s.tet, -60), '2019-01-02'), addDays(s.tet, -12));
      if (goods > 0) {
        for (const amount of split(c.r, goods, Math.min(3, goodsIdx.length))) {
          const item = c.r.pick([
            ['Gạo tẻ', 'kg', 15_000],
            ['Bánh chưng', 'chiếc', 60_000],
            ['Dầu ăn, đường, bánh kẹo (gói quà)', 'suất', 250_000],
          ] as const);
          c.book.donation({
            to,
            accountId: b.goods,
            date: when(),
            amount,
            ...donor(c.r, u, [0.8, 0.2]),
            createdBy: c.acct,
            goods: { description: item[0], quantity: Math.max(1, Math.round(amount / item[2])), unit: item[1] },
            memo: `Quà Tết Xuân ${year}`,
          });
        }
      }
      // A ward raises a little above what its gifts cost (the rest stays in its fund); the city's campaign
      // raises what it gives, so nothing is left when its distribution deadline passes.
      const raised = to.campaignId ? money : Math.round((money * 1.02) / 1000) * 1000;
      raise(c, to, u, raised, c.r.int(4, 8), when, `Ủng hộ Tết vì người nghèo Xuân ${year}`);
      villages.forEach((v, j) => {
        if (!vPacks[j]) return;
        c.book.payment({
          from: to,
          payAccountId: goodsIdx.includes(j) ? b.goods : b.bank,
          kind: 'household',
          purpose: 'tet_gift',
          amount: vValues[j],
          date: dayIn(c.r, addDays(s.tet, -10), addDays(s.tet, -2)),
          packages: vPacks[j],
          beneficiaryName: `Hộ nghèo, cận nghèo ${v}`,
          beneficiaryVillage: v,
          note: `${vPacks[j]} suất quà Tết`,
          proposedBy: c.acct,
          decidedBy: c.btt,
        });
      });
    });
  }
}

/** Covid-19: two campaigns of the city (cash > 15 billion, goods > 5 billion); 2,980,393,000 to the provincial vaccine fund. */
async function covid(tx: Db, c: Ctx) {
  const city = c.books.get(c.w.city.id)!;
  const waves = [
    { name: 'Chung tay phòng, chống dịch Covid-19 (đợt 1)', from: '2020-03-25', to: '2020-06-22', by: '2020-07-12' },
    { name: 'Phòng, chống dịch Covid-19 và Quỹ vắc-xin (đợt 2)', from: '2021-05-10', to: '2021-08-07', by: '2021-08-27' },
  ];
  for (let i = 0; i < 2; i++) {
    const wv = waves[i];
    const campaign = await openCampaign(tx, c.book, city.funds.cuu_tro!, {
      name: wv.name,
      purpose: 'Hỗ trợ lực lượng tuyến đầu, khu cách ly và người dân gặp khó khăn do dịch Covid-19',
      appeal: 'covid19',
      receiveFrom: wv.from,
      receiveTo: wv.to,
      distributeBy: wv.by,
    });
    const money = FUND_SEED.covid.money[i];
    const goods = FUND_SEED.covid.goods[i];
    const when = () => dayIn(c.r, wv.from, addDays(wv.to, 1));
    raise(c, campaign, c.w.city, money, 60, when, 'Ủng hộ phòng, chống dịch Covid-19');
    for (const amount of split(c.r, goods, 25)) {
      const item = c.r.pick([
        ['Khẩu trang y tế', 'hộp', 50_000],
        ['Gạo tẻ', 'kg', 15_000],
        ['Nước sát khuẩn', 'chai', 40_000],
        ['Rau, củ, quả', 'kg', 12_000],
      ] as const);
      c.book.donation({
        to: campaign,
        accountId: city.goods,
        date: when(),
        amount,
        ...donor(c.r, c.w.city, [0.85, 0.15]),
        createdBy: c.acct,
        goods: { description: item[0], quantity: Math.max(1, Math.round(amount / item[2])), unit: item[1] },
        memo: 'Ủng hộ hiện vật phòng, chống dịch',
      });
    }
    const up = i === 1 ? FUND_SEED.covid.transferredUp : 0;
    if (up) {
      c.book.payment({
        from: campaign,
        payAccountId: city.bank,
        payableUpId: city.payableUp,
        kind: 'transfer_up',
        purpose: 'transfer',
        amount: up,
        date: addDays(wv.to, 3),
        targetUnitId: c.w.province.id,
        beneficiaryName: 'Quỹ vắc-xin phòng Covid-19 tỉnh Bắc Giang',
        proposedBy: c.acct,
        decidedBy: c.btt,
      });
    }
    const wards = c.w.wards.filter((u) => u.validTo > wv.by);
    const cash = split(c.r, money - up, wards.length);
    const kind = split(c.r, goods, wards.length);
    wards.forEach((u, k) => {
      for (const [amount, acct] of [
        [cash[k], city.bank],
        [kind[k], city.goods],
      ] as const) {
        c.book.payment({
          from: campaign,
          payAccountId: acct,
          kind: 'other',
          purpose: 'relief',
          amount,
          date: dayIn(c.r, addDays(wv.to, 4), wv.by),
          projectName: `Lực lượng tuyến đầu, khu cách ly và hộ khó khăn ${u.name.replace(/^(Phường|Xã) /, (m) => m.toLowerCase())}`,
          proposedBy: c.acct,
          decidedBy: c.btt,
        });
      }
    });
  }
}

/** Central floods 2020: about 7 billion raised by the city and transferred to the province. */
async function centralFloods(tx: Db, c: Ctx) {
  const city = c.books.get(c.w.city.id)!;
  const campaign = await openCampaign(tx, c.book, city.funds.cuu_tro!, {
    name: 'Ủng hộ đồng bào miền Trung khắc phục hậu quả bão lũ 2020',
    purpose: 'Hỗ trợ đồng bào miền Trung bị thiệt hại do bão, lũ',
    appeal: 'natural_disaster',
    receiveFrom: '2020-10-15',
    receiveTo: '2020-12-31',
    distributeBy: '2021-01-15',
  });
  raise(c, campaign, c.w.city, FUND_SEED.floodsTransferred, 45, () => dayIn(c.r, '2020-10-15', '2021-01-01'), 'Ủng hộ đồng bào miền Trung');
  c.book.payment({
    from: campaign,
    payAccountId: city.bank,
    payableUpId: city.payableUp,
    kind: 'transfer_up',
    purpose: 'transfer',
    amount: FUND_SEED.floodsTransferred,
    date: '2021-01-05',
    targetUnitId: c.w.province.id,
    beneficiaryName: 'Ban Cứu trợ tỉnh Bắc Giang',
    note: 'Chuyển Ủy ban MTTQ tỉnh để chuyển đồng bào miền Trung',
    proposedBy: c.acct,
    decidedBy: c.btt,
  });
}

/** Điện Biên solidarity houses 2024: 316,023,000 raised against the province's 250,000,000 quota (126.4%). */
async function dienBien(tx: Db, c: Ctx) {
  const city = c.books.get(c.w.city.id)!;
  const campaign = await openCampaign(tx, c.book, city.funds.vi_nguoi_ngheo!, {
    name: 'Ủng hộ xây nhà Đại đoàn kết tỉnh Điện Biên',
    purpose: 'Xây nhà Đại đoàn kết cho hộ nghèo tỉnh Điện Biên theo phát động của tỉnh',
    appeal: 'solidarity_houses',
    receiveFrom: '2024-03-01',
    receiveTo: '2024-05-29',
    distributeBy: '2024-06-15',
    quota: FUND_SEED.dienBien.quota,
    quotaUnitId: c.w.province.id,
  });
  raise(c, campaign, c.w.city, FUND_SEED.dienBien.raised, 22, () => dayIn(c.r, '2024-03-01', '2024-05-30'), 'Ủng hộ xây nhà Đại đoàn kết Điện Biên');
  c.book.payment({
    from: campaign,
    payAccountId: city.bank,
    payableUpId: city.payableUp,
    kind: 'transfer_up',
    purpose: 'house',
    amount: FUND_SEED.dienBien.raised,
    date: '2024-06-05',
    targetUnitId: c.w.province.id,
    beneficiaryName: 'Ủy ban MTTQ tỉnh Bắc Giang',
    note: 'Chuyển tỉnh để xây nhà Đại đoàn kết tại tỉnh Điện Biên',
    proposedBy: c.acct,
    decidedBy: c.btt,
  });
}

/** Quỹ "Đền ơn đáp nghĩa": > 2.2 billion 2019–2024, raised before 27/7 and given as gifts to families with merit. */
function gratitude(c: Ctx) {
  const units = [c.w.city, ...c.w.wards];
  YEARS.forEach((y, i) => {
    const parts = apportion(
      FUND_SEED.gratitudeRaised[i] / 1000,
      units.map((u) => weightOf(c, u)),
    ).map((x) => x * 1000);
    units.forEach((u, k) => {
      const fund = c.books.get(u.id)!.funds.den_on_dap_nghia!;
      raise(c, fund, u, parts[k], c.r.int(3, 6), () => dayIn(c.r, `${y}-06-01`, `${y}-07-15`), `Ủng hộ Quỹ "Đền ơn đáp nghĩa" năm ${y}`);
      const spend = Math.floor((parts[k] * 0.85) / 1000) * 1000;
      const n = c.r.int(2, 4);
      for (const amount of split(c.r, spend, n))
        payHousehold(c, u, fund, 'gratitude', amount, dayIn(c.r, `${y}-07-20`, `${y}-07-28`), 'Thăm, tặng quà gia đình chính sách nhân ngày 27/7');
    });
  });
}

/** Relief from the city's relief fund to families hit by fire or drowning (> 150 million). */
function fireAndDrowning(c: Ctx) {
  const city = c.books.get(c.w.city.id)!;
  const fund = city.funds.cuu_tro!;
  YEARS.forEach((y) => raise(c, fund, c.w.city, 60_000_000, 4, () => dayIn(c.r, `${y}-01-10`, `${y}-03-31`), `Ủng hộ Quỹ cứu trợ năm ${y}`));
  split(c.r, FUND_SEED.fireAndDrowning, 9).forEach((amount, i) => {
    const ward = c.w.wards[(i * 5) % c.w.wards.length];
    payHousehold(
      c,
      ward,
      fund,
      'hardship',
      amount,
      dayIn(c.r, `${YEARS[i % 6]}-04-01`, `${YEARS[i % 6]}-11-30`),
      i % 2 ? 'Hỗ trợ gia đình có người đuối nước' : 'Hỗ trợ gia đình bị cháy nhà',
    );
  });
}

/** The city's own Typhoon Yagi appeal (September 2024): money to flooded households in its villages, published. */
async function yagiInTheCity(tx: Db, c: Ctx) {
  const city = c.books.get(c.w.city.id)!;
  const campaign = await openCampaign(tx, c.book, city.funds.cuu_tro!, {
    name: 'Ủng hộ Nhân dân bị thiệt hại do bão số 3 (Yagi) — thành phố Bắc Giang',
    purpose: 'Hỗ trợ hộ gia đình bị thiệt hại do bão số 3 và lũ lụt',
    appeal: 'natural_disaster',
    receiveFrom: '2024-09-09',
    receiveTo: '2024-10-31',
    distributeBy: '2024-11-20',
    isPublic: true,
  });
  raise(c, campaign, c.w.city, 3_215_600_000, 140, () => dayIn(c.r, '2024-09-09', '2024-11-01'), 'Ủng hộ đồng bào bị thiệt hại do bão số 3');
  const flooded = c.w.wards.filter((u) => ['07216', '07222', '07705', '07441', '07699'].includes(u.code));
  const amounts = split(c.r, 3_215_600_000, 120, 100_000, 0.5);
  amounts.forEach((amount, i) =>
    payHousehold(c, flooded[i % flooded.length], campaign, 'relief', amount, dayIn(c.r, '2024-11-02', '2024-11-20'), 'Hỗ trợ khắc phục nhà ở, sản xuất sau bão số 3'),
  );
}

/** When a unit ends, every fund's balance passes to its successor's fund of the same kind, as recorded transfers. */
async function handOver(tx: Db, c: Ctx) {
  const kinds: FundKind[] = ['vi_nguoi_ngheo', 'an_sinh', 'den_on_dap_nghia', 'cuu_tro'];
  const target = async (unitId: number): Promise<UnitBooks> => {
    let b = c.books.get(unitId);
    if (!b) {
      const u = c.w.successors.find((s) => s.id === unitId) ?? c.w.wards.find((s) => s.id === unitId)!;
      b = await openBooks(tx, c.book, u);
      c.books.set(unitId, b);
    }
    return b;
  };
  const fundOf = async (b: UnitBooks, kind: FundKind) => b.funds[kind] ?? openFund(tx, c.book, b, kind, b.unit.validFrom > '2019-01-01' ? b.unit.validFrom : '2019-01-01');
  const pass = async (from: UnitBooks, heirs: UnitBooks[], outDate: string, inDate: string) => {
    // Campaigns' leftovers too: nothing stays in the books of a unit that has ended.
    const campaigns = await tx.query<FundRef & { kind: FundKind }>(
      `select a.unit_id as "unitId", a.fund_id as "fundId", a.campaign_id as "campaignId", a.id as "balanceAccountId", f.kind
         from fund_accounts a join fund_funds f on f.id = a.fund_id where a.kind = 'fund' and a.unit_id = $1 and a.campaign_id is not null`,
      [from.unit.id],
    );
    const sources = [...kinds.flatMap((kind) => (from.funds[kind] ? [{ f: from.funds[kind]!, kind }] : [])), ...campaigns.map((f) => ({ f, kind: f.kind }))];
    for (const { f, kind } of sources) {
      const all = c.book.balanceAt(f.balanceAccountId, outDate);
      if (all <= 0) continue;
      // Shared equally in whole thousands; the last heir takes the remainder.
      const each = Math.floor(all / heirs.length / 1000) * 1000;
      for (let i = 0; i < heirs.length; i++) {
        const to = heirs[i];
        const amount = i === heirs.length - 1 ? all - each * (heirs.length - 1) : each;
        if (amount <= 0) continue;
        c.book.transfer({
          from: f,
          fromAccountId: from.bank,
          to: await fundOf(to, kind),
          toAccountId: to.bank,
          amount,
          outDate,
          inDate,
          createdBy: c.acct,
          memo: `Bàn giao số dư ${f.campaignId ? 'đợt vận động' : 'quỹ'} từ ${from.unit.name} sang ${to.unit.name}`,
        });
      }
    }
  };
  // 1 January 2025: Trần Nguyên Hãn and Lê Lợi join their neighbours.
  for (const u of c.w.wards.filter((x) => x.validTo === '2025-01-01')) {
    await pass(c.books.get(u.id)!, [await target(c.w.successorOf.get(u.id)!)], '2024-12-31', '2025-01-01');
  }
  // 30 June 2025: the city and its wards end; the new wards take over.
  for (const u of c.w.wards.filter((x) => x.validTo === REFORM)) {
    const to = c.w.successorOf.get(u.id);
    if (to) await pass(c.books.get(u.id)!, [await target(to)], CITY_END, REFORM);
  }
  const heirs = c.w.successors.filter((s) => ['07210', '07228', '07696', '07699'].includes(s.code));
  const heirBooks: UnitBooks[] = [];
  for (const h of heirs) heirBooks.push(await target(h.id));
  await pass(c.books.get(c.w.city.id)!, heirBooks, CITY_END, REFORM);
}

/** The new wards July 2025 – November 2026: the peak month, Tết 2026, support, and proposals waiting for approval. */
async function newWards(tx: Db, c: Ctx) {
  const plans = [
    { code: '07210', acct: 'ketoan.bacgiang', btt: 'btt.bacgiang', scale: 1 },
    { code: '07228', acct: 'ketoan.damai', btt: 'btt.tinh', scale: 0.55 },
  ];
  for (const p of plans) {
    const u = c.w.successors.find((s) => s.code === p.code);
    if (!u) continue;
    const b = c.books.get(u.id)!;
    const acct = c.w.users[p.acct];
    const btt = c.w.users[p.btt];
    const poor = b.funds.vi_nguoi_ngheo!;
    for (const y of [2025, 2026]) {
      const total = Math.round(((y === 2025 ? 1_180_000_000 : 1_264_000_000) * p.scale) / 1000) * 1000;
      for (const amount of split(c.r, total, c.r.int(18, 30))) {
        c.book.donation({
          to: poor,
          accountId: c.r.chance(0.3) ? b.cash : b.bank,
          date: dayIn(c.r, `${y}-10-17`, `${y}-11-19`),
          amount,
          ...donor(c.r, u),
          memo: `Tháng cao điểm "Vì người nghèo" năm ${y}`,
          createdBy: acct,
        });
      }
    }
    const tet = await openCampaign(tx, c.book, b.funds.an_sinh!, {
      name: 'Tết vì người nghèo Xuân Bính Ngọ 2026',
      purpose: 'Quà Tết cho hộ nghèo, hộ cận nghèo, hộ có hoàn cảnh khó khăn',
      receiveFrom: '2025-12-01',
      receiveTo: '2026-02-05',
      distributeBy: '2026-02-14',
      isPublic: true,
    });
    const packs = Math.round(2_400 * p.scale);
    const value = packs * 500_000;
    for (const amount of split(c.r, value, c.r.int(25, 40))) {
      c.book.donation({
        to: tet,
        accountId: b.bank,
        date: dayIn(c.r, '2025-12-01', '2026-02-06'),
        amount,
        ...donor(c.r, u),
        memo: 'Ủng hộ Tết vì người nghèo 2026',
        createdBy: acct,
      });
    }
    const vPacks = apportion(
      packs,
      u.villages.map(() => 1 + c.r.next()),
    );
    u.villages.forEach(
      (v, j) =>
        vPacks[j] &&
        c.book.payment({
          from: tet,
          payAccountId: b.bank,
          kind: 'household',
          purpose: 'tet_gift',
          amount: vPacks[j] * 500_000,
          packages: vPacks[j],
          date: dayIn(c.r, '2026-02-07', '2026-02-14'),
          beneficiaryName: `Hộ nghèo, cận nghèo ${v}`,
          beneficiaryVillage: v,
          proposedBy: acct,
          decidedBy: btt,
        }),
    );
    const support = [
      ['medical', 'Hỗ trợ khám, chữa bệnh'],
      ['education', 'Hỗ trợ học sinh nghèo vượt khó'],
      ['production', 'Hỗ trợ sinh kế'],
    ] as const;
    for (const [purpose, note] of support) {
      for (let j = 0; j < Math.round(6 * p.scale); j++) {
        c.book.payment({
          from: poor,
          payAccountId: b.bank,
          kind: 'household',
          purpose,
          amount: c.r.int(10, 40) * 100_000,
          date: dayIn(c.r, '2026-03-01', '2026-09-30'),
          beneficiaryName: person(c.r, 0.5, [1950, 2012]).name,
          beneficiaryVillage: c.r.pick(u.villages),
          note,
          proposedBy: acct,
          decidedBy: btt,
        });
      }
    }
    // Waiting for the standing committee, and one refused.
    for (const [status, amount, name] of [
      ['proposed', 50_000_000, 'Nhà Đại đoàn kết hộ ông Thân Văn Hòa'],
      ['proposed', 3_000_000, 'Nguyễn Thị Hằng'],
      ['proposed', 2_000_000, 'Giáp Văn Tiến'],
      ['rejected', 8_000_000, 'Trần Văn Lâm'],
    ] as const) {
      c.book.payment({
        from: poor,
        payAccountId: b.bank,
        kind: amount >= 50_000_000 ? 'project' : 'household',
        purpose: amount >= 50_000_000 ? 'house' : 'hardship',
        amount,
        date: '2026-11-25',
        beneficiaryName: name.replace('Nhà Đại đoàn kết hộ ông ', ''),
        projectName: amount >= 50_000_000 ? name : null,
        beneficiaryVillage: c.r.pick(u.villages),
        status,
        proposedBy: acct,
        decidedBy: btt,
        note: status === 'rejected' ? 'Chưa đủ hồ sơ xác minh' : null,
      });
    }
  }
  // A flood appeal still receiving and a scholarship drive past its deadline with money left. The appeal's period
  // reaches past the day the demo is loaded, so the front door always has an open campaign to show.
  const pbg = c.w.successors.find((s) => s.code === '07210');
  const dm = c.w.successors.find((s) => s.code === '07228');
  if (pbg) {
    const b = c.books.get(pbg.id)!;
    const fund = b.funds.cuu_tro ?? (await openFund(tx, c.book, b, 'cuu_tro', REFORM));
    const flood = await openCampaign(tx, c.book, fund, {
      name: 'Ủng hộ đồng bào khắc phục hậu quả mưa lũ tháng 10/2026',
      purpose: 'Hỗ trợ hộ gia đình bị thiệt hại do mưa lũ',
      receiveFrom: '2026-10-05',
      receiveTo: later(addDays(today(), 20), '2026-12-20'),
      distributeBy: later(addDays(today(), 40), '2027-01-10'),
      isPublic: true,
    });
    raise(c, flood, pbg, 412_500_000, 60, () => dayIn(c.r, '2026-10-05', '2026-11-29'), 'Ủng hộ khắc phục mưa lũ', b.bank);
  }
  if (dm) {
    const b = c.books.get(dm.id)!;
    const fund = b.funds.an_sinh!;
    const study = await openCampaign(tx, c.book, fund, {
      name: 'Quỹ khuyến học năm học 2026–2027',
      purpose: 'Học bổng cho học sinh nghèo vượt khó',
      receiveFrom: '2026-06-01',
      receiveTo: '2026-08-31',
      distributeBy: '2026-09-20',
    });
    raise(c, study, dm, 96_000_000, 18, () => dayIn(c.r, '2026-06-01', '2026-09-01'), 'Ủng hộ khuyến học', b.bank);
    for (let j = 0; j < 12; j++) {
      c.book.payment({
        from: study,
        payAccountId: b.bank,
        kind: 'household',
        purpose: 'education',
        amount: 5_000_000,
        date: dayIn(c.r, '2026-09-01', '2026-09-15'),
        beneficiaryName: person(c.r, 0.5, [2008, 2016]).name,
        beneficiaryVillage: c.r.pick(dm.villages),
        proposedBy: c.w.users['ketoan.damai'],
        decidedBy: c.w.users['btt.tinh'],
      });
    }
  }
}

export type YagiDemo = { campaign: FundRef; vietinbankAccountId: number; agribankAccountId: number };

/** The public "Bão Yagi 2024" campaign with the two real relief accounts whose statements were published. */
async function yagiCampaign(tx: Db, w: DemoWorld): Promise<YagiDemo> {
  const book = new FundBook(rng(2024_09));
  const b = await openBooks(tx, book, w.province);
  const fund = await openFund(tx, book, b, 'cuu_tro', '2024-09-01');
  const campaign = await openCampaign(tx, book, fund, {
    name: 'Bão Yagi 2024',
    isPublic: true,
    receiveFrom: '2024-09-01',
    receiveTo: '2024-09-30',
    distributeBy: '2024-10-20',
    purpose: 'Ủng hộ đồng bào bị thiệt hại do bão số 3 (Yagi). Sao kê thật của hai tài khoản cứu trợ của Ủy ban Trung ương MTTQ Việt Nam (VietinBank, Agribank) đã được công bố.',
  });
  const holder = 'Ủy ban Trung ương MTTQ Việt Nam — Ban Cứu trợ Trung ương';
  const vietinbankAccountId = await insertBankAccount(tx, {
    unitId: w.province.id,
    name: 'VietinBank 111602391111',
    bankName: 'VietinBank',
    bankBin: '970415',
    accountNo: '111602391111',
    accountHolder: holder,
    campaignId: campaign.campaignId!,
  });
  const agribankAccountId = await insertBankAccount(tx, {
    unitId: w.province.id,
    name: 'Agribank 1500201113838',
    bankName: 'Agribank',
    bankBin: '970405',
    accountNo: '1500201113838',
    accountHolder: holder,
    campaignId: campaign.campaignId!,
  });
  return { campaign, vietinbankAccountId, agribankAccountId };
}

const YAGI_PROVINCES = ['Yên Bái', 'Lào Cai', 'Cao Bằng', 'Tuyên Quang', 'Quảng Ninh', 'Hải Phòng', 'Phú Thọ', 'Thái Nguyên', 'Lạng Sơn', 'Hà Giang', 'Bắc Giang'];

/** Whatever the statements brought in, handed to the provinces hit by the storm before the deadline. */
async function distributeYagi(tx: Db, w: DemoWorld, yagi: YagiDemo) {
  const book = new FundBook(rng(2024_10));
  book.account(yagi.campaign.balanceAccountId, 'fund');
  const balances = await tx.query<{ id: number; balance: number }>('select id, balance from fund_accounts where id = any($1::bigint[])', [
    [yagi.vietinbankAccountId, yagi.agribankAccountId],
  ]);
  const proposer = w.users['admin'];
  const approver = w.users['btt.tinh'];
  for (const a of balances) {
    book.account(a.id, 'bank');
    if (a.balance <= 0) continue;
    const parts = apportion(
      a.balance,
      YAGI_PROVINCES.map((_, i) => 12 - i),
    );
    parts.forEach(
      (amount, i) =>
        amount > 0 &&
        book.payment({
          from: yagi.campaign,
          payAccountId: a.id,
          kind: 'other',
          purpose: 'relief',
          amount,
          date: addDays('2024-09-20', i),
          beneficiaryName: `Ủy ban MTTQ tỉnh ${YAGI_PROVINCES[i]}`,
          note: 'Phân bổ tiền ủng hộ khắc phục hậu quả bão số 3',
          proposedBy: proposer,
          decidedBy: approver,
        }),
    );
  }
  // The plan starts from the statements already booked.
  for (const a of balances) {
    book.startFrom(a.id, a.balance);
    book.startFrom(yagi.campaign.balanceAccountId, a.balance);
  }
  await book.write(tx);
}
