import type { Finding } from '@contract/reports';
import type { Figure } from './coverage';
import type { FigureValues } from './compute';
import { formatFigure, groupVi } from './format';

const TOLERANCE_PERCENT = 0.05;

/**
 * The consistency checks run before a report is issued: parts add up to their totals, rates match
 * their counts (and a share never exceeds its whole), subordinate units do not add up to more than
 * the unit, and every printed occurrence of a figure says the same. Findings are returned, never
 * printed into the document.
 */
export function checkFigures(
  figures: Figure[],
  values: FigureValues,
  opts: { unitId: number; childIds: number[]; occurrences?: Map<string, Set<string>> },
): Finding[] {
  const out: Finding[] = [];
  const v = (id: string) => values.get(id)?.value ?? null;
  for (const fig of figures) {
    const total = v(fig.id);
    if (fig.parts && total !== null) {
      const parts = fig.parts.map(v);
      if (parts.every((p) => p !== null)) {
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (sum !== total) {
          const shown = (parts as number[]).map((p) => groupVi(p)).join(' + ');
          out.push({
            kind: 'sum', figureId: fig.id, expected: sum, actual: total,
            message: `${fig.wording}: ${shown} = ${groupVi(sum)}, nhưng tổng ghi ${groupVi(total)}`,
            messageEn: `${fig.id}: ${shown} = ${sum}, but the total says ${total}`,
          });
        }
      }
    }
    if (fig.rate) {
      const num = v(fig.rate.num);
      const den = v(fig.rate.den);
      if (num !== null && den !== null) {
        if (fig.rate.share && num > den) {
          out.push({
            kind: 'share', figureId: fig.id, expected: den, actual: num,
            message: `${fig.wording}: tử số ${groupVi(num)} lớn hơn mẫu số ${groupVi(den)}`,
            messageEn: `${fig.id}: numerator ${num} exceeds denominator ${den}`,
          });
        }
        const computed = den === 0 ? null : (num / den) * 100;
        if (total !== null && computed !== null && Math.abs(total - computed) > TOLERANCE_PERCENT) {
          out.push({
            kind: 'share', figureId: fig.id, expected: computed, actual: total,
            message: `${fig.wording}: ghi ${formatFigure(total, 'percent')}, nhưng ${groupVi(num)}/${groupVi(den)} = ${formatFigure(computed, 'percent')}`,
            messageEn: `${fig.id}: states ${total}%, but ${num}/${den} = ${computed.toFixed(2)}%`,
          });
        }
      }
    }
    // Additive figures only: a rate or a difference of children does not add up.
    if (!fig.rate && !fig.diff && fig.uom !== 'percent' && total !== null && opts.childIds.length) {
      const by = values.get(fig.id)!.byUnit;
      const sum = opts.childIds.reduce((a, id) => a + (by[id] ?? 0), 0);
      if (sum > total) {
        out.push({
          kind: 'children', figureId: fig.id, expected: total, actual: sum,
          message: `${fig.wording}: tổng các đơn vị trực thuộc ${groupVi(sum)} lớn hơn số của đơn vị ${groupVi(total)}`,
          messageEn: `${fig.id}: subordinate units add up to ${sum}, more than the unit's ${total}`,
        });
      }
    }
    const shown = opts.occurrences?.get(fig.id);
    if (shown && shown.size > 1) {
      out.push({
        kind: 'repeat', figureId: fig.id, expected: null, actual: null,
        message: `${fig.wording}: cùng một số liệu được ghi khác nhau (${[...shown].join('; ')})`,
        messageEn: `${fig.id}: the same figure appears with different values (${[...shown].join('; ')})`,
      });
    }
  }
  return out;
}
