// The report's body as a list of blocks — what the .docx prints and what the browser previews, from
// one function so they cannot differ. Only measured figures are printed, only sections with a line
// appear, and headings are numbered by the sections present (never 1.2 → 1.2.2).
import type { ReportBlock } from '@contract/reports';
import type { Figure } from './coverage';
import { SECTIONS } from './coverage';
import { periodLabel, type FigureValues, type Period } from './compute';
import { formatFigure } from './format';

export type TargetLine = { label: string; value: string; status: string };

export type OutlineOpts = {
  /** Candidates for "Một số kết quả nổi bật", in order: those with a non-zero value are printed. */
  highlights: string[];
  resultsHeading: string;
  partOneHeading?: string;
  title: string;
  targets?: TargetLine[];
  /** Tasks for the next period (entered by the user, or carried from directives and key tasks). */
  nextTasks?: string[];
  closing: string;
  /** The report period: a figure measured over a slice of it says which ("năm 2019", "2019–2023"). */
  period: Period;
};

/** A figure's wording as printed, with the slice of the period it is measured over when not the whole. */
export function figureText(fig: Figure, period: Period): string {
  const label = periodLabel(period, fig.period);
  return label ? `${fig.wording} (${label})` : fig.wording;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const MAX_HIGHLIGHTS = 6;
const stripNumber = (h: string) => h.replace(/^\d+(\.\d+)*\.\s+/, '');

export function buildOutline(figures: Figure[], values: FigureValues, o: OutlineOpts): ReportBlock[] {
  const out: ReportBlock[] = [
    { kind: 'title', text: 'BÁO CÁO' },
    { kind: 'title', text: o.title },
  ];
  for (const line of o.partOneHeading?.split('\n') ?? []) out.push({ kind: 'title', text: line });
  const byId = new Map(figures.map((x) => [x.id, x]));
  const value = (id: string) => values.get(id)?.value ?? null;
  const line = (fig: Figure): ReportBlock => ({ kind: 'line', text: figureText(fig, o.period), figureId: fig.id, value: formatFigure(value(fig.id), fig.uom) });

  const highlights = o.highlights
    .map((id) => byId.get(id))
    .filter((x): x is Figure => !!x && value(x.id) !== null && value(x.id) !== 0)
    .slice(0, MAX_HIGHLIGHTS);
  if (highlights.length) {
    out.push({ kind: 'heading', text: 'Một số kết quả nổi bật' });
    out.push(...highlights.map(line));
  }

  let part = 0;
  const numeral = () => ROMAN[part++]; // parts are numbered in the order they appear
  out.push({ kind: 'heading', text: o.resultsHeading.replace(/^[IVX]+\.\s+/, `${numeral()}. `) });
  const assigned = new Map<string, string>();
  const children = new Map<string, number>();
  for (const s of SECTIONS) {
    const own = figures.filter((x) => x.section === s.id && value(x.id) !== null);
    if (!own.length) continue;
    let parent = '';
    for (const h of [...(s.before ?? []), s.title]) {
      if (!assigned.has(h)) {
        const n = (children.get(parent) ?? 0) + 1;
        children.set(parent, n);
        const num = parent ? `${parent}.${n}` : String(n);
        assigned.set(h, num);
        out.push({ kind: 'heading', text: `${num}. ${stripNumber(h)}` });
      }
      parent = assigned.get(h)!;
    }
    out.push(...own.map(line));
  }
  if (!assigned.size) out.push({ kind: 'text', text: 'Chưa có số liệu thống kê trong kỳ báo cáo.' });

  if (o.targets?.length) {
    out.push({ kind: 'heading', text: `${numeral()}. TIẾN ĐỘ THỰC HIỆN CÁC CHỈ TIÊU` });
    for (const t of o.targets) out.push({ kind: 'text', text: `- ${t.label}: ${t.value} (${t.status}).` });
  }
  if (o.nextTasks?.length) {
    out.push({ kind: 'heading', text: `${numeral()}. NHIỆM VỤ TRỌNG TÂM KỲ TỚI` });
    o.nextTasks.forEach((t, i) => out.push({ kind: 'text', text: `${i + 1}. ${t}` }));
  }
  out.push({ kind: 'text', text: o.closing });
  return out;
}
