import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import { importBacGiangHistory, importReform2025 } from '../modules/units/import';
import { isolatedDb } from '../test/db';
import { DEMO_VILLAGE_COUNT, seedDemoVillages } from './villages';

let db: RootDb;
beforeAll(async () => {
  db = await isolatedDb();
  await db.tx(async (tx) => {
    await importBacGiangHistory(tx, null);
    await importReform2025(tx, null, { provinceCodes: ['24'] });
    await seedDemoVillages(tx);
  });
});
afterAll(() => db.close());

/** The name of the ward a village belonged to on a date. */
const wardOf = async (code: string, on: string) =>
  (
    await db.query<{ name: string; code: string }>(
      `select w.code, (select name from unit_versions where unit_id = w.id and valid_from <= $2::date and $2::date < valid_to) as name
       from units v join unit_versions vv on vv.unit_id = v.id and vv.valid_from <= $2::date and $2::date < vv.valid_to
       join units w on w.id = vv.parent_id where v.level = 'village' and v.code = $1`,
      [code, on],
    )
  )[0];
const villagesPerWard = async (on: string) =>
  Object.fromEntries(
    (
      await db.query<{ name: string; n: number }>(
        `select (select name from unit_versions where unit_id = w.id and valid_from <= $1::date and $1::date < valid_to) as name, count(*)::int as n
       from units v join unit_versions vv on vv.unit_id = v.id and vv.valid_from <= $1::date and $1::date < vv.valid_to
       join units w on w.id = vv.parent_id where v.level = 'village' group by 1`,
        [on],
      )
    ).map((r) => [r.name, r.n]),
  );

describe('the demo villages', () => {
  it('151 villages and residential groups over the 16 wards/communes from 2019, coded <ward>.<nn>', async () => {
    expect(DEMO_VILLAGE_COUNT).toBe(151);
    const perWard = await villagesPerWard('2019-01-01');
    expect(Object.keys(perWard)).toHaveLength(16);
    expect(Object.values(perWard).reduce((a, b) => a + b, 0)).toBe(151);
    const [bad] = await db.query<{ n: number }>(`select count(*)::int as n from units where level = 'village' and code !~ '^[0-9]{5}\\.[0-9]{2}$'`);
    expect(bad.n).toBe(0);
    expect(await wardOf('07213.01', '2024-06-01')).toMatchObject({ code: '07213', name: 'Phường Trần Phú' });
    const [tdp] = await db.query<{ name: string; kind: string }>(
      `select v.name, u.kind from units u join unit_versions v on v.unit_id = u.id where u.code = '07213.01' order by v.valid_from limit 1`,
    );
    expect(tdp).toEqual({ name: 'Tổ dân phố số 1', kind: 'Tổ dân phố' });
  });

  it('move with their ward: Lê Lợi and Trần Nguyên Hãn on 2025-01-01, every one into the new wards on 2025-07-01', async () => {
    expect(await wardOf('07219.01', '2024-12-31')).toMatchObject({ name: 'Phường Lê Lợi' });
    expect(await wardOf('07219.01', '2025-01-01')).toMatchObject({ name: 'Phường Hoàng Văn Thụ' });
    expect(await wardOf('07204.01', '2025-01-01')).toMatchObject({ name: 'Phường Thọ Xương' });
    expect(await wardOf('07213.01', '2025-07-01')).toMatchObject({ code: '07210', name: 'Phường Bắc Giang' });
    expect(await villagesPerWard('2025-08-01')).toEqual({ 'Phường Bắc Giang': 97, 'Phường Đa Mai': 34, 'Phường Tiền Phong': 13, 'Phường Tân Tiến': 7 });
    // The same village unit, with a 'move' event per change of ward (and a 'rename' at the merger).
    const events = await db.query<{ kind: string; effective_date: string }>(
      `select e.kind, e.effective_date::text from unit_events e join unit_event_units eu on eu.event_id = e.id
         join units u on u.id = eu.unit_id where u.code = '07219.01' order by e.effective_date, e.kind`,
    );
    expect(events).toEqual([
      { kind: 'move', effective_date: '2025-01-01' },
      { kind: 'move', effective_date: '2025-07-01' },
      { kind: 'rename', effective_date: '2025-07-01' },
    ]);
  });

  it('seeding again adds nothing', async () => {
    const count = async () => (await db.query<{ n: number }>(`select count(*)::int as n from units where level = 'village'`))[0].n;
    await db.tx((tx) => seedDemoVillages(tx));
    expect(await count()).toBe(151);
  });
});

describe('names after the 2025 merger', () => {
  it("numbered residential groups take their old ward's name, so none repeats inside a new ward", async () => {
    const names = async (code: string, on: string) =>
      (
        await db.query<{ name: string }>(
          `select v.name from units u join unit_versions v on v.unit_id = u.id where u.code = $1 and v.valid_from <= $2::date and $2::date < v.valid_to`,
          [code, on],
        )
      )[0]?.name;
    expect(await names('07213.01', '2025-06-30')).toBe('Tổ dân phố số 1');
    expect(await names('07213.01', '2025-07-01')).toBe('Tổ dân phố Trần Phú 1');
    const [dup] = await db.query<{ n: number }>(
      `select count(*)::int as n from (
         select v.parent_id, v.name from units u join unit_versions v on v.unit_id = u.id
          where u.level = 'village' and u.code like '072%.__' and v.valid_from <= '2025-08-01' and '2025-08-01' < v.valid_to
          group by 1, 2 having count(*) > 1) d`,
    );
    expect(dup.n).toBe(0);
  });
});
