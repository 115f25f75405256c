// Solidarity houses: cost and sources, progress in order, photos, houses by status.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetric, getMetric } from '../../platform/metrics';
import { useWorldApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { addHousehold } from './testing';
import './metrics';

const t = useWorldApp();
let staff: TestSession;
let hh: number;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  staff = await sessionAs(t.db, 'unit_staff', t.w.S);
  hh = await addHousehold(t.db, staff.user, {
    unitId: t.w.B1,
    headName: 'Đinh Văn Bảy',
    headBirthYear: 1955,
    classification: { year: 2026, classes: ['poor'], housingNeed: 'new' },
  });
});

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: staff.headers, payload });

describe('solidarity houses', () => {
  it('are recorded with their sources, move forward in order only, and carry photos', async () => {
    const noHouse = await post('/api/households/supports', { householdId: hh, kind: 'house', supportDate: '2026-03-01' });
    expect(noHouse.json().error.code).toBe('HOUSEHOLD_HOUSE_REQUIRED');
    const badSources = await post('/api/households/supports', {
      householdId: hh,
      kind: 'house',
      supportDate: '2026-03-01',
      house: { build: 'new', approvedOn: '2026-03-01', costVnd: 100_000_000, fromFundVnd: 80_000_000, fromSocialVnd: 40_000_000 },
    });
    expect([badSources.statusCode, badSources.json().error.code]).toEqual([400, 'VALIDATION']);
    const r = await post('/api/households/supports', {
      householdId: hh,
      kind: 'house',
      supportDate: '2026-03-01',
      house: { build: 'new', approvedOn: '2026-03-01', costVnd: 120_000_000, fromFundVnd: 50_000_000, fromMemberOrgsVnd: 20_000_000, fromSocialVnd: 30_000_000, labourDays: 45 },
    });
    expect(r.statusCode, r.body).toBe(200);
    const id = r.json().id;
    expect(r.json()).toMatchObject({ kind: 'house', valueVnd: 120_000_000, house: { status: 'approved', labourDays: 45, fromFundVnd: 50_000_000 } });
    expect((await post(`/api/households/supports/${id}/house`, { status: 'handed_over', date: '2026-02-01' })).json().error.code).toBe('HOUSEHOLD_HOUSE_STATUS_ORDER');
    expect((await post(`/api/households/supports/${id}/house`, { status: 'under_construction', date: '2026-03-20' })).json().house.startedOn).toBe('2026-03-20');
    expect((await post(`/api/households/supports/${id}/house`, { status: 'approved', date: '2026-03-21' })).json().error.code).toBe('HOUSEHOLD_HOUSE_STATUS_ORDER');
    const photo = await post(`/api/households/supports/${id}/photos`, { fileName: 'mong.png', mime: 'image/png', contentBase64: PNG.toString('base64') });
    expect(photo.json().house.photos).toEqual([expect.objectContaining({ stage: 'under_construction', fileName: 'mong.png' })]);
    expect((await post(`/api/households/supports/${id}/photos`, { fileName: 'x.exe', mime: 'application/x-msdownload', contentBase64: 'TVo=' })).json().error.code).toBe(
      'HOUSEHOLD_PHOTO_INVALID',
    );
    const got = await t.app.inject({ method: 'GET', url: `/api/households/photos/${photo.json().house.photos[0].id}`, headers: staff.headers });
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.rawPayload, PNG)).toBe(0);
    const other = await sessionAs(t.db, 'unit_staff', t.w.T);
    expect((await t.app.inject({ method: 'GET', url: `/api/households/photos/${photo.json().house.photos[0].id}`, headers: other.headers })).statusCode).toBe(404);
    expect((await post(`/api/households/supports/${id}/house`, { status: 'handed_over', date: '2026-06-30' })).json().house).toMatchObject({
      status: 'handed_over',
      handedOverOn: '2026-06-30',
    });
    const houses = (await computeMetric(t.db, getMetric('households.houses'), { unitIds: [t.w.S], from: '2026-01-01', to: '2026-12-31', view: 'now' })).get(t.w.S)!;
    expect(houses.byDim).toEqual({ handed_over: 1 });
    const supported = (await computeMetric(t.db, getMetric('households.house_supported'), { unitIds: [t.w.S], from: '2026-01-01', to: '2026-12-31', view: 'now' })).get(t.w.S)!;
    expect(supported.value).toBe(1);
  });
});
