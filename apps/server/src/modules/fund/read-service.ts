import type {
  Account,
  AccountListQuery,
  Campaign,
  CampaignListQuery,
  Disbursement,
  DisbursementListQuery,
  DonationListQuery,
  DonationPage,
  DonationReceipt,
  Entry,
  Fund,
  FundListQuery,
  Ledger,
  LedgerQuery,
} from '@contract/fund';
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import type { Db } from '../../db/db';
import { scopeCondition, today, type Ctx, type CurrentUser } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { accountsOf, campaignRow, campaignSums, closedThrough, DISBURSEMENT_SELECT, donationById, DONATION_SELECT, fundRow, unitNameOn, type DisbursementData } from './queries';
import { withDecide } from './disbursement-service';
import { achievementRate, decree93Status } from './rules';

export async function fundsByIds(db: Db, ids: number[]): Promise<Fund[]> {
  if (!ids.length) return [];
  return db.query<Fund>(
    `select f.id, f.unit_id as "unitId", ${unitNameOn('f.unit_id', 'greatest(f.opened_on, u.valid_from)')} as "unitName", f.kind, f.name,
            f.opened_on as "openedOn", f.note,
            coalesce((select sum(a.balance) from fund_accounts a where a.kind = 'fund' and a.fund_id = f.id), 0)::bigint as balance,
            coalesce((select sum(d.amount) from fund_donations d where d.fund_id = f.id and d.reversal_entry_id is null), 0)::bigint as raised,
            coalesce((select sum(x.amount) from fund_disbursements x where x.fund_id = f.id and x.status = 'approved' and x.reversal_entry_id is null), 0)::bigint as distributed,
            (select count(*) from fund_campaigns c where c.fund_id = f.id)::int as "campaignCount"
       from fund_funds f join units u on u.id = f.unit_id
      where f.id = any($1::bigint[]) order by f.unit_id, f.kind, f.id`,
    [ids],
  );
}

export async function campaignsByIds(db: Db, ids: number[], on = today()): Promise<Campaign[]> {
  if (!ids.length) return [];
  const rows = await db.query<Omit<Campaign, 'totals' | 'decree93'>>(
    `select c.id, c.unit_id as "unitId", ${unitNameOn('c.unit_id', 'c.receive_from')} as "unitName", c.fund_id as "fundId",
            f.name as "fundName", f.kind as "fundKind", c.name, c.purpose, c.receive_from as "receiveFrom", c.receive_to as "receiveTo",
            c.distribute_by as "distributeBy", c.quota, c.quota_unit_id as "quotaUnitId",
            ${unitNameOn('c.quota_unit_id', 'c.receive_from')} as "quotaUnitName", c.is_public as "isPublic"
       from fund_campaigns c join fund_funds f on f.id = c.fund_id where c.id = any($1::bigint[]) order by c.receive_from desc, c.id desc`,
    [ids],
  );
  const sums = await campaignSums(db, ids);
  return rows.map((c) => {
    const s = sums.get(c.id)!;
    const raised = s.raisedMoney + s.raisedGoods;
    return {
      ...c,
      totals: {
        raised,
        raisedMoney: s.raisedMoney,
        raisedGoods: s.raisedGoods,
        donationCount: s.donationCount,
        distributed: s.distributed,
        transferredUp: s.transferredUp,
        balance: s.balance,
        achievementRate: achievementRate(raised, c.quota),
      },
      decree93: decree93Status(c, s, on),
    };
  });
}

/** Funds of the unit (or of its whole tree and predecessors), within the reader's scope (the unit was checked by the registrar). */
function unitFilter(user: CurrentUser, expr: string, unit: number | undefined, scope: 'unit' | 'subtree', params: unknown[]) {
  const unitId = unit ?? user.unitId;
  const conds: string[] = [];
  if (unitId) {
    params.push(unitId);
    conds.push(
      scope === 'unit'
        ? `${expr} = $${params.length}`
        : `exists (select 1 from unit_lineage_closure l join unit_closure uc on uc.ancestor_id = l.predecessor_id
      where l.successor_id = $${params.length} and uc.descendant_id = ${expr})`,
    );
  }
  const sc = scopeCondition(user, expr, null, params.length + 1);
  params.push(...sc.params);
  conds.push(sc.sql);
  return conds.join(' and ');
}

