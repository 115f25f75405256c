// Units, people and accounts the fund demo attaches to: found by code, level and date like the org demo.
import { FUND_KIND_LABELS, type CampaignAppeal, type FundKind } from '@contract/fund-values';
import type { Db } from '../db/db';
import { ensureUnitAccounts } from '../modules/fund/ledger';
import { insertBankAccount, insertCampaign, insertFund } from '../modules/fund/service';
import type { FundBook, FundRef } from './fund-book';
import { SEED_WARD_CODES, SUCCESSOR_WARD_CODES } from './org';
import { person, type Rng } from './org-gen';

export type DemoUnit = { id: number; code: string; name: string; validFrom: string; validTo: string; villages: string[] };
export type UnitBooks = { unit: DemoUnit; cash: number; goods: number; payableUp: number; bank: number; funds: Partial<Record<FundKind, FundRef>> };

async function unitsAt(tx: Db, codes: readonly string[], level: string, on: string): Promise<DemoUnit[]> {
  const rows = await tx.query<{ id: number; code: string; name: string; valid_from: string; valid_to: string }>(
    `select u.id, u.code, v.name, u.valid_from::text, u.valid_to::text
       from units u join unit_versions v on v.unit_id = u.id and v.valid_from <= $3::date and $3::date < v.valid_to
      where u.code = any($1::text[]) and u.level = $2 and u.valid_from <= $3::date and $3::date < u.valid_to order by u.code`,
    [codes, level, on],
  );
  const villages = await tx.query<{ parent_id: number; name: string }>(
    `select v.parent_id, v.name from unit_versions v join units u on u.id = v.unit_id
      where u.level = 'village' and v.parent_id = any($1::bigint[]) and v.valid_from <= $2::date and $2::date < v.valid_to order by v.name`,
    [rows.map((r) => r.id), on],
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    villages: villages.filter((v) => v.parent_id === r.id).map((v) => v.name),
  }));
}

export type DemoWorld = {
  province: DemoUnit;
  city: DemoUnit;
  wards: DemoUnit[];
  successors: DemoUnit[];
  /** The unit each ended ward's books pass to (by ward id). */
  successorOf: Map<number, number>;
  users: Record<string, number>;
};

