// A planner for the fund demo: donations, payments and transfers are planned in memory as balanced
// entries, replayed in date order to prove no account ever goes below zero, then written with a few
// multi-row inserts (the ledger triggers check every entry and move the balances).
import type { AccountKind, DisbursementKind, DisbursementPurpose, DonorKind, EntryKind } from '@contract/fund-values';
import type { Db } from '../db/db';
import { normalizeVn } from '../platform/vn-text';
import { bulkInsert, reserveIds, type Rng } from './org-gen';

type Line = { accountId: number; debit: number; credit: number };
type PlannedEntry = { seq: number; unitId: number; date: string; kind: EntryKind; memo: string; createdBy: number | null; lines: Line[] };

export type FundRef = { unitId: number; fundId: number; campaignId: number | null; balanceAccountId: number };

export type DonationPlan = {
  to: FundRef;
  accountId: number;
  date: string;
  amount: number;
  donorKind: DonorKind;
  donorName: string | null;
  publishName?: boolean;
  memo?: string | null;
  goods?: { description: string; quantity: number; unit: string };
  createdBy: number | null;
};

export type PaymentPlan = {
  from: FundRef;
  payAccountId: number;
  payableUpId?: number;
  kind: DisbursementKind;
  purpose: DisbursementPurpose;
  amount: number;
  date: string;
  beneficiaryName?: string | null;
  beneficiaryVillage?: string | null;
  projectName?: string | null;
  targetUnitId?: number | null;
  packages?: number | null;
  note?: string | null;
  proposedBy: number;
  decidedBy: number | null;
  status?: 'approved' | 'proposed' | 'rejected';
};

const CREDIT_NORMAL: ReadonlySet<AccountKind> = new Set(['fund', 'payable_up']);

export class FundBook {
  private entries: PlannedEntry[] = [];
  private donations: Array<DonationPlan & { entry: number; receiptNo: number }> = [];
  private payments: Array<PaymentPlan & { entry: number | null }> = [];
  private kinds = new Map<number, AccountKind>();
  private receipts = new Map<string, number>();
  private starting = new Map<number, number>();

  constructor(readonly r: Rng) {}

  /** Accounts must be registered (id and kind) before entries post to them. */
  account(id: number, kind: AccountKind): number {
    this.kinds.set(id, kind);
    return id;
  }

  /** A balance already in the database before this plan (e.g. imported statements), for the replay only. */
  startFrom(accountId: number, balance: number): void {
    this.starting.set(accountId, (this.starting.get(accountId) ?? 0) + balance);
  }

  private entry(unitId: number, date: string, kind: EntryKind, memo: string, createdBy: number | null, lines: Line[]): number {
    this.entries.push({ seq: this.entries.length, unitId, date, kind, memo, createdBy, lines });
    return this.entries.length - 1;
  }

  donation(d: DonationPlan): void {
    const who = d.donorKind === 'anonymous' ? 'nhà hảo tâm ẩn danh' : d.donorName;
    const entry = this.entry(d.to.unitId, d.date, 'donation', `Thu ủng hộ — ${who}`, d.createdBy, [
      { accountId: d.accountId, debit: d.amount, credit: 0 },
      { accountId: d.to.balanceAccountId, debit: 0, credit: d.amount },
    ]);
    const key = `${d.to.unitId}:${d.date.slice(0, 4)}`;
    const receiptNo = (this.receipts.get(key) ?? 0) + 1;
    this.receipts.set(key, receiptNo);
    this.donations.push({ ...d, entry, receiptNo });
  }

