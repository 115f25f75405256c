// Formatting shared by every page: dates as dd/mm/yyyy, numbers with Vietnamese grouping.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'; null/undefined → ''. Other strings are returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso.slice(0, 10));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

// One clock for the product: dates and times as they are in Vietnam, whatever the browser's zone.
const VN_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function vnParts(d: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(VN_PARTS.formatToParts(d).map((p) => [p.type, p.value]));
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/** A timestamp (ISO with time) in Vietnam's time as 'dd/mm/yyyy HH:mm'. */
export function formatDateTime(ts: string): string {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  const p = vnParts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/**
 * Parses what a person types as a date: 'd/m/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy' or ISO 'yyyy-mm-dd'.
 * Returns 'YYYY-MM-DD', or null when it is not a real calendar date.
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today in Asia/Ho_Chi_Minh as 'YYYY-MM-DD' (the server's and SQL's "today"), whatever the browser's zone. */
export function todayIso(now = new Date()): string {
  const p = vnParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The day before an ISO date (validity ends are exclusive; people read the last valid day). */
export function dayBefore(iso: string): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The day after an ISO date (a last day typed by a person → the exclusive end the API keeps). */
export function dayAfter(iso: string): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A half-open period [from, to) as people read it: '01/07/2025 – 30/06/2030', or '… – nay' while open. */
export function formatPeriod(from: string, to: string | null, openEnd: string): string {
  return `${formatDate(from)} – ${to ? formatDate(dayBefore(to)) : openEnd}`;
}

/**
 * Lower-case without diacritics ('Đồng Sơn' → 'dong son'), to match what people type on a phone
 * keyboard; for filtering a list already on screen (searches across units go to the server).
 */
export function foldVn(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Orders names as people count: 'Tổ dân phố số 2' before 'Tổ dân phố số 10'. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'vi', { numeric: true, sensitivity: 'base' });
}

/** 1234567.5 → '1.234.567,5' (Vietnamese grouping, at most 2 decimals). */
export function formatNumber(n: number): string {
  const neg = n < 0;
  const abs = Math.abs(n);
  const rounded = Math.round(abs * 100) / 100;
  const [int, frac] = String(rounded).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

/** Integer VND as '1.234.567 đ'. */
export function formatVnd(n: number): string {
  return `${formatNumber(Math.round(n))} đ`;
}

/** The Tết a gift given on `iso` is for: from July on, the coming Lunar New Year (Tết falls in late January or February). */
export function tetYear(iso: string): number {
  const [y, m] = iso.split('-').map(Number);
  return m >= 7 ? y + 1 : y;
}
