import type { Account, CreateBankAccount, CreateCampaign, CreateFund, Disbursement, Donation, FundKind } from '@contract/fund';
import type { Db } from '../../db/db';
import { AppError } from '../../platform/errors';
import type { Located } from '../../platform/endpoints';
import { normalizeVn } from '../../platform/vn-text';

// The name a unit had on a date (names change through versions).
export const unitNameOn = (unitExpr: string, dateExpr: string) =>
  `(select v.name from unit_versions v where v.unit_id = ${unitExpr} and v.valid_from <= ${dateExpr} order by v.valid_from desc limit 1)`;

export type FundRow = { id: number; unit_id: number; kind: FundKind; name: string; opened_on: string };
export type CampaignRow = {
  id: number;
  unit_id: number;
  fund_id: number;
  name: string;
  receive_from: string;
  receive_to: string;
  distribute_by: string;
  quota: number | null;
  is_public: boolean;
};

export async function fundRow(db: Db, id: number): Promise<FundRow> {
  const [f] = await db.query<FundRow>('select id, unit_id, kind, name, opened_on from fund_funds where id = $1', [id]);
  if (!f) throw new AppError('FUND_NOT_FOUND', { fundId: id });
  return f;
}

export async function campaignRow(db: Db, id: number): Promise<CampaignRow> {
  const [c] = await db.query<CampaignRow>(`select id, unit_id, fund_id, name, receive_from, receive_to, distribute_by, quota, is_public from fund_campaigns where id = $1`, [id]);
  if (!c) throw new AppError('FUND_CAMPAIGN_NOT_FOUND', { campaignId: id });
  return c;
}

/** The fund (and campaign) a receipt or payment is for: the campaign implies its fund. */
export async function resolveTarget(db: Db, t: { fundId?: number | null; campaignId?: number | null }): Promise<{ fund: FundRow; campaign: CampaignRow | null }> {
  if (t.campaignId) {
    const campaign = await campaignRow(db, t.campaignId);
    if (t.fundId && t.fundId !== campaign.fund_id) throw new AppError('VALIDATION', { fundId: "not the campaign's fund" });
    return { fund: await fundRow(db, campaign.fund_id), campaign };
  }
  if (!t.fundId) throw new AppError('VALIDATION', { fundId: 'fundId or campaignId is required' });
  return { fund: await fundRow(db, t.fundId), campaign: null };
}

export type AccountRow = { id: number; unit_id: number; kind: Account['kind']; campaign_id: number | null };

export async function accountRow(db: Db, id: number): Promise<AccountRow> {
  const [a] = await db.query<AccountRow>('select id, unit_id, kind, campaign_id from fund_accounts where id = $1', [id]);
  if (!a) throw new AppError('FUND_ACCOUNT_NOT_FOUND', { accountId: id });
  return a;
}

export const ACCOUNT_SELECT = `select a.id, a.unit_id as "unitId", a.kind, a.name, a.fund_id as "fundId", a.campaign_id as "campaignId",
  a.bank_name as "bankName", a.bank_bin as "bankBin", a.account_no as "accountNo", a.account_holder as "accountHolder", a.balance
  from fund_accounts a`;

export async function accountsOf(db: Db, unitId: number): Promise<Account[]> {
  return db.query<Account>(`${ACCOUNT_SELECT} where a.unit_id = $1 order by array_position(array['cash','bank','goods','fund','payable_up'], a.kind), a.id`, [unitId]);
}

export const DONATION_SELECT = `select d.id, d.unit_id as "unitId", d.fund_id as "fundId", f.name as "fundName",
  d.campaign_id as "campaignId", c.name as "campaignName", d.account_id as "accountId", a.name as "accountName",
  d.received_on as "receivedOn", d.amount, d.kind, d.goods_description as "goodsDescription",
  d.goods_quantity::float8 as "goodsQuantity", d.goods_unit as "goodsUnit", d.donor_kind as "donorKind", d.donor_name as "donorName",
  d.donor_address as "donorAddress", d.publish_name as "publishName", d.memo, d.reference, d.source,
  case when d.receipt_no is null then null else lpad(d.receipt_no::text, 6, '0') || '/' || d.receipt_year end as "receiptNo",
  d.entry_id as "entryId", d.reversal_entry_id is not null as reversed
  from fund_donations d join fund_funds f on f.id = d.fund_id join fund_accounts a on a.id = d.account_id
  left join fund_campaigns c on c.id = d.campaign_id`;

