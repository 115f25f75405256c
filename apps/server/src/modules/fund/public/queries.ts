// The public statement of a campaign: totals, where the money went, bank accounts with VietQR, and the
// donation list. Nothing here needs a session; nothing here shows an unpublished name.
import { DISBURSEMENT_KIND_LABELS, DISBURSEMENT_PURPOSE_LABELS, DONOR_KIND_LABELS } from '@contract/fund-values';
import type { PublicCampaign, PublicCampaignDetail, PublicDistributionPage, PublicDonationQuery } from '@contract/fund-public';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PUBLIC_CSV_MAX_ROWS } from '@contract/fund-public-values';
import type { Db } from '../../../db/db';
import { AppError } from '../../../platform/errors';
import { today } from '../../../platform/access';
import { buildVietQr, campaignReference } from '../vietqr';
import { cached } from './cache';
import { searchDonations, type SearchResult } from './search';
import { csvCell } from '../../../platform/csv';
import { Gate } from '../../../platform/admission';

const TOTALS_TTL_MS = 30_000;

const CAMPAIGN_SQL = `
  select c.id, c.name, c.purpose, c.receive_from as "receiveFrom", c.receive_to as "receiveTo", c.distribute_by as "distributeBy",
    (select v.name from unit_versions v where v.unit_id = c.unit_id and v.valid_from <= c.receive_from order by v.valid_from desc limit 1) as "unitName",
    coalesce(d.money, 0)::bigint as "receivedMoney", coalesce(d.goods, 0)::bigint as "receivedGoods", coalesce(d.n, 0)::int as "donationCount",
    coalesce(x.paid, 0)::bigint as distributed,
    greatest(d.last_at, x.last_at)::text as "lastUpdate"
  from fund_campaigns c
  left join lateral (select sum(amount) filter (where kind = 'money') as money, sum(amount) filter (where kind = 'goods') as goods,
      sum(n) as n, max(last_at) as last_at
    from fund_campaign_totals where campaign_id = c.id) d on true
  left join lateral (select sum(amount) as paid, max(decided_at) as last_at from fund_disbursements
    where campaign_id = c.id and status = 'approved' and reversal_entry_id is null) x on true
  where c.is_public`;

type CampaignRow = Omit<PublicCampaign, 'balance'>;
const withBalance = (r: CampaignRow): PublicCampaign => ({ ...r, balance: r.receivedMoney + r.receivedGoods - r.distributed });

export function listPublicCampaigns(db: Db): Promise<PublicCampaign[]> {
  return cached('campaigns', TOTALS_TTL_MS, async () => (await db.query<CampaignRow>(`${CAMPAIGN_SQL} order by c.receive_from desc, c.id desc`)).map(withBalance));
}

async function publicCampaign(db: Db, id: number): Promise<PublicCampaign & { unitId: number }> {
  return cached(`campaign:${id}`, TOTALS_TTL_MS, async () => {
    const [r] = await db.query<CampaignRow & { unitId: number }>(`${CAMPAIGN_SQL.replace('select c.id,', 'select c.unit_id as "unitId", c.id,')} and c.id = $1`, [id]);
    if (!r) throw new AppError('FUND_CAMPAIGN_NOT_FOUND');
    return { ...withBalance(r), unitId: r.unitId };
  });
}

type BankRow = { bank_name: string | null; bank_bin: string | null; account_no: string; account_holder: string | null };

async function campaignBanks(db: Db, campaignId: number, unitId: number): Promise<BankRow[]> {
  // Accounts opened for the campaign; otherwise the unit's own bank accounts.
  return db.query<BankRow>(`${BANKS_SQL} order by campaign_id nulls last, id`, [campaignId, unitId]);
}

// $1 the campaign, $2 its unit.
const BANKS_SQL = `select bank_name, bank_bin, account_no, account_holder, campaign_id, id from fund_accounts
  where kind = 'bank' and unit_id = $2 and (campaign_id = $1 or (campaign_id is null and not exists (
    select 1 from fund_accounts o where o.kind = 'bank' and o.campaign_id = $1)))`;

export const vietQrMemo = (campaignId: number) => `UNG HO ${campaignReference(campaignId)}`;

