// Generic statement lines (any CSV/XLSX) carry no bank key: importing one again is recognised by what is
// already recorded on the account — the same day and amount, with the same reference, running balance or memo.
import type { Db } from '../../../db/db';
import { recordedStatementRows } from './queries';
import type { StatementLine } from './types';

export type Known = Map<string, Array<{ reference: string | null; balance: number | null; memo: string | null; used: boolean }>>;

/** Statement lines already recorded on an account over the dates of these lines, by day and amount. */
export async function recordedLines(tx: Db, fundId: number, accountId: number, lines: StatementLine[]): Promise<Known> {
  const known: Known = new Map();
  if (!lines.length || lines[0].bank !== 'generic') return known; // bank formats: the line key decides
  let from = lines[0].date;
  let to = from;
  for (const l of lines) {
    if (l.date < from) from = l.date;
    if (l.date > to) to = l.date;
  }
  const rows = await recordedStatementRows(tx, accountId, from, to, fundId);
  for (const r of rows) {
    const k = `${r.d}:${r.amount}`;
    (known.get(k) ?? known.set(k, []).get(k)!).push({ reference: r.reference, balance: r.statement_balance, memo: r.memo, used: false });
  }
  return known;
}

/** Finds (and uses up) a recorded line of the same day and amount with the same reference, balance or memo. */
export function takeMatch(known: Known, l: StatementLine): boolean {
  const same = known.get(`${l.date}:${l.credit}`);
  if (!same) return false;
  const m = same.find(
    (k) => !k.used && ((l.reference !== null && k.reference === l.reference) || (l.balance !== null && k.balance === l.balance) || (!!l.memo && k.memo === l.memo)),
  );
  if (m) m.used = true;
  return !!m;
}
