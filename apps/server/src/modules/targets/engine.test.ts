import { describe, expect, it } from 'vitest';
import type { MetricRef, TargetInput } from '@contract/targets';
import type { UnitLevel } from '@contract/units';
import { combine, evaluateTarget, judge, quantityOf, ruleProblems, type FactSource, type Period } from './engine';
import { adoptForWard, STANDARD_TARGETS_2024 } from './standard-targets';

// Hand-built facts: metric → unit → period → value or per-dim values. Units: city 1, ward 2, villages 3, 4, 5.
type Cell = number | Record<string, number>;
type Facts = Record<string, Record<number, Partial<Record<Period, Cell>>>>;
const CITY = 1,
  WARD = 2;
const VILLAGES = [
  { id: 3, name: 'Thôn 1' },
  { id: 4, name: 'Thôn 2' },
  { id: 5, name: 'Tổ dân phố 3' },
];

function source(facts: Facts, extraRegistered: string[] = []): FactSource {
  const registered = new Set([...Object.keys(facts), ...extraRegistered]);
  return {
    has: (k) => registered.has(k),
    value(ref: MetricRef, unitId, period) {
      const c = facts[ref.metric]?.[unitId]?.[period] ?? 0;
      if (typeof c === 'number') return ref.dims ? 0 : c;
      return Object.entries(c)
        .filter(([d]) => !ref.dims || ref.dims.includes(d))
        .reduce((a, [, v]) => a + v, 0);
    },
    unitOfMeasure: (k) => (k.startsWith('fund.') ? 'vnd' : 'count'),
    unitsBelow: (unitId, level) => (level === 'village' && (unitId === CITY || unitId === WARD) ? VILLAGES : []),
  };
}

const target = (n: number) => STANDARD_TARGETS_2024.find((t) => t.number === n)!;
const run = (n: number, level: UnitLevel, facts: Facts, unit = level === 'district' ? CITY : WARD, t: TargetInput = target(n)) => evaluateTarget(t, level, source(facts), unit);
const cur = (v: Cell, prev?: Cell) => ({ current: v, ...(prev !== undefined ? { previous: prev } : {}) });

describe('judging rules', () => {
  it('≥, >, ≤, ranges and no decrease', () => {
    expect(judge({ op: 'gte', value: 90 }, 89.9, null).status).toBe('not_met');
    expect(judge({ op: 'gte', value: 90 }, 90, null).status).toBe('met');
    expect(judge({ op: 'gte', value: 90 }, 95, null).status).toBe('exceeded');
    expect(judge({ op: 'gt', value: 85 }, 85, null).status).toBe('not_met');
    expect(judge({ op: 'gt', value: 85 }, 85.1, null).status).toBe('met');
    expect(judge({ op: 'lte', value: 0 }, 1, null).status).toBe('not_met');
    expect(judge({ op: 'range', min: 1, max: 2 }, 0, null).status).toBe('not_met');
    expect(judge({ op: 'range', min: 1, max: 2 }, 2, null).status).toBe('met');
    expect(judge({ op: 'range', min: 1, max: 2 }, 3, null).status).toBe('exceeded');
    expect(judge({ op: 'no_decrease' }, 94, null)).toEqual({ status: 'not_measured', reason: 'no_baseline' });
    expect(judge({ op: 'no_decrease' }, 94, 95).status).toBe('not_met');
  });

  it('ratios are exact percentages; a zero denominator is no data, not 100%', () => {
    const q = { kind: 'ratio' as const, numerator: { metric: 'a.n' }, denominator: { metric: 'a.d' } };
    expect(quantityOf(q, source({ 'a.n': { 2: cur(9) }, 'a.d': { 2: cur(10) } }), 2, 'current').value).toBe(90);
    expect(quantityOf(q, source({ 'a.n': { 2: cur(29) }, 'a.d': { 2: cur(100) } }), 2, 'current').value).toBe(29);
    expect(quantityOf(q, source({ 'a.n': {}, 'a.d': {} }), 2, 'current')).toMatchObject({ value: null, reason: 'no_data' });
    expect(quantityOf(q, source({ 'a.n': {} }), 2, 'current')).toMatchObject({ value: null, reason: 'metric_missing' });
  });

  it('combining: one miss fails, then an unmeasured part leaves it unmeasured, all exceeded is exceeded', () => {
    const m = (status: 'met' | 'exceeded' | 'not_met' | 'not_measured') => ({ status, reason: status === 'not_measured' ? 'metric_missing' : null }) as never;
    expect(combine([m('met'), m('not_measured'), m('not_met')]).status).toBe('not_met');
    expect(combine([m('met'), m('not_measured')])).toEqual({ status: 'not_measured', reason: 'metric_missing' });
    expect(combine([m('exceeded'), m('met')]).status).toBe('met');
    expect(combine([m('exceeded'), m('exceeded')]).status).toBe('exceeded');
    expect(combine([]).status).toBe('not_applicable');
  });

  it('the 16 standard targets are valid records', () => {
    expect(STANDARD_TARGETS_2024.map((t) => t.number)).toEqual([...Array(16)].map((_, i) => i + 1));
    for (const t of [...STANDARD_TARGETS_2024, ...adoptForWard(STANDARD_TARGETS_2024)]) expect(ruleProblems(t), `target ${t.number}`).toEqual([]);
    expect(ruleProblems({ ...target(9), measures: [{ ...target(9).measures[0], rule: { op: 'range', min: 7, max: 5 } }] })).toHaveLength(1);
  });
});

