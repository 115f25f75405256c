// A separate process that imports the real Agribank statement (42,493 lines: long enough to be killed in
// the middle, and the shorter of the two) into a campaign, printing its progress, so that a
// test can kill it with SIGKILL in the middle (import-kill.test.ts). Not used by the product.
import fs from 'node:fs';
import path from 'node:path';
import { openPglite, openPostgres } from '../../../db/db';
import { importParsed, parseUpload } from './import-service';

const STATEMENTS = path.resolve(import.meta.dirname, '../../../../../../assets/statements');

async function main() {
  const campaignId = Number(process.argv[2]);
  const db = process.env.CHILD_DATABASE_URL ? await openPostgres(process.env.CHILD_DATABASE_URL) : await openPglite(process.env.CHILD_PGLITE_DIR!);
  const files = fs
    .readdirSync(STATEMENTS)
    .filter((f) => /^Agribank-.*\.csv$/i.test(f))
    .sort()
    .map((name) => ({ name, data: fs.readFileSync(path.join(STATEMENTS, name)) }));
  const parsed = await parseUpload({ files, format: 'bank', target: { campaignId } });
  const r = await importParsed(db, null, parsed, { campaignId }, (p) => process.stdout.write(`progress ${p.phase} ${p.done}\n`));
  process.stdout.write(`done ${r.inserted}\n`);
  await db.close();
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