  payment(p: PaymentPlan): void {
    const status = p.status ?? 'approved';
    let entry: number | null = null;
    if (status === 'approved') {
      const lines: Line[] = [{ accountId: p.from.balanceAccountId, debit: p.amount, credit: 0 }];
      if (p.kind === 'transfer_up') {
        lines.push({ accountId: p.payableUpId!, debit: 0, credit: p.amount }, { accountId: p.payableUpId!, debit: p.amount, credit: 0 });
      }
      lines.push({ accountId: p.payAccountId, debit: 0, credit: p.amount });
      const to = p.beneficiaryName ?? p.projectName ?? '';
      entry = this.entry(p.from.unitId, p.date, 'disbursement', `Chi — ${to}`.trim(), p.decidedBy, lines);
    }
    this.payments.push({ ...p, status, entry });
  }

  /** Money moving from one unit's fund to another's: out of one book, into the other, as two entries. */
  transfer(t: {
    from: FundRef;
    fromAccountId: number;
    to: FundRef;
    toAccountId: number;
    amount: number;
    outDate: string;
    inDate: string;
    memo: string;
    createdBy: number | null;
  }): void {
    this.entry(t.from.unitId, t.outDate, 'transfer_out', t.memo, t.createdBy, [
      { accountId: t.from.balanceAccountId, debit: t.amount, credit: 0 },
      { accountId: t.fromAccountId, debit: 0, credit: t.amount },
    ]);
    this.entry(t.to.unitId, t.inDate, 'transfer_in', t.memo, t.createdBy, [
      { accountId: t.toAccountId, debit: t.amount, credit: 0 },
      { accountId: t.to.balanceAccountId, debit: 0, credit: t.amount },
    ]);
  }

  private signed(accountId: number, l: Line): number {
    return CREDIT_NORMAL.has(this.kinds.get(accountId)!) ? l.credit - l.debit : l.debit - l.credit;
  }

  /** Balance of an account after everything planned up to and including `date`. */
  balanceAt(accountId: number, date: string): number {
    let b = this.starting.get(accountId) ?? 0;
    for (const e of this.entries) {
      if (e.date > date) continue;
      for (const l of e.lines) if (l.accountId === accountId) b += this.signed(accountId, l);
    }
    return b;
  }

