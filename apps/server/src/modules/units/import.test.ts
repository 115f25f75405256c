import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type RootDb } from '../../db/db';
import { migrate } from '../../db/migrate';
import type { App } from '../../platform/http';
import { testApp } from '../../test/app';
import { isolatedDb } from '../../test/db';
import { sessionAs, type TestSession } from '../../test/factories';
import { importBacGiangHistory, importReform2025 } from './import';
import { predecessorsOf, subtreeIds, successorsAt } from './queries';

/** The real data, imported through the admin route into a database of this file's own. */
let db: RootDb;
let app: App;
let admin: TestSession;
beforeAll(async () => {
  db = await isolatedDb();
  app = await testApp(db);
  admin = await sessionAs(db, 'admin', null);
  for (const payload of [{ dataset: 'bac-giang-2020-2025' }, { dataset: 'reform-2025-07-01', provinceCodes: ['24'] }]) {
    const res = await app.inject({ method: 'POST', url: '/api/units/import', headers: admin.headers, payload });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
});
afterAll(async () => {
  await app.close();
  await db.close();
});

/** The unit of a level with a code, valid on a date. */
async function unit(code: string, level: string, on: string): Promise<number> {
  const [u] = await db.query<{ id: number }>('select id from units where code = $1 and level = $2 and valid_from <= $3::date and $3::date < valid_to', [code, level, on]);
  if (!u) throw new Error(`no ${level} ${code} on ${on}`);
  return u.id;
}
const names = async (ids: number[]) =>
  (
    await db.query<{ name: string }>(
      `select (select name from unit_versions v where v.unit_id = u.id order by valid_from desc limit 1) as name
       from units u where u.id = any($1::bigint[]) order by 1`,
      [ids],
    )
  ).map((r) => r.name);
const levelCount = async (ids: number[], level: string) =>
  (await db.query<{ n: number }>('select count(*)::int as n from units where id = any($1::bigint[]) and level = $2', [ids, level]))[0].n;

describe('the real Bắc Giang data and the 2025 reform', () => {
  it('the import route writes its audit row', async () => {
    const rows = await db.query<{ entity_id: string; after: { dataset: string } }>(
      `select entity_id, after from audit_log where entity = 'unit_import' and actor_id = $1 order by id`,
      [admin.user.id],
    );
    expect(rows.map((r) => r.entity_id)).toEqual(['bac-giang-2020-2025', 'reform-2025-07-01']);
  });

  it('Phường Bắc Giang (07210, from 2025-07-01) has the seven wards of the seed among its predecessors', async () => {
    const pbg = await unit('07210', 'commune', '2025-07-01');
    const res = await app.inject({ method: 'GET', url: `/api/units/${pbg}?asOf=2025-08-01`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({ code: '07210', name: 'Phường Bắc Giang', validFrom: '2025-07-01', validTo: null, versions: [{ name: 'Phường Bắc Giang' }] });
    expect(detail.predecessors.map((p: { name: string }) => p.name).sort()).toEqual(
      [
        'Phường Dĩnh Kế',
        'Phường Dĩnh Trì',
        'Phường Hoàng Văn Thụ',
        'Phường Ngô Quyền',
        'Phường Thọ Xương',
        'Phường Trần Phú',
        'Phường Xương Giang',
        'Xã Nham Sơn',
        'Xã Thắng Cương',
      ].sort(),
    );
    expect(detail.events).toContainEqual(expect.objectContaining({ kind: 'merge', effectiveDate: '2025-07-01' }));
    expect(detail.ancestors).toEqual([expect.objectContaining({ name: 'Tỉnh Bắc Ninh', level: 'province' })]);
    // Transitively also the two wards merged on 2025-01-01.
    expect(await names(await predecessorsOf(db, pbg))).toEqual(expect.arrayContaining(['Phường Lê Lợi', 'Phường Trần Nguyên Hãn', 'Phường Trần Phú']));
  });

  it('old Trần Phú: its history, and its successor as of a date', async () => {
    const tp = await unit('07213', 'commune', '2024-01-01');
    const pbg = await unit('07210', 'commune', '2025-07-01');
    expect(await successorsAt(db, tp, '2024-06-01')).toEqual([tp]);
    expect(await successorsAt(db, tp, '2025-08-01')).toEqual([pbg]);
    const detail = (await app.inject({ method: 'GET', url: `/api/units/${tp}`, headers: admin.headers })).json();
    expect(detail).toMatchObject({ name: 'Phường Trần Phú', validFrom: '2019-01-01', validTo: '2025-07-01', successors: [{ id: pbg, name: 'Phường Bắc Giang', part: 'full' }] });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['merge']);
  });

  it('2025-01-01: Yên Dũng merges into the city; Lê Lợi and Trần Nguyên Hãn merge into wards that go on', async () => {
    const city = await unit('213', 'district', '2024-01-01');
    const yd = await unit('221', 'district', '2024-01-01');
    const lel = await unit('07219', 'commune', '2024-01-01');
    const hvt = await unit('07210', 'commune', '2024-01-01');
    const nb = await unit('07681', 'commune', '2024-01-01');
    const c2024 = await subtreeIds(db, city, '2024-06-01');
    expect(await levelCount(c2024, 'commune')).toBe(16);
    expect(c2024).toContain(lel);
    const c2025 = await subtreeIds(db, city, '2025-03-01');
    expect(await levelCount(c2025, 'commune')).toBe(34);
    expect(c2025).not.toContain(lel);
    expect(c2025).toContain(nb);
    expect(await subtreeIds(db, yd, '2024-06-01')).toContain(nb);
    expect(await successorsAt(db, yd, '2025-03-01')).toEqual([city]);
    expect(await successorsAt(db, lel, '2025-03-01')).toEqual([hvt]);
    const [note] = await db.query<{ note: string; legal_basis: string }>(
      `select e.note, e.legal_basis from unit_events e join unit_event_units eu on eu.event_id = e.id where eu.unit_id = $1 and e.kind = 'merge'`,
      [lel],
    );
    expect(note.note).toContain('suy ra');
    expect(note.legal_basis).toContain('1191/NQ-UBTVQH15');
    // The city ends with the district level on 2025-07-01.
    expect(await subtreeIds(db, city, '2025-07-01')).toEqual([]);
  });

  it('the new Tỉnh Bắc Ninh (24) is another unit than old Tỉnh Bắc Giang (24); old Bắc Ninh (27) rolls into it', async () => {
    const oldBg = await unit('24', 'province', '2024-01-01');
    const bn = await unit('24', 'province', '2025-07-01');
    const oldBn = await unit('27', 'province', '2024-01-01');
    expect(bn).not.toBe(oldBg);
    expect(await predecessorsOf(db, bn)).toEqual(expect.arrayContaining([oldBg, oldBn]));
    const now = await subtreeIds(db, bn, '2025-08-01');
    expect(await levelCount(now, 'commune')).toBe(99);
    expect(await levelCount(now, 'district')).toBe(0);
    // Old Bắc Ninh's communes are stubs under it until the reform.
    expect(await levelCount(await subtreeIds(db, oldBn, '2024-01-01'), 'commune')).toBe(121);
  });

  it('re-importing adds nothing', async () => {
    const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from units'))[0].n;
    const res = await db.tx(async (tx) => [await importBacGiangHistory(tx, null), await importReform2025(tx, null, { provinceCodes: ['24'] })]);
    for (const r of res) expect(r.created).toEqual({ units: 0, versions: 0, events: 0, lineage: 0 });
    expect(res[1].skipped.provinces).toEqual(['24']);
    const before = await count();
    await db.tx((tx) => importReform2025(tx, null, { provinceCodes: ['24'] }));
    expect(await count()).toBe(before);
  });
});

describe('the whole country on PGlite', () => {
  it('imports all 34 provinces well under a minute, whole and consistent, and only once', async () => {
    const local = await openPglite(undefined);
    try {
      await migrate(local);
      const units = async () => (await local.query<{ n: number }>('select count(*)::int as n from units'))[0].n;
      const t = Date.now();
      await local.tx((tx) => importReform2025(tx, null, { provinceCodes: ['24'] }));
      // Old Bắc Giang now exists as a stub until the reform: its history can no longer be imported over it.
      const before = await units();
      expect(
        await local
          .tx((tx) => importBacGiangHistory(tx, null))
          .then(
            () => 'ok',
            (e) => e.code,
          ),
      ).toBe('IMPORT_CONFLICT');
      expect(await units()).toBe(before);
      const summary = await local.tx((tx) => importReform2025(tx, null, {}));
      const ms = Date.now() - t;
      console.log(`whole-country import on PGlite: ${ms} ms`, summary.created);
      expect(ms).toBeLessThan(60_000);
      expect(summary.skipped.provinces).toEqual(['24']);
      const [c] = await local.query<{ provinces: number; communes: number; districts: number }>(
        `select count(*) filter (where level = 'province')::int as provinces, count(*) filter (where level = 'commune')::int as communes,
                count(*) filter (where level = 'district')::int as districts
           from units where valid_from <= '2025-08-01' and '2025-08-01' < valid_to`,
      );
      expect(c).toEqual({ provinces: 34, communes: 3321, districts: 0 });
      const [bad] = await local.query<{ n: number }>(
        `select count(*)::int as n from unit_versions v join units p on p.id = v.parent_id
          where not (p.valid_from <= v.valid_from and v.valid_to <= p.valid_to)`,
      );
      expect(bad.n).toBe(0);
      const again = await local.tx((tx) => importReform2025(tx, null, {}));
      expect(again.created.units).toBe(0);
      expect(again.skipped.provinces).toHaveLength(34);
    } finally {
      await local.close();
    }
  }, 180_000);
});
