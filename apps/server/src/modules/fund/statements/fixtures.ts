// Test helpers of the statement import and the public statement (tests only).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/db';
import { insertBankAccount } from '../service';
import { makeCampaign, makeFund } from '../testing';
import type { UploadedFile } from './generic';

export const STATEMENTS_DIR = path.resolve(import.meta.dirname, '../../../../../../assets/statements');

export function statementUploads(prefix: 'Vietinbank' | 'Agribank'): UploadedFile[] {
  return fs.readdirSync(STATEMENTS_DIR).filter((f) => f.startsWith(prefix) && f.endsWith('.csv')).sort()
    .map((name) => ({ name, data: fs.readFileSync(path.join(STATEMENTS_DIR, name)) }));
}

/** A public campaign at a unit with the two real relief accounts (VietinBank, Agribank) opened for it. */
export async function makeStatementCampaign(db: Db, unitId: number, over: { isPublic?: boolean; name?: string } = {}) {
  const { fundId, bankId } = await makeFund(db, unitId, 'cuu_tro');
  const campaignId = await makeCampaign(db, unitId, fundId, { name: over.name ?? 'Ủng hộ đồng bào bão lũ (thử)', isPublic: over.isPublic ?? true, receiveFrom: '2024-09-01' });
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