export async function donationById(db: Db, id: number): Promise<Donation> {
  const [d] = await db.query<Donation>(`${DONATION_SELECT} where d.id = $1`, [id]);
  if (!d) throw new AppError('FUND_DONATION_NOT_FOUND', { donationId: id });
  return d;
}

export const DISBURSEMENT_SELECT = `select x.id, x.unit_id as "unitId", x.fund_id as "fundId", f.name as "fundName",
  x.campaign_id as "campaignId", c.name as "campaignName", x.pay_account_id as "payAccountId", a.name as "payAccountName",
  x.kind, x.purpose, x.amount, x.paid_on as "paidOn", x.household_id as "householdId", x.beneficiary_name as "beneficiaryName",
  x.beneficiary_village as "beneficiaryVillage", x.project_name as "projectName", x.target_unit_id as "targetUnitId",
  ${unitNameOn('x.target_unit_id', 'x.paid_on')} as "targetUnitName", x.packages, x.note, x.status,
  x.proposed_by as "proposedBy", pu.display_name as "proposedByName", x.proposed_at::text as "proposedAt",
  x.decided_by as "decidedBy", du.display_name as "decidedByName", x.decided_at::text as "decidedAt", x.decision_note as "decisionNote",
  x.entry_id as "entryId", x.reversal_entry_id is not null as reversed,
  case when x.status = 'proposed' then fb.balance end as "balanceBefore", case when x.status = 'proposed' then fb.balance - x.amount end as "balanceAfter"
  from fund_disbursements x join fund_funds f on f.id = x.fund_id join fund_accounts a on a.id = x.pay_account_id
  left join fund_accounts fb on fb.kind = 'fund' and fb.fund_id = x.fund_id and fb.campaign_id is not distinct from x.campaign_id
  left join fund_campaigns c on c.id = x.campaign_id join users pu on pu.id = x.proposed_by left join users du on du.id = x.decided_by`;

export type DisbursementData = Omit<Disbursement, 'canDecide'>;

export async function disbursementById(db: Db, id: number): Promise<DisbursementData> {
  const [d] = await db.query<DisbursementData>(`${DISBURSEMENT_SELECT} where x.id = $1`, [id]);
  if (!d) throw new AppError('FUND_DISBURSEMENT_NOT_FOUND', { disbursementId: id });
  return d;
}

export type CampaignSums = {
  raisedMoney: number;
  raisedGoods: number;
  donationCount: number;
  distributed: number;
  transferredUp: number;
  lateReceipts: number;
  latePayments: number;
  balance: number;
};

