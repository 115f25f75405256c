// The reading side's SQL: lists of funds, campaigns, donations and payments, receipts, the journal.
import type { Campaign, CampaignListQuery, DisbursementListQuery, DonationListQuery, DonationPage, Entry, Fund, FundListQuery, LedgerQuery } from '@contract/fund';
import type { Db } from '../../db/db';
import { scopeCondition, type CurrentUser } from '../../platform/access';
import { DISBURSEMENT_SELECT, DONATION_SELECT, unitNameOn, type DisbursementData } from './queries';

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

export type CampaignData = Omit<Campaign, 'totals' | 'decree93'>;

/** Campaigns without their totals (campaignSums adds them). */
export async function campaignRowsByIds(db: Db, ids: number[]): Promise<CampaignData[]> {
  return db.query<CampaignData>(
    `select c.id, c.unit_id as "unitId", ${unitNameOn('c.unit_id', 'c.receive_from')} as "unitName", c.fund_id as "fundId",
            f.name as "fundName", f.kind as "fundKind", c.name, c.purpose, c.receive_from as "receiveFrom", c.receive_to as "receiveTo",
            c.distribute_by as "distributeBy", c.quota, c.quota_unit_id as "quotaUnitId",
            ${unitNameOn('c.quota_unit_id', 'c.receive_from')} as "quotaUnitName", c.is_public as "isPublic"
       from fund_campaigns c join fund_funds f on f.id = c.fund_id where c.id = any($1::bigint[]) order by c.receive_from desc, c.id desc`,
    [ids],
  );
}

/** Records of the unit (or of its whole tree and predecessors), within the reader's scope (the unit was checked by the registrar). */
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

export async function listFundIds(db: Db, user: CurrentUser, q: FundListQuery): Promise<number[]> {
  const params: unknown[] = [];
  const where = unitFilter(user, 'f.unit_id', q.unit, q.scope, params);
  const ids = await db.query<{ id: number }>(`select f.id from fund_funds f where ${where}`, params);
  return ids.map((r) => r.id);
}

export async function listCampaignIds(db: Db, user: CurrentUser, q: CampaignListQuery): Promise<number[]> {
  const params: unknown[] = [];
  // Not aliased `c`: the scope condition's own subquery uses that name.
  let where = unitFilter(user, 'k.unit_id', q.unit, q.scope, params);
  if (q.fund) {
    params.push(q.fund);
    where += ` and k.fund_id = $${params.length}`;
  }
  const ids = await db.query<{ id: number }>(`select k.id from fund_campaigns k where ${where}`, params);
  return ids.map((r) => r.id);
}

/** A unit's donations (of a fund, campaign, dates), newest first, with the count and sum of all matching. */
export async function listDonationPage(db: Db, unitId: number, q: DonationListQuery): Promise<DonationPage> {
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

/** What a receipt shows beyond the donation: the unit's name then, who recorded it and when. */
export async function receiptDetails(db: Db, donationId: number): Promise<{ unit_name: string; recorded_by: string | null; recorded_at: string }> {
  const [extra] = await db.query<{ unit_name: string; recorded_by: string | null; recorded_at: string }>(
    `select ${unitNameOn('d.unit_id', 'd.received_on')} as unit_name, u.display_name as recorded_by, d.created_at::text as recorded_at
       from fund_donations d left join users u on u.id = d.created_by where d.id = $1`,
    [donationId],
  );
  return extra;
}

/** Payments of a campaign, fund or unit (pendingForMe: the unit's subtree, not proposed by the reader). */
export async function listDisbursementRows(db: Db, user: CurrentUser, q: DisbursementListQuery): Promise<DisbursementData[]> {
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
  if (q.status) add('x.status = ?', q.status);
  if (q.pendingForMe) add('x.proposed_by <> ?', user.id);
  return db.query<DisbursementData>(`${DISBURSEMENT_SELECT} where ${conds.join(' and ') || 'true'} order by x.paid_on desc, x.id desc limit ${q.limit} offset ${q.offset}`, params);
}

// ---- the journal ----

function entryWhere(q: LedgerQuery): { where: string; params: unknown[] } {
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
  return { where: conds.join(' and '), params };
}

export async function countEntries(db: Db, q: LedgerQuery): Promise<number> {
  const { where, params } = entryWhere(q);
  const [count] = await db.query<{ n: number }>(`select count(*)::int as n from fund_entries e where ${where}`, params);
  return count.n;
}

/** The unit's total debits and credits over all its books. */
export async function ledgerTotals(db: Db, unitId: number): Promise<{ d: number; c: number }> {
  const [totals] = await db.query<{ d: number; c: number }>(
    `select coalesce(sum(l.debit), 0)::bigint as d, coalesce(sum(l.credit), 0)::bigint as c
         from fund_entry_lines l join fund_entries e on e.id = l.entry_id where e.unit_id = $1`,
    [unitId],
  );
  return totals;
}

/** A page of the journal, newest first, without the lines. */
export async function listEntries(db: Db, q: LedgerQuery): Promise<Array<Omit<Entry, 'lines'>>> {
  const { where, params } = entryWhere(q);
  return db.query<Omit<Entry, 'lines'>>(
    `select e.id, e.unit_id as "unitId", e.entry_date as "entryDate", e.kind, e.memo, e.reverses_entry_id as "reversesEntryId",
              (select r.id from fund_entries r where r.reverses_entry_id = e.id) as "reversedByEntryId", e.reason,
              u.display_name as "createdByName"
         from fund_entries e left join users u on u.id = e.created_by
        where ${where} order by e.entry_date desc, e.id desc limit ${q.limit} offset ${q.offset}`,
    params,
  );
}

export async function linesOfEntries(db: Db, entryIds: number[]): Promise<Array<Entry['lines'][number] & { entryId: number }>> {
  return db.query<Entry['lines'][number] & { entryId: number }>(
    `select l.entry_id as "entryId", l.account_id as "accountId", a.name as "accountName", a.kind as "accountKind", l.debit, l.credit
       from fund_entry_lines l join fund_accounts a on a.id = l.account_id where l.entry_id = any($1::bigint[]) order by l.id`,
    [entryIds],
  );
}