export async function loadDemoWorld(tx: Db): Promise<DemoWorld | null> {
  const [city] = await unitsAt(tx, ['213'], 'district', '2019-06-01');
  if (!city) return null;
  const wards = await unitsAt(tx, SEED_WARD_CODES, 'commune', '2019-06-01');
  const [province] = await unitsAt(tx, ['24'], 'province', '2019-06-01');
  const lineage = await tx.query<{ p: number; s: number }>(
    `select distinct on (l.predecessor_id) l.predecessor_id as p, l.successor_id as s from unit_lineage l
      where l.predecessor_id = any($1::bigint[]) order by l.predecessor_id, (l.part = 'full') desc, l.successor_id`,
    [wards.map((w) => w.id)],
  );
  const successorOf = new Map(lineage.map((r) => [r.p, r.s]));
  const later = new Set([...SUCCESSOR_WARD_CODES]);
  const successorIds = [...new Set(lineage.map((r) => r.s))];
  const codes = await tx.query<{ code: string }>('select code from units where id = any($1::bigint[]) and valid_from = $2', [successorIds, '2025-07-01']);
  for (const c of codes) later.add(c.code as (typeof SUCCESSOR_WARD_CODES)[number]);
  const successors = await unitsAt(tx, [...later], 'commune', '2025-07-01');
  const users = Object.fromEntries((await tx.query<{ username: string; id: number }>('select username, id from users')).map((u) => [u.username, u.id]));
  return { province, city, wards, successors, successorOf, users };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

let accountSeq = 0;
/** The unit's cash, goods, payable and one bank account, registered in the book. */
export async function openBooks(tx: Db, book: FundBook, unit: DemoUnit): Promise<UnitBooks> {
  const own = await ensureUnitAccounts(tx, unit.id);
  const bank = await insertBankAccount(tx, {
    unitId: unit.id,
    name: `Tiền gửi quỹ — ${unit.name}`,
    bankName: 'Agribank Chi nhánh Bắc Giang',
    bankBin: '970405',
    accountNo: `2500${unit.code.replace(/\D/g, '').padStart(6, '0')}${String(++accountSeq).padStart(3, '0')}`,
    accountHolder: `Ủy ban MTTQ Việt Nam ${lowerFirst(unit.name)}`,
  });
  book.account(own.cash, 'cash');
  book.account(own.goods, 'goods');
  book.account(own.payableUp, 'payable_up');
  book.account(bank, 'bank');
  return { unit, ...own, bank, funds: {} };
}

async function balanceAccount(tx: Db, fundId: number, campaignId: number | null): Promise<number> {
  const [a] = await tx.query<{ id: number }>(`select id from fund_accounts where kind = 'fund' and fund_id = $1 and campaign_id is not distinct from $2`, [fundId, campaignId]);
  return a.id;
}

export async function openFund(tx: Db, book: FundBook, b: UnitBooks, kind: FundKind, openedOn: string): Promise<FundRef> {
  const label = FUND_KIND_LABELS[kind].vi;
  const fundId = await insertFund(tx, { unitId: b.unit.id, kind, name: `${label} ${lowerFirst(b.unit.name)}`, openedOn }, null);
  const ref = { unitId: b.unit.id, fundId, campaignId: null, balanceAccountId: book.account(await balanceAccount(tx, fundId, null), 'fund') };
  b.funds[kind] = ref;
  return ref;
}

export type CampaignSpec = {
  name: string;
  purpose: string;
  receiveFrom: string;
  receiveTo: string;
  distributeBy: string;
  quota?: number;
  quotaUnitId?: number;
  isPublic?: boolean;
  appeal?: CampaignAppeal;
};

export async function openCampaign(tx: Db, book: FundBook, fund: FundRef, c: CampaignSpec): Promise<FundRef> {
  const campaignId = await insertCampaign(tx, { unitId: fund.unitId, fundId: fund.fundId, ...c }, null);
  return { ...fund, campaignId, balanceAccountId: book.account(await balanceAccount(tx, fund.fundId, campaignId), 'fund') };
}

const COMPANIES = [
  'Công ty TNHH May Xuân Phú',
  'Công ty CP Gạch ngói Hà Bắc',
  'Công ty TNHH Thương mại Minh Phát',
  'Công ty CP Xây dựng Thành Đạt',
  'Công ty TNHH Điện tử Sơn Hà',
  'Công ty CP Vận tải Hoàng Long',
  'Công ty TNHH Dược phẩm An Khang',
  'HTX Nông nghiệp Quế Sơn',
  'Công ty TNHH Cơ khí Đông Á',
  'Doanh nghiệp tư nhân Hồng Hà',
  'Công ty CP Thực phẩm Bắc Hà',
  'Công ty TNHH Nhựa Tân Tiến',
];
const BODIES = [
  'Công đoàn Viên chức thành phố',
  'Hội Cựu chiến binh',
  'Hội Liên hiệp Phụ nữ',
  'Đoàn Thanh niên',
  'Hội Nông dân',
  'Hội Chữ thập đỏ',
  'Trường THCS',
  'Trường Tiểu học',
  'Trạm Y tế',
  'Công an',
  'Ban công tác Mặt trận',
];

/** A donor: an organisation, a person or nobody (anonymous), in the shares the demo uses. */
export function donor(r: Rng, unit: DemoUnit, shares: [number, number] = [0.45, 0.45]): { donorKind: 'organisation' | 'individual' | 'anonymous'; donorName: string | null } {
  const x = r.next();
  if (x < shares[0]) {
    const body = r.pick(BODIES);
    const name = r.chance(0.5)
      ? r.pick(COMPANIES)
      : body === 'Ban công tác Mặt trận' && unit.villages.length
        ? `${body} ${r.pick(unit.villages)}`
        : `${body} ${lowerFirst(unit.name)}`;
    return { donorKind: 'organisation', donorName: name };
  }
  if (x < shares[0] + shares[1]) return { donorKind: 'individual', donorName: person(r, 0.5, [1950, 1995]).name };
  return { donorKind: 'anonymous', donorName: null };
}
