// A statement's lines are written in chunks, the next built while the database writes the one before
// (issue 15, import speed): a refusal in a late chunk still leaves nothing written.
import { describe, expect, it } from 'vitest';
import type { DonorKind } from '@contract/fund';
import { useWorldApp } from '../../test/app';
import { recordDonationsBulk, type BulkDonationLine } from './donation-service';
import { countOwn, expectBooksBalanced, makeFund } from './testing';

const t = useWorldApp();

const lines = (n: number, tag: string): BulkDonationLine[] =>
  Array.from({ length: n }, (_, i) => ({
    receivedOn: '2024-09-12',
    amount: 10_000 + i,
    donorName: `NGUYEN VAN ${tag} ${i}`,
    memo: `ung ho ${tag} ${i}`,
    statementLineKey: `bulk-test:${tag}:${i}`,
  }));

describe('bulk statement lines', () => {
  it('writes every chunk of a long batch, once, with one balanced entry', async () => {
    const { fundId, bankId } = await makeFund(t.db, t.w.P);
    const r = await recordDonationsBulk({ db: t.db, user: null }, { fundId, accountId: bankId, lines: lines(6_001, 'a') });
    expect(r.inserted).toBe(6_001);
    const [n] = await t.db.query<{ n: number; s: number }>('select count(*)::int as n, sum(amount)::bigint as s from fund_donations where entry_id = $1', [r.entryId]);
    expect(n).toEqual({ n: 6_001, s: r.total });
    await expectBooksBalanced(t.db, [t.w.P]);
  });

  // Up to two chunks are queued on the connection: a refusal in the middle has one queued behind it.
  it.each([
    ['the last chunk', 8_000, 'b'],
    ['a middle chunk, with the next one queued behind it', 2_600, 'm'],
  ])('a line the database refuses in %s leaves nothing of the batch: no donation, no entry', async (_, at, tag) => {
    const { fundId, bankId } = await makeFund(t.db, t.w.P);
    const before = { donations: await countOwn(t.db, 'fund_donations', t.w), entries: await countOwn(t.db, 'fund_entries', t.w) };
    const bad = lines(8_001, tag);
    bad[at] = { ...bad[at], donorKind: 'nobody' as DonorKind }; // refused by the table's check, after other chunks went in
    await expect(t.db.tx((tx) => recordDonationsBulk({ db: tx, user: null }, { fundId, accountId: bankId, lines: bad }))).rejects.toThrow();
    expect(await countOwn(t.db, 'fund_donations', t.w)).toBe(before.donations);
    expect(await countOwn(t.db, 'fund_entries', t.w)).toBe(before.entries);
    const [k] = await t.db.query<{ n: number }>(`select count(*)::int as n from fund_donations where statement_line_key like $1`, [`bulk-test:${tag}:%`]);
    expect(k.n).toBe(0);
    await expectBooksBalanced(t.db, [t.w.P]);
  });

  // recordedLineKeys walks the unique index over the batch's span of keys: keys recorded inside that span
  // but not in the batch are not the batch's, and keys outside ASCII (the span's order is byte order) are
  // looked up one by one.
  it.each([
    ['ASCII keys (one walk over their span)', 'span'],
    ['keys outside ASCII (looked up one by one)', 'Đà Nẵng'],
  ])('a batch with lines already recorded skips exactly those: %s', async (_, tag) => {
    const { fundId, bankId } = await makeFund(t.db, t.w.P);
    const all = lines(40, tag);
    const first = all.filter((_, i) => i % 2 === 0);
    expect((await recordDonationsBulk({ db: t.db, user: null }, { fundId, accountId: bankId, lines: first })).inserted).toBe(20);
    // Every odd line is new; the even ones between them are recorded, and only 0, 10, 20 are in this batch.
    const again = all.filter((_, i) => i % 2 === 1 || i % 10 === 0);
    const r = await recordDonationsBulk({ db: t.db, user: null }, { fundId, accountId: bankId, lines: again });
    expect(r).toMatchObject({ inserted: 20, skipped: 4 });
    expect(r.total).toBe(all.filter((_, i) => i % 2 === 1).reduce((s, l) => s + l.amount, 0));
    const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from fund_donations where statement_line_key like $1', [`bulk-test:${tag}:%`]);
    expect(n.n).toBe(40);
    await expectBooksBalanced(t.db, [t.w.P]);
  });
});
