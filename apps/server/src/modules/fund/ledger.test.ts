import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../../db/db';
import { testDb } from '../../test/db';
import { makeWorld, sessionAs, type TestSession, type World } from '../../test/factories';
import { recordDonation, recordDonationsBulk, reverseDonation } from './donation-service';
import { postEntry, reverseEntryLines } from './ledger';
import { amountInWords, getReceipt } from './read-service';
import { closeMonth } from './service';
import { countOwn, expectBooksBalanced, makeFund } from './testing';

let db: RootDb;
let w: World;
let acct: TestSession;

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  acct = await sessionAs(db, 'fund_accountant', w.A);
});
afterEach(async () => expectBooksBalanced(db, [w.A, w.B, w.C]));
afterAll(async () => db?.close());

const balanceOf = async (accountId: number) => (await db.query<{ balance: number }>('select balance from fund_accounts where id = $1', [accountId]))[0].balance;
const fundBalance = async (fundId: number) =>
  (await db.query<{ b: number }>(`select coalesce(sum(balance), 0)::bigint as b from fund_accounts where kind = 'fund' and fund_id = $1`, [fundId]))[0].b;

describe('receiving', () => {
  it('books a money donation as debit cash / credit fund, with receipt numbers per unit and year', async () => {
    const f = await makeFund(db, w.A);
    const d1 = await recordDonation(
      { db, user: acct.user },
      { fundId: f.fundId, receivedOn: '2023-03-01', amount: 1_250_000, donorKind: 'individual', donorName: 'Nguyễn Thị Ánh' },
    );
    const d2 = await recordDonation({ db, user: acct.user }, { fundId: f.fundId, receivedOn: '2023-03-02', amount: 500_000, donorKind: 'anonymous' });
    expect(await balanceOf(f.cash)).toBeGreaterThanOrEqual(1_750_000);
    expect(await fundBalance(f.fundId)).toBe(1_750_000);
    const [n1, n2] = [d1.receiptNo!, d2.receiptNo!].map((s) => Number(s.split('/')[0]));
    expect(n2).toBe(n1 + 1);
    expect(d1.receiptNo).toMatch(/^\d{6}\/2023$/);
    expect(d2.donorName).toBeNull();
    expect(d2.publishName).toBe(false);
    const receipt = await getReceipt({ db, user: acct.user }, d1.id);
    expect(receipt.amountInWords).toBe('Một triệu hai trăm năm mươi nghìn đồng');
    expect(amountInWords(316_023_000)).toBe('Ba trăm mười sáu triệu không trăm hai mươi ba nghìn đồng');
  });

  it('values goods in kind into the goods account and needs their description', async () => {
    const f = await makeFund(db, w.A, 'cuu_tro');
    const before = await countOwn(db, 'fund_donations', w);
    await expect(
      recordDonation({ db, user: acct.user }, { fundId: f.fundId, receivedOn: '2021-08-01', kind: 'goods', amount: 3_000_000, donorKind: 'organisation', donorName: 'Công ty A' }),
    ).rejects.toMatchObject({ code: 'FUND_GOODS_REQUIRED' });
    await expect(recordDonation({ db, user: acct.user }, { fundId: f.fundId, receivedOn: '2021-08-01', amount: 3_000_000, donorKind: 'individual' })).rejects.toMatchObject({
      code: 'FUND_DONOR_NAME_REQUIRED',
    });
    expect(await countOwn(db, 'fund_donations', w)).toBe(before);
    const g = await recordDonation(
      { db, user: acct.user },
      {
        fundId: f.fundId,
        receivedOn: '2021-08-01',
        kind: 'goods',
        amount: 3_000_000,
        goodsDescription: 'Gạo tẻ',
        goodsQuantity: 200,
        goodsUnit: 'kg',
        donorKind: 'organisation',
        donorName: 'Công ty A',
      },
    );
    expect(g.accountId).toBe(f.goods);
    expect(g.goodsQuantity).toBe(200);
  });

  it('answers a repeated idempotency key with the first donation and books nothing', async () => {
    const f = await makeFund(db, w.A);
    const input = { fundId: f.fundId, receivedOn: '2023-04-01', amount: 200_000, donorKind: 'individual' as const, donorName: 'Lê Văn B', idempotencyKey: `key-${Date.now()}-1` };
    const first = await recordDonation({ db, user: acct.user }, input);
    const entries = await countOwn(db, 'fund_entries', w);
    const again = await recordDonation({ db, user: acct.user }, input);
    expect(again.id).toBe(first.id);
    expect(await countOwn(db, 'fund_entries', w)).toBe(entries);
    expect(await fundBalance(f.fundId)).toBe(200_000);
  });

  it('records a statement batch with one entry, and a second import adds nothing', async () => {
    const f = await makeFund(db, w.A, 'cuu_tro');
    const tag = Date.now();
    const lines = Array.from({ length: 1200 }, (_, i) => ({
      receivedOn: `2024-09-${String(10 + (i % 10)).padStart(2, '0')}`,
      amount: 10_000 + i,
      donorName: i % 7 ? `Nguyễn Văn ${i}` : null,
      memo: `MTTQ ung ho bao Yagi ${i}`,
      statementLineKey: `test:${tag}:${i}`,
    }));
    const entries = await countOwn(db, 'fund_entries', w);
    const r = await recordDonationsBulk({ db, user: acct.user }, { fundId: f.fundId, accountId: f.bankId, lines });
    expect(r.inserted).toBe(1200);
    expect(r.total).toBe(lines.reduce((s, l) => s + l.amount, 0));
    expect(await countOwn(db, 'fund_entries', w)).toBe(entries + 1);
    expect(await balanceOf(f.bankId)).toBe(r.total);
    const again = await recordDonationsBulk({ db, user: acct.user }, { fundId: f.fundId, accountId: f.bankId, lines: [...lines, ...lines] });
    expect(again).toMatchObject({ inserted: 0, skipped: 2400, entryId: null });
    expect(await fundBalance(f.fundId)).toBe(r.total);
    const [row] = await db.query<{ search_text: string; donor_kind: string }>('select search_text, donor_kind from fund_donations where statement_line_key = $1', [
      `test:${tag}:1`,
    ]);
    expect(row).toEqual({ search_text: 'nguyen van 1 mttq ung ho bao yagi 1', donor_kind: 'individual' });
    const [line] = await db.query<{ id: number }>('select id from fund_donations where statement_line_key = $1', [`test:${tag}:1`]);
    await expect(reverseDonation({ db, user: acct.user }, line.id, { reason: 'Sai', date: '2024-09-20' })).rejects.toMatchObject({ code: 'FUND_STATEMENT_LINE' });
  });
});

