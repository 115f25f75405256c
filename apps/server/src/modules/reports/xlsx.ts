import ExcelJS from 'exceljs';
import { NO_DATA } from '@contract/reports-values';
import { PROGRAMMES, SECTIONS, type Figure } from './coverage';
import type { FigureValues } from './compute';
import { formatFigure, roundRate } from './format';

const UOM_LABEL = { count: 'Số lượng', vnd: 'Đồng', percent: '%' } as const;

/** Where a figure comes from, so a reader can trace it to the records (the metric page shows them). */
function sourceOf(fig: Figure): string {
  if (fig.metric) return fig.metric.dim ? `${fig.metric.key} [${fig.metric.dim}]` : fig.metric.key;
  if (fig.rate) return `${fig.rate.num} ÷ ${fig.rate.den}`;
  if (fig.diff) return `${fig.diff.a} − ${fig.diff.b}`;
  return 'chưa có chỉ số';
}

/**
 * The statistics annex: one sheet per action programme; a row per figure, a column for the unit and
 * one per subordinate unit. Cells hold numbers (so the annex can be summed); unmeasured cells say so.
 */
export async function renderXlsx(
  caption: string,
  figures: Figure[],
  values: FigureValues,
  units: Array<{ id: number; name: string }>,
  occ: Map<string, Set<string>>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đoàn Kết';
  wb.created = new Date();
  const sectionProgramme = new Map(SECTIONS.map((s) => [s.id, s.programme]));
  for (const p of PROGRAMMES) {
    const ws = wb.addWorksheet(p.sheet);
    ws.addRow([`Phụ lục: ${p.title}`]).font = { bold: true, name: 'Times New Roman', size: 13 };
    ws.addRow([caption]).font = { italic: true, name: 'Times New Roman', size: 12 };
    ws.addRow(['Số liệu mỗi đơn vị gồm cả lịch sử của các đơn vị đã hợp nhất vào đơn vị đó; vì vậy cột các đơn vị có thể không cộng đúng bằng cột tổng.']).font = {
      italic: true,
      name: 'Times New Roman',
      size: 11,
    };
    const head = ws.addRow(['STT', 'Nội dung', 'Đơn vị tính', ...units.map((u) => u.name), 'Nguồn số liệu (chỉ số)']);
    head.font = { bold: true, name: 'Times New Roman', size: 12 };
    ws.columns = [{ width: 6 }, { width: 60 }, { width: 12 }, ...units.map(() => ({ width: 18 })), { width: 40 }];
    const own = figures.filter((x) => sectionProgramme.get(x.section) === p.no);
    own.forEach((fig, i) => {
      const v = values.get(fig.id);
      const cells = units.map((u) => {
        const x = v?.byUnit[u.id] ?? null;
        if (x === null) return NO_DATA.vi;
        return fig.uom === 'percent' ? roundRate(x) : Math.round(x);
      });
      const row = ws.addRow([i + 1, fig.wording, UOM_LABEL[fig.uom], ...cells, sourceOf(fig)]);
      row.font = { name: 'Times New Roman', size: 12 };
      for (let c = 4; c < 4 + units.length; c++) {
        if (typeof row.getCell(c).value === 'number' && fig.uom !== 'percent') row.getCell(c).numFmt = '#,##0';
      }
      // The annex's value for the whole unit is the same figure the document prints.
      const whole = v?.byUnit[units[0].id] ?? null;
      if (!occ.has(fig.id)) occ.set(fig.id, new Set());
      occ.get(fig.id)!.add(formatFigure(whole, fig.uom));
    });
    if (!own.length) ws.addRow(['', 'Chưa có chỉ tiêu thống kê cho chương trình này trong Phần thứ nhất.']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
