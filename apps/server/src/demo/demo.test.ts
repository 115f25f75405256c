import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import { demoDb } from '../test/db';
import { computeMetric, getMetric } from '../platform/metrics';
import { DEMO_ACCOUNTS } from './demo';
import '../modules/metrics-index';

/** The demo world as a user meets it: the seed's city, then the real reform. */
let db: RootDb;
beforeAll(async () => {
  db = await demoDb();
});
afterAll(() => db.close());

const unitAt = async (code: string, level: string, on: string) => {
  const [u] = await db.query<{ id: number }>('select id from units where code = $1 and level = $2 and valid_from <= $3::date and $3::date < valid_to', [code, level, on]);
  return u.id;
};

describe('demo data', () => {
  it("has the seed's city: 16 wards/communes and 151 villages in 2024", async () => {
    const city = await unitAt('213', 'district', '2024-06-01');
    const [r] = await db.query<{ communes: number; villages: number }>(
      `select count(*) filter (where u.level = 'commune')::int as communes, count(*) filter (where u.level = 'village')::int as villages
         from unit_closure c join units u on u.id = c.descendant_id
        where c.ancestor_id = $1 and c.valid_from <= '2024-06-01' and '2024-06-01' < c.valid_to`,
      [city],
    );
    expect(r).toEqual({ communes: 16, villages: 151 });
  });

  it('creates every demo account at its unit', async () => {
    const rows = await db.query<{ username: string }>('select username from users order by username');
    expect(rows.map((r) => r.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
  });

  it('Phường Bắc Giang in 2023 "as units are now" counts what the seven old wards recorded; "as then" does not', async () => {
    const pbg = await unitAt('07210', 'commune', '2025-07-01');
    const seven = await Promise.all(['07201', '07207', '07210', '07213', '07225', '07231', '07441'].map((c) => unitAt(c, 'commune', '2024-06-01')));
    const def = getMetric('org.membership_changes');
    const opts = { from: '2023-01-01', to: '2023-12-31' };
    const now = await computeMetric(db, def, { ...opts, unitIds: [pbg, ...seven], view: 'now' });
    const then = await computeMetric(db, def, { ...opts, unitIds: [pbg, ...seven], view: 'then' });
    const sumOfSeven = seven.reduce((s, id) => s + then.get(id)!.value, 0);
    expect(sumOfSeven).toBeGreaterThan(0);
    expect(now.get(pbg)!.value).toBeGreaterThanOrEqual(sumOfSeven);
    expect(then.get(pbg)!.value).toBe(0);
  });
});
