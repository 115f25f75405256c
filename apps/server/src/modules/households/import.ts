import ExcelJS from 'exceljs';
import { HOUSEHOLD_CLASSES, type HouseholdClass, type HousingNeed, type ImportError, type ImportResult } from '@contract/households';
import type { Db } from '../../db/db';
import { assertUnitAccess, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { normalizeVn } from '../../platform/vn-text';
import { sealNationalId } from './crypto';
import { insertHousehold } from './queries';
import { insertImportedClassification, insertImportedHead, listVillagesOn } from './queries-import';
import { refreshStatistics } from '../../platform/statistics';
import { currentYear } from './service';

/** A file's cells as text, row by row (row 1 is the header). */
export async function readTable(fileName: string, content: Buffer): Promise<string[][]> {
  if (/\.csv$/i.test(fileName)) return parseCsv(content.toString('utf8').replace(/^\uFEFF/, ''));
  if (!/\.xlsx$/i.test(fileName)) throw new AppError('HOUSEHOLD_IMPORT_INVALID', { errors: [err(0, null, 'Chỉ nhận tệp .xlsx hoặc .csv', 'Only .xlsx or .csv files')] });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('HOUSEHOLD_IMPORT_INVALID', { errors: [err(0, null, 'Không đọc được tệp Excel', 'The Excel file cannot be read')] });
  }
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cell.text ?? '';
    });
    rows[n - 1] = Array.from(cells, (c) => (c ?? '').trim());
  });
  return Array.from(rows, (r) => r ?? []);
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas or semicolons (Excel in Vietnamese locales). */
export function parseCsv(text: string): string[][] {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell.trim());
    rows.push(row);
  }
  return rows;
}

const err = (row: number, column: string | null, vi: string, en: string): ImportError => ({ row, column, message: vi, messageEn: en });

// Header names and class words, matched without diacritics.
const HEADERS: Record<string, 'stt' | 'name' | 'birthYear' | 'village' | 'classes' | 'address' | 'housing' | 'nationalId'> = {
  stt: 'stt',
  'ho ten chu ho': 'name',
  'ho va ten chu ho': 'name',
  'chu ho': 'name',
  'nam sinh': 'birthYear',
  thon: 'village',
  'thon to dan pho': 'village',
  'to dan pho': 'village',
  'phan loai': 'classes',
  'dia chi': 'address',
  'nha o': 'housing',
  'nhu cau nha o': 'housing',
  'so cccd': 'nationalId',
  cccd: 'nationalId',
  'so dinh danh': 'nationalId',
};
const CLASS_WORDS: Record<string, HouseholdClass> = {
  'ho ngheo': 'poor',
  ngheo: 'poor',
  'ho can ngheo': 'near_poor',
  'can ngheo': 'near_poor',
  'hoan canh dac biet kho khan': 'special_hardship',
  'dac biet kho khan': 'special_hardship',
  dbkk: 'special_hardship',
  'gia dinh chinh sach': 'merit',
  'nguoi co cong': 'merit',
  'chinh sach': 'merit',
  'gia dinh chinh sach nguoi co cong': 'merit',
  'nguoi cao tuoi co don': 'lone_elderly',
  'cao tuoi co don': 'lone_elderly',
  'nguoi khuyet tat': 'disability',
  'khuyet tat': 'disability',
};
const HOUSING_WORDS: Record<string, HousingNeed> = { '': 'none', khong: 'none', 'xay moi': 'new', 'can xay moi': 'new', 'sua chua': 'repair', 'can sua chua': 'repair' };
const VILLAGE_PREFIX = /^(thon|to dan pho|tdp|khu pho|ban|xom) /;

type Row = {
  line: number;
  name: string;
  birthYear: number | null;
  villageId: number;
  classes: HouseholdClass[];
  address: string | null;
  housing: HousingNeed;
  nationalId: string | null;
};