export async function publicCampaignDetail(db: Db, id: number): Promise<PublicCampaignDetail> {
  const c = await publicCampaign(db, id);
  return cached(`detail:${id}`, TOTALS_TTL_MS, async () => {
    // The three breakdowns and the accounts in one round trip (small reads; donors from the kept totals).
    type Part = { key: string; amount: number; count: number };
    const [{ byPurpose, byUnit, byDonor, banks }] = await db.query<{
      byPurpose: Part[];
      byUnit: Array<Part & { label: string | null }>;
      byDonor: Part[];
      banks: BankRow[];
    }>(
      `select
         (select coalesce(json_agg(r order by r.amount desc), '[]') from (
            select purpose as key, sum(amount)::bigint as amount, count(*)::int as count from fund_disbursements
             where campaign_id = $1 and status = 'approved' and reversal_entry_id is null group by purpose) r) as "byPurpose",
         (select coalesce(json_agg(r order by r.amount desc), '[]') from (
            select u.id::text as key,
              (select v.name from unit_versions v where v.unit_id = u.id and v.valid_from <= max(x.paid_on) order by v.valid_from desc limit 1) as label,
              sum(x.amount)::bigint as amount, count(*)::int as count
              from fund_disbursements x join units u on u.id = coalesce(x.target_unit_id, x.unit_id)
             where x.campaign_id = $1 and x.status = 'approved' and x.reversal_entry_id is null group by u.id) r) as "byUnit",
         (select coalesce(json_agg(r order by r.amount desc), '[]') from (
            select donor_key as key, sum(amount)::bigint as amount, sum(n)::int as count
              from fund_campaign_totals where campaign_id = $1 group by 1 having sum(n) > 0) r) as "byDonor",
         (select coalesce(json_agg(b order by b.campaign_id nulls last, b.id), '[]') from (${BANKS_SQL}) b) as banks`,
      [id, c.unitId],
    );
    const memo = vietQrMemo(id);
    // A campaign whose receiving period has ended shows no way to pay it: it says so and points to open ones,
    // the same unit's first.
    const closed = c.receiveTo < today();
    if (closed) banks.length = 0;
    const openCampaigns = closed
      ? await db.query<{ id: number; name: string }>(
          `select id, name from fund_campaigns where is_public and receive_from <= $1::date and receive_to >= $1::date order by unit_id = $2 desc, receive_to, id limit 5`,
          [today(), c.unitId],
        )
      : [];
    const { unitId: _u, ...pub } = c;
    return {
      ...pub,
      closed,
      openCampaigns,
      reference: campaignReference(id),
      distributedByPurpose: byPurpose.map((r) => ({ ...r, label: DISBURSEMENT_PURPOSE_LABELS[r.key as keyof typeof DISBURSEMENT_PURPOSE_LABELS]?.vi ?? r.key })),
      distributedByUnit: byUnit.map((r) => ({ ...r, label: r.label ?? '' })),
      donorsByKind: byDonor.map((r) => ({ ...r, label: DONOR_KIND_LABELS[r.key as keyof typeof DONOR_KIND_LABELS]?.vi ?? r.key })),
      accounts: banks.map((b) => ({
        bankName: b.bank_name,
        bankBin: b.bank_bin,
        accountNo: b.account_no,
        accountHolder: b.account_holder,
        vietQr: b.bank_bin ? buildVietQr({ bankBin: b.bank_bin, accountNumber: b.account_no, memo }) : null,
        reference: campaignReference(id),
        qrSvgUrl: b.bank_bin ? `/api/public/campaigns/${id}/vietqr.svg?account=${encodeURIComponent(b.account_no)}` : null,
      })),
    };
  });
}

/** The VietQR text for one of the campaign's accounts, with an optional amount. */
export async function campaignVietQr(db: Db, id: number, accountNo: string | undefined, amount: number | undefined): Promise<string> {
  const c = await publicCampaign(db, id);
  if (c.receiveTo < today()) throw new AppError('FUND_CAMPAIGN_CLOSED');
  const banks = (await campaignBanks(db, id, c.unitId)).filter((b) => b.bank_bin);
  const b = accountNo ? banks.find((x) => x.account_no === accountNo) : banks[0];
  if (!b) throw new AppError('FUND_ACCOUNT_NOT_FOUND');
  return buildVietQr({ bankBin: b.bank_bin!, accountNumber: b.account_no, amount: amount ?? null, memo: vietQrMemo(id) });
}

export async function publicDonations(db: Db, id: number, q: PublicDonationQuery): Promise<SearchResult> {
  const c = await publicCampaign(db, id);
  const key = `donations:${id}:${JSON.stringify(q)}`;
  // The same searches come in waves (a name in the news): a few seconds of caching absorbs them.
  return cached(key, 5_000, () => searchDonations(db, id, q, c.donationCount));
}

