// The two real statement formats (VietinBank, Agribank) as published for Typhoon Yagi and parsed from
// PDF by volunteers: same ten columns; VietinBank has times and no balance, Agribank a running balance
// and no times. Agribank's balance chain lets a lost amount be recovered exactly.
import { CsvReader, CsvError, type CsvRecord } from './csv';
import { assignKeys, flattenMemo, parseDmy, parseGroupedAmount, parseTime } from './common';
import { donorFromMemo, nameFromCounterparty, unwrapMemo } from './donor-names';
import type { Bank, ParsedStatement, RowProblem, StatementLine } from './types';

export const BANK_HEADER = ['PageId', 'Date', 'Time', 'DocumentNumber', 'ReferenceNumber', 'TransactionDetails', 'DebitAmount', 'CreditAmount', 'Balance', 'OffsetAccount'];

export type InputFile = { name: string; text: string };

/** Which bank a file comes from: by its name, else by whether rows carry a running balance. */
export function detectBank(name: string, records: CsvRecord[]): Bank | null {
  if (/^vietinbank/i.test(name)) return 'vietinbank';
  if (/^agribank/i.test(name)) return 'agribank';
  const sample = records.slice(1, 50);
  if (sample.length === 0) return null;
  return sample.every((r) => r.fields[8]?.trim()) ? 'agribank' : 'vietinbank';
}

export const accountFromName = (name: string) => name.match(/-(\d{6,20})-/)?.[1] ?? null;

