import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { sessionAs } from '../../test/factories';

const t = useWorldApp();

describe('GET /api/metrics', () => {
  it('lists the registry with labels in both languages', async () => {
    const { headers } = await sessionAs(t.db, 'leadership', t.w.P);
    const list = (await t.app.inject({ method: 'GET', url: '/api/metrics', headers })).json();
    const m = list.find((x: { key: string }) => x.key === 'org.units_by_level');
    expect(m).toMatchObject({ module: 'org', unitOfMeasure: 'count', label: { vi: 'Số đơn vị hành chính theo cấp' } });
  });

  it('computes a unit and its children at the as-of date, "as now" and "as then"', async () => {
    const { headers } = await sessionAs(t.db, 'standing_committee', t.w.P);
    const url = (view: string) => `/api/metrics/org.units_by_level?unit=${t.w.P}&from=2023-01-01&to=2023-12-31&asOf=2026-01-01&view=${view}`;
    const now = (await t.app.inject({ method: 'GET', url: url('now'), headers })).json();
    expect(now.total.byDim).toEqual({ province: 1, district: 1, commune: 3, village: 3 });
    const byName = Object.fromEntries(now.children.map((c: { unitName: string; value: number }) => [c.unitName, c.value]));
    expect(byName).toEqual({ 'Phường Bắc Giang Thử': 4, 'Phường Đa Mai Mới': 2 });
    const then = (await t.app.inject({ method: 'GET', url: url('then'), headers })).json();
    expect(then.children.map((c: { value: number }) => c.value)).toEqual([0, 0]);
  });

  it('refuses an unknown metric, an inverted period and a unit out of scope', async () => {
    const { headers } = await sessionAs(t.db, 'unit_staff', t.w.S);
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers }).then((r) => r.json().error.code);
    expect(await get(`/api/metrics/khong.co?unit=${t.w.S}&from=2023-01-01&to=2023-12-31`)).toBe('METRIC_NOT_FOUND');
    expect(await get(`/api/metrics/org.units_by_level?unit=${t.w.S}&from=2024-01-01&to=2023-12-31`)).toBe('VALIDATION');
    expect(await get(`/api/metrics/org.units_by_level?unit=${t.w.T}&from=2023-01-01&to=2023-12-31`)).toBe('OUT_OF_SCOPE');
  });
});
