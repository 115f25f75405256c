// The measurements: subtree resolution, the access check (function and whole HTTP request), metrics.
import type { Db } from '../../apps/server/src/db/db';
import { subtreeIds } from '../../apps/server/src/modules/units/queries';
import { assertUnitAccess } from '../../apps/server/src/platform/access';
import { AppError } from '../../apps/server/src/platform/errors';
import { computeMetric, getMetric } from '../../apps/server/src/platform/metrics';
import { loadConfig } from '../../apps/server/src/config';
import { sessionAs, type TestSession } from '../../apps/server/src/test/factories';
import '../../apps/server/src/modules/metrics-index';
import type { World } from './hierarchy';
import { naiveAccessDated, naiveAccessUndated, naiveSubtree, type AccessOutcome } from './naive';
import { pick, prng, summarize, timeLoop, timeOnce, type Stats } from './stats';

export const D_NOW = '2026-06-30';
export const D_THEN = '2024-06-01';

export type Budget = { fast: number; naiveFast: number; http: number; warmup: number; metricRuns: number; metricSample: number; changeRuns: number };

export type Row = { group: string; name: string; product: Stats; naive?: Stats; ratio?: number; check?: string };
export type MetricResult = {
  name: string;
  product: Stats;
  naivePerUnit: Stats;
  naiveSample: number;
  naiveTotalMs: number;
  ratio: number;
  check?: string;
};

