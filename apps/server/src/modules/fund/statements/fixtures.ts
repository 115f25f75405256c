// Test helpers of the statement import and the public statement (tests only).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/db';
import { insertBankAccount } from '../service';
import { makeCampaign, makeFund } from '../testing';
import type { UploadedFile } from './generic';

export const STATEMENTS_DIR = path.resolve(import.meta.dirname, '../../../../../../assets/statements');

export function statementUploads(prefix: 'Vietinbank' | 'Agribank'): UploadedFile[] {
  return fs
    .readdirSync(STATEMENTS_DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.csv'))
    .sort()
    .map((name) => ({ name, data: fs.readFileSync(path.join(STATEMENTS_DIR, name)) }));
}

/** A public campaign at a unit with the two real relief accounts (VietinBank, Agribank) opened for it. */
export async function makeStatementCampaign(db: Db, unitId: number, over: { isPublic?: boolean; name?: string; receiveTo?: string } = {}) {
  const { fundId, bankId } = await makeFund(db, unitId, 'cuu_tro');
  const campaignId = await makeCampaign(db, unitId, fundId, {
    name: over.name ?? 'Ủng hộ đồng bào bão lũ (thử)',
    isPublic: over.isPublic ?? true,
    receiveFrom: '2024-09-01',
    ...(over.receiveTo ? { receiveTo: over.receiveTo, distributeBy: over.receiveTo } : {}),
  });
  const vietin = await insertBankAccount(db, { unitId, name: 'VietinBank cứu trợ', bankName: 'VietinBank', bankBin: '970415', accountNo: '111602391111', campaignId });
  const agri = await insertBankAccount(db, { unitId, name: 'Agribank cứu trợ', bankName: 'Agribank', bankBin: '970405', accountNo: '1500201113838', campaignId });
  return { fundId, campaignId, vietin, agri, otherBank: bankId };
}

/** A multipart/form-data body for app.inject. */
export function multipart(fields: Record<string, string>, files: UploadedFile[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----dk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`));
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A bank export written by hand for the tests (BIDV-like layout, not a real statement): three lines above
 * the header, separate debit and credit columns, a running balance, a totals row under the table. File
 * `n` holds five lines on its own day of September 2024: three credits and two debits (a fee, a transfer out).
 */
export function debitCreditStatement(n = 0, opening = 10_000_000): UploadedFile {
  const day = String(10 + n).padStart(2, '0');
  const rows: Array<[string, string, number, number, string]> = [
    [`FT2425${day}0001`, `${day}/09/2024`, 0, 500_000, 'NGUYEN VAN BINH chuyen tien ung ho bao lu'],
    [`FT2425${day}0002`, `${day}/09/2024`, 11_000, 0, 'Phi dich vu SMS Banking'],
    [`FT2425${day}0003`, `${day}/09/2024`, 0, 1_000_000, 'MBVCB.6997688629.123456.TRAN THI HOA chuyen tien'],
    [`FT2425${day}0004`, `${day}/09/2024`, 2_000_000, 0, 'Chuyen tien ho tro xa Tan My'],
    [`FT2425${day}0005`, `${day}/09/2024`, 0, 200_000 + n, 'Ung ho cac tinh bi bao lu 0912345678'],
  ];
  const money = (v: number) => (v ? `"${v.toLocaleString('en-US')}"` : '');
  let balance = opening;
  const lines = [
    'NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM,,,,,,',
    'SAO KÊ TÀI KHOẢN,,,,,,',
    'Số tài khoản: 2141000123456,,,,,,',
    'STT,Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Số dư,Nội dung giao dịch',
    ...rows.map(([ref, date, d, c, memo], i) => {
      balance += c - d;
      return `${i + 1},${date},${ref},${money(d)},${money(c)},${money(balance)},${memo}`;
    }),
    ',,Tổng cộng,"2,011,000","1,700,000",,',
  ];
  return { name: `sao-ke-bidv-${String(n + 1).padStart(2, '0')}.csv`, data: Buffer.from(lines.join('\r\n') + '\r\n') };
}
