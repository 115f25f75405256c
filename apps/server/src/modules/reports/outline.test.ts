import { describe, expect, it } from 'vitest';
import type { ReportBlock } from '@contract/reports';
import { FIGURE_BY_ID } from './coverage';
import type { FigureValues } from './compute';
import { buildOutline } from './outline';

const figs = ['fest.villages', 'poor.tet_gifts', 'poor.houses', 'cit.received', 'org.members_replaced', 'relief.vaccine_fund', 'prop.columns'].map((id) => FIGURE_BY_ID.get(id)!);
const values = (v: Record<string, number | null>): FigureValues => new Map(Object.entries(v).map(([id, value]) => [id, { value, byUnit: {} }]));
const opts = {
  highlights: ['poor.houses', 'poor.tet_gifts', 'cit.received'],
  resultsHeading: 'I. KẾT QUẢ',
  title: 'Báo cáo',
  closing: 'Hết.',
  period: { from: '2024-01-01', to: '2024-12-31' },
};
const text = (bs: ReportBlock[]) => bs.map((b) => (b.kind === 'line' ? `- ${b.text}: ${b.value}.` : b.text));

describe('the document outline', () => {
  const out = text(
    buildOutline(
      figs,
      values({
        'fest.villages': 151,
        'poor.tet_gifts': 12,
        'poor.houses': 0,
        'cit.received': null,
        'org.members_replaced': null,
        'relief.vaccine_fund': 1000,
        'prop.columns': null,
      }),
      { ...opts, nextTasks: ['Tổ chức Đại hội', 'Sơ kết Cuộc vận động'] },
    ),
  );

  it('numbers the sections present, in order, without gaps (1.1 → 1.2 → 1.2.1, then 2 → 2.1)', () => {
    const headings = out.filter((l) => /^\d+(\.\d+)*\. /.test(l) && !l.startsWith('1. Tổ chức') && !l.startsWith('2. Sơ kết'));
    expect(headings.map((h) => h.split(' ')[0])).toEqual(['1.', '1.1.', '1.2.', '1.2.1.', '2.', '2.1.']);
    expect(headings[3]).toMatch(/^1\.2\.1\. Công tác vận động giúp đỡ người nghèo/); // the seed's 1.2.2 when 1.2.1 has no line
    expect(headings[5]).toMatch(/^2\.1\. Tham gia phòng, chống đại dịch Covid-19/);
  });

  it('prints no line for a figure nothing measured, and a zero when zero was measured', () => {
    expect(out.some((l) => l.includes('Chuyên trang') || l.includes('Lượt công dân'))).toBe(false);
    expect(out).toContain('- Nhà Đại đoàn kết xây mới, sửa chữa: 0.');
    expect(out.some((l) => l.startsWith('1.3.') || l.includes('Củng cố tổ chức'))).toBe(false);
  });

  it('chooses the outstanding results among non-zero figures', () => {
    const at = out.indexOf('Một số kết quả nổi bật');
    expect(out.slice(at + 1, at + 3)).toEqual(['- “Tết vì người nghèo”: số suất quà trao tặng: 12.', 'I. KẾT QUẢ']);
  });

  it('ends with the next period’s tasks, numbered, then the closing line', () => {
    expect(out.slice(-4)).toEqual(['II. NHIỆM VỤ TRỌNG TÂM KỲ TỚI', '1. Tổ chức Đại hội', '2. Sơ kết Cuộc vận động', 'Hết.']);
    const none = text(buildOutline(figs, values({}), opts));
    expect(none.some((l) => l.includes('NHIỆM VỤ TRỌNG TÂM'))).toBe(false);
    expect(none).toContain('Chưa có số liệu thống kê trong kỳ báo cáo.');
    expect(none).not.toContain('Một số kết quả nổi bật');
  });
});
