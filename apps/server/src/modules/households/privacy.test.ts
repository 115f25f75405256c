// National ID numbers: encrypted at rest, masked on screen, absent from lists, exports, audit and logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, sessionAs, type TestSession, type World } from '../../test/factories';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { openNationalId } from './crypto';

const HEAD_ID = '024062007391';
const CHILD_ID = '024305118826';
// A run of 6+ digits that is part of either number (a partly masked leak) or holds it whole. Runs, not any six
// digits anywhere: the log's response times (39.900692000000016) and timestamps are long random digit strings,
// and "any six digits" found an ID's slice in them about once in a few hundred runs.
const leaks = (text: string) => (text.match(/\d{6,}/g) ?? []).some((run) => [HEAD_ID, CHILD_ID].some((id) => id.includes(run) || run.includes(id)));

let db: RootDb;
let w: World;
let app: App;
let logged: App;
const logLines: string[] = [];
let staff: TestSession;
let householdId: number;

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  app = await testApp(db);
  logged = await buildApp(db, { ...loadConfig({}), demoPassword: 'x' }, { logger: true, logStream: { write: (s: string) => void logLines.push(s) } });
  staff = await sessionAs(db, 'unit_staff', w.S);
  const r = await logged.inject({
    method: 'POST',
    url: '/api/households',
    headers: staff.headers,
    payload: {
      unitId: w.A1,
      headName: 'Thân Văn Khải',
      headBirthYear: 1962,
      headNationalId: HEAD_ID,
      address: 'Số 4, ngõ 12',
      members: [{ fullName: 'Thân Thị Mơ', birthYear: 2005, relation: 'child', nationalId: CHILD_ID }],
      classification: { year: 2026, classes: ['poor'] },
      confirmDuplicates: true,
    },
  });
  expect(r.statusCode).toBe(200);
  householdId = r.json().id;
});
afterAll(async () => {
  await logged?.close();
  await app?.close();
  await db?.close();
});

describe('national ID numbers', () => {
  it('are stored encrypted (AES-GCM, random IV) and decrypt to the number', async () => {
    const rows = await db.query<{ national_id_enc: string; relation: string }>('select national_id_enc, relation from household_members where household_id = $1 order by id', [
      householdId,
    ]);
    expect(rows.every((r) => r.national_id_enc && !leaks(r.national_id_enc))).toBe(true);
    expect(openNationalId(rows[0].national_id_enc)).toBe(HEAD_ID);
    const again = await db.query<{ n: number }>('select count(distinct national_id_enc)::int as n from household_members where household_id = $1', [householdId]);
    expect(again[0].n).toBe(2);
  });

  it('show masked on the household page and never in lists, duplicates or coverage', async () => {
    const detail = await logged.inject({ method: 'GET', url: `/api/households/${householdId}?year=2026`, headers: staff.headers });
    expect(detail.json().members.map((m: { nationalIdMasked: string }) => m.nationalIdMasked)).toEqual(['*********391', '*********826']);
    expect(leaks(detail.body)).toBe(false);
    for (const url of [
      `/api/households?unit=${w.S}&year=2026`,
      `/api/households/coverage?unit=${w.S}&year=2026&kind=tet`,
      `/api/households/duplicates?unit=${w.A1}&name=Than%20Van%20Khai&birthYear=1962&nationalId=${HEAD_ID}`,
      `/api/households/duplicates/report?unit=${w.S}`,
    ]) {
      const r = await logged.inject({ method: 'GET', url, headers: staff.headers });
      expect(r.statusCode, url).toBe(200);
      expect(leaks(r.body), url).toBe(false);
    }
    // The same number in another household is found by its digest, without showing it.
    const dup = await logged.inject({ method: 'GET', url: `/api/households/duplicates?unit=${w.B1}&name=Ai%20Khac&nationalId=${HEAD_ID}`, headers: staff.headers });
    expect(dup.json().map((c: { reason: string; householdId: number }) => [c.reason, c.householdId])).toContainEqual(['same_id', householdId]);
  });

  it('are not in the XLSX export, which is audited', async () => {
    const r = await logged.inject({ method: 'GET', url: `/api/households/export.xlsx?unit=${w.S}&year=2026`, headers: staff.headers });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(c.text))));
    expect(cells).toContain('Thân Văn Khải');
    expect(leaks(cells.join(' '))).toBe(false);
    const [a] = await db.query<{ after: { rows: number } }>(
      `select after from audit_log where actor_id = $1 and action = 'export' and entity = 'household_list' order by id desc limit 1`,
      [staff.user.id],
    );
    expect(a.after.rows).toBeGreaterThanOrEqual(1);
  });

  it('are not in the audit trail or the server log', async () => {
    const audit = await db.query<{ t: string }>(`select coalesce(before::text, '') || coalesce(after::text, '') as t from audit_log where actor_id = $1`, [staff.user.id]);
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.some((a) => leaks(a.t))).toBe(false);
    // A refused request with the number in its query string is logged by path only.
    await logged.inject({ method: 'GET', url: `/api/households/duplicates?unit=${w.A1}&name=X&nationalId=${HEAD_ID}`, headers: staff.headers });
    expect(logLines.length).toBeGreaterThan(3);
    expect(leaks(logLines.join('\n'))).toBe(false);
    expect(logLines.join('\n')).not.toContain('Thân Văn Khải');
  });
});
