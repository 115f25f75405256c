// Mediation: parties sealed at rest, masked in every list, export and audit row; read in clear only with
// mediation.parties at the case's unit, each read audited; village roles reach only their village.
import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { today } from '../../platform/access';
import { openParties } from './parties';

const t = useWorldApp();
const call = (s: TestSession, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

const PARTIES = [
  { name: 'Giáp Văn Khởi', phone: '0912345678', address: 'Ngõ 7, tổ 1' },
  { name: 'Thân Thị Nụ', phone: '0987654321' },
];
// Any part that would identify a party: full names, given names with their middle names, phone digits.
const leaks = (text: string) => ['Giáp Văn Khởi', 'Văn Khởi', 'Thân Thị Nụ', 'Thị Nụ', '2345678', '7654321', 'Ngõ 7'].filter((x) => text.includes(x));

async function teamAndCase(village: number) {
  const head = await sessionAs(t.db, 'village_head', village);
  const team = await call(head, 'POST', '/api/mediation/teams', {
    unitId: village,
    name: 'Tổ hòa giải',
    validFrom: '2025-08-01',
    members: [{ fullName: 'Nguyễn Văn Tổ', role: 'head' }],
  });
  expect(team.statusCode, team.body).toBe(200);
  const c = await call(head, 'POST', '/api/mediation/cases', { unitId: village, receivedOn: today(), kind: 'land', summary: 'Tranh chấp ranh giới', parties: PARTIES });
  expect(c.statusCode, c.body).toBe(200);
  return { head, caseId: c.json().id as number };
}

describe('mediation cases', () => {
  it('never show the parties unmasked in lists, exports, audit or the stored row', async () => {
    const { head, caseId } = await teamAndCase(t.w.A1);
    const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
    const outputs = [
      await call(head, 'GET', `/api/mediation/cases?unit=${t.w.A1}`),
      await call(staff, 'GET', `/api/mediation/cases?unit=${t.w.S}`),
      await call(staff, 'GET', `/api/mediation/cases/export.csv?unit=${t.w.S}`),
      await call(head, 'POST', `/api/mediation/cases/${caseId}/close`, { outcome: 'success', closedOn: today() }),
    ];
    for (const o of outputs) {
      expect(o.statusCode, o.body).toBe(200);
      expect(leaks(o.body)).toEqual([]);
    }
    expect(outputs[1].json().find((c: { id: number }) => c.id === caseId).partiesMasked).toBe('Giáp V. K. – Thân T. N.');
    expect(outputs[2].body).toContain('Giáp V. K. – Thân T. N.');
    const audit = await t.db.query<{ before: unknown; after: unknown }>(`select before, after from audit_log where entity = 'mediation_case' and entity_id = $1`, [String(caseId)]);
    expect(leaks(JSON.stringify(audit))).toEqual([]);
    const [row] = await t.db.query<Record<string, unknown>>('select * from mediation_cases where id = $1', [caseId]);
    expect(leaks(JSON.stringify(row))).toEqual([]);
    expect(openParties(row.parties_enc as string)).toEqual(PARTIES);
  });

  it('reveal the parties to a permitted reader, audited, and to no one else', async () => {
    const { head, caseId } = await teamAndCase(t.w.B1);
    const read = await call(head, 'GET', `/api/mediation/cases/${caseId}/parties`);
    expect(read.statusCode).toBe(200);
    expect(read.json().parties).toEqual(PARTIES);
    expect(read.headers['cache-control']).toBe('no-store');
    const reads = await t.db.query(`select 1 from audit_log where entity = 'mediation_case' and entity_id = $1 and action = 'read_parties' and actor_id = $2`, [
      String(caseId),
      head.user.id,
    ]);
    expect(reads).toHaveLength(1);
    // Leadership reads the lists but not the parties; a village head of another village reaches nothing there.
    for (const [role, unit, code] of [
      ['leadership', t.w.P, 'FORBIDDEN'],
      ['inspection_member', t.w.S, 'FORBIDDEN'],
      ['village_head', t.w.A1, 'OUT_OF_SCOPE'],
      ['unit_staff', t.w.T, 'OUT_OF_SCOPE'],
    ] as const) {
      const s = await sessionAs(t.db, role, unit);
      const res = await call(s, 'GET', `/api/mediation/cases/${caseId}/parties`);
      expect(res.json().error?.code, `${role}`).toBe(code);
      expect(await t.db.query('select 1 from audit_log where actor_id = $1', [s.user.id])).toHaveLength(0);
    }
  });

  it('village roles reach only their own village', async () => {
    const head = await sessionAs(t.db, 'village_head', t.w.A1);
    for (const unit of [t.w.B1, t.w.S, t.w.D1]) {
      expect((await call(head, 'GET', `/api/mediation/cases?unit=${unit}`)).json().error.code).toBe('OUT_OF_SCOPE');
      const res = await call(head, 'POST', '/api/mediation/cases', { unitId: unit, receivedOn: today(), kind: 'family', parties: PARTIES });
      expect(res.json().error.code).toBe('OUT_OF_SCOPE');
      expect((await call(head, 'GET', `/api/oversight/activities?unit=${unit}`)).json().error.code).toBe('OUT_OF_SCOPE');
    }
    // Nor do they record supervisions, even in their village.
    const sup = await call(head, 'POST', '/api/oversight/activities', {
      unitId: t.w.A1,
      kind: 'supervision',
      form: 'direct',
      title: 'X',
      subjectKind: 'agency',
      subject: 'Y',
      startedOn: today(),
    });
    expect(sup.json().error.code).toBe('FORBIDDEN');
    const one = await call(head, 'POST', '/api/mediation/cases', { unitId: t.w.A1, receivedOn: today(), kind: 'family', parties: [PARTIES[0]] });
    expect(one.json().error.code).toBe('VALIDATION');
  });

  it('count success over closed cases for target 11', async () => {
    const { head, caseId } = await teamAndCase(t.w.D1);
    await call(head, 'POST', `/api/mediation/cases/${caseId}/close`, { outcome: 'failure', closedOn: today() });
    const again = await call(head, 'POST', `/api/mediation/cases/${caseId}/close`, { outcome: 'success', closedOn: today() });
    expect(again.json().error.code).toBe('MEDIATION_CASE_CLOSED');
    const year = Number(today().slice(0, 4));
    const staff = await sessionAs(t.db, 'unit_staff', t.w.T);
    const stats = await call(staff, 'GET', `/api/mediation/stats?unit=${t.w.T}&year=${year}`);
    expect(stats.json()).toEqual({ cases: 1, closed: 1, successful: 0, rate: 0 });
    const m = await call(staff, 'GET', `/api/metrics/mediation.closed?unit=${t.w.T}&from=${year}-01-01&to=${year}-12-31&by=none`);
    expect(m.statusCode, m.body).toBe(200);
  });

  it("a case sent twice from the phone's offline queue is recorded once; the key is the sender's own", async () => {
    const { head } = await teamAndCase(t.w.D1);
    const body = { unitId: t.w.D1, receivedOn: today(), kind: 'family', summary: 'Mâu thuẫn gia đình', parties: PARTIES, clientKey: 'dev-5a1c-0001' };
    const first = await call(head, 'POST', '/api/mediation/cases', body);
    const again = await call(head, 'POST', '/api/mediation/cases', body);
    expect(first.statusCode, first.body).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.db.query(`select 1 from mediation_cases where created_by = $1 and client_key = 'dev-5a1c-0001'`, [head.user.id]);
    expect(rows).toHaveLength(1);
    const bad = await call(head, 'POST', '/api/mediation/cases', { ...body, clientKey: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
  });
});
