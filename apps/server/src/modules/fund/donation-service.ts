import type { CreateDonation, Donation, DonorKind } from '@contract/fund';
import type { Db } from '../../db/db';
import { assertUnitAccess, today, type Ctx, type CurrentUser } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { normalizeVn } from '../../platform/vn-text';
import { balanceAccountOf, ensureUnitAccounts, postEntry, reverseEntryLines, withFundErrors } from './ledger';
import { accountRow, donationById, resolveTarget, type FundRow } from './queries';
import {
  donationIdByEntry,
  insertDonation,
  insertDonationChunk,
  nextReceiptNo,
  prepareDonationChunk,
  recordedLineKeys,
  setDonationReversal,
  type DonationChunk,
} from './queries-donations';

// Statement memos are public: phone and account numbers are masked there, so they are not searchable either.
// The words are the payer's (the memo without the bank's wrapper, when the parser gave it), and the name once:
// "NAPAS Noi dung", "CT nhanh 247" and a name repeated in the memo were a third of each row's index entries.
function statementSearchText(name: string | null, memo: string | null): string {
  const words = memo ? normalizeVn(memo.replace(/\d{7,}/g, ' ')) : '';
  const who = name ? normalizeVn(name) : '';
  return who && (words === who || words.startsWith(`${who} `)) ? words : `${who} ${words}`.trim();
}

const donorText = (name: string | null | undefined, memo: string | null | undefined) => normalizeVn(`${name ?? ''} ${memo ?? ''}`).trim();

function assertDonor(kind: DonorKind, name: string | null | undefined): string | null {
  if (kind === 'anonymous') return null;
  if (!name?.trim()) throw new AppError('FUND_DONOR_NAME_REQUIRED');
  return name.trim();
}

function assertOpened(fund: FundRow, date: string): void {
  if (date < fund.opened_on) throw new AppError('FUND_BEFORE_OPENING', { openedOn: fund.opened_on });
}

/**
 * Records one donation (money into cash or a bank account, goods at their valuation into the goods
 * account) with its numbered receipt and one balanced entry. Runs in the caller's transaction when
 * given one. A repeated idempotency key answers the first donation and books nothing.
 */
export async function recordDonation({ db, user }: Ctx, input: CreateDonation): Promise<Donation> {
  return db.tx(async (tx) => {
    const { fund, campaign } = await resolveTarget(tx, input);
    if (input.receivedOn > today()) throw new AppError('FUND_FUTURE_DATE', { receivedOn: input.receivedOn });
    assertOpened(fund, input.receivedOn);
    const donorName = assertDonor(input.donorKind, input.donorName);
    const kind = input.kind ?? 'money';
    if (kind === 'goods' && (!input.goodsDescription?.trim() || !input.goodsQuantity || !input.goodsUnit?.trim())) {
      throw new AppError('FUND_GOODS_REQUIRED');
    }
    const own = await ensureUnitAccounts(tx, fund.unit_id);
    const accountId = input.accountId ?? (kind === 'goods' ? own.goods : own.cash);
    const account = await accountRow(tx, accountId);
    if (account.unit_id !== fund.unit_id) throw new AppError('FUND_ACCOUNT_UNIT', { accountId });
    const fits = kind === 'goods' ? account.kind === 'goods' : account.kind === 'cash' || account.kind === 'bank';
    if (!fits) throw new AppError('FUND_ACCOUNT_KIND', { accountId, kind: account.kind });

    const balanceAccount = await balanceAccountOf(tx, fund.id, campaign?.id ?? null);
    const who = input.donorKind === 'anonymous' ? 'nhà hảo tâm ẩn danh' : donorName;
    const posted = await postEntry(tx, {
      unitId: fund.unit_id,
      date: input.receivedOn,
      kind: 'donation',
      createdBy: user.id,
      memo: `Thu ủng hộ ${campaign ? campaign.name : fund.name} — ${who}`,
      // Scoped to the unit and the person: another ward's key can neither collide nor reveal a donation.
      idempotencyKey: input.idempotencyKey ? `donation:${fund.unit_id}:${user.id}:${input.idempotencyKey}` : null,
      lines: [
        { accountId, debit: input.amount },
        { accountId: balanceAccount, credit: input.amount },
      ],
    });
    if (!posted.created) {
      const first = await donationIdByEntry(tx, posted.entryId);
      if (first === undefined) throw new AppError('CONFLICT', { idempotencyKey: input.idempotencyKey });
      return donationById(tx, first);
    }
    const year = Number(input.receivedOn.slice(0, 4));
    const receiptNo = await nextReceiptNo(tx, fund.unit_id, year);
    const id = await insertDonation(tx, {
      unitId: fund.unit_id,
      fundId: fund.id,
      campaignId: campaign?.id ?? null,
      accountId,
      receivedOn: input.receivedOn,
      amount: input.amount,
      kind,
      goodsDescription: kind === 'goods' ? input.goodsDescription!.trim() : null,
      goodsQuantity: kind === 'goods' ? input.goodsQuantity : null,
      goodsUnit: kind === 'goods' ? input.goodsUnit!.trim() : null,
      donorKind: input.donorKind,
      donorName,
      donorAddress: input.donorAddress || null,
      publishName: input.donorKind === 'anonymous' ? false : (input.publishName ?? true),
      memo: input.memo || null,
      reference: input.reference || null,
      searchText: donorText(donorName, input.memo),
      receiptYear: year,
      receiptNo,
      entryId: posted.entryId,
      createdBy: user.id,
    });
    const after = await donationById(tx, id);
    await audit(tx, user, { action: 'create', entity: 'fund_donation', entityId: id, unitId: fund.unit_id, after });
    return after;
  });
}

