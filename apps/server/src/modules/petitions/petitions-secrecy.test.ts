import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { testDb } from '../../test/db';
import { makeWorld, type World } from '../../test/factories';
import { openIdentity } from './identity';
import { petitionSetup, publicBody, type Sessions } from './testing';

// The denouncer's identity, made unique so a hit can only come from this test.
const tag = Math.random().toString(36).slice(2, 8);
const SECRET = { name: `Trần Thị Kín ${tag}`, phone: `09${Date.now() % 100000000}`, email: `kin.${tag}@example.vn`, address: `Số 7 ngõ Bí Mật ${tag}` };
const needles = Object.values(SECRET);

let db: RootDb;
let w: World;
let app: App;
let s: Sessions;
const log: string[] = [];
const outputs: string[] = [];

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  app = await buildApp(db, { ...loadConfig({}), demoPassword: 'test-password-1' }, { logger: true, logStream: { write: (m: string) => void log.push(m) } });
  s = await petitionSetup(db, w);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers });
  outputs.push(res.body);
  return res;
}

describe('a denouncer is protected', () => {
  let code = '';
  let id = 0;

  it('stores the identity encrypted (random IV per record), nowhere in clear', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/public/petitions', remoteAddress: '127.8.0.1', payload: publicBody(s.sCode, { kind: 'to_cao', ...SECRET }) });
    expect(res.statusCode, res.body).toBe(200);
    outputs.push(res.body);
    code = res.json().trackingCode;
    const [row] = await db.query<{ id: number; enc: Uint8Array; whole: string }>(
      `select p.id, p.identity_enc as enc, row_to_json(p)::text as whole from petitions p where tracking_code = $1`,
      [code],
    );
    id = row.id;
    const raw = Buffer.from(row.enc).toString('latin1') + Buffer.from(row.enc).toString('utf8');
    for (const n of needles) {
      expect(raw).not.toContain(n);
      expect(row.whole).not.toContain(n);
    }
    expect(openIdentity(row.enc).name).toBe(SECRET.name);
    const again = await app.inject({ method: 'POST', url: '/api/public/petitions', remoteAddress: '127.8.0.2', payload: publicBody(s.sCode, { kind: 'to_cao', ...SECRET }) });
    const [row2] = await db.query<{ enc: Uint8Array }>('select identity_enc as enc from petitions where tracking_code = $1', [again.json().trackingCode]);
    expect(Buffer.from(row2.enc).subarray(0, 12).equals(Buffer.from(row.enc).subarray(0, 12))).toBe(false);
  });

  it('is refused to users without petition.identity at the unit, and never in lists, details, exports or the public page', async () => {
    for (const sess of [s.staffS, s.leader]) {
      const r = await get(`/api/petitions/${id}/identity`, sess.headers);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    }
    const other = await sessionAsIdentityElsewhere();
    const r = await get(`/api/petitions/${id}/identity`, other.headers);
    expect(r.json().error.code).toBe('OUT_OF_SCOPE');
    for (const sess of [s.staffS, s.bttS, s.bttP, s.leader]) {
      expect((await get(`/api/petitions?unit=${w.S}`, sess.headers)).statusCode).toBe(200);
      await get(`/api/petitions/${id}`, sess.headers);
      await get(`/api/petitions/export.csv?unit=${w.S}`, sess.headers);
    }
    expect((await get(`/api/petitions/${id}`, s.staffS.headers)).json()).toMatchObject({ hasIdentity: true, identityProtected: true, canReadIdentity: false });
    await get(`/api/public/petitions/${code}`);
    const audit = await db.query<{ t: string }>(`select coalesce(before::text, '') || coalesce(after::text, '') as t from audit_log where entity = 'petition' and entity_id = $1`, [
      String(id),
    ]);
    outputs.push(...audit.map((a) => a.t));
  });

  it('is readable with petition.identity at the unit, and every read leaves an audit row', async () => {
    const count = async () =>
      (await db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'petition' and entity_id = $1 and action = 'read_identity'`, [String(id)]))[0].n;
    const before = await count();
    const detail = await app.inject({ method: 'GET', url: `/api/petitions/${id}`, headers: s.bttS.headers });
    expect(detail.json().canReadIdentity).toBe(true);
    for (const sess of [s.bttS, s.bttS, s.bttP]) {
      const r = await app.inject({ method: 'GET', url: `/api/petitions/${id}/identity`, headers: sess.headers });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual(SECRET);
      expect(r.headers['cache-control']).toBe('no-store');
    }
    expect(await count()).toBe(before + 3);
    const [row] = await db.query<{ actor_id: number; t: string }>(
      `select actor_id, coalesce(after::text, '') as t from audit_log where entity = 'petition' and entity_id = $1 and action = 'read_identity' order by id desc limit 1`,
      [String(id)],
    );
    expect(row.actor_id).toBe(s.bttP.user.id);
    for (const n of needles) expect(row.t).not.toContain(n);
  });

  it('appears in no output searched and not in the server log', () => {
    expect(log.length).toBeGreaterThan(5);
    const all = outputs.join('\n') + '\n' + log.join('\n');
    for (const n of needles) expect(all).not.toContain(n);
  });
});

/** A standing committee (which holds petition.identity) of another ward. */
function sessionAsIdentityElsewhere() {
  return import('../../test/factories').then((m) => m.sessionAs(db, 'standing_committee', w.T));
}
