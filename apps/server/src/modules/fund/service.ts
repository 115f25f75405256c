import type { Account, CampaignCreated, CloseMonth, Closing, CreateBankAccount, CreateCampaign, CreateFund, Fund } from '@contract/fund';
import type { Db } from '../../db/db';
import { today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { balanceAccountOf, ensureUnitAccounts, postEntry, withFundErrors } from './ledger';
import {
  accountById,
  campaignRow,
  closedThrough,
  fundRow,
  insertCampaignBalanceAccount,
  insertFundBalanceAccount,
  insertBankAccountRow,
  insertCampaignRow,
  insertFundRow,
  unitAboveOn,
  unitStartedAfter,
} from './queries';
import { insertClosing, lockUnitAccounts } from './queries-ledger';
import { fundsByIds } from './queries-read';
import { campaignsByIds } from './read-service';
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
  const id = await insertFundRow(tx, input, createdBy);
  await insertFundBalanceAccount(tx, input.unitId, input.name, id);
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
      if (!(await unitAboveOn(tx, input.quotaUnitId, input.unitId, input.receiveFrom))) throw new AppError('FUND_TARGET_UNIT', { quotaUnitId: input.quotaUnitId });
    }
    const id = await insertCampaign(tx, input, user.id);
    const [campaign] = await campaignsByIds(tx, [id]);
    await audit(tx, user, { action: 'create', entity: 'fund_campaign', entityId: id, unitId: input.unitId, after: campaign });
    return { campaign, warnings: decree93PlanWarnings(input) };
  });
}

/** A campaign dated before its unit existed: say so, and name the units it succeeded (where that campaign belongs). */
async function assertUnitExisted(tx: Db, unitId: number, date: string): Promise<void> {
  const u = await unitStartedAfter(tx, unitId, date);
  if (u) throw new AppError('UNIT_NOT_YET_EXISTING', { validFrom: u.valid_from, predecessors: u.predecessors ?? '—' });
}

export async function insertCampaign(tx: Db, input: CreateCampaign, createdBy: number | null): Promise<number> {
  if (!(input.receiveFrom <= input.receiveTo && input.receiveTo <= input.distributeBy)) throw new AppError('FUND_CAMPAIGN_DATES');
  const id = await insertCampaignRow(tx, input, createdBy);
  await insertCampaignBalanceAccount(tx, input.unitId, input.name, input.fundId, id);
  return id;
}

export async function createBankAccount({ db, user }: Ctx, input: CreateBankAccount): Promise<Account> {
  return db.tx(async (tx) => {
    if (input.campaignId) {
      const c = await campaignRow(tx, input.campaignId);
      if (c.unit_id !== input.unitId) throw new AppError('FUND_ACCOUNT_UNIT', { campaignId: input.campaignId });
    }
    const id = await insertBankAccount(tx, input);
    const after = await accountById(tx, id);
    await audit(tx, user, { action: 'create', entity: 'fund_account', entityId: id, unitId: input.unitId, after });
    return after;
  });
}

export async function insertBankAccount(tx: Db, input: CreateBankAccount): Promise<number> {
  await ensureUnitAccounts(tx, input.unitId);
  return insertBankAccountRow(tx, input);
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
    await lockUnitAccounts(tx, input.unitId);
    if (!(await insertClosing(tx, input.unitId, input.month, user.id))) throw new AppError('FUND_MONTH_ALREADY_CLOSED');
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
