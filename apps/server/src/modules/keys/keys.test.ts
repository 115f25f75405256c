import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { today } from '../../platform/access';
import { assertProductionSecrets } from '../../platform/keys';
import { identityKeyIdOf, identityKeys } from '../petitions/identity';
import { nationalIdKeyIdOf, nationalIdKeys } from '../households/crypto';
import { create, petitionSetup, type Sessions } from '../petitions/testing';
import { rotateKeys } from './rotate';

const t = useWorldApp();
let s: Sessions;
let admin: TestSession;
const saved = { p: process.env.PETITION_IDENTITY_KEY, h: process.env.HOUSEHOLD_ID_KEY };
const hex = () => crypto.randomBytes(32).toString('hex');
const setKeys = (p: string | undefined, h: string | undefined) => {
  if (p === undefined) delete process.env.PETITION_IDENTITY_KEY;
  else process.env.PETITION_IDENTITY_KEY = p;
  if (h === undefined) delete process.env.HOUSEHOLD_ID_KEY;
  else process.env.HOUSEHOLD_ID_KEY = h;
};
beforeAll(async () => {
  s = await petitionSetup(t.db, t.w);
  admin = await sessionAs(t.db, 'admin', null);
});
afterEach(() => setKeys(saved.p, saved.h));

const identity = (id: number) => t.app.inject({ method: 'GET', url: `/api/petitions/${id}/identity`, headers: s.bttS.headers });
const denounce = (name: string) => create(t.app, s.staffS, { unitId: t.w.S, channel: 'written', kind: 'to_cao', title: 'Tố cáo', content: 'Nội dung', receivedOn: today(), name });
let idSeq = 100;
async function household(nationalId: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/households',
    headers: s.staffS.headers,
    payload: {
      unitId: t.w.A1,
      headName: `Chủ Hộ Khoá ${idSeq++}`,
      headBirthYear: 1970,
      headNationalId: nationalId,
      confirmDuplicates: true,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}
const byId = (nationalId: string) =>
  t.app.inject({ method: 'GET', url: `/api/households/duplicates?unit=${t.w.A1}&name=Ai%20Khac&nationalId=${nationalId}`, headers: s.staffS.headers });

describe('production refuses keys written in the source', () => {
  it('names the missing keys and salt, and a malformed key', () => {
    expect(() => assertProductionSecrets({ NODE_ENV: 'production' })).toThrow(/PETITION_IDENTITY_KEY, HOUSEHOLD_ID_KEY, PETITION_ADDRESS_SALT/);
    const ok = { NODE_ENV: 'production', PETITION_IDENTITY_KEY: hex(), HOUSEHOLD_ID_KEY: 'mot-bi-mat-dai', PETITION_ADDRESS_SALT: 'muoi-sau-ky-tu-tro-len' };
    expect(() => assertProductionSecrets(ok)).not.toThrow();
    expect(() => assertProductionSecrets({ ...ok, PETITION_IDENTITY_KEY: 'ngan' })).toThrow(/32 bytes/);
    expect(() => assertProductionSecrets({ ...ok, PETITION_ADDRESS_SALT: 'ngan' })).toThrow(/16/);
    expect(() => assertProductionSecrets({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('the server process exits with that message before opening any data', () => {
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PETITION_IDENTITY_KEY: '',
      HOUSEHOLD_ID_KEY: '',
      PETITION_ADDRESS_SALT: '',
      DATA_DIR: '/nonexistent/doanket',
      PORT: '31699',
    };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot start: .*PETITION_IDENTITY_KEY, HOUSEHOLD_ID_KEY, PETITION_ADDRESS_SALT/);
  });
});

describe('keys carry an id; old ones stay readable; keys:rotate re-encrypts', () => {
  it('setting a key later keeps identities sealed before readable (no 500), and new ones use the new key', async () => {
    setKeys(undefined, undefined);
    const before = await denounce('Trước Khi Có Khoá');
    setKeys(hex(), undefined);
    expect((await identity(before.id)).json()).toMatchObject({ name: 'Trước Khi Có Khoá' });
    const after = await denounce('Sau Khi Có Khoá');
    const [row] = await t.db.query<{ identity_enc: Uint8Array }>('select identity_enc from petitions where id = $1', [after.id]);
    expect(identityKeyIdOf(row.identity_enc)).toBe(identityKeys().current.id);
    expect((await identity(after.id)).json()).toMatchObject({ name: 'Sau Khi Có Khoá' });
  });

  it('a value sealed before key ids (iv, tag, ciphertext) is still read', async () => {
    const key = Buffer.from(hex(), 'hex');
    setKeys(key.toString('hex'), undefined);
    const p = await denounce('Tạm');
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([c.update(JSON.stringify({ name: 'Định Dạng Cũ', phone: null, email: null, address: null })), c.final()]);
    await t.db.query('update petitions set identity_enc = $2 where id = $1', [p.id, Buffer.concat([iv, c.getAuthTag(), ct])]);
    expect((await identity(p.id)).json()).toMatchObject({ name: 'Định Dạng Cũ' });
  });

  it('rotation moves every value to the new key; then the old key can go; ID numbers still match throughout', async () => {
    const [oldP, oldH, newP, newH] = [hex(), 'khoa-cu-' + hex(), hex(), 'khoa-moi-' + hex()];
    setKeys(oldP, oldH);
    const p = await denounce('Người Xoay Khoá');
    const nid = `0240${String(Date.now()).slice(-8)}`;
    const h = await household(nid);
    setKeys(`${newP},${oldP}`, `${newH},${oldH}`);
    // Before rotation: readable, and the ID number matches under the old key's digest.
    expect((await identity(p.id)).json()).toMatchObject({ name: 'Người Xoay Khoá' });
    expect((await byId(nid)).json().map((c: { householdId: number }) => c.householdId)).toContain(h);
    // Other tests' values sealed under keys no longer configured are counted as unreadable, not lost.
    const r = await rotateKeys(t.db);
    expect(r.petitions).toBeGreaterThanOrEqual(1);
    expect(r.members).toBeGreaterThanOrEqual(1);
    const [pr] = await t.db.query<{ identity_enc: Uint8Array }>('select identity_enc from petitions where id = $1', [p.id]);
    expect(identityKeyIdOf(pr.identity_enc)).toBe(identityKeys().current.id);
    setKeys(newP, newH);
    expect((await identity(p.id)).json()).toMatchObject({ name: 'Người Xoay Khoá' });
    expect((await byId(nid)).json().map((c: { householdId: number }) => c.householdId)).toContain(h);
    const [m] = await t.db.query<{ national_id_enc: string }>(`select national_id_enc from household_members where household_id = $1 and national_id_enc is not null`, [h]);
    expect(nationalIdKeyIdOf(m.national_id_enc)).toBe(nationalIdKeys().current.id);
    // Run again: nothing of these left to move.
    const again = await rotateKeys(t.db);
    expect(again.petitions + again.members).toBe(0);
    const rows = await t.db.query<{ after: { petitionKey: string } }>(`select after from audit_log where action = 'keys_rotate' order by id desc limit 1`);
    expect(rows[0].after.petitionKey).toBe(identityKeys().current.id);
  });

  it('a key dropped before rotating gives a coded error that says so, not "unable to authenticate data"', async () => {
    setKeys(hex(), undefined);
    const p = await denounce('Khoá Bị Mất');
    setKeys(hex(), undefined);
    const res = await identity(p.id);
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('KEY_MISSING');
    expect(res.json().error.message).toMatch(/khoá cũ/);
    void admin;
  });
});
