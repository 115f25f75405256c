// Deterministic generators and bulk writers for the organisation demo data.
import type { Db } from '../db/db';

/** mulberry32: a small seeded generator, so every demo load yields the same people. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

// Surnames weighted roughly as in the North (Thân and Giáp are common in Bắc Giang).
const SURNAMES = [
  ...Array(14).fill('Nguyễn'),
  ...Array(5).fill('Trần'),
  ...Array(4).fill('Lê'),
  ...Array(3).fill('Phạm'),
  ...Array(3).fill('Hoàng'),
  ...Array(3).fill('Thân'),
  ...Array(2).fill('Giáp'),
  'Vũ',
  'Vũ',
  'Đỗ',
  'Đỗ',
  'Ngô',
  'Ngô',
  'Bùi',
  'Đặng',
  'Dương',
  'Phan',
  'Đào',
  'Lý',
  'Hà',
  'Trịnh',
  'Đinh',
  'Chu',
] as const;
const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Thanh', 'Công', 'Ngọc', 'Mạnh', 'Trọng'] as const;
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Hồng', 'Thúy', 'Kim'] as const;
const GIVEN_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Huy',
  'Khánh',
  'Kiên',
  'Lâm',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Thành',
  'Toàn',
  'Trung',
  'Tuấn',
  'Tùng',
  'Việt',
  'Vinh',
  'Chiến',
  'Hưng',
  'Lộc',
  'Nghĩa',
  'Tiến',
] as const;
const GIVEN_FEMALE = [
  'Anh',
  'Chi',
  'Dung',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hiền',
  'Hoa',
  'Hương',
  'Huyền',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phương',
  'Thảo',
  'Thủy',
  'Trang',
  'Tuyết',
  'Vân',
  'Yến',
  'Hòa',
  'Quyên',
] as const;

export type Person = { name: string; gender: 'male' | 'female'; birthYear: number };

/** A plausible Vietnamese person; `femaleShare` varies by role (propagandists are mostly women). */
export function person(r: Rng, femaleShare = 0.45, born: [number, number] = [1955, 1990]): Person {
  const gender = r.chance(femaleShare) ? 'female' : 'male';
  const middle = r.pick(gender === 'female' ? MIDDLE_FEMALE : MIDDLE_MALE);
  let given: string = r.pick(gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE);
  while (given === middle) given = r.pick(gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE); // no "Bùi Minh Minh"
  return { name: `${r.pick(SURNAMES)} ${middle} ${given}`, gender, birthYear: r.int(born[0], born[1]) };
}

/** Adds n days to 'YYYY-MM-DD'. */
export function addDays(d: string, n: number): string {
  const t = new Date(d + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** A day in [from, to) — 'infinity' counts as `cap`. */
export function dayIn(r: Rng, from: string, to: string, cap = '2026-12-01'): string {
  const end = to === 'infinity' || to > cap ? cap : to;
  return addDays(from, r.int(0, Math.max(0, daysBetween(from, end) - 1)));
}

/** Reserves n ids of an identity column, so rows can reference each other before they are written. */
export async function reserveIds(tx: Db, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await tx.query<{ id: number }>(`select nextval(pg_get_serial_sequence($1, 'id'))::bigint as id from generate_series(1, $2::int)`, [table, n]);
  return rows.map((r) => r.id);
}

/** Multi-row INSERTs in chunks under the parameter limit; `withIds` writes reserved ids. */
export async function bulkInsert(tx: Db, table: string, columns: string[], rows: unknown[][], withIds = false): Promise<void> {
  const perChunk = Math.max(1, Math.floor(20_000 / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const params: unknown[] = [];
    const values = rows.slice(i, i + perChunk).map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
    await tx.query(`insert into ${table} (${columns.join(', ')}) ${withIds ? 'overriding system value' : ''} values ${values.join(', ')}`, params);
  }
}
