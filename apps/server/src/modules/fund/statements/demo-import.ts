// The demo's "Bão Yagi 2024" campaign receives the real published statements through the same importer
// a user would use (parse, match, one balanced entry per batch, whole or nothing).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/db';
import { importParsed, parseUpload, type ImportResult } from './import-service';
import { buildIndexes, donationSecondaryIndexes, dropIndexes } from './queries';

const DEFAULT_DIR = path.resolve(import.meta.dirname, '../../../../../../assets/statements');

/**
 * Runs inside the demo's load transaction, before anyone is served: the donations table's secondary
 * indexes are dropped and rebuilt in bulk around the 99k rows (about twice as fast on PGlite than
 * maintaining them row by row). Never do this on a live database: it locks the table for the import.
 */
export async function importDemoStatements(tx: Db, campaignId: number, dir = process.env.STATEMENTS_DIR || DEFAULT_DIR): Promise<ImportResult> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^(Vietinbank|Agribank)-.*\.csv$/i.test(f))
    .sort()
    .map((name) => ({ name, data: fs.readFileSync(path.join(dir, name)) }));
  const parsed = await parseUpload({ files, format: 'bank', target: { campaignId } });
  const indexes = await donationSecondaryIndexes(tx);
  await dropIndexes(tx, indexes);
  const result = await importParsed(tx, null, parsed, { campaignId }, undefined, { statistics: 'none' });
  await buildIndexes(tx, indexes);
  return result;
}
