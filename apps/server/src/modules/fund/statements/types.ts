// What a statement parser produces: lines ready to become donations, and every problem found.

export type Bank = 'vietinbank' | 'agribank' | 'generic';

export type StatementLine = {
  file: string;
  /** Data row number in its file (1 = first row after the header). */
  row: number;
  /** Physical line the row starts on (memos span lines). */
  line: number;
  bank: Bank;
  account: string | null;
  date: string; // YYYY-MM-DD
  time: string | null; // HH:MM:SS
  reference: string | null;
  memo: string;
  /** The memo without the bank's wrapper (what the payer typed): the words search indexes. */
  plainMemo?: string;
  /** The other side as the bank printed it (name, masked account). */
  counterparty: string | null;
  /** Best reading of the payer's name, from the counterparty or the memo. */
  donorName: string | null;
  debit: number;
  credit: number;
  balance: number | null;
  /** The amount was lost when the PDF was parsed and was taken from the balance chain. */
  recovered: boolean;
  /** Stable identity of the line across imports: re-importing adds nothing. */
  key: string;
};

export type RowProblem = { file: string; row: number; line: number; reason: string };

export type RecoveredRow = { file: string; row: number; line: number; amount: number; memoShowsAmount: boolean };

export type ParsedStatement = {
  lines: StatementLine[];
  problems: RowProblem[];
  recovered: RecoveredRow[];
  files: Array<{ file: string; bank: Bank; account: string | null; rows: number; credit: number; debit: number }>;
};
