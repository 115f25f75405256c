import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBankStatements, type InputFile } from './banks';
import { CsvReader, parseCsv } from './csv';
import { base36 } from './common';

const STATEMENTS_DIR = path.resolve(import.meta.dirname, '../../../../../../assets/statements');

function realFiles(prefix: 'Vietinbank' | 'Agribank'): InputFile[] {
  return fs
    .readdirSync(STATEMENTS_DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.csv'))
    .map((name) => ({ name, text: fs.readFileSync(path.join(STATEMENTS_DIR, name), 'utf8') }));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('RFC 4180 reader', () => {
  it('reads quotes, escaped quotes, line breaks inside quotes, CRLF and an unterminated last line', () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""","two\nlines"\r\n,,\n1,2,3';
    expect(parseCsv(text)).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['x, y', 'he said "hi"', 'two\nlines'], line: 2 },
      { fields: ['', '', ''], line: 4 },
      { fields: ['1', '2', '3'], line: 5 },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'p,"q ""r""\r\ns",t\r\n"u",,"v"\r\n';
    const whole = parseCsv(text);
    for (let size = 1; size <= 5; size++) {
      const out: unknown[] = [];
      const r = new CsvReader((rec) => out.push(rec));
      for (let i = 0; i < text.length; i += size) r.push(text.slice(i, i + size));
      r.end();
      expect(out).toEqual(whole);
    }
  });

  it('refuses an unterminated quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,1\n2')).toThrow(/line 2/);
    expect(() => parseCsv('a,b\n1,"x"y')).toThrow(/line 2/);
  });
});

describe('real statements', () => {
  it('VietinBank: 56,474 rows, credits 33,229,937,407 VND, every row kept, keys unique', () => {
    const r = parseBankStatements(realFiles('Vietinbank'));
    expect(r.problems).toEqual([]);
    expect(r.lines).toHaveLength(56474);
    expect(sum(r.lines.map((l) => l.credit))).toBe(33_229_937_407);
    expect(new Set(r.lines.map((l) => l.key)).size).toBe(56474);
    expect(r.files).toHaveLength(6);
    const first = r.lines[0];
    expect(first).toMatchObject({ bank: 'vietinbank', account: '111602391111', date: '2024-09-10', time: '12:01:29', credit: 300000, donorName: 'TRAN TIEN ANH' });
    expect(first.memo).toBe('CT nhanh 247 den: TRAN TIEN ANH chuyen tien ung ho nguoi dan vung bao lu');
    // Keys are stored: a statement imported by an earlier version must find its lines again (re-import adds nothing).
    expect(first.key).toBe('vietinbank:111602391111:2024-09-10:w77yrs0am7.2g65e8ghws');
  });

  it('Agribank: 42,493 rows whose balance chain proves 43,553,107,197 VND; five lost amounts recovered and reported', () => {
    const r = parseBankStatements(realFiles('Agribank'));
    expect(r.problems).toEqual([]);
    expect(r.lines).toHaveLength(42493);
    expect(sum(r.lines.map((l) => l.credit))).toBe(43_553_107_197);
    expect(r.recovered.map((x) => [x.file.slice(-7), x.row, x.amount])).toEqual([
      ['002.csv', 693, 100000],
      ['003.csv', 1429, 100000],
      ['003.csv', 6775, 200000],
      ['004.csv', 2979, 1000000],
      ['004.csv', 5411, 300000],
    ]);
    expect(r.recovered.every((x) => x.memoShowsAmount)).toBe(true);
    expect(r.lines.filter((l) => l.recovered)).toHaveLength(5);
    expect(r.lines.every((l) => l.time === null)).toBe(true);
    expect(r.lines[0]).toMatchObject({ date: '2024-09-09', donorName: 'NGUYEN THI ANH', credit: 500000, balance: 524700 });
  });

  it('keys do not depend on how the files were split or ordered', () => {
    const files = realFiles('Vietinbank');
    const all = parseBankStatements(files);
    const one = parseBankStatements([files[2]]);
    const keys = new Set(all.lines.map((l) => l.key));
    expect(one.lines.every((l) => keys.has(l.key))).toBe(true);
    expect(parseBankStatements([...files].reverse()).lines.map((l) => l.key)).toEqual(all.lines.map((l) => l.key));
  });
});

describe('line keys', () => {
  it('base36 gives the digits of toString(36) for every integer up to 2^53', () => {
    const xs = [0, 1, 35, 36, 36 ** 4 - 1, 36 ** 4, 36 ** 8 - 1, 36 ** 8, 2 ** 31, 2 ** 32 + 5, 2 ** 53 - 1];
    for (let i = 1; i < 20_000; i++) xs.push(4294967296 * (2097151 & Math.imul(i, 2654435761)) + (Math.imul(i, 1597334677) >>> 0));
    for (const x of xs) expect(base36(x), String(x)).toBe(x.toString(36));
  });
});

describe('unreadable rows', () => {
  const header = 'PageId,Date,Time,DocumentNumber,ReferenceNumber,TransactionDetails,DebitAmount,CreditAmount,Balance,OffsetAccount\n';

  it('names the file, row and line of every row it cannot read', () => {
    const text =
      header +
      '1,10/09/2024,12:01:29,,,"memo on\ntwo lines",,"300,000",,A – A/C\n' +
      '1,31/09/2024,12:01:30,,,x,,"100,000",,\n' +
      '1,10/09/2024,12:01:31,,,y,,"1O0,000",,\n' +
      '1,10/09/2024,12:01:32,,,z,,,,\n';
    const r = parseBankStatements([{ name: 'Vietinbank-111602391111-x_001.csv', text }]);
    expect(r.problems.map((p) => [p.file, p.row, p.line])).toEqual([
      ['Vietinbank-111602391111-x_001.csv', 2, 4],
      ['Vietinbank-111602391111-x_001.csv', 3, 5],
      ['Vietinbank-111602391111-x_001.csv', 4, 6],
    ]);
    expect(r.problems[0].reason).toMatch(/ngày không hợp lệ/);
    expect(r.problems[1].reason).toMatch(/không đọc được/);
    expect(r.problems[2].reason).toMatch(/không có số tiền/);
  });

  it('Agribank: a lost amount with no balance before it, or a broken chain, cannot be recovered', () => {
    const text =
      header + '1,10/09/2024,,,1,"NGUYEN VAN A ung ho 100,000",,,"100,000",\n' + '1,10/09/2024,,,2,b,,"50,000","150,000",\n' + '1,10/09/2024,,,3,c,,"50,000","999,000",\n';
    const r = parseBankStatements([{ name: 'Agribank-1500201113838-x_001.csv', text }]);
    expect(r.problems.map((p) => p.row)).toEqual([1, 3]);
    expect(r.problems[0].reason).toMatch(/không thể khôi phục/);
    expect(r.problems[1].reason).toMatch(/không khớp/);
  });

  it('a wrong header is reported on line 1', () => {
    const r = parseBankStatements([{ name: 'Agribank-1-x.csv', text: 'a,b\n1,2\n' }]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 0, line: 1 })]);
  });
});
