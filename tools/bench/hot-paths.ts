// The public and staff hot paths of the product, measured over real HTTP against a started product
// with the demo (started.ts): what a visitor or a ward's staff waits for. Each path has its goal.
import { Client, visitor } from './started';
import { summarize, type Stats } from './stats';
import { step } from './cli';

export type PathRow = { module: string; path: string; note: string; stats: Stats; goalMs: number; pass: boolean };
export type HotPathOptions = { modules?: string[]; rounds?: number; campaignId?: number };

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Asia/Ho_Chi_Minh

/** Runs fn `n` times one at a time after `warmup` untimed calls; ms per call. */
async function timed(n: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(warmup + i);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

type PublicCampaign = { id: number; name: string; donationCount: number };
type Page = { items: Array<{ donorName: string | null }> };

/** The demo's public campaign with the real statements, and search terms of every shape the public page sends. */
export async function searchMix(base: string, campaignId?: number): Promise<{ campaign: PublicCampaign; shapes: Array<{ name: string; urls: string[] }> }> {
  const pub = visitor(base);
  const campaigns = await pub.get<PublicCampaign[]>('/api/public/campaigns');
  const campaign = campaignId ? campaigns.find((c) => c.id === campaignId) : campaigns.filter((c) => c.name.includes('Yagi')).sort((a, b) => b.donationCount - a.donationCount)[0];
  if (!campaign) throw new Error('the demo has no public Yagi campaign');
  // Rare full names: the largest gifts' donors, most of whom give once.
  const rare = new Set<string>();
  for (let page = 1; rare.size < 12 && page <= 5; page++) {
    const p = await pub.get<Page>(`/api/public/campaigns/${campaign.id}/donations?sort=amount_desc&page=${page}`);
    for (const d of p.items) if (d.donorName && d.donorName.trim().split(/\s+/).length >= 3) rare.add(d.donorName);
  }
  const url = (q: Record<string, string | number>) =>
    `/api/public/campaigns/${campaign.id}/donations?` + new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
  const shapes = [
    { name: 'common name ("nguyen van")', urls: [url({ q: 'nguyen van' }), url({ q: 'Nguyễn Văn' })] },
    { name: 'memo words ("ung ho")', urls: [url({ q: 'ung ho' }), url({ q: 'ủng hộ đồng bào' })] },
    { name: 'common full name ("nguyen thi huong")', urls: [url({ q: 'nguyen thi huong' }), url({ q: 'Trần Văn Hùng' })] },
    { name: 'rare full name (largest donors)', urls: [...rare].map((q) => url({ q })) },
    { name: 'a word matching nothing', urls: [url({ q: 'qwxzv' }), url({ q: 'khongcoai zzz' })] },
    { name: 'name + amount range', urls: [url({ q: 'tran van', min: 500_000, max: 2_000_000 }), url({ q: 'pham thi', min: 1_000_000 })] },
    { name: 'one day, by amount', urls: [url({ from: '2024-09-12', to: '2024-09-12', sort: 'amount_desc' }), url({ from: '2024-09-20', to: '2024-09-21' })] },
    { name: 'a deep page', urls: [url({ page: 40 }), url({ q: 'nguyen', page: 10 })] },
  ];
  return { campaign, shapes };
}

/** Public paths: search (every shape) and the campaign's totals. */
async function publicPaths(base: string, rounds: number, label: string, campaignId?: number): Promise<PathRow[]> {
  const pub = visitor(base);
  const { campaign, shapes } = await searchMix(base, campaignId);
  const rows: PathRow[] = [];
  for (const s of shapes) {
    const st = await timed(Math.max(6, rounds), 2, (i) => pub.get(s.urls[i % s.urls.length]));
    step(`  search, ${s.name}: p50 ${st.p50.toFixed(1)} ms, p95 ${st.p95.toFixed(1)} ms`);
    rows.push({
      module: 'fund',
      path: `public search ${label}: ${s.name}`,
      note: `${campaign.donationCount.toLocaleString('en')} donations`,
      stats: st,
      goalMs: 50,
      pass: st.p95 < 50,
    });
  }
  const mixed = shapes.flatMap((s) => s.urls);
  const st = await timed(rounds * 4, 0, (i) => pub.get(mixed[(i * 7) % mixed.length]));
  rows.unshift({
    module: 'fund',
    path: `public search ${label}, all shapes`,
    note: `${campaign.donationCount.toLocaleString('en')} donations, ${mixed.length} queries`,
    stats: st,
    goalMs: 50,
    pass: st.p95 < 50,
  });
  const totals = await timed(rounds * 4, 3, () => pub.get(`/api/public/campaigns/${campaign.id}`));
  rows.splice(1, 0, {
    module: 'fund',
    path: `campaign totals ${label} (GET /api/public/campaigns/:id)`,
    note: 'totals, by purpose, unit and donor kind, VietQR',
    stats: totals,
    goalMs: 20,
    pass: totals.p95 < 20,
  });
  const list = await timed(rounds * 2, 2, () => pub.get('/api/public/campaigns'));
  rows.splice(2, 0, { module: 'fund', path: `public campaign list ${label}`, note: 'every public campaign with its totals', stats: list, goalMs: 20, pass: list.p95 < 20 });
  return rows;
}

async function petitionPaths(base: string, rounds: number): Promise<PathRow[]> {
  const province = await Client.signIn(base, 'btt.tinh');
  const page = await province.get<{ items: Array<{ trackingCode: string }>; total: number }>(`/api/petitions?unit=${province.me.unitId}&limit=200`);
  const codes = page.items.map((p) => p.trackingCode);
  if (!codes.length) throw new Error('the demo has no petitions to track');
  const pub = visitor(base);
  const track = await timed(rounds * 10, 10, (i) => pub.get(`/api/public/petitions/${codes[i % codes.length]}`));
  const overdueUrl = `/api/petitions?unit=${province.me.unitId}&overdue=1&limit=50`;
  const overdueTotal = (await province.get<{ total: number }>(overdueUrl)).total;
  const overdue = await timed(rounds * 2, 2, () => province.get(overdueUrl));
  return [
    { module: 'petitions', path: 'public tracking lookup', note: `${codes.length} codes of the demo`, stats: track, goalMs: 10, pass: track.p95 < 10 },
    { module: 'petitions', path: 'overdue list of the province (count + first 50)', note: `${overdueTotal} overdue`, stats: overdue, goalMs: 200, pass: overdue.p95 < 200 },
  ];
}

async function householdPaths(base: string, rounds: number): Promise<PathRow[]> {
  const ward = await Client.signIn(base, 'canbo.bacgiang');
  const year = Number(today().slice(0, 4));
  const url = (kind: string) => `/api/households/coverage?unit=${ward.me.unitId}&kind=${kind}&year=${year}`;
  const tet = await timed(rounds, 2, () => ward.get(url('tet')));
  return [{ module: 'households', path: 'Tết coverage of a ward (who is not yet reached)', note: 'Phường Bắc Giang', stats: tet, goalMs: 1000, pass: tet.p95 < 1000 }];
}

async function targetPaths(base: string, rounds: number): Promise<PathRow[]> {
  const ward = await Client.signIn(base, 'canbo.bacgiang');
  const year = Number(today().slice(0, 4)) - 1;
  const targets = await timed(Math.max(3, Math.ceil(rounds / 2)), 1, () => ward.get(`/api/targets?unit=${ward.me.unitId}&year=${year}`));
  // A monthly report of the ward: request it, then wait for the worker to issue it (.docx + .xlsx).
  const d = new Date(`${today().slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  const to = d.toISOString().slice(0, 10);
  const from = `${to.slice(0, 7)}-01`;
  const report = await timed(3, 1, async () => {
    const job = await ward.send<{ id: number; status: string }>('POST', '/api/reports', { template: 'monthly', unit: ward.me.unitId, from, to });
    for (let s = job.status; s === 'queued' || s === 'running'; s = (await ward.get<{ status: string }>(`/api/reports/${job.id}`)).status) {
      await new Promise((r) => setTimeout(r, 15));
    }
  });
  return [
    { module: 'targets', path: `16 targets of a ward (${year})`, note: 'Phường Bắc Giang, as units are now', stats: targets, goalMs: 2000, pass: targets.p95 < 2000 },
    {
      module: 'reports',
      path: `monthly report of a ward (${from.slice(0, 7)}), requested → issued`,
      note: '.docx + .xlsx by the background worker',
      stats: report,
      goalMs: 5000,
      pass: report.p95 < 5000,
    },
  ];
}

/** Every hot path (or those of the given modules) against the started product; `label` names the cache setting. */
export async function hotPaths(base: string, label: string, opts: HotPathOptions = {}): Promise<PathRow[]> {
  const rounds = opts.rounds ?? 20;
  const want = (m: string) => !opts.modules || opts.modules.includes(m);
  const rows: PathRow[] = [];
  if (want('fund')) rows.push(...(await publicPaths(base, rounds, label, opts.campaignId)));
  if (want('petitions')) rows.push(...(await petitionPaths(base, rounds)));
  if (want('households')) rows.push(...(await householdPaths(base, rounds)));
  if (want('targets') || want('reports')) rows.push(...(await targetPaths(base, rounds)));
  return rows;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

export function formatRows(rows: PathRow[]): string {
  const head = ['path', 'n', 'p50 ms', 'p95 ms', 'goal (p95)', '', 'note'];
  const body = rows.map((r) => [r.path, String(r.stats.n), ms(r.stats.p50), ms(r.stats.p95), `< ${r.goalMs} ms`, r.pass ? 'PASS' : 'MISS', r.note]);
  const w = head.map((h, k) => Math.max(h.length, ...body.map((b) => b[k].length)));
  return [head, ...body]
    .map(
      (row) =>
        '  ' +
        row
          .map((c, k) => (k >= 1 && k <= 3 ? c.padStart(w[k]) : c.padEnd(w[k])))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}
