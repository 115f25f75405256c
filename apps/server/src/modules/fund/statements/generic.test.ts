import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseGeneric, parseLooseAmount, parseLooseDate, readTable } from './generic';

describe('generic statement import with column mapping', () => {
  it('reads amounts and dates the way banks write them', () => {
    expect(parseLooseAmount('1.000.000')).toBe(1_000_000);
    expect(parseLooseAmount('1,000,000')).toBe(1_000_000);
    expect(parseLooseAmount('250000 đ')).toBe(250_000);
    expect(parseLooseAmount('1,000.00')).toBe(1000);
    expect(parseLooseAmount('(50,000)')).toBe(-50_000);
    expect(parseLooseAmount('-50000')).toBe(-50_000);
    expect(parseLooseAmount('1.5')).toBeUndefined();
    expect(parseLooseAmount('abc')).toBeUndefined();
    expect(parseLooseAmount('')).toBeNull();
    expect(parseLooseDate('12/09/2024 08:05')).toEqual({ date: '2024-09-12', time: '08:05:00' });
    expect(parseLooseDate('2024-09-12')).toEqual({ date: '2024-09-12', time: null });
    expect(parseLooseDate('45547')).toEqual({ date: '2024-09-12', time: null });
    expect(parseLooseDate('30/02/2024')).toBeNull();
  });

  it('CSV: chosen columns become lines; debits are not donations; bad rows are named', async () => {
    const csv =
      'Ngày,Diễn giải,Số tiền,Người chuyển,Mã GD\n' +
      '12/09/2024,"Ủng hộ\nbão lũ DK7X4",500.000,Nguyễn Thị Ánh,FT1\n' +
      '12/09/2024,Phí,-11.000,,FT2\n' +
      '13/09/2024,ung ho,năm trăm,,FT3\n';
    const { rows, problem } = await readTable({ name: 'sao-ke.csv', data: Buffer.from(csv) });
    expect(problem).toBeNull();
    const r = parseGeneric('sao-ke.csv', rows, { date: 0, memo: 1, amount: 2, name: 3, reference: 4 }, '0011001234567');
    expect(r.lines.map((l) => [l.date, l.credit, l.debit, l.memo, l.donorName, l.reference])).toEqual([
      ['2024-09-12', 500000, 0, 'Ủng hộ bão lũ DK7X4', 'Nguyễn Thị Ánh', 'FT1'],
      ['2024-09-12', 0, 11000, 'Phí', null, 'FT2'],
    ]);
    expect(r.problems).toEqual([{ file: 'sao-ke.csv', row: 3, line: 5, reason: expect.stringContaining('số tiền không đọc được') }]);
  });

  it('XLSX: dates, numbers and text cells from the first sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sao kê');
    ws.addRow(['Ngày giao dịch', 'Số tiền', 'Nội dung']);
    ws.addRow([new Date(Date.UTC(2024, 8, 11)), 200000, 'TRAN VAN BINH ung ho']);
    ws.addRow([new Date(Date.UTC(2024, 8, 12)), 1500000, 'Cong ty ABC ung ho']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const { rows } = await readTable({ name: 'sao-ke.xlsx', data });
    const r = parseGeneric('sao-ke.xlsx', rows, { date: 0, amount: 1, memo: 2 }, null);
    expect(r.problems).toEqual([]);
    expect(r.lines.map((l) => [l.date, l.credit, l.donorName, l.line])).toEqual([
      ['2024-09-11', 200000, 'TRAN VAN BINH', 2],
      ['2024-09-12', 1500000, 'Cong ty ABC', 3],
    ]);
    expect(r.files[0].credit).toBe(1_700_000);
  });
});
