import type { Finding } from '@contract/reports';
import type { Figure } from './coverage';
import type { FigureValues } from './compute';
import { formatFigure, groupVi } from './format';

const TOLERANCE_PERCENT = 0.05;

/**
 * The consistency checks run before a report is issued: parts add up to their totals, rates match
 * their counts (and a share never exceeds its whole), and every printed occurrence of a figure says
 * the same. Findings are returned, never printed into the document. Subordinate units are not summed
 * against the unit: "as units are now", a ward split in two carries its predecessor's history in both.
 */
export function checkFigures(figures: Figure[], values: FigureValues, opts: { occurrences?: Map<string, Set<string>> } = {}): Finding[] {
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
            kind: 'sum',
            figureId: fig.id,
            expected: sum,
            actual: total,
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
            kind: 'share',
            figureId: fig.id,
            expected: den,
            actual: num,
            message: `${fig.wording}: tử số ${groupVi(num)} lớn hơn mẫu số ${groupVi(den)}`,
            messageEn: `${fig.id}: numerator ${num} exceeds denominator ${den}`,
          });
        }
        const computed = den === 0 ? null : (num / den) * 100;
        if (total !== null && computed !== null && Math.abs(total - computed) > TOLERANCE_PERCENT) {
          out.push({
            kind: 'share',
            figureId: fig.id,
            expected: computed,
            actual: total,
            message: `${fig.wording}: ghi ${formatFigure(total, 'percent')}, nhưng ${groupVi(num)}/${groupVi(den)} = ${formatFigure(computed, 'percent')}`,
            messageEn: `${fig.id}: states ${total}%, but ${num}/${den} = ${computed.toFixed(2)}%`,
          });
        }
      }
    }
    const shown = opts.occurrences?.get(fig.id);
    if (shown && shown.size > 1) {
      out.push({
        kind: 'repeat',
        figureId: fig.id,
        expected: null,
        actual: null,
        message: `${fig.wording}: cùng một số liệu được ghi khác nhau (${[...shown].join('; ')})`,
        messageEn: `${fig.id}: the same figure appears with different values (${[...shown].join('; ')})`,
      });
    }
  }
  return out;
}