/** Validates every row against the commune's villages on 1 January of the year; returns rows or all errors. */
export async function validateRows(db: Db, table: string[][], unitId: number, year: number): Promise<{ rows: Row[]; errors: ImportError[] }> {
  const errors: ImportError[] = [];
  const header = (table[0] ?? []).map((h) => HEADERS[normalizeVn(h)]);
  for (const need of ['name', 'village', 'classes'] as const) {
    if (!header.includes(need))
      errors.push(err(1, need, `Thiếu cột bắt buộc (${{ name: 'Họ tên chủ hộ', village: 'Thôn', classes: 'Phân loại' }[need]})`, `Missing column ${need}`));
  }
  if (errors.length) return { rows: [], errors };
  const villages = await listVillagesOn(db, unitId, `${year}-01-01`);
  const byName = new Map<string, number[]>();
  for (const v of villages) {
    for (const k of new Set([normalizeVn(v.name), normalizeVn(v.name).replace(VILLAGE_PREFIX, '')])) byName.set(k, [...(byName.get(k) ?? []), v.id]);
  }
  const rows: Row[] = [];
  const maxYear = currentYear();
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (k: string) => cells[header.indexOf(k as never)] ?? '';
    if (cells.every((c) => !c)) return; // blank lines at the end of a sheet
    const before = errors.length;
    const name = get('name').replace(/\s+/g, ' ');
    if (name.length < 2) errors.push(err(line, 'Họ tên chủ hộ', 'Thiếu họ tên chủ hộ', 'Head of household missing'));
    const byRaw = get('birthYear');
    const birthYear = byRaw ? Number(byRaw) : null;
    if (byRaw && (!Number.isInteger(birthYear) || birthYear! < 1900 || birthYear! > maxYear)) {
      errors.push(err(line, 'Năm sinh', `Năm sinh không hợp lệ: "${byRaw}"`, `Invalid year of birth: "${byRaw}"`));
    }
    const vKey = normalizeVn(get('village'));
    const vIds = byName.get(vKey) ?? byName.get(vKey.replace(VILLAGE_PREFIX, '')) ?? [];
    if (vIds.length !== 1) {
      errors.push(
        err(
          line,
          'Thôn',
          vIds.length ? `Tên thôn "${get('village')}" không rõ (trùng nhiều thôn)` : `Không có thôn "${get('village')}" trong đơn vị`,
          vIds.length ? `Ambiguous village "${get('village')}"` : `No village "${get('village')}" in this unit`,
        ),
      );
    }
    const classes: HouseholdClass[] = [];
    for (const word of get('classes')
      .split(/[,;+/]/)
      .map((w) => normalizeVn(w))
      .filter(Boolean)) {
      const c = CLASS_WORDS[word] ?? (HOUSEHOLD_CLASSES as readonly string[]).find((k) => k === word.replace(/ /g, '_'));
      if (c) classes.push(c as HouseholdClass);
      else errors.push(err(line, 'Phân loại', `Phân loại không hợp lệ: "${word}"`, `Unknown class: "${word}"`));
    }
    if (!get('classes')) errors.push(err(line, 'Phân loại', 'Thiếu phân loại', 'Class missing'));
    const housing = HOUSING_WORDS[normalizeVn(get('housing'))];
    if (!housing) errors.push(err(line, 'Nhà ở', `Nhu cầu nhà ở không hợp lệ: "${get('housing')}" (Xây mới / Sửa chữa)`, `Invalid housing need "${get('housing')}"`));
    const nid = get('nationalId').replace(/\s/g, '');
    // The number itself is never echoed back in an error: only where it is wrong.
    if (nid && !/^(\d{9}|\d{12})$/.test(nid)) errors.push(err(line, 'Số CCCD', 'Số CCCD phải có 9 hoặc 12 chữ số', 'The ID number must have 9 or 12 digits'));
    if (errors.length === before) {
      rows.push({ line, name, birthYear, villageId: vIds[0], classes: [...new Set(classes)], address: get('address') || null, housing, nationalId: nid || null });
    }
  });
  if (!rows.length && !errors.length) errors.push(err(2, null, 'Tệp không có dòng dữ liệu', 'The file has no data rows'));
  return { rows, errors };
}

/** Imports a commune's household list for a year: every row valid, or nothing written. */
export async function importHouseholds(ctx: Ctx, input: { unitId: number; year: number; fileName: string; content: Buffer }): Promise<ImportResult> {
  const table = await readTable(input.fileName, input.content);
  return ctx.db
    .tx(async (tx) => {
      const { rows, errors } = await validateRows(tx, table, input.unitId, input.year);
      if (errors.length) throw new AppError('HOUSEHOLD_IMPORT_INVALID', { errors: errors.slice(0, 200), errorCount: errors.length });
      const date = `${input.year}-01-01`;
      // Each village of the rows, on the review's date (the unit itself was checked by the registrar).
      for (const villageId of new Set(rows.map((r) => r.villageId))) await assertUnitAccess(tx, ctx.user, 'household.write', villageId, date);
      for (const r of rows) {
        const sealed = r.nationalId ? sealNationalId(r.nationalId) : null;
        const id = await insertHousehold(tx, {
          unitId: r.villageId,
          headName: r.name,
          headBirthYear: r.birthYear,
          address: r.address,
          registeredOn: date,
          note: `Nhập từ tệp ${input.fileName.slice(0, 100)}, dòng ${r.line}`,
        });
        await insertImportedHead(tx, id, { name: r.name, birthYear: r.birthYear, sealed });
        await insertImportedClassification(tx, id, { villageId: r.villageId, year: input.year, classes: r.classes, housing: r.housing, factDate: date });
      }
      await audit(tx, ctx.user, {
        action: 'import',
        entity: 'household_list',
        entityId: `${input.unitId}:${input.year}`,
        unitId: input.unitId,
        after: { fileName: input.fileName, year: input.year, rows: rows.length },
      });
      return { created: rows.length, year: input.year };
    })
    .then(async (r) => {
      await refreshStatistics(ctx.db, ['households', 'household_members', 'household_classifications']);
      return r;
    });
}
