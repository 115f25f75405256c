/** Days after a quarter's end by which a board's quarterly report to the Front is expected. */
export const QUARTER_REPORT_GRACE_DAYS = 15;

const quarterEnd = (year: number, q: number) => new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
const plusDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The quarters of a board's term whose report is overdue on `today`: the quarter ended within the term
 * (after the election, before the term's end) more than the grace period ago, and no report was filed.
 * Newest first, at most `limit`.
 */
export function missingQuarters(electedOn: string, validTo: string, filed: ReadonlyArray<{ year: number; quarter: number }>, today: string, limit = 8) {
  const have = new Set(filed.map((r) => `${r.year}-${r.quarter}`));
  const out: Array<{ year: number; quarter: number }> = [];
  for (let y = Number(today.slice(0, 4)); y >= Number(electedOn.slice(0, 4)) && out.length < limit; y--) {
    for (let q = 4; q >= 1 && out.length < limit; q--) {
      const end = quarterEnd(y, q);
      const start = `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`;
      if (end < electedOn || (validTo !== 'infinity' && start >= validTo)) continue;
      if (plusDays(end, QUARTER_REPORT_GRACE_DAYS) >= today) continue;
      if (!have.has(`${y}-${q}`)) out.push({ year: y, quarter: q });
    }
  }
  return out;
}