describe('each of the 16 targets on hand-built cases', () => {
  it('1: digital use by all committees, 100%', () => {
    const base = { 'org.units_by_level': { [CITY]: cur({ district: 1, commune: 16, village: 151 }) } };
    expect(run(1, 'district', { ...base, 'propaganda.units_digital': { [CITY]: cur({ district: 1, commune: 16 }) } })).toMatchObject({ status: 'met', value: 100 });
    expect(run(1, 'district', { ...base, 'propaganda.units_digital': { [CITY]: cur({ district: 1, commune: 14 }) } }).status).toBe('not_met');
    // No propaganda module yet: said so, never a number.
    expect(run(1, 'district', base)).toMatchObject({ status: 'not_measured', reason: 'metric_missing', value: null });
  });

  it('2: situation reports on time, 100%, at every level including villages', () => {
    const f = (onTime: number) => ({ 'petitions.situation_reports_on_time': { 3: cur(onTime) }, 'petitions.situation_reports_due': { 3: cur(12) } });
    expect(run(2, 'village', f(12), 3)).toMatchObject({ status: 'met', value: 100 });
    expect(run(2, 'village', f(11), 3)).toMatchObject({ status: 'not_met' });
  });

  it('3: religious establishments flying the flag, 100%', () => {
    const f = (n: number) => ({ 'religion.flag_compliant': { [WARD]: cur(n) }, 'religion.flag_due': { [WARD]: cur(40) } });
    expect(run(3, 'commune', f(40)).status).toBe('met');
    expect(run(3, 'commune', f(39)).status).toBe('not_met');
  });

  it('4: > 5 billion VND (fund kinds only) and 100% Tết gifts and hardship support, all must hold', () => {
    const ok = {
      'fund.raised': { [CITY]: cur({ vi_nguoi_ngheo: 4_000_000_000, an_sinh: 1_500_000_000, cuu_tro: 9_000_000_000 }) },
      'households.tet_due': { [CITY]: cur(300), [WARD]: cur(20) },
      'households.tet_reached': { [CITY]: cur(300), [WARD]: cur(19) },
      'households.hardship_due': { [CITY]: cur(10), [WARD]: cur(1) },
      'households.hardship_reached': { [CITY]: cur(10), [WARD]: cur(1) },
    };
    const city = run(4, 'district', ok);
    expect(city.status).toBe('met');
    expect(city.measures.map((m) => [m.code, m.status])).toEqual([
      ['4a', 'met'],
      ['4b', 'met'],
      ['4c', 'met'],
    ]);
    expect(city.value).toBe(5_500_000_000);
    expect(city.unitOfMeasure).toBe('vnd');
    // Relief money (cuu_tro) does not count: exactly 5 billion is not "above 5 billion".
    expect(run(4, 'district', { ...ok, 'fund.raised': { [CITY]: cur({ vi_nguoi_ngheo: 5_000_000_000, cuu_tro: 1 }) } }).status).toBe('not_met');
    // The ward is judged on gifts and hardship only (the amount is the city's): 19 of 20 is not 100%.
    const ward = run(4, 'commune', ok);
    expect(ward.measures.map((m) => m.code)).toEqual(['4b', '4c']);
    expect(ward).toMatchObject({ status: 'not_met', value: 95 });
    // Households module present, fund module not: the part that is known still fails the target.
    const { 'fund.raised': _f, ...noFund } = ok;
    expect(run(4, 'district', noFund).measures[0]).toMatchObject({ code: '4a', status: 'not_measured', reason: 'metric_missing' });
  });

  it('5: houses for 100% of households needing one', () => {
    const f = (s: number, n: number) => ({ 'households.house_supported': { [WARD]: cur(s) }, 'households.house_need': { [WARD]: cur(n) } });
    expect(run(5, 'commune', f(4, 4)).status).toBe('met');
    expect(run(5, 'commune', f(3, 4))).toMatchObject({ status: 'not_met', value: 75 });
    expect(run(5, 'commune', f(0, 0))).toMatchObject({ status: 'not_measured', reason: 'no_data' });
  });

  it('6: cultural titles not below the previous year', () => {
    const f = (now: number, before: number | undefined) => ({
      'culture.families_recognised': { 3: cur(now, before) },
      'culture.families_registered': { 3: cur(100, before === undefined ? undefined : 100) },
    });
    expect(run(6, 'village', f(95, 94), 3)).toMatchObject({ status: 'exceeded', trend: 'up', previousValue: 94 });
    expect(run(6, 'village', f(94, 94), 3).status).toBe('met');
    expect(run(6, 'village', f(93, 95), 3)).toMatchObject({ status: 'not_met', trend: 'down' });
    expect(run(6, 'village', f(95, undefined), 3)).toMatchObject({ status: 'not_measured', reason: 'no_baseline' });
  });

  it('7: 100% of villages hold the Solidarity Day; the villages that miss it are named', () => {
    const all = { 'solidarity.festivals': { 3: cur(1), 4: cur(2), 5: cur(1) } };
    expect(run(7, 'commune', all)).toMatchObject({ status: 'met', value: 100 });
    const one = run(7, 'commune', { 'solidarity.festivals': { 3: cur(1), 4: cur(0), 5: cur(1) } });
    expect(one.status).toBe('not_met');
    expect(one.value).toBeCloseTo(66.67, 2);
    expect(one.measures[0]).toMatchObject({ numerator: 2, denominator: 3, missing: [{ unitId: 4, unitName: 'Thôn 2' }] });
    // A village is judged on its own festival.
    expect(run(7, 'village', { 'solidarity.festivals': { 4: cur(0) } }, 4).status).toBe('not_met');
  });

  it('8: satisfaction above 95% and a survey held', () => {
    const f = (sat: number, surveys: number) => ({
      'culture.survey_satisfied': { [WARD]: cur(sat) },
      'culture.survey_respondents': { [WARD]: cur(1000) },
      'culture.surveys': { [WARD]: cur(surveys) },
    });
    expect(run(8, 'commune', f(960, 1)).status).toBe('met');
    expect(run(8, 'commune', f(950, 1)).status).toBe('not_met');
    expect(run(8, 'commune', f(990, 0)).status).toBe('not_met');
  });

  it('9: 5–7 creative models a year', () => {
    const f = (n: number) => ({ 'emulation.creative_models': { [CITY]: cur(n) } });
    expect(run(9, 'district', f(4)).status).toBe('not_met');
    expect(run(9, 'district', f(5)).status).toBe('met');
    expect(run(9, 'district', f(7)).status).toBe('met');
    expect(run(9, 'district', f(8)).status).toBe('exceeded');
    expect(run(9, 'commune', f(8)).status).toBe('not_applicable');
  });

  it("10: ranges per level, counting each level's own topics (dims = level of the organiser)", () => {
    const f = (cityTopics: number, wardTopics: number, cityCrit: number, wardCrit: number) => ({
      'supervision.topics': { [CITY]: cur({ district: cityTopics, commune: 16 }), [WARD]: cur({ commune: wardTopics }) },
      'supervision.criticisms': { [CITY]: cur({ district: cityCrit, commune: 20 }), [WARD]: cur({ commune: wardCrit }) },
    });
    expect(run(10, 'district', f(2, 1, 1, 1))).toMatchObject({ status: 'met', value: 2 });
    expect(run(10, 'district', f(1, 1, 1, 1)).status).toBe('not_met');
    expect(run(10, 'district', f(3, 1, 3, 1)).measures.map((m) => m.status)).toEqual(['met', 'exceeded']);
    expect(run(10, 'commune', f(2, 2, 1, 1))).toMatchObject({ status: 'met', value: 2 });
    expect(run(10, 'commune', f(2, 3, 1, 2)).status).toBe('exceeded');
    expect(run(10, 'commune', f(2, 1, 1, 0)).status).toBe('not_met');
    expect(run(10, 'commune', f(2, 0, 1, 1)).measures.map((m) => m.code)).toEqual(['10b', '10d']);
  });

  it('11: mediation success above 85%', () => {
    const f = (ok: number) => ({ 'mediation.successful': { 3: cur(ok) }, 'mediation.closed': { 3: cur(20) } });
    expect(run(11, 'village', f(17), 3).status).toBe('not_met');
    expect(run(11, 'village', f(18), 3)).toMatchObject({ status: 'met', value: 90 });
  });

  it('12: election and congress tasks all done', () => {
    const f = (d: number) => ({ 'elections.tasks_done': { [WARD]: cur(d) }, 'elections.tasks_due': { [WARD]: cur(8) } });
    expect(run(12, 'commune', f(8)).status).toBe('met');
    expect(run(12, 'commune', f(7)).status).toBe('not_met');
  });

  it('13: ≥ 90% answered in writing and 1–3 public conferences', () => {
    const f = (answered: number, due: number, conf: number) => ({
      'petitions.answered_in_writing': { [CITY]: cur(answered), [WARD]: cur(answered) },
      'petitions.answer_due': { [CITY]: cur(due), [WARD]: cur(due) },
      'petitions.conferences': { [CITY]: cur(conf) },
    });
    expect(run(13, 'district', f(9, 10, 2))).toMatchObject({ status: 'met', value: 90 });
    expect(run(13, 'district', f(8, 10, 2)).status).toBe('not_met');
    expect(run(13, 'district', f(10, 10, 0)).status).toBe('not_met');
    expect(run(13, 'commune', f(10, 10, 0)).status).toBe('exceeded');
    expect(run(13, 'commune', f(0, 0, 0)).status).toBe('not_measured');
  });

  it('14: all boards good, none weak, all funded', () => {
    const f = (good: number, weak: number, funded: number) => ({
      'inspection.boards': { [WARD]: cur(2) },
      'inspection.boards_good': { [WARD]: cur(good) },
      'inspection.boards_weak': { [WARD]: cur(weak) },
      'inspection.boards_funded': { [WARD]: cur(funded) },
    });
    expect(run(14, 'commune', f(2, 0, 2)).status).toBe('met');
    expect(run(14, 'commune', f(1, 1, 2)).measures.map((m) => m.status)).toEqual(['not_met', 'not_met', 'met']);
    expect(run(14, 'commune', f(2, 0, 1)).status).toBe('not_met');
  });

  it('15: staff trained, city excellent, all ward committees and boards good or better', () => {
    const f = (trained: number, excellent: number, good: number) => ({
      'training.staff_trained': { [CITY]: cur(trained) },
      'training.staff': { [CITY]: cur(40) },
      'grading.excellent': { [CITY]: cur({ district: excellent, commune: 3 }) },
      'grading.good_or_better': { [CITY]: cur({ commune: good, village: 151 }) },
      'grading.graded': { [CITY]: cur({ district: 1, commune: 16, village: 151 }) },
    });
    expect(run(15, 'district', f(40, 1, 16)).status).toBe('met');
    expect(run(15, 'district', f(40, 0, 16)).status).toBe('not_met');
    expect(run(15, 'district', f(40, 1, 15)).status).toBe('not_met');
    expect(run(15, 'district', f(39, 1, 16)).status).toBe('not_met');
  });

  it('16: 3–5 key tasks registered by each level', () => {
    const f = (city: number, ward: number) => ({ 'org.key_tasks': { [CITY]: cur({ district: city, commune: 40 }), [WARD]: cur({ commune: ward }) } });
    expect(run(16, 'district', f(4, 0)).status).toBe('met');
    expect(run(16, 'district', f(2, 3)).status).toBe('not_met');
    expect(run(16, 'commune', f(2, 6)).status).toBe('exceeded');
    expect(run(16, 'village', f(4, 4), 3).status).toBe('not_applicable');
  });
});

describe('a ward adopting the city targets', () => {
  const ward = adoptForWard(STANDARD_TARGETS_2024);
  const wt = (n: number) => ward.find((t) => t.number === n)!;
  it('keeps the ward ranges where the city had its own, and takes city-only measures as its own', () => {
    expect(wt(10).measures.map((m) => m.code)).toEqual(['10b', '10d']);
    expect(wt(4).measures.map((m) => [m.code, m.levels])).toEqual([
      ['4a', ['commune']],
      ['4b', ['commune', 'village']],
      ['4c', ['commune', 'village']],
    ]);
    expect(wt(16).measures.map((m) => m.code)).toEqual(['16b']);
    expect(wt(15).measures.find((m) => m.code === '15b')!.quantity).toEqual({ kind: 'value', metric: { metric: 'grading.excellent', dims: ['commune'] } });
    expect(run(9, 'commune', { 'emulation.creative_models': { [WARD]: cur(6) } }, WARD, wt(9)).status).toBe('met');
  });
});
