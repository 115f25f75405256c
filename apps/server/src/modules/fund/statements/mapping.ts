// Suggesting the column mapping of a bank's export from its header names ("Ngày giao dịch", "Số tiền ghi
// có", "Debit", "Diễn giải", …), and remembering the mapping an accountant used for a bank account.
import type { Db } from '../../../db/db';
import { normalizeVn } from '../../../platform/vn-text';
import type { ColumnMapping, TableRow } from './generic';
import { statementMappingsOf, upsertStatementMapping } from './queries';

type Field = 'date' | 'credit' | 'debit' | 'amount' | 'balance' | 'memo' | 'name' | 'reference';

// Tried in this order on the normalised header; the first field a column matches wins, and a field takes
// its first matching column. Credit/debit come before the plain "amount" (their headers say "so tien" too).
const PATTERNS: Array<[Field, RegExp]> = [
  ['balance', /\b(so du|balance|du cuoi)\b/],
  // Before debit: an English "Transaction No" would otherwise read as "nợ" (debit).
  ['reference', /\b(so tham chieu|tham chieu|ref|reference|so but toan|ma giao dich|ma gd|so ct|so chung tu|transaction no|document|trace)\b/],
  ['credit', /\b(ghi co|co|credit|cr|tien vao|phat sinh co|so tien co|credit amount|deposit)\b/],
  ['debit', /\b(ghi no|no|debit|dr|tien ra|phat sinh no|so tien no|debit amount|withdrawal)\b/],
  ['date', /\b(ngay|date|ngay giao dich|ngay hach toan|ngay hieu luc|transaction date|value date|posting date|thoi gian)\b/],
  ['name', /\b(ten|nguoi chuyen|nguoi gui|ten nguoi|doi ung|ten doi ung|remitter|payer|counterparty|sender|ho ten|ten tai khoan doi ung)\b/],
  ['memo', /\b(noi dung|dien giai|mo ta|chi tiet|description|details|transaction details|memo|remark|narrative|content)\b/],
  ['amount', /\b(so tien|amount|tien)\b/],
];

/** The header's row (within the first rows) and the mapping its names suggest; null when no date or amount column is found. */
export function suggestMapping(rows: TableRow[]): ColumnMapping | null {
  for (let h = 0; h < Math.min(rows.length, 30); h++) {
    const names = rows[h].cells.map((c) => normalizeVn(c));
    const found: Partial<Record<Field, number>> = {};
    names.forEach((n, i) => {
      if (!n) return;
      const hit = PATTERNS.find(([f, re]) => found[f] === undefined && re.test(n));
      if (hit) found[hit[0]] = i;
    });
    const hasAmount = found.credit !== undefined || found.amount !== undefined;
    if (found.date === undefined || !hasAmount) continue;
    const split = found.credit !== undefined;
    return {
      date: found.date,
      ...(split ? { credit: found.credit, debit: found.debit ?? null } : { amount: found.amount }),
      balance: found.balance ?? null,
      memo: found.memo ?? null,
      name: found.name ?? null,
      reference: found.reference ?? null,
      headerRow: true,
      skipRows: h,
    };
  }
  return null;
}

/** The header's names, to recognise the same export layout next time. */
export const headerSignature = (rows: TableRow[], m: ColumnMapping) => (m.headerRow === false ? '' : (rows[m.skipRows ?? 0]?.cells ?? []).map((c) => normalizeVn(c)).join('|'));

/** Keeps the mapping that imported a file into this account, for its next statement of the same layout. */
export async function rememberMapping(db: Db, accountId: number, signature: string, mapping: ColumnMapping, userId: number | null): Promise<void> {
  await upsertStatementMapping(db, accountId, signature, mapping, userId);
}

/** The mapping remembered for this account and this file's header layout (tried at each candidate header row). */
export async function rememberedFor(db: Db, accountId: number, rows: TableRow[]): Promise<ColumnMapping | null> {
  const saved = await statementMappingsOf(db, accountId);
  for (const s of saved) if (headerSignature(rows, s.mapping) === s.header) return s.mapping;
  return null;
}
