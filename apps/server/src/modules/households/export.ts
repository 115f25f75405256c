import ExcelJS from 'exceljs';
import { COVERAGE_KIND_LABELS, HOUSEHOLD_CLASS_LABELS, HOUSING_NEED_LABELS, type ExportQuery, type HouseholdClass, type HousingNeed } from '@contract/households';
import { reachOf, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { listHouseholds } from './queries';
import { currentYear, getCoverage } from './service';

type Line = { villageName: string; headName: string; headBirthYear: number | null; address: string | null; classes: HouseholdClass[] | null; housingNeed: HousingNeed | null };

/**
 * A list as an XLSX workbook. ID numbers are never exported (not even masked: a list has no use for
 * them); every export is audited with what was exported, in the same transaction as nothing else.
 */
export async function exportXlsx(ctx: Ctx, q: ExportQuery): Promise<{ fileName: string; data: Buffer }> {
  const year = q.year ?? currentYear();
  let lines: Line[];
  let title: string;
  if (q.list === 'coverage') {
    const kind = q.kind ?? 'tet';
    const c = await getCoverage(ctx, { unit: q.unit, year, kind, quarter: q.quarter });
    lines = c.missing;
    title = `${COVERAGE_KIND_LABELS[kind].vi} — năm ${year}${c.quarter ? `, quý ${c.quarter}` : ''}`;
  } else {
    lines = await listHouseholds(ctx.db, reachOf(ctx.user), { unit: q.unit, year, class: q.class, limit: 5000 });
    title = `Danh sách hộ gia đình năm ${year}${q.class ? ` — ${HOUSEHOLD_CLASS_LABELS[q.class].vi}` : ''}`;
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đoàn Kết';
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(['STT', 'Họ tên chủ hộ', 'Năm sinh', 'Thôn, tổ dân phố', 'Địa chỉ', 'Phân loại', 'Nhà ở']);
  header.font = { bold: true };
  lines.forEach((l, i) =>
    ws.addRow([
      i + 1,
      l.headName,
      l.headBirthYear ?? '',
      l.villageName,
      l.address ?? '',
      (l.classes ?? []).map((c) => HOUSEHOLD_CLASS_LABELS[c].vi).join('; '),
      l.housingNeed ? HOUSING_NEED_LABELS[l.housingNeed].vi : '',
    ]),
  );
  [6, 28, 10, 28, 30, 40, 18].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  await ctx.db.tx((tx) =>
    audit(tx, ctx.user, {
      action: 'export',
      entity: 'household_list',
      entityId: `${q.list}:${q.unit}:${year}`,
      unitId: q.unit,
      after: { list: q.list, year, class: q.class ?? null, kind: q.kind ?? null, quarter: q.quarter ?? null, rows: lines.length },
    }),
  );
  return { fileName: `ho-gia-dinh-${q.list}-${year}.xlsx`, data };
}