/** One credit line of a bank statement (or any batch), keyed so that importing it again adds nothing. */
export type BulkDonationLine = {
  receivedOn: string;
  amount: number;
  donorName: string | null;
  donorKind?: DonorKind;
  memo: string | null;
  /** The memo without the bank's wrapper, searched instead of the memo when given. */
  searchMemo?: string | null;
  reference?: string | null;
  /** Unique across all donations, e.g. "vietinbank:111602391111:<transaction no>". */
  statementLineKey: string;
  /** The bank's running balance after the line, when the statement shows it. */
  statementBalance?: number | null;
  publishName?: boolean;
};

export type BulkDonationInput = {
  fundId?: number;
  campaignId?: number;
  /** The bank (or cash) account the money landed in. */
  accountId: number;
  lines: BulkDonationLine[];
  /** Text of the batch's journal entry, e.g. the file name. */
  memo?: string;
  /** Called as the chunks are written, with how many of `lines` are done (written or skipped), in their order. */
  onWritten?: (done: number) => void;
};

export type BulkDonationResult = { inserted: number; skipped: number; total: number; entryId: number | null };

const CHUNK = 2500;

/**
 * Records many donations (a bank statement) with multi-row inserts and ONE balanced entry for the
 * batch (debit the account, credit the fund or campaign), dated on the batch's last day. Lines whose
 * key is already recorded are skipped, so a repeated import adds nothing. Runs in the caller's
 * transaction: an error leaves nothing written.
 */
