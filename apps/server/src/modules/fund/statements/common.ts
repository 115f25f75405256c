import type { StatementLine } from './types';

/** "300,000" or "300000" → 300000; '' → null; anything else → undefined (unreadable). */
export function parseGroupedAmount(s: string): number | null | undefined {
  const t = s.trim();
  if (t === '') return null;
  if (/^\d{1,3}(,\d{3})+$/.test(t) || /^\d{1,15}$/.test(t)) return Number(t.replace(/,/g, ''));
  return undefined;
}

/** dd/mm/yyyy → yyyy-mm-dd when the day exists; otherwise null. */
export function parseDmy(s: string): string | null {
  const m = s.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (!m) return null;
  return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

export function isoDate(y: number, mo: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1990 || y > 2100) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseTime(s: string): string | null | undefined {
  const t = s.trim();
  if (t === '') return null;
  const m = t.match(/^(\d{1,2}):(\d{2})(?::(\d{2}))?$/);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return undefined;
  return `${m[1].padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
}

/** Memos were wrapped when the PDF was printed: the breaks carry no meaning. */
export const flattenMemo = (s: string) => (/\s\s|[\r\n\t]/.test(s) ? s.replace(/\s+/g, ' ') : s).trim();

/**
 * Keys that identify a line by its content (not by its place in a file, which changes when a statement
 * is split differently). Identical lines in one import are told apart by their order (`seen` carries the
 * count over when an import is keyed slice by slice).
 */
export function assignKeys(lines: Omit<StatementLine, 'key'>[], seen = new Map<string, number>()): StatementLine[] {
  return lines.map((l) => {
    const hash = contentHash(l.time ?? '', l.reference ?? '', l.memo, l.counterparty ?? '', String(l.debit), String(l.credit), String(l.balance ?? ''));
    const base = `${l.bank}:${l.account ?? '-'}:${l.date}:${hash}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    // Filled in place: copying 99k line objects cost more than everything else here.
    const line = l as StatementLine;
    line.key = n === 1 ? base : `${base}:${n}`;
    return line;
  });
}

/**
 * Two independent 53-bit string hashes (cyrb53, seeds 0x9e3779b9 and 0x85ebca6b), 106 bits in all, of the
 * parts joined by U+0001: a collision between two different lines of one account and day is far below any
 * real risk, and it is ~10× cheaper than SHA-1 per row. Both run in one pass over the parts, without
 * building the joined string (the keys are stored: the value must stay that of cyrb53 over the joined text).
 */
export function contentHash(...parts: string[]): string {
  let a1 = 0xdeadbeef ^ 0x9e3779b9;
  let a2 = 0x41c6ce57 ^ 0x9e3779b9;
  let b1 = 0xdeadbeef ^ 0x85ebca6b;
  let b2 = 0x41c6ce57 ^ 0x85ebca6b;
  for (let p = 0; p < parts.length; p++) {
    const s = parts[p];
    for (let i = p === 0 ? 0 : -1; i < s.length; i++) {
      const ch = i < 0 ? 1 : s.charCodeAt(i); // -1: the separator before each part but the first
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2654435761);
      b2 = Math.imul(b2 ^ ch, 1597334677);
    }
  }
  return base36(finish(a1, a2)) + '.' + base36(finish(b1, b2));
}

const B4 = 36 ** 4;

/**
 * n.toString(36) for an integer 0 ≤ n < 2^53, the same digits: V8 converts a number past 2^31 through
 * its general double-to-radix path (~1.3 µs; two per statement line), small ones at once; so in parts.
 */
export function base36(n: number): string {
  if (n < B4) return n.toString(36);
  const c = n % B4;
  const r = (n - c) / B4;
  if (r < B4) return r.toString(36) + c.toString(36).padStart(4, '0');
  const b = r % B4;
  return ((r - b) / B4).toString(36) + b.toString(36).padStart(4, '0') + c.toString(36).padStart(4, '0');
}

function finish(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
