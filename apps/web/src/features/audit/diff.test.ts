import { describe, expect, it } from 'vitest';
import { diffRecords, flatten } from './diff';

describe('audit diff', () => {
  it('flattens nested records into dotted fields', () => {
    expect(flatten({ a: 1, b: { c: 'x', d: null }, tags: ['p', 'q'], rows: [{ n: 1 }] })).toEqual({
      a: 1,
      'b.c': 'x',
      'b.d': null,
      tags: 'p, q',
      'rows.0.n': 1,
    });
    expect(flatten(null)).toEqual({});
    expect(flatten('plain')).toEqual({ value: 'plain' });
  });

  it('lists only the fields that changed on an update', () => {
    const before = { username: 'an', displayName: 'Nguyễn Văn An', role: 'unit_staff', unitId: 5, active: true };
    const after = { username: 'an', displayName: 'Nguyễn Văn An', role: 'standing_committee', unitId: 7, active: false, passwordChanged: true };
    expect(diffRecords(before, after)).toEqual([
      { key: 'role', kind: 'changed', before: 'unit_staff', after: 'standing_committee' },
      { key: 'unitId', kind: 'changed', before: 5, after: 7 },
      { key: 'active', kind: 'changed', before: true, after: false },
      { key: 'passwordChanged', kind: 'added', before: null, after: true },
    ]);
  });

  it('shows every filled field of a created record as added, and of a deleted one as removed', () => {
    expect(diffRecords(null, { name: 'Ủy ban MTTQ phường', note: null })).toEqual([{ key: 'name', kind: 'added', before: null, after: 'Ủy ban MTTQ phường' }]);
    expect(diffRecords({ name: 'A', n: 0 }, null)).toEqual([
      { key: 'name', kind: 'removed', before: 'A', after: null },
      { key: 'n', kind: 'removed', before: 0, after: null },
    ]);
  });

  it('treats a number and its string form as the same value', () => {
    expect(diffRecords({ id: 5 }, { id: '5' })).toEqual([]);
  });

  it('reports a field that an update dropped', () => {
    expect(diffRecords({ a: 1, b: 2 }, { a: 1 })).toEqual([{ key: 'b', kind: 'removed', before: 2, after: null }]);
  });
});
