import type { Account, CampaignCreated, CloseMonth, Closing, CreateBankAccount, CreateCampaign, CreateFund, Fund } from '@contract/fund';
import type { Db } from '../../db/db';
import { today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { normalizeVn } from '../../platform/vn-text';
import { balanceAccountOf, ensureUnitAccounts, postEntry, withFundErrors } from './ledger';
import { ACCOUNT_SELECT, campaignRow, closedThrough, fundRow } from './queries';
import { campaignsByIds, fundsByIds } from './read-service';
import { decree93PlanWarnings } from './rules';

/** Opens a standing fund at a unit, with its balance account (and the unit's cash/goods/payable accounts). */
export async function createFund({ db, user }: Ctx, input: CreateFund): Promise<Fund> {
  return db.tx(async (tx) => {
    const id = await insertFund(tx, input, user.id);
    const [after] = await fundsByIds(tx, [id]);
    await audit(tx, user, { action: 'create', entity: 'fund_fund', entityId: id, unitId: input.unitId, after });
    return after;
  });
}

/** Inserts a fund and its accounts without access checks (the service and the demo use it). */
export async function insertFund(tx: Db, input: CreateFund, createdBy: number | null): Promise<number> {
  await ensureUnitAccounts(tx, input.unitId);
  const [{ id }] = await tx.query<{ id: number }>(`insert into fund_funds (unit_id, kind, name, opened_on, note, created_by) values ($1, $2, $3, $4, $5, $6) returning id`, [
    input.unitId,
    input.kind,
    input.name,
    input.openedOn,
    input.note || null,
    createdBy,
  ]);
  await tx.query(`insert into fund_accounts (unit_id, kind, name, fund_id) values ($1, 'fund', $2, $3)`, [input.unitId, input.name, id]);
  return id;
}

/** Opens a campaign in a fund. Dates beyond the Decree 93 limits are saved with warnings. */
export async function createCampaign({ db, user }: Ctx, input: CreateCampaign): Promise<CampaignCreated> {
  return db.tx(async (tx) => {
    const fund = await fundRow(tx, input.fundId);
    if (fund.unit_id !== input.unitId) throw new AppError('FUND_ACCOUNT_UNIT', { fundId: input.fundId });
    await assertUnitExisted(tx, input.unitId, input.receiveFrom);
    if (input.quotaUnitId) {
      // The quota comes from a level above the campaign's unit.
      const above = await tx.query(
        `select 1 from unit_closure where ancestor_id = $1 and descendant_id = $2 and ancestor_id <> descendant_id
            and valid_from <= $3::date and $3::date < valid_to`,
        [input.quotaUnitId, input.unitId, input.receiveFrom],
      );
      if (!above.length) throw new AppError('FUND_TARGET_UNIT', { quotaUnitId: input.quotaUnitId });
    }
    const id = await insertCampaign(tx, input, user.id);
    const [campaign] = await campaignsByIds(tx, [id]);
    await audit(tx, user, { action: 'create', entity: 'fund_campaign', entityId: id, unitId: input.unitId, after: campaign });
    return { campaign, warnings: decree93PlanWarnings(input) };
  });
}

/** A campaign dated before its unit existed: say so, and name the units it succeeded (where that campaign belongs). */
async function assertUnitExisted(tx: Db, unitId: number, date: string): Promise<void> {
  const [u] = await tx.query<{ valid_from: string; predecessors: string | null }>(
    `select u.valid_from::text as valid_from,
            (select string_agg(v.name, ', ' order by v.name) from unit_lineage l
               join unit_versions v on v.unit_id = l.predecessor_id and v.valid_to = l.effective_date
              where l.successor_id = u.id) as predecessors
       from units u where u.id = $1 and u.valid_from > $2::date`,
    [unitId, date],
  );
  if (u) throw new AppError('UNIT_NOT_YET_EXISTING', { validFrom: u.valid_from, predecessors: u.predecessors ?? '—' });
}

export async function insertCampaign(tx: Db, input: CreateCampaign, createdBy: number | null): Promise<number> {
  if (!(input.receiveFrom <= input.receiveTo && input.receiveTo <= input.distributeBy)) throw new AppError('FUND_CAMPAIGN_DATES');
  const [{ id }] = await tx.query<{ id: number }>(
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
  await tx.query(`insert into fund_accounts (unit_id, kind, name, fund_id, campaign_id) values ($1, 'fund', $2, $3, $4)`, [input.unitId, input.name, input.fundId, id]);
  return id;
}

export async function createBankAccount({ db, user }: Ctx, input: CreateBankAccount): Promise<Account> {
  return db.tx(async (tx) => {
    if (input.campaignId) {
      const c = await campaignRow(tx, input.campaignId);
      if (c.unit_id !== input.unitId) throw new AppError('FUND_ACCOUNT_UNIT', { campaignId: input.campaignId });
    }
    const id = await insertBankAccount(tx, input);
    const [after] = await tx.query<Account>(`${ACCOUNT_SELECT} where a.id = $1`, [id]);
    await audit(tx, user, { action: 'create', entity: 'fund_account', entityId: id, unitId: input.unitId, after });
    return after;
  });
}

export async function insertBankAccount(tx: Db, input: CreateBankAccount): Promise<number> {
  await ensureUnitAccounts(tx, input.unitId);
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into fund_accounts (unit_id, kind, name, bank_name, bank_bin, account_no, account_holder, campaign_id)
     values ($1, 'bank', $2, $3, $4, $5, $6, $7) returning id`,
    [input.unitId, input.name, input.bankName, input.bankBin ?? null, input.accountNo, input.accountHolder ?? null, input.campaignId ?? null],
  );
  return id;
}

const monthEnd = (month: string) => {
  const d = new Date(month + '-01T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
};

/** Closes a month of a unit's books: afterwards no entry may be dated in it or before it. */
export async function closeMonth({ db, user }: Ctx, input: CloseMonth): Promise<Closing> {
  return db.tx(async (tx) => {
    // The unit was checked on the month's last day by the registrar.
    const last = monthEnd(input.month);
    if (last >= today()) throw new AppError('FUND_MONTH_NOT_ENDED');
    // Every account of the unit locked: an entry being booked for that month finishes first or waits.
    await tx.query('select id from fund_accounts where unit_id = $1 order by id for update', [input.unitId]);
    const rows = await tx.query(`insert into fund_closings (unit_id, month, closed_by) values ($1, $2, $3) on conflict do nothing returning month`, [
      input.unitId,
      input.month + '-01',
      user.id,
    ]);
    if (!rows.length) throw new AppError('FUND_MONTH_ALREADY_CLOSED');
    const closing = { unitId: input.unitId, month: input.month, closedThrough: (await closedThrough(tx, input.unitId)) ?? last };
    await audit(tx, user, { action: 'close', entity: 'fund_closing', entityId: `${input.unitId}:${input.month}`, unitId: input.unitId, after: closing });
    return closing;
  });
}

export type TransferInput = {
  fromFundId: number;
  fromCampaignId?: number | null;
  fromAccountId: number;
  toFundId: number;
  toCampaignId?: number | null;
  toAccountId: number;
  amount: number;
  date: string;
  memo: string;
  /** The receiving side's date when it differs (a successor that begins the day after the transfer). */
  inDate?: string;
};

/**
 * Moves money from one unit's fund to another's as two recorded entries (out of the one's books, into
 * the other's) — e.g. an ended city's balances passing to its successor wards.
 */
export async function bookTransfer(tx: Db, t: TransferInput, createdBy: number | null): Promise<{ outEntryId: number; inEntryId: number }> {
  return withFundErrors(async () => {
    const [from, to] = [await fundRow(tx, t.fromFundId), await fundRow(tx, t.toFundId)];
    const out = await postEntry(tx, {
      unitId: from.unit_id,
      date: t.date,
      kind: 'transfer_out',
      memo: t.memo,
      createdBy,
      lines: [
        { accountId: await balanceAccountOf(tx, from.id, t.fromCampaignId ?? null), debit: t.amount },
        { accountId: t.fromAccountId, credit: t.amount },
      ],
    });
    const inn = await postEntry(tx, {
      unitId: to.unit_id,
      date: t.inDate ?? t.date,
      kind: 'transfer_in',
      memo: t.memo,
      createdBy,
      lines: [
        { accountId: t.toAccountId, debit: t.amount },
        { accountId: await balanceAccountOf(tx, to.id, t.toCampaignId ?? null), credit: t.amount },
      ],
    });
    return { outEntryId: out.entryId, inEntryId: inn.entryId };
  });
}
