// A congress sets its targets without code: create (given or copied), add and edit targets, audited;
// refused for leadership, staff, other wards, bad rules and overlapping terms — with nothing written.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CongressDetail, TargetInput } from '@contract/targets';
import type { RootDb } from '../../db/db';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { STANDARD_TARGETS_2024 } from './standard-targets';

const t = useWorldApp();
let btt: TestSession;
let source: CongressDetail;

const congressesAt = async (db: RootDb, unitId: number) => (await db.query<{ n: number }>('select count(*)::int as n from target_congresses where unit_id = $1', [unitId]))[0].n;
const targetsAt = async (db: RootDb, unitId: number) =>
  (await db.query<{ n: number }>('select count(*)::int as n from target_defs d join target_congresses k on k.id = d.congress_id where k.unit_id = $1', [unitId]))[0].n;

beforeAll(async () => {
  btt = await sessionAs(t.db, 'standing_committee', t.w.P);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/target-congresses',
    headers: btt.headers,
    payload: { unitId: t.w.C, termLabel: '2024-2029', name: 'Đại hội thành phố', validFrom: '2024-07-12', targets: STANDARD_TARGETS_2024 },
  });
  expect(res.statusCode, res.body).toBe(200);
  source = res.json();
});

describe('congress targets', () => {
  it('creates a congress with the 16 targets, ending with its unit, audited', async () => {
    expect(source).toMatchObject({ termLabel: '2024–2029', validTo: '2025-07-01', targetCount: 16, canManage: true });
    expect(source.targets[3].measures.map((m) => m.code)).toEqual(['4a', '4b', '4c']);
    const [a] = await t.db.query<{ action: string; actor_id: number }>(`select action, actor_id from audit_log where entity = 'target_congress' and entity_id = $1`, [
      String(source.id),
    ]);
    expect(a).toMatchObject({ action: 'create', actor_id: btt.user.id });
  });

  it('lets a new ward copy them into its own congress and set a 17th target of its own', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/target-congresses',
      headers: btt.headers,
      payload: { unitId: t.w.S, termLabel: '2025–2030', name: 'Đại hội phường', validFrom: '2025-07-01', validTo: '2030-07-01', copyFrom: source.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    const ward = res.json<CongressDetail>();
    expect(ward.targets).toHaveLength(16);
    const extra: TargetInput = {
      number: 17,
      title: { vi: 'Mỗi tổ dân phố có ít nhất 01 mô hình tự quản', en: 'A self-managed model in every residential group' },
      measures: [
        {
          code: '17',
          label: { vi: 'Tổ dân phố có mô hình', en: 'Groups with a model' },
          levels: ['commune'],
          each: 'village',
          quantity: { kind: 'value', metric: { metric: 'security.self_managed_models' } },
          rule: { op: 'gte', value: 1 },
        },
      ],
    };
    const added = await t.app.inject({ method: 'POST', url: `/api/target-congresses/${ward.id}/targets`, headers: btt.headers, payload: extra });
    expect(added.statusCode, added.body).toBe(200);
    expect((await t.app.inject({ url: `/api/targets?unit=${t.w.S}&year=2026`, headers: btt.headers })).json().targets.map((x: { number: number }) => x.number)).toContain(17);
  });

  it("edits a target's rule, audited with before and after", async () => {
    const nine = source.targets.find((x) => x.number === 9)!;
    const measures = [{ ...nine.measures[0], rule: { op: 'range', min: 6, max: 8 } }];
    const res = await t.app.inject({ method: 'PATCH', url: `/api/target-defs/${nine.id}`, headers: btt.headers, payload: { measures } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().measures[0].rule).toEqual({ op: 'range', min: 6, max: 8 });
    const [a] = await t.db.query<{ before: { measures: Array<{ rule: unknown }> }; after: { measures: Array<{ rule: unknown }> } }>(
      `select before, after from audit_log where entity = 'target' and entity_id = $1 and action = 'update'`,
      [String(nine.id)],
    );
    expect(a.before.measures[0].rule).toEqual({ op: 'range', min: 5, max: 7 });
    expect(a.after.measures[0].rule).toEqual({ op: 'range', min: 6, max: 8 });
  });

  it("refuses leadership, staff, another ward's committee, bad rules and overlaps; nothing is written", async () => {
    const { db, w, app } = t;
    const nine = source.targets.find((x) => x.number === 9)!;
    const before = { congresses: await congressesAt(db, w.T), targets: await targetsAt(db, w.C) };
    const create = { unitId: w.T, termLabel: '2025–2030', name: 'Đại hội', validFrom: '2025-07-01', copyFrom: source.id };
    const tryAs = async (s: TestSession) =>
      [
        await app.inject({ method: 'POST', url: '/api/target-congresses', headers: s.headers, payload: create }),
        await app.inject({ method: 'PATCH', url: `/api/target-defs/${nine.id}`, headers: s.headers, payload: { title: { vi: 'Sửa', en: 'Edit' } } }),
      ].map((r) => [r.statusCode, r.json().error?.code]);

    expect(await tryAs(await sessionAs(db, 'leadership', w.P))).toEqual([
      [403, 'FORBIDDEN'],
      [403, 'FORBIDDEN'],
    ]);
    expect(await tryAs(await sessionAs(db, 'unit_staff', w.T))).toEqual([
      [403, 'FORBIDDEN'],
      [403, 'FORBIDDEN'],
    ]);
    // The standing committee of S: T and the old city are not its units.
    expect(await tryAs(await sessionAs(db, 'standing_committee', w.S))).toEqual([
      [403, 'OUT_OF_SCOPE'],
      [403, 'OUT_OF_SCOPE'],
    ]);

    const badRange = await app.inject({
      method: 'PATCH',
      url: `/api/target-defs/${nine.id}`,
      headers: btt.headers,
      payload: { measures: [{ ...nine.measures[0], rule: { op: 'range', min: 7, max: 5 } }] },
    });
    expect(badRange.statusCode).toBe(400);
    expect(badRange.json().error).toMatchObject({ code: 'TARGET_RULE_INVALID', message: expect.stringContaining('không hợp lệ') });
    const overlap = await app.inject({
      method: 'POST',
      url: '/api/target-congresses',
      headers: btt.headers,
      payload: { unitId: w.C, termLabel: '2024–2029', name: 'Trùng', validFrom: '2025-01-01' },
    });
    expect([overlap.statusCode, overlap.json().error.code]).toEqual([409, 'TARGET_CONGRESS_OVERLAP']);
    const outside = await app.inject({
      method: 'POST',
      url: '/api/target-congresses',
      headers: btt.headers,
      payload: { unitId: w.C, termLabel: '2019–2024', name: 'Quá thời gian của thành phố', validFrom: '2019-07-01', validTo: '2026-01-01' },
    });
    expect(outside.json().error.code).toBe('TARGET_PERIOD_INVALID');
    const dup = await app.inject({
      method: 'POST',
      url: '/api/target-congresses',
      headers: btt.headers,
      payload: { ...create, targets: [STANDARD_TARGETS_2024[0], STANDARD_TARGETS_2024[0]] },
    });
    expect(dup.json().error.code).toBe('TARGET_NUMBER_TAKEN');
    const badMetric = await app.inject({
      method: 'POST',
      url: '/api/target-congresses',
      headers: btt.headers,
      payload: {
        ...create,
        targets: [{ ...STANDARD_TARGETS_2024[0], measures: [{ ...STANDARD_TARGETS_2024[0].measures[0], quantity: { kind: 'value', metric: { metric: 'DROP TABLE' } } }] }],
      },
    });
    expect(badMetric.json().error.code).toBe('VALIDATION');

    expect({ congresses: await congressesAt(db, w.T), targets: await targetsAt(db, w.C) }).toEqual(before);
    const unchanged = (await app.inject({ url: `/api/target-congresses/${source.id}`, headers: btt.headers })).json<CongressDetail>();
    expect(unchanged.targets.find((x) => x.number === 9)!.title).toEqual(nine.title);
  });

  it('lists the congresses around a unit; another ward cannot read them', async () => {
    const { db, w, app } = t;
    const s = await sessionAs(db, 'unit_staff', w.S);
    const list = (await app.inject({ url: `/api/target-congresses?unit=${w.S}`, headers: s.headers })).json();
    expect(list.map((k: { unitId: number }) => k.unitId).sort()).toEqual([w.C, w.S].sort());
    expect((await app.inject({ url: `/api/target-congresses?unit=${w.T}`, headers: s.headers })).json().error.code).toBe('OUT_OF_SCOPE');
    // From the province: the congresses below it too, to copy from.
    const fromP = (await app.inject({ url: `/api/target-congresses?unit=${w.P}`, headers: btt.headers })).json();
    expect(fromP.map((k: { unitId: number }) => k.unitId).sort()).toEqual([w.C, w.S].sort());
    // The city's congress set the targets of S's predecessors: S may read it; T's staff may not read S's.
    expect((await app.inject({ url: `/api/target-congresses/${source.id}`, headers: s.headers })).statusCode).toBe(200);
    const [wardCongress] = list.filter((k: { unitId: number }) => k.unitId === w.S);
    const tStaff = await sessionAs(db, 'unit_staff', w.T);
    expect((await app.inject({ url: `/api/target-congresses/${wardCongress.id}`, headers: tStaff.headers })).json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('starts a ward congress from the template of the 16 targets adopted by a ward', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/target-congresses',
      headers: btt.headers,
      payload: { unitId: t.w.T, termLabel: '2025–2030', name: 'Đại hội phường Đa Mai', validFrom: '2025-07-01', template: 'standard_2024_ward' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const k = res.json<CongressDetail>();
    expect(k.targets).toHaveLength(16);
    expect(k.targets.find((x) => x.number === 10)!.measures.map((m) => m.code)).toEqual(['10b', '10d']);
  });
});