export async function recordDonationsBulk({ db, user }: { db: Db; user: CurrentUser | null }, input: BulkDonationInput): Promise<BulkDonationResult> {
  return db.tx(async (tx) => {
    const { fund, campaign } = await resolveTarget(tx, input);
    const account = await accountRow(tx, input.accountId);
    if (account.unit_id !== fund.unit_id) throw new AppError('FUND_ACCOUNT_UNIT', { accountId: input.accountId });
    if (account.kind !== 'bank' && account.kind !== 'cash') throw new AppError('FUND_ACCOUNT_KIND', { accountId: input.accountId });
    // Unique within the batch first (a file listing a line twice), then against what is recorded.
    const unique = [...new Set(input.lines.map((l) => l.statementLineKey))];
    const existing = new Set<string>();
    for (let i = 0; i < unique.length; i += CHUNK * 4) {
      for (const k of await recordedLineKeys(tx, unique.slice(i, i + CHUNK * 4))) existing.add(k);
    }
    // The lines to write, and after each the number of input lines then done (for onWritten).
    const fresh: BulkDonationLine[] = [];
    const doneAfter: number[] = [];
    const seen = new Set<string>();
    input.lines.forEach((l, i) => {
      if (seen.has(l.statementLineKey) || existing.has(l.statementLineKey)) return;
      seen.add(l.statementLineKey);
      fresh.push(l);
      doneAfter.push(i + 1);
    });
    const skipped = input.lines.length - fresh.length;
    if (!fresh.length) return { inserted: 0, skipped, total: 0, entryId: null };
    let first = fresh[0].receivedOn;
    let last = first;
    let total = 0;
    for (const l of fresh) {
      if (!Number.isSafeInteger(l.amount) || l.amount <= 0) throw new AppError('VALIDATION', { statementLineKey: l.statementLineKey, amount: l.amount });
      if (l.receivedOn < first) first = l.receivedOn;
      if (l.receivedOn > last) last = l.receivedOn;
      total += l.amount;
    }
    // The lines' dates come from the file: checked here, batch by batch (the registrar saw only the target).
    if (user) {
      await assertUnitAccess(tx, user, 'fund.write', fund.unit_id, first);
      await assertUnitAccess(tx, user, 'fund.write', fund.unit_id, last);
    }
    assertOpened(fund, first);
    const balanceAccount = await balanceAccountOf(tx, fund.id, campaign?.id ?? null);
    const { entryId } = await postEntry(tx, {
      unitId: fund.unit_id,
      date: last,
      kind: 'donation_batch',
      createdBy: user?.id ?? null,
      memo: input.memo ?? `Thu ủng hộ theo sao kê — ${campaign ? campaign.name : fund.name} (${fresh.length} khoản)`,
      lines: [
        { accountId: input.accountId, debit: total },
        { accountId: balanceAccount, credit: total },
      ],
    });
    await withFundErrors(async () => {
      // While the database writes one chunk, this process builds the next and queues it on the connection:
      // the driver sends it the moment the one before is answered, whatever this process is doing then (a
      // parse, a garbage collection), so the database does not wait for this process between chunks. At
      // most two chunks are queued. A refusal rejects the whole import (the caller rolls the transaction
      // back; a chunk queued behind the refused one fails too, and is waited for).
      const queued: Array<Promise<unknown>> = [];
      try {
        for (let i = 0; i < fresh.length; i += CHUNK) {
          const part = fresh.slice(i, i + CHUNK);
          const kinds = part.map((l) => l.donorKind ?? (l.donorName ? 'individual' : 'anonymous'));
          const chunk: DonationChunk = {
            unitId: fund.unit_id,
            fundId: fund.id,
            campaignId: campaign?.id ?? null,
            accountId: input.accountId,
            entryId,
            createdBy: user?.id ?? null,
            receivedOn: part.map((l) => l.receivedOn),
            amount: part.map((l) => l.amount),
            donorKind: kinds,
            donorName: part.map((l, j) => (kinds[j] === 'anonymous' ? null : l.donorName)),
            publishName: part.map((l, j) => l.publishName ?? kinds[j] !== 'anonymous'),
            memo: part.map((l) => l.memo),
            reference: part.map((l) => l.reference ?? null),
            statementLineKey: part.map((l) => l.statementLineKey),
            searchText: part.map((l) => statementSearchText(l.donorName, l.searchMemo ?? l.memo)),
            statementBalance: part.map((l) => l.statementBalance ?? null),
          };
          const prepared = prepareDonationChunk(tx, chunk);
          if (queued.length === 2) await queued[0].then(() => queued.shift());
          const through = i + part.length === fresh.length ? input.lines.length : doneAfter[i + part.length - 1];
          const written = insertDonationChunk(tx, prepared).then(() => input.onWritten?.(through));
          written.catch(() => {}); // awaited below; a rejection before that is not "unhandled"
          queued.push(written);
        }
        while (queued.length) await queued[0].then(() => queued.shift());
      } catch (err) {
        await Promise.allSettled(queued);
        throw err;
      }
    });
    await audit(tx, user, {
      action: 'import',
      entity: 'fund_donation_batch',
      entityId: entryId,
      unitId: fund.unit_id,
      after: { fundId: fund.id, campaignId: campaign?.id ?? null, accountId: input.accountId, inserted: fresh.length, skipped, total, from: first, to: last },
    });
    return { inserted: fresh.length, skipped, total, entryId };
  });
}

/** Cancels a recorded donation with a reversing entry and a reason (the donation stays, marked reversed). */
export async function reverseDonation({ db, user }: Ctx, id: number, input: { reason: string; date?: string }): Promise<Donation> {
  return db.tx(async (tx) => {
    const before = await donationById(tx, id);
    const date = input.date ?? today();
    if (before.source === 'statement') throw new AppError('FUND_STATEMENT_LINE');
    return bookDonationReversal(tx, user, id, input.reason, date);
  });
}

/** The reversing entry of a manual donation, booked by whoever approved it (access checked by the caller). */
export async function bookDonationReversal(tx: Db, user: CurrentUser, id: number, reason: string, date: string): Promise<Donation> {
  const before = await donationById(tx, id);
  if (before.reversed) throw new AppError('FUND_ALREADY_REVERSED');
  const { entryId } = await reverseEntryLines(tx, before.entryId, { date, reason, createdBy: user.id });
  await setDonationReversal(tx, id, entryId);
  const after = await donationById(tx, id);
  await audit(tx, user, { action: 'reverse', entity: 'fund_donation', entityId: id, unitId: before.unitId, before, after: { ...after, reason } });
  return after;
}
