import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import { testDb } from '../test/db';
import { makeWorld, sessionAs, type World } from '../test/factories';
import { assertUnitAccess, unitsInScope } from './access';
import { computeMetric, getMetric } from './metrics';
import '../modules/metrics-index';

let db: RootDb;
let w: World;
beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
});
afterAll(() => db.close());

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => e.code as string,
  );

describe('scope follows units through mergers', () => {
  it('a user of the successor ward reaches the merged wards and their villages, not a sibling', async () => {
    const { user } = await sessionAs(db, 'unit_staff', w.S);
    expect(await code(assertUnitAccess(db, user, 'unit.read', w.A))).toBe('ok');
    expect(await code(assertUnitAccess(db, user, 'unit.read', w.A1))).toBe('ok');
    expect(await code(assertUnitAccess(db, user, 'org.write', w.A1, '2023-05-01'))).toBe('ok');
    expect(await code(assertUnitAccess(db, user, 'unit.read', w.D))).toBe('OUT_OF_SCOPE');
    expect(await code(assertUnitAccess(db, user, 'unit.read', w.T))).toBe('OUT_OF_SCOPE');
    expect(await code(assertUnitAccess(db, user, 'unit.read', w.C))).toBe('OUT_OF_SCOPE');
    expect(await code(assertUnitAccess(db, user, 'unit.read', 999_999_999))).toBe('UNIT_NOT_FOUND');
  });

  it('a user of an ended city reads its past and records nothing after its end', async () => {
    const { user } = await sessionAs(db, 'standing_committee', w.C);
    expect(await code(assertUnitAccess(db, user, 'unit.read', w.A1))).toBe('ok');
    expect(await code(assertUnitAccess(db, user, 'org.write', w.A1, '2024-03-01'))).toBe('ok');
    expect(await code(assertUnitAccess(db, user, 'org.write', w.A1, '2025-07-01'))).toBe('UNIT_ENDED');
    expect(await code(assertUnitAccess(db, user, 'org.write', w.A1))).toBe('UNIT_ENDED');
    // After the reform the village belongs to S, which the city never contained.
    expect(await code(assertUnitAccess(db, user, 'unit.read', w.S))).toBe('OUT_OF_SCOPE');
  });

  it('a village head cannot reach the ward above; leadership cannot write', async () => {
    const head = (await sessionAs(db, 'village_head', w.A1)).user;
    expect(await code(assertUnitAccess(db, head, 'unit.read', w.S))).toBe('OUT_OF_SCOPE');
    const lead = (await sessionAs(db, 'leadership', w.P)).user;
    expect(await code(assertUnitAccess(db, lead, 'unit.read', w.A1))).toBe('ok');
    expect(await code(assertUnitAccess(db, lead, 'org.write', w.A1))).toBe('FORBIDDEN');
  });

  it('batch check returns exactly the reachable ids', async () => {
    const { user } = await sessionAs(db, 'unit_staff', w.T);
    const ids = await unitsInScope(db, user, 'unit.read', [w.A, w.D, w.D1, w.T, w.S]);
    expect([...ids].sort()).toEqual([w.D, w.D1, w.T].sort());
  });
});

describe('metrics: as units were then, as units are now', () => {
  it('counts the merged wards\' 2023 facts for the successor only "as now"', async () => {
    const def = getMetric('org.units_by_level');
    const opts = { unitIds: [w.S, w.C], from: '2023-01-01', to: '2023-12-31' };
    const now = await computeMetric(db, def, { ...opts, view: 'now' });
    const then = await computeMetric(db, def, { ...opts, view: 'then' });
    expect(now.get(w.S)!.byDim).toEqual({ commune: 2, village: 2 });
    expect(then.get(w.S)!.value).toBe(0);
    expect(then.get(w.C)!.byDim).toEqual({ district: 1, commune: 3, village: 3 });
  });
});