export async function listFunds({ db, user }: Ctx, q: FundListQuery): Promise<Fund[]> {
  const params: unknown[] = [];
  const where = unitFilter(user, 'f.unit_id', q.unit, q.scope, params);
  const ids = await db.query<{ id: number }>(`select f.id from fund_funds f where ${where}`, params);
  return fundsByIds(
    db,
    ids.map((r) => r.id),
  );
}

export async function getFund({ db }: Ctx, id: number): Promise<Fund> {
  const [f] = await fundsByIds(db, [id]);
  if (!f) throw new AppError('FUND_NOT_FOUND', { fundId: id });
  return f;
}

export async function listCampaigns({ db, user }: Ctx, q: CampaignListQuery): Promise<Campaign[]> {
  const params: unknown[] = [];
  // Not aliased `c`: the scope condition's own subquery uses that name.
  let where = unitFilter(user, 'k.unit_id', q.unit, q.scope, params);
  if (q.fund) {
    params.push(q.fund);
    where += ` and k.fund_id = $${params.length}`;
  }
  const ids = await db.query<{ id: number }>(`select k.id from fund_campaigns k where ${where}`, params);
  return campaignsByIds(
    db,
    ids.map((r) => r.id),
  );
}

export async function getCampaign({ db }: Ctx, id: number): Promise<Campaign> {
  const [c] = await campaignsByIds(db, [id]);
  if (!c) throw new AppError('FUND_CAMPAIGN_NOT_FOUND', { campaignId: id });
  return c;
}

export async function listAccounts({ db }: Ctx, q: AccountListQuery): Promise<Account[]> {
  return accountsOf(db, q.unit);
}

/** Donations of a fund, campaign or unit (at least one), newest first, with the count and sum of all matching. */
export async function listDonations({ db, user }: Ctx, q: DonationListQuery): Promise<DonationPage> {
  const unitId = q.campaign ? (await campaignRow(db, q.campaign)).unit_id : q.fund ? (await fundRow(db, q.fund)).unit_id : (q.unit ?? user.unitId);
  if (!unitId) return { items: [], total: 0, sum: 0 };
  const params: unknown[] = [unitId];
  const conds = ['d.unit_id = $1'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    conds.push(sql.replace('?', `$${params.length}`));
  };
  if (q.campaign) add('d.campaign_id = ?', q.campaign);
  if (q.fund) add('d.fund_id = ?', q.fund);
  if (q.from) add('d.received_on >= ?', q.from);
  if (q.to) add('d.received_on <= ?', q.to);
  const where = conds.join(' and ');
  const [agg] = await db.query<{ n: number; s: number }>(
    `select count(*)::int as n, coalesce(sum(amount) filter (where reversal_entry_id is null), 0)::bigint as s from fund_donations d where ${where}`,
    params,
  );
  const items = await db.query<DonationPage['items'][number]>(
    `${DONATION_SELECT} where ${where} order by d.received_on desc, d.id desc limit ${q.limit} offset ${q.offset}`,
    params,
  );
  return { items, total: agg.n, sum: agg.s };
}

const words = new ReadingConfig();
words.unit = ['đồng'];

