import { describe, expect, it } from 'vitest';
import type { Figure } from './coverage';
import { FIGURE_BY_ID } from './coverage';
import { checkFigures } from './checks';
import { deriveFigures, type FigureValues } from './compute';
import { crossCheckTargets, type TargetRatio } from './targets';

const U = 1;
const values = (entries: Record<string, number | null>): FigureValues => new Map(Object.entries(entries).map(([id, v]) => [id, { value: v, byUnit: { [U]: v } }]));
const figs = (...ids: string[]): Figure[] => ids.map((id) => FIGURE_BY_ID.get(id)!);

describe('consistency checks', () => {
  it("catches the seed's contradiction: 1.114 + 325 supervisions stated as 1.539", () => {
    const found = checkFigures(figs('sup.people_boards', 'sup.ttnd', 'sup.gsdtccd'), values({ 'sup.people_boards': 1539, 'sup.ttnd': 1114, 'sup.gsdtccd': 325 }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'sum', figureId: 'sup.people_boards', expected: 1439, actual: 1539 });
    expect(found[0].message).toContain('1.114 + 325 = 1.439');
    expect(found[0].message).toContain('1.539');
  });

  it('compares two metrics over the same records: receipts by fund kind and by donor', () => {
    const found = checkFigures(
      figs('fund.raised_total', 'fund.raised_organisation', 'fund.raised_individual', 'fund.raised_anonymous'),
      values({ 'fund.raised_total': 100_000_000, 'fund.raised_organisation': 40_000_000, 'fund.raised_individual': 50_000_000, 'fund.raised_anonymous': 5_000_000 }),
    );
    expect(found).toMatchObject([{ kind: 'sum', figureId: 'fund.raised_total', expected: 95_000_000, actual: 100_000_000 }]);
  });

  it('finds nothing when the parts add up', () => {
    expect(checkFigures(figs('sup.people_boards', 'sup.ttnd', 'sup.gsdtccd'), values({ 'sup.people_boards': 1439, 'sup.ttnd': 1114, 'sup.gsdtccd': 325 }))).toEqual([]);
  });

  it('does not judge a total whose parts are not all measured', () => {
    expect(checkFigures(figs('sup.people_boards', 'sup.ttnd', 'sup.gsdtccd'), values({ 'sup.people_boards': 1539, 'sup.ttnd': 1114, 'sup.gsdtccd': null }))).toEqual([]);
  });

  it('a stated rate must match its counts, and a share cannot exceed its whole', () => {
    const f = figs('poor.tet_rate', 'poor.tet_reached', 'poor.tet_due');
    const wrongRate = checkFigures(f, values({ 'poor.tet_rate': 100, 'poor.tet_reached': 90, 'poor.tet_due': 100 }));
    expect(wrongRate.map((x) => x.kind)).toEqual(['share']);
    expect(wrongRate[0].message).toContain('90/100 = 90%');
    const over = values({ 'poor.tet_reached': 120, 'poor.tet_due': 100 });
    deriveFigures(f, over, [U]);
    const found = checkFigures(f, over);
    expect(found.map((x) => x.kind)).toEqual(['share']);
    expect(found[0].message).toContain('tử số 120 lớn hơn mẫu số 100');
  });

  it('the same figure printed with two values is listed', () => {
    const occ = new Map([['cit.petitions', new Set(['63', '64'])]]);
    const found = checkFigures(figs('cit.petitions'), values({ 'cit.petitions': 63 }), { occurrences: occ });
    expect(found).toMatchObject([{ kind: 'repeat', figureId: 'cit.petitions' }]);
  });
});

describe('figures against the targets engine', () => {
  const f = figs('poor.tet_rate', 'poor.tet_reached', 'poor.tet_due');
  const ratio = (numerator: number): TargetRatio => ({
    label: 'Chỉ tiêu 4 (quà Tết)',
    numKey: 'households.tet_reached',
    denKey: 'households.tet_due',
    numerator,
    denominator: 452,
  });
  const period = { from: '2019-01-01', to: '2024-12-31' };

  it('the same count of the same year must agree in both places', () => {
    const v = values({ 'poor.tet_reached': 452, 'poor.tet_due': 452, 'poor.tet_rate': 100 });
    expect(crossCheckTargets(f, v, [ratio(452)], period, 2024)).toEqual([]);
    const found = crossCheckTargets(f, v, [ratio(450)], period, 2024);
    expect(found).toMatchObject([{ kind: 'repeat', figureId: 'poor.tet_reached', expected: 452, actual: 450 }]);
    expect(found[0].message).toContain('Chỉ tiêu 4 (quà Tết) ghi 450');
  });

  it('does not compare counts of different years', () => {
    const v = values({ 'poor.tet_reached': 452, 'poor.tet_due': 452 });
    expect(crossCheckTargets(f, v, [ratio(450)], period, 2023)).toEqual([]);
  });
});
