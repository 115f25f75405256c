import { describe, expect, it } from 'vitest';
import { boundsOf, projector } from './map-geometry';
import { formatRule, formatValue, moduleRecordsUrl, recordsUrl, scaleColour } from './present';

describe('targets presentation', () => {
  it('says rules and values the way reports do', () => {
    expect(formatRule({ op: 'gte', value: 90 }, 'percent', 'vi')).toBe('≥ 90 %');
    expect(formatRule({ op: 'gt', value: 5_000_000_000 }, 'vnd', 'vi')).toBe('> 5.000.000.000 đ');
    expect(formatRule({ op: 'range', min: 1, max: 3 }, 'count', 'vi')).toBe('1 – 3');
    expect(formatRule({ op: 'no_decrease' }, 'percent', 'en')).toBe('not below the previous year');
    expect(formatValue(null, 'percent', 'vi')).toBe('—');
    expect(formatValue(66.666, 'percent', 'vi')).toBe('66,67 %');
  });

  it('links a figure to the records of its unit and year', () => {
    expect(recordsUrl('households.tet_reached', 42, 2026)).toBe('/metrics/households.tet_reached?unit=42&from=2026-01-01&to=2026-12-31');
    expect(moduleRecordsUrl('households.tet_reached', 42, 2026)).toBe('/households/coverage?unit=42&year=2026&kind=tet');
    expect(moduleRecordsUrl('households.hardship_reached', 42, 2026)).toBe('/households/coverage?unit=42&year=2026&kind=hardship');
    expect(moduleRecordsUrl('petitions.answered_in_writing', 42, 2026)).toBe('/petitions?unit=42');
    expect(moduleRecordsUrl('supervision.topics', 42, 2026)).toBeNull();
  });

  it('colours by value and projects with north up', () => {
    expect(scaleColour(null, 10)).toBe('#e5e7eb');
    expect(scaleColour(10, 10)).toBe('rgb(127, 29, 29)');
    const square = [
      [
        [
          [106, 21],
          [106.1, 21],
          [106.1, 21.1],
          [106, 21.1],
          [106, 21],
        ],
      ],
    ];
    const p = projector(boundsOf([square]), 100);
    const [x, y] = p.path(square).slice(1).split('L')[0].split(',').map(Number);
    expect([x, Math.abs(y - p.height) < 1]).toEqual([0, true]); // south-west corner at the bottom left
    expect(p.height).toBeGreaterThan(100); // a degree of latitude is longer than one of longitude at 21°N
  });
});
