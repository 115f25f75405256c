// The three org metrics on hand-built facts, "as units were then" and "as units are now" across the
// 2025 merger of makeWorld (A and B into S, D into T).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricResult } from '@contract/metrics';
import type { RootDb } from '../../db/db';
import { computeMetric, getMetric } from '../../platform/metrics';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, sessionAs, type World } from '../../test/factories';
import { insertChange, insertCommittee, insertMember } from './testing';
import '../metrics-index';

let db: RootDb;
let w: World;
beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  const kA = await insertCommittee(db, w.A, 'front_committee', '2019-06-01', '2024-06-01');
  await insertMember(db, kA, 'Chủ tịch A', 'chair', '2019-06-01', '2024-06-01');
  await insertMember(db, kA, 'Phó Chủ tịch A1', 'vice_chair', '2019-06-01', '2024-06-01');
  await insertMember(db, kA, 'Phó Chủ tịch A2', 'vice_chair', '2019-06-01', '2024-06-01');
  await insertMember(db, kA, 'Ủy viên A1', 'member', '2019-06-01', '2024-06-01');
  await insertMember(db, kA, 'Ủy viên A2', 'member', '2019-06-01', '2024-06-01');
  const gone = await insertMember(db, kA, 'Ủy viên A3', 'member', '2019-06-01', '2023-03-01');
  await insertChange(db, kA, '2023-03-01', 'member', gone, null);
  const kB = await insertCommittee(db, w.B, 'front_committee', '2019-06-01', '2024-06-01');
  await insertChange(db, kB, '2023-05-01', 'vice_chair', null, await insertMember(db, kB, 'Phó Chủ tịch B', 'vice_chair', '2023-05-01', '2024-06-01'));
  const kD = await insertCommittee(db, w.D, 'front_committee', '2019-06-01', '2024-06-01');
  await insertChange(db, kD, '2023-07-01', 'chair', null, await insertMember(db, kD, 'Chủ tịch D', 'chair', '2023-07-01', '2024-06-01'));
  const kS = await insertCommittee(db, w.S, 'front_committee', '2025-08-01', 'infinity', '2025–2030');
  await insertMember(db, kS, 'Chủ tịch S', 'chair', '2025-08-01');
  await insertMember(db, kS, 'Ủy viên S1', 'member', '2025-08-01');
  await insertChange(db, kS, '2026-02-01', 'member', null, await insertMember(db, kS, 'Ủy viên S2', 'member', '2026-02-01'));
  // Work boards: A1 since 2019 (moves to S with its village), D1 until the end of 2023, B1 none.
  const bA1 = await insertCommittee(db, w.A1, 'work_board', '2019-01-01');
  await insertMember(db, bA1, 'Trưởng ban A1', 'head', '2019-01-01');
  await insertCommittee(db, w.D1, 'work_board', '2019-01-01', '2024-01-01');
});
afterAll(() => db?.close());

async function metric(key: string, unitIds: number[], from: string, to: string, view: 'now' | 'then') {
  return computeMetric(db, getMetric(key), { unitIds, from, to, view });
}

describe('org.membership_changes', () => {
  it('counts the old wards\' 2023 changes for S only "as units are now", by position', async () => {
    const now = await metric('org.membership_changes', [w.S, w.T, w.C], '2023-01-01', '2023-12-31', 'now');
    const then = await metric('org.membership_changes', [w.S, w.T, w.C], '2023-01-01', '2023-12-31', 'then');
    expect(now.get(w.S)!.byDim).toEqual({ member: 1, vice_chair: 1 });
    expect(now.get(w.T)!.byDim).toEqual({ chair: 1 });
    expect(then.get(w.S)!.value).toBe(0);
    expect(then.get(w.T)!.value).toBe(0);
    expect(then.get(w.C)!.byDim).toEqual({ member: 1, vice_chair: 1, chair: 1 });
  });

  it('counts only changes dated inside the period', async () => {
    expect((await metric('org.membership_changes', [w.S], '2023-03-02', '2023-12-31', 'now')).get(w.S)!.byDim).toEqual({ vice_chair: 1 });
    expect((await metric('org.membership_changes', [w.S], '2026-01-01', '2026-12-31', 'now')).get(w.S)!.byDim).toEqual({ member: 1 });
  });
});

describe('org.committee_members', () => {
  it("counts members active at the end of the period, at the committee's unit", async () => {
    const now = await metric('org.committee_members', [w.S, w.C], '2023-01-01', '2023-12-31', 'now');
    expect(now.get(w.S)!.byDim).toEqual({ chair: 1, vice_chair: 3, member: 2, head: 1 });
    const then = await metric('org.committee_members', [w.S, w.C, w.A], '2023-01-01', '2023-12-31', 'then');
    expect(then.get(w.S)!.value).toBe(0);
    expect(then.get(w.A)!.byDim).toEqual({ chair: 1, vice_chair: 2, member: 2, head: 1 });
    expect(then.get(w.C)!.byDim).toEqual({ chair: 2, vice_chair: 3, member: 2, head: 1 });
    const later = await metric('org.committee_members', [w.S], '2026-01-01', '2026-12-31', 'then');
    expect(later.get(w.S)!.byDim).toEqual({ chair: 1, member: 2, head: 1 });
  });
});

describe('org.villages_with_work_board', () => {
  it('counts villages valid at the end of the period with a board active then', async () => {
    const then2023 = await metric('org.villages_with_work_board', [w.C, w.A, w.B, w.D], '2023-01-01', '2023-12-31', 'then');
    expect([w.C, w.A, w.B, w.D].map((u) => then2023.get(u)!.value)).toEqual([2, 1, 0, 1]);
    const then2024 = await metric('org.villages_with_work_board', [w.C], '2024-01-01', '2024-12-31', 'then');
    expect(then2024.get(w.C)!.value).toBe(1);
    const s2023 = await metric('org.villages_with_work_board', [w.S, w.T], '2023-01-01', '2023-12-31', 'now');
    expect([s2023.get(w.S)!.value, s2023.get(w.T)!.value]).toEqual([1, 1]);
    expect((await metric('org.villages_with_work_board', [w.S], '2023-01-01', '2023-12-31', 'then')).get(w.S)!.value).toBe(0);
    expect((await metric('org.villages_with_work_board', [w.S, w.T], '2026-01-01', '2026-12-31', 'then')).get(w.S)!.value).toBe(1);
  });

  it("is served by GET /api/metrics/:key within the reader's scope", async () => {
    const app = await testApp(db);
    try {
      const { headers } = await sessionAs(db, 'unit_staff', w.S);
      const res = await app.inject({ method: 'GET', url: `/api/metrics/org.membership_changes?unit=${w.S}&from=2023-01-01&to=2023-12-31&view=now&by=none`, headers });
      expect(res.statusCode).toBe(200);
      const body: MetricResult = res.json();
      expect(body.total).toMatchObject({ value: 2, byDim: { member: 1, vice_chair: 1 } });
      expect(body.metric.dims?.chair).toEqual({ vi: 'Chủ tịch', en: 'Chair' });
      const out = await app.inject({ method: 'GET', url: `/api/metrics/org.membership_changes?unit=${w.T}&from=2023-01-01&to=2023-12-31`, headers });
      expect(out.json().error.code).toBe('OUT_OF_SCOPE');
    } finally {
      await app.close();
    }
  });
});
