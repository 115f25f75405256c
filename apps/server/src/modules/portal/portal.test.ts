import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { makeCampaign, makeFund } from '../fund/testing';
import { today } from '../../platform/access';
import { addDays } from '../petitions/rules';

const t = useWorldApp();
const code = async (id: number) => (await t.db.query<{ code: string }>('select code from units where id = $1', [id]))[0].code;
const ids: Record<string, number> = {};

beforeAll(async () => {
  const on = today();
  const [{ id: committee }] = await t.db.query<{ id: number }>(
    `insert into org_committees (unit_id, kind, term_label, valid_from) values ($1, 'front_committee', '2025–2030', '2025-07-01') returning id`,
    [t.w.S],
  );
  for (const [name, position, birth] of [
    ['Nguyễn Thị Chủ Tịch', 'chair', 1970],
    ['Trần Văn Phó', 'vice_chair', 1975],
    ['Lê Văn Ủy Viên', 'member', 1980],
  ] as const) {
    await t.db.query(`insert into org_members (committee_id, person_name, name_search, position, birth_year, valid_from) values ($1, $2, $2, $3, $4, '2025-07-01')`, [
      committee,
      name,
      position,
      birth,
    ]);
  }
  const open = { receiveFrom: addDays(on, -10), receiveTo: addDays(on, 20), distributeBy: addDays(on, 40), isPublic: true };
  ids.own = await makeCampaign(t.db, t.w.S, (await makeFund(t.db, t.w.S, 'vi_nguoi_ngheo', '2025-07-01')).fundId, { ...open, name: 'Ủng hộ phường' });
  ids.province = await makeCampaign(t.db, t.w.P, (await makeFund(t.db, t.w.P)).fundId, { ...open, name: 'Ủng hộ tỉnh' });
  ids.predecessor = await makeCampaign(t.db, t.w.A, (await makeFund(t.db, t.w.A)).fundId, { name: 'Ủng hộ phường cũ', isPublic: true });
  ids.sibling = await makeCampaign(t.db, t.w.T, (await makeFund(t.db, t.w.T, 'vi_nguoi_ngheo', '2025-07-01')).fundId, { ...open, name: 'Ủng hộ phường khác' });
  ids.internal = await makeCampaign(t.db, t.w.S, (await makeFund(t.db, t.w.S, 'vi_nguoi_ngheo', '2025-07-01')).fundId, { ...open, name: 'Nội bộ', isPublic: false });
});

describe("a ward's public page", () => {
  it('names the standing committee, lists public campaigns of the ward, above it and of its predecessors — not a sibling’s, not internal ones', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/units/${await code(t.w.S)}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ name: 'Phường Bắc Giang Thử', parentName: 'Tỉnh Thử Nghiệm' });
    expect(page.committee).toEqual([
      { position: 'chair', name: 'Nguyễn Thị Chủ Tịch' },
      { position: 'vice_chair', name: 'Trần Văn Phó' },
    ]);
    const shown = page.campaigns.map((c: { id: number }) => c.id);
    expect(shown).toEqual(expect.arrayContaining([ids.own, ids.province, ids.predecessor]));
    expect(shown).not.toContain(ids.sibling);
    expect(shown).not.toContain(ids.internal);
    expect(page.campaigns.find((c: { id: number }) => c.id === ids.predecessor).open).toBe(false);
    expect(res.body).not.toContain('1970');
  });

  it('an ended ward answers with its successor, an unknown code with a clear error', async () => {
    const ended = await t.app.inject({ method: 'GET', url: `/api/public/units/${await code(t.w.A)}` });
    expect(ended.statusCode).toBe(409);
    expect(ended.json().error.code).toBe('PETITION_UNIT_ENDED');
    expect(ended.json().error.message).toContain('Phường Bắc Giang Thử');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/units/ZZ999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('PETITION_UNIT_UNKNOWN');
  });
});