/** "Nguyễn Văn An" → "Nguyễn V. A.": the family name, then initials. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  if (words.length === 1) return `${words[0][0].toUpperCase()}.`;
  return [words[0], ...words.slice(1).map((w) => `${w[0].toUpperCase()}.`)].join(' ');
}

const DIST_PAGE = 50;

export async function publicDistributions(db: Db, id: number, pageNo: number): Promise<PublicDistributionPage> {
  const c = await publicCampaign(db, id);
  const rows = await db.query<{
    id: number;
    paid_on: string;
    kind: keyof typeof DISBURSEMENT_KIND_LABELS;
    purpose: string;
    amount: number;
    beneficiary_name: string | null;
    beneficiary_village: string | null;
    project_name: string | null;
    target_name: string | null;
    packages: number | null;
    total: number;
  }>(
    `select x.id, x.paid_on, x.kind, x.purpose, x.amount, x.beneficiary_name, x.beneficiary_village, x.project_name, x.packages,
       (select v.name from unit_versions v where v.unit_id = x.target_unit_id and v.valid_from <= x.paid_on order by v.valid_from desc limit 1) as target_name,
       count(*) over ()::int as total
       from fund_disbursements x
      where x.campaign_id = $1 and x.status = 'approved' and x.reversal_entry_id is null
      order by x.paid_on desc, x.id desc limit $2 offset $3`,
    [c.id, DIST_PAGE, (pageNo - 1) * DIST_PAGE],
  );
  return {
    page: pageNo,
    size: DIST_PAGE,
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => {
      let recipient: string;
      if (r.target_name && (r.kind === 'transfer_up' || r.kind === 'allocation_down')) recipient = r.target_name;
      else if (r.project_name && !r.beneficiary_name) recipient = r.project_name;
      // Only a person's name is masked; an organisation or committee receiving money is named in full.
      else if (r.kind !== 'household' && r.beneficiary_name) recipient = r.beneficiary_name;
      else recipient = [r.beneficiary_name ? maskName(r.beneficiary_name) : 'Hộ gia đình', r.beneficiary_village].filter(Boolean).join(' — ');
      return {
        id: r.id,
        paidOn: r.paid_on,
        kind: r.kind,
        kindLabel: DISBURSEMENT_KIND_LABELS[r.kind]?.vi ?? r.kind,
        purpose: DISBURSEMENT_PURPOSE_LABELS[r.purpose as keyof typeof DISBURSEMENT_PURPOSE_LABELS]?.vi ?? r.purpose,
        amount: r.amount,
        recipient,
        packages: r.packages,
      };
    }),
  };
}

/** The rows the list shows for these filters (all pages, up to PUBLIC_CSV_MAX_ROWS), as CSV for spreadsheets. */
// A CSV is up to 10,000 rows (≈ 1 MB, hundreds of ms of database and CPU): one is built at a time per
// process and a few wait briefly; the rest are refused with SERVER_BUSY (429) rather than queueing until
// every other request times out. A built file is kept encoded and served to everyone asking the same for
// 15 s; who asks for a file still being built waits for it at most CSV_WAIT_MS, then is told to retry.
const gzipAsync = promisify(zlib.gzip);

export const csvGate = new Gate(1, 4, 3000);
const CSV_TTL_MS = 15_000;
export const CSV_WAIT_MS = 4000;

/**
 * `gzip`: the same bytes gzipped once when the file is built. 10,000 rows are ≈ 1 MB; gzipped ≈ 5–10 times
 * smaller, so every download of a cached file costs a tenth of the writing. Compressed here rather than by
 * @fastify/compress, which would gzip the same megabyte again for every visitor.
 */
type PublicCsv = { csv: Buffer; gzip: Buffer; truncated: boolean; name: string };

export async function publicDonationsCsv(db: Db, id: number, q: PublicDonationQuery, waitMs = CSV_WAIT_MS): Promise<PublicCsv> {
  const c = await publicCampaign(db, id);
  const file = cached(`csv:${id}:${JSON.stringify(q)}`, CSV_TTL_MS, () => csvGate.run(() => buildCsv(db, id, q, c.donationCount)));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('SERVER_BUSY', { retryAfterSeconds: 5 })), waitMs);
  });
  try {
    return await Promise.race([file, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function buildCsv(db: Db, id: number, q: PublicDonationQuery, donationCount: number): Promise<PublicCsv> {
  const r = await searchDonations(db, id, { ...q, page: 1, size: PUBLIC_CSV_MAX_ROWS }, donationCount);
  const lines = [['Ngày / Date', 'Nhà hảo tâm / Donor', 'Số tiền (VND) / Amount', 'Nội dung / Memo', 'Hình thức / Kind'].map(csvCell).join(',')];
  for (const d of r.items) {
    lines.push(
      [d.receivedOn, d.donorName ?? 'Ẩn danh', d.amount, d.kind === 'goods' ? (d.goodsDescription ?? d.memo) : d.memo, d.kind === 'goods' ? 'Hiện vật' : 'Tiền']
        .map(csvCell)
        .join(','),
    );
  }
  if (r.hasMore) lines.push(csvCell(`… chỉ ${PUBLIC_CSV_MAX_ROWS} dòng đầu; hãy lọc hẹp hơn / first ${PUBLIC_CSV_MAX_ROWS} rows only; narrow the search`));
  const csv = Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n');
  // zlib's asynchronous gzip runs on libuv's thread pool, off the event loop that serves the staff.
  return { csv, gzip: await gzipAsync(csv), truncated: r.hasMore, name: `sao-ke-dot-${id}.csv` };
}
