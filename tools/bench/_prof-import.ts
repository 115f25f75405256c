// Scratch: import the real statements into a fresh PG database; wall, node CPU, backend CPU.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { insertUnit } from '../../apps/server/src/test/factories';
import { insertBankAccount, insertCampaign, insertFund } from '../../apps/server/src/modules/fund/service';
import { importUpload } from '../../apps/server/src/modules/fund/statements/import-service';
import { openBenchPostgres, type BenchDb } from './databases';

const STATEMENTS = path.resolve(import.meta.dirname, '../../assets/statements');
const ticks = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // ms (CLK_TCK 100)
};
async function once() {
  const b = (await openBenchPostgres()) as BenchDb;
  const db = b.db;
  const unitId = await insertUnit(db, { name: 'Ủy ban MTTQ (prof)', level: 'province' });
  await db.query('select refresh_unit_closure()');
  const fundId = await insertFund(db, { unitId, kind: 'cuu_tro', name: 'Quỹ', openedOn: '2024-01-01' }, null);
  const campaignId = await insertCampaign(db, { unitId, fundId, name: 'Yagi', purpose: 'b', receiveFrom: '2024-09-01', receiveTo: '2024-09-30', distributeBy: '2024-10-20', isPublic: true }, null);
  await insertBankAccount(db, { unitId, name: 'VietinBank', bankName: 'VietinBank', bankBin: '970415', accountNo: '111602391111', campaignId });
  await insertBankAccount(db, { unitId, name: 'Agribank', bankName: 'Agribank', bankBin: '970405', accountNo: '1500201113838', campaignId });
  const files = fs.readdirSync(STATEMENTS).filter((f) => f.endsWith('.csv')).sort().map((name) => ({ name, data: fs.readFileSync(path.join(STATEMENTS, name)) }));
  const backends = async () => (await db.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database()`)).map((r) => r.pid);
  const pids = await backends();
  const b0 = pids.reduce((s, p) => s + ticks(p), 0);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let readMs = 0;
  const r = await importUpload(db, null, { files, format: 'bank', target: { campaignId } }, undefined, {}, () => (readMs = performance.now() - t0));
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const b1 = (await backends()).reduce((s, p) => s + (pids.includes(p) ? ticks(p) : 0), 0);
  console.log(`${r.inserted} rows ${ms.toFixed(0)} ms = ${(r.inserted / (ms / 1000)).toFixed(0)} rows/s; read done ${readMs.toFixed(0)}; node cpu ${((c.user + c.system) / 1000).toFixed(0)} ms; backend cpu ${b1 - b0} ms; load ${os.loadavg()[0].toFixed(2)}`);
  if (process.env.KEEP) console.log("kept", (await db.query<{ d: string }>("select current_database() d"))[0].d); else await b.cleanup();
}
for (let i = 0; i < Number(process.argv[2] ?? 1); i++) await once();
