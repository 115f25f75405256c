// `npm run import:units -- --dataset bac-giang-2020-2025|reform-2025-07-01 [--province 24 ...]`
// Opens the database as the server does (DATABASE_URL, else PGlite in DATA_DIR; PGlite's lock refuses
// a second process, so stop the server first) and runs one import, whole or nothing.
import { UNIT_DATASETS, type UnitDataset } from '@contract/units';
import { loadConfig } from '../apps/server/src/config';
import { openDatabase } from '../apps/server/src/db/open';
import { AppError } from '../apps/server/src/platform/errors';
import { importUnits, UNIT_TABLES } from '../apps/server/src/modules/units/import';
import { refreshStatistics } from '../apps/server/src/platform/statistics';

function parseArgs(argv: string[]): { dataset: UnitDataset; provinceCodes?: string[] } {
  let dataset: string | undefined;
  const provinces: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--dataset') dataset = value();
    else if (flag === '--province')
      provinces.push(
        ...value()
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      );
    else throw new Error(`Tham số không hợp lệ / unknown argument: ${argv[i]}`);
  }
  if (!dataset || !(UNIT_DATASETS as readonly string[]).includes(dataset)) {
    throw new Error(`Cần --dataset ${UNIT_DATASETS.join(' | ')} / --dataset is required`);
  }
  if (provinces.some((p) => !/^\d{2}$/.test(p))) throw new Error('Mã tỉnh gồm 2 chữ số / province codes have two digits');
  return { dataset: dataset as UnitDataset, provinceCodes: provinces.length ? provinces : undefined };
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const config = loadConfig();
let db: Awaited<ReturnType<typeof openDatabase>>;
try {
  db = await openDatabase(config);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
try {
  const summary = await db.tx((tx) => importUnits(tx, null, args));
  await refreshStatistics(db, UNIT_TABLES);
  console.log(`Đã nhập / imported ${summary.dataset} (${db.kind === 'pglite' ? `PGlite, ${config.dataDir}` : 'PostgreSQL'}) in ${summary.ms} ms`);
  console.log(
    `  tạo mới / created: ${summary.created.units} units, ${summary.created.versions} versions, ${summary.created.events} events, ${summary.created.lineage} lineage links`,
  );
  if (summary.skipped.units) console.log(`  đã có, bỏ qua / already imported, skipped: ${summary.skipped.provinces.join(', ')} (${summary.skipped.units} units)`);
} catch (err) {
  if (err instanceof AppError) {
    console.error(`${err.code}: ${err.toBody().error.message} / ${err.message}`);
    if (err.details !== undefined) console.error(JSON.stringify(err.details, null, 2));
  } else console.error(err);
  process.exitCode = 1;
} finally {
  await db.close();
}