describe('the ledger refuses', () => {
  it('an unbalanced entry, in the service and in the database', async () => {
    const f = await makeFund(db, w.B);
    await expect(
      postEntry(db, {
        unitId: w.B,
        date: '2023-01-05',
        kind: 'opening',
        memo: 'x',
        createdBy: null,
        lines: [
          { accountId: f.cash, debit: 100 },
          { accountId: (await db.query<{ id: number }>(`select id from fund_accounts where fund_id = $1`, [f.fundId]))[0].id, credit: 90 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'FUND_UNBALANCED' });
    await expect(
      db.tx(async (tx) => {
        const [e] = await tx.query<{ id: number }>(`insert into fund_entries (unit_id, entry_date, kind, memo) values ($1, '2023-01-05', 'opening', 'x') returning id`, [w.B]);
        await tx.query(`insert into fund_entry_lines (entry_id, account_id, debit, credit) values ($1, $2, 100, 0)`, [e.id, f.cash]);
      }),
    ).rejects.toThrow(/FUND_UNBALANCED/);
    await expect(
      db.tx(async (tx) => {
        await tx.query(`insert into fund_entries (unit_id, entry_date, kind, memo) values ($1, '2023-01-05', 'opening', 'no lines')`, [w.B]);
      }),
    ).rejects.toThrow(/FUND_UNBALANCED/);
  });

  it('any UPDATE or DELETE of entries and lines; a correction is a reversing entry with a reason', async () => {
    const f = await makeFund(db, w.A);
    const d = await recordDonation({ db, user: acct.user }, { fundId: f.fundId, receivedOn: '2023-05-01', amount: 700_000, donorKind: 'individual', donorName: 'Phạm Thị C' });
    await expect(db.query('update fund_entries set memo = $2 where id = $1', [d.entryId, 'sửa'])).rejects.toThrow(/FUND_APPEND_ONLY/);
    await expect(db.query('update fund_entry_lines set debit = 1 where entry_id = $1', [d.entryId])).rejects.toThrow(/FUND_APPEND_ONLY/);
    await expect(db.query('delete from fund_entry_lines where entry_id = $1', [d.entryId])).rejects.toThrow(/FUND_APPEND_ONLY/);
    await expect(db.query('delete from fund_entries where id = $1', [d.entryId])).rejects.toThrow(/FUND_APPEND_ONLY/);
    await expect(db.query('update fund_donations set amount = 1 where id = $1', [d.id])).rejects.toThrow(/FUND_APPEND_ONLY/);
    const reversed = await reverseDonation({ db, user: acct.user }, d.id, { reason: 'Ghi nhầm số tiền', date: '2023-05-02' });
    expect(reversed.reversed).toBe(true);
    expect(await fundBalance(f.fundId)).toBe(0);
    await expect(reverseDonation({ db, user: acct.user }, d.id, { reason: 'lần hai', date: '2023-05-02' })).rejects.toMatchObject({ code: 'FUND_ALREADY_REVERSED' });
    const [rev] = await db.query<{ id: number; reason: string; kind: string }>('select id, reason, kind from fund_entries where reverses_entry_id = $1', [d.entryId]);
    expect({ reason: rev.reason, kind: rev.kind }).toEqual({ reason: 'Ghi nhầm số tiền', kind: 'reversal' });
    await expect(reverseEntryLines(db, rev.id, { date: '2023-05-03', reason: 'Đảo lại', createdBy: null })).rejects.toMatchObject({ code: 'FUND_REVERSAL_OF_REVERSAL' });
  });

  it('a reversal that would take a fund below zero', async () => {
    const f = await makeFund(db, w.A);
    const d = await recordDonation({ db, user: acct.user }, { fundId: f.fundId, receivedOn: '2023-06-01', amount: 100_000, donorKind: 'individual', donorName: 'Đỗ Văn D' });
    // Move the money out first (a transfer to the payable account stands in for a payment here).
    await postEntry(db, {
      unitId: w.A,
      date: '2023-06-02',
      kind: 'opening',
      memo: 'chi thử',
      createdBy: null,
      lines: [
        { accountId: (await db.query<{ id: number }>(`select id from fund_accounts where kind = 'fund' and fund_id = $1`, [f.fundId]))[0].id, debit: 100_000 },
        { accountId: f.cash, credit: 100_000 },
      ],
    });
    await expect(reverseDonation({ db, user: acct.user }, d.id, { reason: 'Hủy', date: '2023-06-03' })).rejects.toMatchObject({ code: 'FUND_INSUFFICIENT' });
  });

  it('any entry dated in a closed month', async () => {
    const f = await makeFund(db, w.D);
    const k = await sessionAs(db, 'fund_accountant', w.D);
    await recordDonation({ db, user: k.user }, { fundId: f.fundId, receivedOn: '2022-02-10', amount: 100_000, donorKind: 'individual', donorName: 'Vũ Văn E' });
    const closing = await closeMonth({ db, user: k.user }, { unitId: w.D, month: '2022-02' });
    expect(closing.closedThrough).toBe('2022-02-28');
    await expect(closeMonth({ db, user: k.user }, { unitId: w.D, month: '2022-02' })).rejects.toMatchObject({ code: 'FUND_MONTH_ALREADY_CLOSED' });
    const before = await countOwn(db, 'fund_donations', w);
    for (const date of ['2022-02-28', '2021-12-31']) {
      await expect(recordDonation({ db, user: k.user }, { fundId: f.fundId, receivedOn: date, amount: 1_000, donorKind: 'anonymous' })).rejects.toMatchObject({
        code: 'FUND_PERIOD_CLOSED',
      });
    }
    expect(await countOwn(db, 'fund_donations', w)).toBe(before);
    await recordDonation({ db, user: k.user }, { fundId: f.fundId, receivedOn: '2022-03-01', amount: 1_000, donorKind: 'anonymous' });
  });
});