/** Totals of many campaigns in three grouped queries. */
export async function campaignSums(db: Db, ids: number[]): Promise<Map<number, CampaignSums>> {
  const out = new Map<number, CampaignSums>(
    ids.map((id) => [
      id,
      {
        raisedMoney: 0,
        raisedGoods: 0,
        donationCount: 0,
        distributed: 0,
        transferredUp: 0,
        lateReceipts: 0,
        latePayments: 0,
        balance: 0,
      },
    ]),
  );
  if (!ids.length) return out;
  const [don, dis, bal] = await Promise.all([
    db.query<{ id: number; money: number; goods: number; n: number; late: number }>(
      `select d.campaign_id as id, coalesce(sum(d.amount) filter (where d.kind = 'money'), 0)::bigint as money,
              coalesce(sum(d.amount) filter (where d.kind = 'goods'), 0)::bigint as goods, count(*)::int as n,
              count(*) filter (where d.received_on < c.receive_from or d.received_on > c.receive_to)::int as late
         from fund_donations d join fund_campaigns c on c.id = d.campaign_id
        where d.campaign_id = any($1::bigint[]) and d.reversal_entry_id is null group by d.campaign_id`,
      [ids],
    ),
    db.query<{ id: number; paid: number; up: number; late: number }>(
      `select x.campaign_id as id, coalesce(sum(x.amount) filter (where x.kind <> 'transfer_up'), 0)::bigint as paid,
              coalesce(sum(x.amount) filter (where x.kind = 'transfer_up'), 0)::bigint as up,
              count(*) filter (where x.paid_on > c.distribute_by)::int as late
         from fund_disbursements x join fund_campaigns c on c.id = x.campaign_id
        where x.campaign_id = any($1::bigint[]) and x.status = 'approved' and x.reversal_entry_id is null group by x.campaign_id`,
      [ids],
    ),
    db.query<{ id: number; balance: number }>(`select campaign_id as id, balance from fund_accounts where kind = 'fund' and campaign_id = any($1::bigint[])`, [ids]),
  ]);
  for (const r of don) Object.assign(out.get(r.id)!, { raisedMoney: r.money, raisedGoods: r.goods, donationCount: r.n, lateReceipts: r.late });
  for (const r of dis) Object.assign(out.get(r.id)!, { distributed: r.paid, transferredUp: r.up, latePayments: r.late });
  for (const r of bal) out.get(r.id)!.balance = r.balance;
  return out;
}

/** Last day of the unit's last closed month, or null. */
export async function closedThrough(db: Db, unitId: number): Promise<string | null> {
  const [r] = await db.query<{ d: string | null }>(`select (max(month) + interval '1 month' - interval '1 day')::date as d from fund_closings where unit_id = $1`, [unitId]);
  return r?.d ?? null;
}

// ---- where a record lies (its unit and date), for the registrar's scope check ----

// Books of an ended unit are reached as of its last day (a successor's accountant keeps them); others over their life.
const lastDayIfEnded = (u: string) => `case when ${u}.valid_to = 'infinity' then null else (${u}.valid_to - 1)::text end`;

async function locate(db: Db, sql: string, id: number, missing: () => AppError): Promise<Located> {
  const [r] = await db.query<Located>(sql, [id]);
  if (!r) throw missing();
  return r;
}

export const locateFund = (db: Db, id: number) =>
  locate(
    db,
    `select f.unit_id as "unitId", ${lastDayIfEnded('u')} as date from fund_funds f join units u on u.id = f.unit_id where f.id = $1`,
    id,
    () => new AppError('FUND_NOT_FOUND', { fundId: id }),
  );

export const locateCampaign = (db: Db, id: number) =>
  locate(
    db,
    `select c.unit_id as "unitId", ${lastDayIfEnded('u')} as date from fund_campaigns c join units u on u.id = c.unit_id where c.id = $1`,
    id,
    () => new AppError('FUND_CAMPAIGN_NOT_FOUND', { campaignId: id }),
  );

export const locateAccount = (db: Db, id: number) =>
  locate(
    db,
    `select a.unit_id as "unitId", ${lastDayIfEnded('u')} as date from fund_accounts a join units u on u.id = a.unit_id where a.id = $1`,
    id,
    () => new AppError('FUND_ACCOUNT_NOT_FOUND', { accountId: id }),
  );

export const locateDonation = (db: Db, id: number) =>
  locate(db, 'select unit_id as "unitId", received_on::text as date from fund_donations where id = $1', id, () => new AppError('FUND_DONATION_NOT_FOUND', { donationId: id }));

export const locateDisbursement = (db: Db, id: number) =>
  locate(
    db,
    'select unit_id as "unitId", paid_on::text as date from fund_disbursements where id = $1',
    id,
    () => new AppError('FUND_DISBURSEMENT_NOT_FOUND', { disbursementId: id }),
  );

/** A transfer is decided on its own date; a correction is booked today. */
export const locateProposal = (db: Db, id: number) =>
  locate(
    db,
    `select unit_id as "unitId", case when kind = 'transfer' then payload->>'date' end as date from fund_proposals where id = $1`,
    id,
    () => new AppError('FUND_PROPOSAL_NOT_FOUND', { proposalId: id }),
  );