const ratioOf = (naive: Stats, product: Stats) => naive.p50 / product.p50;
const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
const sameIds = (a: number[], b: number[]) => {
  const [x, y] = [sorted(a), sorted(b)];
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** (a) "The subtree of U as of D": closure table vs a recursive walk over unit_versions. */
export async function subtreeSuite(db: Db, w: World, b: Budget): Promise<Row[]> {
  const rand = prng(1);
  const cases: Array<[string, number[], string]> = [
    [`province, as of ${D_NOW}`, w.provinces.map((p) => p.id), D_NOW],
    [`commune, as of ${D_NOW}`, w.communes.map((c) => c.id), D_NOW],
    [`old province, as of ${D_THEN}`, w.provincesThen, D_THEN],
    [`old commune, as of ${D_THEN}`, w.communesThen, D_THEN],
  ];
  const rows: Row[] = [];
  for (const [label, ids, date] of cases) {
    const samples = Array.from({ length: b.fast + b.warmup }, () => pick(rand, ids));
    let mismatches = 0;
    let size = 0;
    const checked = samples.slice(0, 30);
    for (const id of checked) {
      const got = await subtreeIds(db, id, date);
      size += got.length;
      if (!sameIds(got, await naiveSubtree(db, id, date))) mismatches++;
    }
    const product = await timeLoop(b.fast, b.warmup, (i) => subtreeIds(db, samples[i], date));
    const naive = await timeLoop(b.naiveFast, b.warmup, (i) => naiveSubtree(db, samples[i], date));
    rows.push({
      group: 'subtree',
      name: `subtree: ${label}`,
      product,
      naive,
      ratio: ratioOf(naive, product),
      check: `avg ${Math.round(size / checked.length)} ids; same ids as naive ${checked.length - mismatches}/${checked.length}`,
    });
  }
  return rows;
}

type Probe = { session: TestSession; target: number };

async function outcome(fn: () => Promise<unknown>): Promise<AccessOutcome> {
  try {
    await fn();
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code as AccessOutcome;
    throw err;
  }
}

/** Users at province and commune level, each probing half in-scope and half out-of-scope units. */
async function makeProbes(db: Db, w: World, n: number) {
  const rand = prng(2);
  const provinces = Array.from({ length: 8 }, () => pick(rand, w.provinces));
  const communes = Array.from({ length: 40 }, () => pick(rand, w.communes));
  const provSessions = new Map<number, TestSession>();
  for (const p of provinces) if (!provSessions.has(p.id)) provSessions.set(p.id, await sessionAs(db, 'standing_committee', p.id));
  const comSessions = new Map<number, TestSession>();
  for (const c of communes) if (!comSessions.has(c.id)) comSessions.set(c.id, await sessionAs(db, 'unit_staff', c.id));
  const communeById = new Map(w.communes.map((c) => [c.id, c]));
  const villageOf = (communeId: number) => pick(rand, communeById.get(communeId)!.villages);
  const province: Probe[] = [];
  const commune: Probe[] = [];
  const communeThen: Probe[] = [];
  for (let i = 0; i < n; i++) {
    const p = pick(rand, provinces);
    const other = pick(
      rand,
      w.provinces.filter((x) => x.id !== p.id),
    );
    const inScope = rand() < 0.5;
    const pp = inScope ? p : other;
    province.push({
      session: provSessions.get(p.id)!,
      target: rand() < 0.2 && pp.oldCommunes.length ? pick(rand, pp.oldCommunes) : villageOf(pick(rand, pp.communes)),
    });
    const c = pick(rand, communes);
    const sibling = pick(
      rand,
      w.provinces.find((x) => x.id === c.provinceId)!.communes.filter((x) => x !== c.id),
    );
    commune.push({ session: comSessions.get(c.id)!, target: rand() < 0.5 ? villageOf(c.id) : villageOf(sibling) });
    const past = [...c.villages, ...c.endedVillages];
    communeThen.push({ session: comSessions.get(c.id)!, target: rand() < 0.5 ? pick(rand, past) : villageOf(sibling) });
  }
  return { province, commune, communeThen };
}

/** (b) The per-request access check, against the naive walk; then a whole GET /api/units/:id. */
export async function accessSuite(db: Db, w: World, b: Budget): Promise<Row[]> {
  const n = b.fast + b.warmup;
  const probes = await makeProbes(db, w, n);
  const rows: Row[] = [];
  const cases: Array<[string, Probe[], string | undefined]> = [
    ['province user, undated', probes.province, undefined],
    ['commune user, undated', probes.commune, undefined],
    [`commune user, dated ${D_THEN}`, probes.communeThen, D_THEN],
  ];
  for (const [label, list, date] of cases) {
    const product = (p: Probe) => outcome(() => assertUnitAccess(db, p.session.user, 'unit.read', p.target, date));
    const naive = (p: Probe) => (date ? naiveAccessDated(db, p.session.user, p.target, date) : naiveAccessUndated(db, p.session.user, p.target));
    let agree = 0;
    let allowed = 0;
    const checked = list.slice(0, 200);
    for (const p of checked) {
      const [a, c] = [await product(p), await naive(p)];
      if (a === c) agree++;
      if (a === 'ok') allowed++;
    }
    const productStats = await timeLoop(b.fast, b.warmup, (i) => product(list[i]));
    const naiveStats = await timeLoop(b.naiveFast, b.warmup, (i) => naive(list[i]));
    rows.push({
      group: 'access',
      name: `assertUnitAccess: ${label}`,
      product: productStats,
      naive: naiveStats,
      ratio: ratioOf(naiveStats, productStats),
      check: `${allowed}/${checked.length} allowed; same outcome as naive ${agree}/${checked.length}`,
    });
  }
  rows.push(...(await httpRows(db, probes.commune, b)));
  return rows;
}

/** A whole request through the real app (session lookup, access check, unit detail, serialisation). */
async function httpRows(db: Db, probes: Probe[], b: Budget): Promise<Row[]> {
  // Loaded lazily: the rest of the benchmark still runs while a route module is broken.
  let app: Awaited<ReturnType<typeof import('../../apps/server/src/app').buildApp>>;
  try {
    const { buildApp } = await import('../../apps/server/src/app');
    app = await buildApp(db, { ...loadConfig({}), demoPassword: 'bench-password-1' });
  } catch (err) {
    console.error(`HTTP measurement skipped: the app did not load (${(err as Error).message})`);
    return [];
  }
  await app.ready();
  try {
    const statuses = new Map<number, number>();
    const results: Array<{ probe: Probe; status: number }> = [];
    for (const probe of probes) {
      const res = await app.inject({ method: 'GET', url: `/api/units/${probe.target}`, headers: probe.session.headers });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      results.push({ probe, status: res.statusCode });
    }
    const rows: Row[] = [];
    for (const want of [200, 403]) {
      const list = results.filter((r) => r.status === want).map((r) => r.probe);
      if (!list.length) continue;
      const stats = await timeLoop(b.http, b.warmup, async (i) => {
        const p = list[i % list.length];
        const res = await app.inject({ method: 'GET', url: `/api/units/${p.target}`, headers: p.session.headers });
        if (res.statusCode !== want) throw new Error(`GET /api/units/${p.target}: ${res.statusCode}, expected ${want}`);
      });
      rows.push({
        group: 'http',
        name: `HTTP GET /api/units/:id → ${want}${want === 200 ? ' (in scope)' : ' (out of scope)'}`,
        product: stats,
        check: `status mix over ${probes.length} probes: ${[...statuses].map(([s, c]) => `${s}×${c}`).join(', ')}`,
      });
    }
    return rows;
  } finally {
    await app.close();
  }
}

/** (c) One metric for all 3,321 communes in one query, against computing it one commune at a time. */
export async function metricSuite(db: Db, w: World, b: Budget): Promise<MetricResult[]> {
  const def = getMetric('org.units_by_level');
  const ids = w.communes.map((c) => c.id);
  const rand = prng(3);
  const sample = Array.from({ length: b.metricSample }, () => pick(rand, ids));
  const out: MetricResult[] = [];
  const periods: Array<[string, string, string, 'now' | 'then']> = [
    ['2024, as units are now', '2024-01-01', '2024-12-31', 'now'],
    ['2024, as units were then', '2024-01-01', '2024-12-31', 'then'],
    ['2026 H1, as units are now', '2026-01-01', '2026-06-30', 'now'],
    ['2026 H1, as units were then', '2026-01-01', '2026-06-30', 'then'],
  ];
  for (const [label, from, to, view] of periods) {
    const all = () => computeMetric(db, def, { unitIds: ids, from, to, view });
    const first = await timeOnce(all);
    const villages = [...first.value.values()].reduce((s, r) => s + (r.byDim.village ?? 0), 0);
    const product = await timeLoop(b.metricRuns, 1, all);
    const perUnit: number[] = [];
    let agree = 0;
    for (const id of sample) {
      const t = await timeOnce(() => computeMetric(db, def, { unitIds: [id], from, to, view }));
      perUnit.push(t.ms);
      if (t.value.get(id)!.value === first.value.get(id)!.value) agree++;
    }
    const naivePerUnit = summarize(perUnit);
    const naiveTotalMs = naivePerUnit.mean * ids.length;
    out.push({
      name: `org.units_by_level × ${ids.length} communes, ${label}`,
      product,
      naivePerUnit,
      naiveSample: sample.length,
      naiveTotalMs,
      ratio: naiveTotalMs / product.p50,
      check: `villages counted ${villages}; per-unit values equal ${agree}/${sample.length}`,
    });
  }
  return out;
}