/** Reads a whole file chunk by chunk; an unreadable CSV structure becomes a problem on its line. */
export function readRecords(file: InputFile, problems: RowProblem[]): CsvRecord[] | null {
  const steps = readRecordsInSteps(file, problems);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The same, pausing (an empty slice) after each 64 KB, so a streamed import yields while it reads. */
function* readRecordsInSteps(file: InputFile, problems: RowProblem[]): Generator<never[], CsvRecord[] | null> {
  const out: CsvRecord[] = [];
  const reader = new CsvReader((r) => out.push(r));
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  try {
    for (let i = 0; i < text.length; i += 1 << 16) {
      reader.push(text.slice(i, i + (1 << 16)));
      yield [];
    }
    reader.end();
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    problems.push({ file: file.name, row: out.length, line: e.line, reason: e.reason });
    return null;
  }
  return out;
}

type Draft = Omit<StatementLine, 'key'> & { missingAmount: boolean };

/**
 * Parses bank statement files. Agribank files of one account are chained in name order (_001, _002…),
 * so a lost amount in the first row of a later file is still recovered from the previous file.
 */
export function parseBankStatements(files: InputFile[]): ParsedStatement {
  const parsed: ParsedStatement = { lines: [], problems: [], recovered: [], files: [] };
  for (const slice of bankStatementSlices(files, parsed)) for (const l of slice) parsed.lines.push(l);
  return parsed;
}

/**
 * The same parse, a slice of lines at a time (in file and row order, keys as parseBankStatements gives
 * them), so that an import can write one slice while the next is read (100 lines: a few ms, so requests to the same process wait little). Problems, recovered amounts and
 * file summaries are added to `out` as they are found; the caller must check `out.problems` at the end
 * (a line already yielded may belong to an upload that is then refused as a whole).
 */
export function* bankStatementSlices(files: InputFile[], out: Omit<ParsedStatement, 'lines'>, sliceSize = 100): Generator<StatementLine[]> {
  const { problems, recovered } = out;
  const summary = out.files;
  let drafts: Draft[] = [];
  const keys = new Map<string, number>();
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  const chains = new Map<string, number>(); // Agribank account → last balance
  const take = () => {
    const slice = assignKeys(
      drafts.map(({ missingAmount: _m, ...l }) => l),
      keys,
    );
    drafts = [];
    return slice;
  };

  for (const file of sorted) {
    const records = yield* readRecordsInSteps(file, problems);
    if (!records) continue;
    const header = records[0]?.fields.map((h) => h.trim());
    if (!header || header.join(',') !== BANK_HEADER.join(',')) {
      problems.push({ file: file.name, row: 0, line: 1, reason: `tiêu đề cột không đúng mẫu sao kê ngân hàng / unexpected header (expected ${BANK_HEADER.join(',')})` });
      continue;
    }
    const bank = detectBank(file.name, records);
    if (!bank) {
      problems.push({ file: file.name, row: 0, line: 1, reason: 'tệp không có dòng giao dịch / no transaction rows' });
      continue;
    }
    const account = accountFromName(file.name);
    const chainKey = `${bank}:${account}`;
    let credit = 0;
    let debit = 0;
    for (let i = 1; i < records.length; i++) {
      const rec = records[i];
      const row = i;
      const bad = (reason: string) => problems.push({ file: file.name, row, line: rec.line, reason });
      const f = rec.fields;
      if (f.length !== 10) {
        bad(`có ${f.length} cột thay vì 10 / ${f.length} columns instead of 10`);
        continue;
      }
      const date = parseDmy(f[1]);
      if (!date) {
        bad(`ngày không hợp lệ "${f[1]}" / invalid date`);
        continue;
      }
      const time = parseTime(f[2]);
      const d = parseGroupedAmount(f[6]);
      const c = parseGroupedAmount(f[7]);
      const bal = parseGroupedAmount(f[8]);
      if (time === undefined) {
        bad(`giờ không hợp lệ "${f[2]}" / invalid time`);
        continue;
      }
      if (d === undefined) {
        bad(`số tiền ghi nợ không đọc được "${f[6]}" / unreadable debit amount`);
        continue;
      }
      if (c === undefined) {
        bad(`số tiền ghi có không đọc được "${f[7]}" / unreadable credit amount`);
        continue;
      }
      if (bal === undefined) {
        bad(`số dư không đọc được "${f[8]}" / unreadable balance`);
        continue;
      }
      const memo = flattenMemo(f[5]);
      const counterparty = f[9].trim() ? flattenMemo(f[9]) : null;
      const plainMemo = unwrapMemo(memo);
      const draft: Draft = {
        file: file.name,
        row,
        line: rec.line,
        bank,
        account,
        date,
        time: time ?? null,
        reference: f[4].trim() || f[3].trim() || null,
        memo,
        plainMemo,
        counterparty,
        donorName: nameFromCounterparty(counterparty) ?? donorFromMemo(memo, plainMemo),
        debit: d ?? 0,
        credit: c ?? 0,
        balance: bal,
        recovered: false,
        missingAmount: d === null && c === null,
      };
      if (bank === 'agribank') {
        const prev = chains.get(chainKey);
        if (bal === null) {
          if (draft.missingAmount) {
            bad('thiếu cả số tiền và số dư, không thể khôi phục / neither amount nor balance: cannot recover');
            continue;
          }
          if (prev !== undefined) chains.set(chainKey, prev + draft.credit - draft.debit);
        } else if (draft.missingAmount) {
          if (prev === undefined) {
            bad('thiếu số tiền ở dòng đầu chuỗi số dư, không thể khôi phục / amount missing on the first row of the balance chain: cannot recover');
            continue;
          }
          const delta = bal - prev;
          if (delta === 0) {
            bad('thiếu số tiền và số dư không đổi / amount missing and the balance did not change');
            continue;
          }
          if (delta > 0) draft.credit = delta;
          else draft.debit = -delta;
          draft.recovered = true;
          recovered.push({ file: file.name, row, line: rec.line, amount: delta, memoShowsAmount: memoShowsAmount(f[5], Math.abs(delta)) });
          chains.set(chainKey, bal);
        } else {
          if (prev !== undefined && prev + draft.credit - draft.debit !== bal) {
            bad(`số dư ${bal} không khớp số dư trước ${prev} cộng phát sinh / balance does not follow from the previous balance`);
            chains.set(chainKey, bal); // one break is reported once, not on every later row
            continue;
          }
          chains.set(chainKey, bal);
        }
      } else if (draft.missingAmount) {
        bad('dòng không có số tiền / no amount on the row');
        continue;
      }
      credit += draft.credit;
      debit += draft.debit;
      drafts.push(draft);
      if (drafts.length >= sliceSize) yield take();
    }
    summary.push({ file: file.name, bank, account, rows: records.length - 1, credit, debit });
  }
  if (drafts.length) yield take();
}

/** The PDF parse glued the amount into the memo: its digits still appear there in order ("C1T00,000" holds 100,000). */
function memoShowsAmount(rawMemo: string, amount: number): boolean {
  const want = amount.toLocaleString('en-US');
  let k = 0;
  for (const ch of rawMemo) if (ch === want[k] && ++k === want.length) return true;
  return false;
}