/** An import on the date of its first line. */
export const locateStatementImport = (db: Db, id: number) =>
  locate(
    db,
    `select i.unit_id as "unitId", (select min(d.received_on)::text from fund_donations d where d.entry_id = any(i.entry_ids)) as date
     from fund_statement_imports i where i.id = $1`,
    id,
    () => new AppError('FUND_IMPORT_NOT_FOUND', { importId: id }),
  );

// ---- opening funds, campaigns and accounts ----

export async function insertFundRow(db: Db, input: CreateFund, createdBy: number | null): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(`insert into fund_funds (unit_id, kind, name, opened_on, note, created_by) values ($1, $2, $3, $4, $5, $6) returning id`, [
    input.unitId,
    input.kind,
    input.name,
    input.openedOn,
    input.note || null,
    createdBy,
  ]);
  return id;
}

export async function insertFundBalanceAccount(db: Db, unitId: number, name: string, fundId: number): Promise<void> {
  await db.query(`insert into fund_accounts (unit_id, kind, name, fund_id) values ($1, 'fund', $2, $3)`, [unitId, name, fundId]);
}

export async function insertCampaignRow(db: Db, input: CreateCampaign, createdBy: number | null): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into fund_campaigns (unit_id, fund_id, name, name_search, purpose, receive_from, receive_to, distribute_by, quota,
       quota_unit_id, is_public, created_by, appeal)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
    [
      input.unitId,
      input.fundId,
      input.name,
      normalizeVn(input.name),
      input.purpose,
      input.receiveFrom,
      input.receiveTo,
      input.distributeBy,
      input.quota ?? null,
      input.quotaUnitId ?? null,
      input.isPublic ?? false,
      createdBy,
      input.appeal ?? null,
    ],
  );
  return id;
}

export async function insertCampaignBalanceAccount(db: Db, unitId: number, name: string, fundId: number, campaignId: number): Promise<void> {
  await db.query(`insert into fund_accounts (unit_id, kind, name, fund_id, campaign_id) values ($1, 'fund', $2, $3, $4)`, [unitId, name, fundId, campaignId]);
}

export async function insertBankAccountRow(db: Db, input: CreateBankAccount): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `insert into fund_accounts (unit_id, kind, name, bank_name, bank_bin, account_no, account_holder, campaign_id)
     values ($1, 'bank', $2, $3, $4, $5, $6, $7) returning id`,
    [input.unitId, input.name, input.bankName, input.bankBin ?? null, input.accountNo, input.accountHolder ?? null, input.campaignId ?? null],
  );
  return id;
}

export async function accountById(db: Db, id: number): Promise<Account> {
  const [a] = await db.query<Account>(`${ACCOUNT_SELECT} where a.id = $1`, [id]);
  return a;
}

/** The unit `ancestorId` lay above `descendantId` (not the unit itself) on `date`. */
export async function unitAboveOn(db: Db, ancestorId: number, descendantId: number, date: string): Promise<boolean> {
  const rows = await db.query(
    `select 1 from unit_closure where ancestor_id = $1 and descendant_id = $2 and ancestor_id <> descendant_id
        and valid_from <= $3::date and $3::date < valid_to`,
    [ancestorId, descendantId, date],
  );
  return rows.length > 0;
}

/** The unit when it began after `date`: its first day and the names of the units it succeeded. */
export async function unitStartedAfter(db: Db, unitId: number, date: string): Promise<{ valid_from: string; predecessors: string | null } | undefined> {
  const [u] = await db.query<{ valid_from: string; predecessors: string | null }>(
    `select u.valid_from::text as valid_from,
            (select string_agg(v.name, ', ' order by v.name) from unit_lineage l
               join unit_versions v on v.unit_id = l.predecessor_id and v.valid_to = l.effective_date
              where l.successor_id = u.id) as predecessors
       from units u where u.id = $1 and u.valid_from > $2::date`,
    [unitId, date],
  );
  return u;
}