  /** Replays the plan in date order (same day: in planned order); throws at the first negative balance. */
  private check(): void {
    const bal = new Map<number, number>(this.starting);
    const sorted = [...this.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
    for (const e of sorted) {
      const deb = e.lines.reduce((s, l) => s + l.debit, 0);
      if (deb !== e.lines.reduce((s, l) => s + l.credit, 0)) throw new Error(`demo fund entry unbalanced: ${e.memo}`);
      const delta = new Map<number, number>();
      for (const l of e.lines) {
        if (!this.kinds.has(l.accountId)) throw new Error(`demo fund: unregistered account ${l.accountId}`);
        delta.set(l.accountId, (delta.get(l.accountId) ?? 0) + this.signed(l.accountId, l));
      }
      for (const [id, d] of delta) {
        const b = (bal.get(id) ?? 0) + d;
        if (b < 0) throw new Error(`demo fund: account ${id} (${this.kinds.get(id)}) below zero on ${e.date}: ${e.memo}`);
        bal.set(id, b);
      }
    }
  }

  async write(tx: Db): Promise<void> {
    this.check();
    if (!this.entries.length) return;
    const ids = await reserveIds(tx, 'fund_entries', this.entries.length);
    await bulkInsert(
      tx,
      'fund_entries',
      ['id', 'unit_id', 'entry_date', 'kind', 'memo', 'created_by'],
      this.entries.map((e, i) => [ids[i], e.unitId, e.date, e.kind, e.memo, e.createdBy]),
      true,
    );
    // One statement for all lines: the trigger checks each entry's balance once they are all in.
    const lines = this.entries.flatMap((e, i) => e.lines.map((l) => [ids[i], l.accountId, l.debit, l.credit] as const));
    await tx.query(
      `insert into fund_entry_lines (entry_id, account_id, debit, credit)
       select * from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[])`,
      [lines.map((l) => l[0]), lines.map((l) => l[1]), lines.map((l) => l[2]), lines.map((l) => l[3])],
    );
    await bulkInsert(
      tx,
      'fund_donations',
      [
        'unit_id',
        'fund_id',
        'campaign_id',
        'account_id',
        'received_on',
        'amount',
        'kind',
        'goods_description',
        'goods_quantity',
        'goods_unit',
        'donor_kind',
        'donor_name',
        'publish_name',
        'memo',
        'source',
        'search_text',
        'receipt_year',
        'receipt_no',
        'entry_id',
        'created_by',
      ],
      this.donations.map((d) => [
        d.to.unitId,
        d.to.fundId,
        d.to.campaignId,
        d.accountId,
        d.date,
        d.amount,
        d.goods ? 'goods' : 'money',
        d.goods?.description ?? null,
        d.goods?.quantity ?? null,
        d.goods?.unit ?? null,
        d.donorKind,
        d.donorKind === 'anonymous' ? null : d.donorName,
        d.donorKind !== 'anonymous' && (d.publishName ?? true),
        d.memo ?? null,
        'manual',
        normalizeVn(`${d.donorName ?? ''} ${d.memo ?? ''}`).trim(),
        Number(d.date.slice(0, 4)),
        d.receiptNo,
        ids[d.entry],
        d.createdBy,
      ]),
    );
    await bulkInsert(
      tx,
      'fund_disbursements',
      [
        'unit_id',
        'fund_id',
        'campaign_id',
        'pay_account_id',
        'kind',
        'purpose',
        'amount',
        'paid_on',
        'beneficiary_name',
        'beneficiary_village',
        'project_name',
        'target_unit_id',
        'packages',
        'note',
        'status',
        'proposed_by',
        'proposed_at',
        'decided_by',
        'decided_at',
        'entry_id',
      ],
      this.payments.map((p) => [
        p.from.unitId,
        p.from.fundId,
        p.from.campaignId,
        p.payAccountId,
        p.kind,
        p.purpose,
        p.amount,
        p.date,
        p.beneficiaryName ?? null,
        p.beneficiaryVillage ?? null,
        p.projectName ?? null,
        p.targetUnitId ?? null,
        p.packages ?? null,
        p.note ?? null,
        p.status,
        p.proposedBy,
        `${p.date} 08:00:00+07`,
        p.status === 'proposed' ? null : p.decidedBy,
        p.status === 'proposed' ? null : `${p.date} 15:00:00+07`,
        p.entry === null ? null : ids[p.entry],
      ]),
    );
    const counters = [...this.receipts].map(([k, n]) => [...k.split(':').map(Number), n]);
    if (counters.length) {
      await tx.query(
        `insert into fund_receipt_counters (unit_id, year, last_no) select * from unnest($1::bigint[], $2::int[], $3::int[])
         on conflict (unit_id, year) do update set last_no = fund_receipt_counters.last_no + excluded.last_no`,
        [counters.map((c) => c[0]), counters.map((c) => c[1]), counters.map((c) => c[2])],
      );
    }
  }
}

/** Splits `total` into n positive multiples of `step` with random weights; exact sum. */
export function split(r: Rng, total: number, n: number, step = 1000, spread = 1): number[] {
  if (n <= 0) return [];
  const w = Array.from({ length: n }, () => 1 + spread * r.next());
  const sw = w.reduce((s, x) => s + x, 0);
  const out = w.map((x) => Math.max(step, Math.floor((total * x) / sw / step) * step));
  out[n - 1] = total - out.slice(0, n - 1).reduce((s, x) => s + x, 0);
  if (out[n - 1] <= 0) throw new Error(`demo fund: cannot split ${total} into ${n}`);
  return out;
}

/** Splits an integer count by weights (largest remainder); exact sum. */
export function apportion(total: number, weights: number[]): number[] {
  const sw = weights.reduce((s, x) => s + x, 0);
  const raw = weights.map((x) => (total * x) / sw);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}
