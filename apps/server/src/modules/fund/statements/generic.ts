// Any other bank's export (CSV or XLSX) with the columns chosen by the user: date, one signed amount or
// separate credit and debit columns, memo, name, reference, balance. Credits become donations; debits
// (fees, transfers out) are listed for the accountant, never a reason to refuse the file.
import ExcelJS from 'exceljs';
import { CsvError, CsvReader } from './csv';
import { assignKeys, flattenMemo, isoDate, parseDmy, parseTime } from './common';
import { donorFromMemo, unwrapMemo } from './donor-names';
import type { ParsedStatement, RowProblem, StatementLine } from './types';

export type TableRow = { cells: string[]; line: number };

/** Column numbers (0-based) chosen by the user; the first row is a header unless told otherwise. */
export type ColumnMapping = {
  date: number;
  /** One signed column (credits positive, debits negative)… */
  amount?: number | null;
  /** …or the bank's separate credit ("ghi có") and debit ("ghi nợ") columns. */
  credit?: number | null;
  debit?: number | null;
  balance?: number | null;
  memo?: number | null;
  name?: number | null;
  reference?: number | null;
  headerRow?: boolean;
  /** Rows above the header (bank name, account, period…). */
  skipRows?: number;
};

export type UploadedFile = { name: string; data: Buffer };

export const isXlsx = (f: UploadedFile) => /\.xlsx$/i.test(f.name) || (f.data[0] === 0x50 && f.data[1] === 0x4b); // a zip: Office Open XML

/** The rows of a CSV or the first sheet of an XLSX file, cells as text (dates as YYYY-MM-DD). */
export async function readTable(file: UploadedFile): Promise<{ rows: TableRow[]; problem: RowProblem | null }> {
  if (isXlsx(file)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    } catch {
      return { rows: [], problem: { file: file.name, row: 0, line: 0, reason: 'không đọc được tệp Excel / unreadable XLSX file' } };
    }
    const sheet = wb.worksheets[0];
    const rows: TableRow[] = [];
    sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push({ cells, line: rowNumber });
    });
    return { rows, problem: null };
  }
  const rows: TableRow[] = [];
  const reader = new CsvReader((r) => rows.push({ cells: r.fields, line: r.line }));
  let text = file.data.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    reader.push(text);
    reader.end();
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return { rows, problem: { file: file.name, row: rows.length, line: e.line, reason: e.reason } };
  }
  return { rows, problem: null };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // exceljs gives dates as UTC midnight of the day shown (plus the time of day, if any).
    const d = v.toISOString();
    return d.slice(11, 19) === '00:00:00' ? d.slice(0, 10) : `${d.slice(0, 10)} ${d.slice(11, 19)}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** "1.000.000", "1,000,000", "1000000 đ", "-50,000", "(50,000)", "1000000.00" → integer VND; undefined if unreadable. */
export function parseLooseAmount(s: string): number | null | undefined {
  let t = s.replace(/\s|đ|₫|VND|VNĐ/gi, '');
  if (t === '') return null;
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    sign = -sign;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  t = t.replace(/[.,]00?$/, ''); // whole đồng written with decimals; "1.000" (a thousand) has three digits
  if (/^\d{1,15}$/.test(t)) return sign * Number(t);
  if (/^\d{1,3}(\.\d{3})+$/.test(t) || /^\d{1,3}(,\d{3})+$/.test(t)) return sign * Number(t.replace(/[.,]/g, ''));
  return undefined;
}

/** A date (and maybe a time) as banks write it, or an Excel serial day number. */
export function parseLooseDate(s: string): { date: string; time: string | null } | null {
  const t = s.trim();
  let m = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?/);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, time: m[4] ? (parseTime(m[4]) ?? null) : null } : null;
  }
  m = t.match(/^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?$/);
  if (m) {
    const date = parseDmy(m[1]);
    return date ? { date, time: m[2] ? (parseTime(m[2]) ?? null) : null } : null;
  }
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const ms = Math.round((Number(t) - 25569) * 86400000); // Excel day 25569 = 1970-01-01
    const d = new Date(ms).toISOString();
    return { date: d.slice(0, 10), time: null };
  }
  return null;
}

/** Turns a mapped table into statement lines; every unreadable row is reported with its line. */
export function parseGeneric(fileName: string, rows: TableRow[], map: ColumnMapping, account: string | null): ParsedStatement {
  const problems: RowProblem[] = [];
  const drafts: Omit<StatementLine, 'key'>[] = [];
  const body = rows.slice((map.skipRows ?? 0) + (map.headerRow === false ? 0 : 1));
  const split = map.credit !== null && map.credit !== undefined;
  let credit = 0;
  let debit = 0;
  body.forEach((r, i) => {
    const row = i + 1;
    const bad = (reason: string) => problems.push({ file: fileName, row, line: r.line, reason });
    const cell = (c: number | null | undefined) => (c === null || c === undefined ? '' : (r.cells[c] ?? '').trim());
    if (r.cells.every((c) => c.trim() === '')) return;
    const when = parseLooseDate(cell(map.date));
    if (!when) {
      // Totals and closing-balance rows under the table carry no date and no transaction.
      if (cell(map.date) === '' && split) return;
      return bad(`ngày không hợp lệ "${cell(map.date)}" / invalid date`);
    }
    let c = 0;
    let d = 0;
    if (split) {
      const cr = parseLooseAmount(cell(map.credit));
      const dr = parseLooseAmount(cell(map.debit));
      if (cr === undefined) return bad(`số tiền ghi có không đọc được "${cell(map.credit)}" / unreadable credit amount`);
      if (dr === undefined) return bad(`số tiền ghi nợ không đọc được "${cell(map.debit)}" / unreadable debit amount`);
      c = Math.abs(cr ?? 0);
      d = Math.abs(dr ?? 0);
      if (!c && !d) return bad('dòng không có số tiền / no amount on the row');
    } else {
      const amount = parseLooseAmount(cell(map.amount));
      if (amount === undefined) return bad(`số tiền không đọc được "${cell(map.amount)}" / unreadable amount`);
      if (!amount) return bad('dòng không có số tiền / no amount on the row');
      if (amount > 0) c = amount;
      else d = -amount;
    }
    const bal = parseLooseAmount(cell(map.balance));
    if (bal === undefined) return bad(`số dư không đọc được "${cell(map.balance)}" / unreadable balance`);
    const memo = flattenMemo(cell(map.memo));
    const name = flattenMemo(cell(map.name));
    const plainMemo = unwrapMemo(memo);
    credit += c;
    debit += d;
    drafts.push({
      file: fileName,
      row,
      line: r.line,
      bank: 'generic',
      account,
      date: when.date,
      time: when.time,
      reference: cell(map.reference) || null,
      memo,
      plainMemo,
      counterparty: name || null,
      donorName: name || donorFromMemo(memo, plainMemo),
      debit: d,
      credit: c,
      balance: bal,
      recovered: false,
    });
  });
  return {
    lines: assignKeys(drafts),
    problems,
    recovered: [],
    files: [{ file: fileName, bank: 'generic', account, rows: body.length, credit, debit }],
  };
}
