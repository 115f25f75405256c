import { describe, expect, it } from 'vitest';
import { compareUnitNames } from '@contract/vn-collate';
import { useWorldApp } from '../../test/app';

const t = useWorldApp();
const units = async (q?: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/petition-units${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}` });
  expect(res.statusCode).toBe(200);
  return res.json() as Array<{ code: string; name: string }>;
};

describe('the public ward picker', () => {
  it('finds "Đa Mai" typed without diacritics, and only wards and communes of today', async () => {
    const [{ code }] = await t.db.query<{ code: string }>('select code from units where id = $1', [t.w.T]);
    const found = await units('da mai moi');
    expect(found.map((u) => u.code)).toContain(code);
    expect(found.every((u) => u.name.includes('Đa Mai Mới'))).toBe(true);
    // Đa Mai Thử ended at the reform: it is not offered.
    expect((await units('da mai thu')).length).toBe(0);
  });

  it('lists wards in Vietnamese alphabetical order by their proper name (A before Ă, D before Đ)', async () => {
    const all = await units();
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.map((u) => u.name)).toEqual([...all.map((u) => u.name)].sort(compareUnitNames));
    const names = ['Phường Đa Mai', 'Xã Dĩnh Trì', 'Phường Bắc Giang', 'Phường An Lạc', 'Xã Ân Thi'];
    expect([...names].sort(compareUnitNames)).toEqual(['Phường An Lạc', 'Xã Ân Thi', 'Phường Bắc Giang', 'Xã Dĩnh Trì', 'Phường Đa Mai']);
  });
});
