// Import of a commune's household list: whole or nothing, with a row-by-row error report.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Household } from '@contract/households';
import { useWorldApp } from '../../test/app';
import { sessionAs } from '../../test/factories';
import { householdFootprint } from './testing';

const t = useWorldApp();

const post = async (payload: object) => {
  const s = await sessionAs(t.db, 'unit_staff', t.w.S);
  return { s, r: await t.app.inject({ method: 'POST', url: '/api/households/import', headers: s.headers, payload }) };
};
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('household import', () => {
  it('a CSV with one bad row is rejected whole, the row named, nothing written', async () => {
    const csv = [
      'STT,Họ tên chủ hộ,Năm sinh,Thôn,Phân loại,Địa chỉ',
      '1,Giáp Văn Tâm,1955,Tổ dân phố số 1,Hộ nghèo,Số 3',
      '2,Giáp Thị Hằng,19x2,Tổ dân phố số 1,Cận nghèo,Số 5',
      '3,Thân Văn Lực,1970,TDP Ngô Quyền 1,"Hộ nghèo; Khuyết tật",',
    ].join('\n');
    const before = await householdFootprint(t.db, [t.w.A1, t.w.B1, t.w.D1]);
    const { r } = await post({ unitId: t.w.S, year: 2026, fileName: 'ds-ho-ngheo.csv', contentBase64: b64(csv) });
    expect(r.statusCode).toBe(400);
    const e = r.json().error;
    expect(e.code).toBe('HOUSEHOLD_IMPORT_INVALID');
    expect(e.message).toContain('không có dữ liệu nào được ghi');
    expect(e.details.errors).toEqual([expect.objectContaining({ row: 3, column: 'Năm sinh', message: 'Năm sinh không hợp lệ: "19x2"' })]);
    expect(await householdFootprint(t.db, [t.w.A1, t.w.B1, t.w.D1])).toEqual(before);
  });

  it('an unknown village and an unknown class are named with their rows', async () => {
    const csv = 'Họ tên chủ hộ;Thôn;Phân loại\nA Văn B;Thôn Không Có;Hộ nghèo\nC Thị D;Tổ dân phố số 1;Giàu có';
    const { r } = await post({ unitId: t.w.S, year: 2026, fileName: 'x.csv', contentBase64: b64(csv) });
    expect(r.json().error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'Thôn'],
      [3, 'Phân loại'],
    ]);
  });

  it('a valid XLSX file imports every row with its class and village (matched without diacritics)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Họ tên chủ hộ', 'Năm sinh', 'Thôn', 'Phân loại', 'Địa chỉ', 'Nhà ở', 'Số CCCD']);
    ws.addRow([1, 'Dương Văn Nhất', 1948, 'to dan pho so 1', 'Hộ nghèo, Người cao tuổi cô đơn', 'Số 1', 'Sửa chữa', '024048001122']);
    ws.addRow([2, 'Dương Thị Nhị', 1980, 'Tổ dân phố Ngô Quyền 1', 'Cận nghèo', '', '', '']);
    const before = await householdFootprint(t.db, [t.w.A1, t.w.B1, t.w.D1]);
    const { s, r } = await post({ unitId: t.w.S, year: 2026, fileName: 'ds.xlsx', contentBase64: b64(Buffer.from(await wb.xlsx.writeBuffer())) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ created: 2, year: 2026 });
    expect((await householdFootprint(t.db, [t.w.A1, t.w.B1, t.w.D1])).households).toBe(before.households + 2);
    const list = await t.app.inject({ method: 'GET', url: `/api/households?unit=${t.w.S}&year=2026&q=duong`, headers: s.headers });
    expect(
      list
        .json()
        .map((h: Household) => [h.headName, h.unitId, h.classes, h.housingNeed])
        .sort(),
    ).toEqual([
      ['Dương Thị Nhị', t.w.B1, ['near_poor'], 'none'],
      ['Dương Văn Nhất', t.w.A1, ['poor', 'lone_elderly'], 'repair'],
    ]);
  });
});