/** "Ba trăm mười sáu triệu không trăm hai mươi ba nghìn đồng" — capitalised, as written on a receipt. */
export function amountInWords(amount: number): string {
  const s = doReadNumber(String(amount), words);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export async function getReceipt({ db }: Ctx, donationId: number): Promise<DonationReceipt> {
  const d = await donationById(db, donationId);
  const [extra] = await db.query<{ unit_name: string; recorded_by: string | null; recorded_at: string }>(
    `select ${unitNameOn('d.unit_id', 'd.received_on')} as unit_name, u.display_name as recorded_by, d.created_at::text as recorded_at
       from fund_donations d left join users u on u.id = d.created_by where d.id = $1`,
    [donationId],
  );
  return { ...d, unitName: extra.unit_name, recordedBy: extra.recorded_by, recordedAt: extra.recorded_at, amountInWords: amountInWords(d.amount) };
}

export async function listDisbursements({ db, user }: Ctx, q: DisbursementListQuery): Promise<Disbursement[]> {
  const params: unknown[] = [];
  const conds: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    conds.push(sql.replace('?', `$${params.length}`));
  };
  // The campaign's (or fund's, or unit's) unit was checked by the registrar.
  if (q.campaign) add('x.campaign_id = ?', q.campaign);
  else if (q.fund) add('x.fund_id = ?', q.fund);
  else {
    conds.push(unitFilter(user, 'x.unit_id', q.unit, q.pendingForMe ? 'subtree' : 'unit', params));
  }
  if (q.pendingForMe) q.status = 'proposed';
  if (q.status) add('x.status = ?', q.status);
  if (q.pendingForMe) add('x.proposed_by <> ?', user.id);
  const rows = await db.query<DisbursementData>(
    `${DISBURSEMENT_SELECT} where ${conds.join(' and ') || 'true'} order by x.paid_on desc, x.id desc limit ${q.limit} offset ${q.offset}`,
    params,
  );
  const out = await withDecide({ db, user }, rows);
  return q.pendingForMe ? out.filter((d) => d.canDecide) : out;
}

/** A unit's accounts and journal (newest first), with the books' total debits and credits. */
export async function getLedger({ db }: Ctx, q: LedgerQuery): Promise<Ledger> {
  const params: unknown[] = [q.unit];
  const conds = ['e.unit_id = $1'];
  if (q.from) {
    params.push(q.from);
    conds.push(`e.entry_date >= $${params.length}`);
  }
  if (q.to) {
    params.push(q.to);
    conds.push(`e.entry_date <= $${params.length}`);
  }
  const where = conds.join(' and ');
  const [accounts, [count], [totals], entries, closed] = await Promise.all([
    accountsOf(db, q.unit),
    db.query<{ n: number }>(`select count(*)::int as n from fund_entries e where ${where}`, params),
    db.query<{ d: number; c: number }>(
      `select coalesce(sum(l.debit), 0)::bigint as d, coalesce(sum(l.credit), 0)::bigint as c
         from fund_entry_lines l join fund_entries e on e.id = l.entry_id where e.unit_id = $1`,
      [q.unit],
    ),
    db.query<Omit<Entry, 'lines'>>(
      `select e.id, e.unit_id as "unitId", e.entry_date as "entryDate", e.kind, e.memo, e.reverses_entry_id as "reversesEntryId",
              (select r.id from fund_entries r where r.reverses_entry_id = e.id) as "reversedByEntryId", e.reason,
              u.display_name as "createdByName"
         from fund_entries e left join users u on u.id = e.created_by
        where ${where} order by e.entry_date desc, e.id desc limit ${q.limit} offset ${q.offset}`,
      params,
    ),
    closedThrough(db, q.unit),
  ]);
  const lines = entries.length
    ? await db.query<Entry['lines'][number] & { entryId: number }>(
        `select l.entry_id as "entryId", l.account_id as "accountId", a.name as "accountName", a.kind as "accountKind", l.debit, l.credit
       from fund_entry_lines l join fund_accounts a on a.id = l.account_id where l.entry_id = any($1::bigint[]) order by l.id`,
        [entries.map((e) => e.id)],
      )
    : [];
  return {
    unitId: q.unit,
    accounts,
    entryCount: count.n,
    totalDebit: totals.d,
    totalCredit: totals.c,
    closedThrough: closed,
    entries: entries.map((e) => ({ ...e, lines: lines.filter((l) => l.entryId === e.id).map(({ entryId: _e, ...l }) => l) })),
  };
}
