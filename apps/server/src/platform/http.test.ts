import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import type { App } from './http';
import { testDb } from '../test/db';
import { testApp } from '../test/app';
import { sessionAs, type TestSession } from '../test/factories';

let db: RootDb;
let app: App;
let admin: TestSession;
beforeAll(async () => {
  db = await testDb();
  app = await testApp(db);
  admin = await sessionAs(db, 'admin', null);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const post = (payload: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/users', payload, headers: { ...admin.headers, 'content-type': 'application/json', ...headers } });

const userCount = async (username: string) => (await db.query('select 1 from users where username = $1', [username])).length;

describe('the HTTP boundary', () => {
  it('answers malformed JSON with MALFORMED_JSON in Vietnamese and English, writing nothing', async () => {
    const res = await post('{"username": "hong.json", "displayName": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'MALFORMED_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ', messageEn: 'The request body is not valid JSON' });
    expect(await userCount('hong.json')).toBe(0);
  });

  it('refuses an oversized body with BODY_TOO_LARGE', async () => {
    const res = await post(JSON.stringify({ username: 'qua.lon', displayName: 'x'.repeat(300 * 1024), role: 'admin', unitId: null, password: 'mat-khau-dai-du' }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
    expect(await userCount('qua.lon')).toBe(0);
  });

  it('refuses schema violations with VALIDATION and the failing fields', async () => {
    const res = await post(JSON.stringify({ username: 'Sai Ten', displayName: '', role: 'vua', unitId: null, password: 'ngan' }));
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.code).toBe('VALIDATION');
    expect(body.message).toBe('Dữ liệu không hợp lệ');
    expect(JSON.stringify(body.details)).toContain('username');
  });

  it('refuses an unknown unit with UNIT_NOT_FOUND, writing nothing', async () => {
    const res = await post(JSON.stringify({ username: 'khong.co.don.vi', displayName: 'Phạm Thị Dung', role: 'unit_staff', unitId: 987654321, password: 'mat-khau-dai-du' }));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('UNIT_NOT_FOUND');
    expect(await userCount('khong.co.don.vi')).toBe(0);
    const get = await app.inject({ method: 'GET', url: '/api/units/987654321', headers: admin.headers });
    expect(get.json().error.code).toBe('UNIT_NOT_FOUND');
  });

  it('answers unknown routes and unsigned requests with coded errors', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/khong-co' })).json().error.code).toBe('ROUTE_NOT_FOUND');
    const res = await app.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('reports health with the database kind and migration version', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: db.kind, migration: expect.stringMatching(/^\d{4}[a-z]?_/) });
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/me', '/api/units', '/api/units/{id}', '/api/metrics', '/api/metrics/{key}', '/api/audit', '/api/health']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });
});

describe('the web app', () => {
  it('gets index.html for a page address and a coded 404 for a missing asset or API route', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'dk-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="vi"><title>Đoàn Kết</title></html>');
    const web = await testApp(db, { webDist: dist });
    const page = await web.inject({ method: 'GET', url: '/units/12?asOf=2024-01-01' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    // A metric page's key has a dot: reloading or sharing it still opens the page.
    for (const url of ['/metrics/fund.donations_total?unit=3', '/public/petitions/ABCD-EFGH-JK', '/metrics/petitions.overdue']) {
      const deep = await web.inject({ method: 'GET', url });
      expect(deep.statusCode, url).toBe(200);
      expect(deep.headers['content-type']).toContain('text/html');
    }
    expect((await web.inject({ method: 'GET', url: '/logo-old.png' })).statusCode).toBe(404);
    const asset = await web.inject({ method: 'GET', url: '/assets/index-old.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.json().error.code).toBe('ROUTE_NOT_FOUND');
    expect((await web.inject({ method: 'GET', url: '/api/khong-co' })).json().error.code).toBe('ROUTE_NOT_FOUND');
    await web.close();
  });
});
