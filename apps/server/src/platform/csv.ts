// CSV cells that a spreadsheet opens as data, never as a formula (OWASP "CSV injection"). Text that
// starts — after any spaces or control characters — with = + - @ (or their full-width forms), a tab or
// a carriage return gets a leading apostrophe. Every cell holding a separator is quoted, ';' included:
// with Vietnamese regional settings Excel splits on ';', and an unquoted "x;=HYPERLINK(…)" would start a
// new cell with a formula. Numbers pass as they are.
const FORMULA_START = /^[\s\u0000-\u001f]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

export function csvCell(v: string | number | null | undefined): string {
  if (typeof v === 'number') return String(v);
  let s = v ?? '';
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",;\r\n\t]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Lines of cells as one CSV document with a BOM (Excel then reads UTF-8 Vietnamese correctly). */
export const csvDocument = (rows: Array<Array<string | number | null | undefined>>) => '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
