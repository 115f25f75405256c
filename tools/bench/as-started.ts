// `npm run bench -- <fund|petitions|households|targets|reports> --started [--only pglite|postgres]`: a
// module's figures as a user gets them, beside the engine-level ones the suite prints without the flag.
// The product is started the way a user does (started.ts: `tools/start.ts` on a fresh data directory or
// a fresh server database, the demo loaded by the product), data goes in through the product's own
// routes (fund: the real statements uploaded to the import route into a new public campaign, 98,967
// lines), and the module's hot paths are timed over real HTTP with the public cache off, then (fund)
// started again with it on. The other modules run on the demo's data as loaded by the product.
import fs from 'node:fs';
import path from 'node:path';
import { formatRows, hotPaths, type PathRow } from './hot-paths';
import { benchPort, Client, startProduct } from './started';
import { cpuSpan, cpuTicks, loadAvg, machine } from './report';
import { log, parseBenchArgs, step } from './cli';
import type { BenchDb } from './databases';

const STATEMENTS = path.resolve(import.meta.dirname, '../../assets/statements');
const MODULES: Record<string, string[]> = { fund: ['fund'], petitions: ['petitions'], households: ['households'], targets: ['targets'], reports: ['reports'] };

type Import = { rows: number; seconds: number; rowsPerSecond: number; uploads: number };

/** The real statements through POST /api/fund/statements/import (one upload of the 11 files), into a new public campaign. */
async function importThroughRoutes(base: string): Promise<{ campaignId: number; imp: Import }> {
  const admin = await Client.signIn(base, 'admin');
  const pub = await admin.get<Array<{ id: number; name: string }>>('/api/public/campaigns');
  const id = pub.find((c) => c.name === 'Bão Yagi 2024')?.id;
  if (!id) throw new Error('the demo has no "Bão Yagi 2024" campaign');
  const yagi = await admin.get<{ unitId: number; fundId: number }>(`/api/fund/campaigns/${id}`);
  const created = await admin.send<{ campaign: { id: number } }>('POST', '/api/fund/campaigns', {
    unitId: yagi.unitId,
    fundId: yagi.fundId,
    name: 'Bão Yagi 2024 — nhập lại qua giao diện (bench)',
    purpose: 'Đo tốc độ nhập sao kê khi chạy sản phẩm',
    receiveFrom: '2024-09-01',
    receiveTo: '2024-09-30',
    distributeBy: '2024-10-20',
    isPublic: true,
  });
  const campaignId = created.campaign.id;
  for (const [bankName, bankBin, accountNo] of [
    ['VietinBank', '970415', '111602391111'],
    ['Agribank', '970405', '1500201113838'],
  ]) {
    await admin.send('POST', '/api/fund/accounts', { unitId: yagi.unitId, name: `${bankName} ${accountNo} (bench)`, bankName, bankBin, accountNo, campaignId });
  }
  const files = fs
    .readdirSync(STATEMENTS)
    .filter((f) => /^(Vietinbank|Agribank)-.*\.csv$/i.test(f))
    .sort();
  // All the files in one upload, as an accountant selects them (the route takes up to 200); until 6 December
  // the bench sent one upload per bank, and the second was written beside the first one's index merge.
  const groups = [files];
  let rows = 0;
  const t0 = Date.now(); // the same clock as the job's finishedAt (one machine)
  let end = t0;
  for (const group of groups) {
    const form = new FormData();
    form.set('format', 'bank');
    form.set('campaignId', String(campaignId));
    for (const f of group) form.append('file', new Blob([fs.readFileSync(path.join(STATEMENTS, f))], { type: 'text/csv' }), f);
    let job = await admin.send<{ id: string; status: string; result: { inserted: number } | null; error: unknown; finishedAt: number | null }>(
      'POST',
      '/api/fund/statements/import',
      form,
    );
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 400)); // as the import page polls (import-page.tsx)
      job = await admin.get(`/api/fund/statements/imports/${job.id}`);
    }
    if (job.status !== 'done') throw new Error(`the import failed: ${JSON.stringify(job.error)}`);
    rows += job.result!.inserted;
    end = job.finishedAt!; // when the server finished it, not when the poll saw it
  }
  const seconds = (end - t0) / 1000;
  return { campaignId, imp: { rows, seconds, rowsPerSecond: rows / seconds, uploads: groups.length } };
}

type Run = { kind: BenchDb['kind']; startSeconds: number; import: Import | null; uncached: PathRow[]; cached: PathRow[]; loadAvgAfter: number[] };

export async function main(module: string, argv: string[]): Promise<void> {
  const args = parseBenchArgs(argv, { rounds: 20 });
  const modules = MODULES[module];
  const m = machine();
  log(`Đoàn Kết — ${module} benchmark as started (npm start, demo, HTTP), ${m.date}`);
  log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}; load average ${m.loadAvg.join(' / ')} (1/5/15 min)`);
  const runs: Run[] = [];
  for (const kind of args.only ? [args.only] : (['postgres', 'pglite'] as const)) {
    const first = await startProduct(kind, benchPort(), { PUBLIC_CACHE: '0' });
    if ('error' in first) {
      log(`=== PostgreSQL server — SKIPPED: unreachable (${first.error})`);
      continue;
    }
    let current = first;
    try {
      log('');
      log(`=== ${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL server'}, as started — ready with the demo in ${first.startSeconds.toFixed(1)} s`);
      let imp: Import | null = null;
      let campaignId: number | undefined;
      if (module === 'fund') {
        step(`${kind}: uploading the real statements to the import route`);
        const ticks = cpuTicks();
        const r = await importThroughRoutes(current.base);
        const cpu = cpuSpan(ticks);
        imp = r.imp;
        campaignId = r.campaignId;
        log(
          `Import through the route (upload, parse, write, statistics): ${imp.rows.toLocaleString('en')} rows in ${imp.seconds.toFixed(1)} s = ` +
            `${imp.rowsPerSecond.toFixed(0)} rows/s (${imp.uploads} uploads)${kind === 'postgres' ? ` — goal ≥ 20,000 rows/s: ${imp.rowsPerSecond >= 20_000 ? 'PASS' : 'MISS'}` : ''}; load average ${loadAvg().join(' / ')}; ${cpu}`,
        );
      }
      step(`${kind}: ${module} paths, public cache off`);
      const uncached = await hotPaths(current.base, '(cache off)', { modules, rounds: args.rounds, campaignId });
      log('Public cache off (PUBLIC_CACHE=0):');
      log(formatRows(uncached));
      let cached: PathRow[] = [];
      if (module === 'fund') {
        current = await current.restart({ PUBLIC_CACHE: '1' });
        cached = await hotPaths(current.base, '(cache on)', { modules, rounds: args.rounds, campaignId });
        log('Public cache on (the default), started again on the same data:');
        log(formatRows(cached));
      }
      runs.push({ kind, startSeconds: first.startSeconds, import: imp, uncached, cached, loadAvgAfter: loadAvg() });
      log(`load average after: ${loadAvg().join(' / ')}`);
    } finally {
      await current.stop();
    }
  }
  const file = path.resolve(`.tmp/bench-${module}-started.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ machine: m, runs }, null, 2));
  log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}
