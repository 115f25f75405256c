// Synthetic donations for the fund benchmark: Vietnamese names with realistic frequencies, generated
// set-based in SQL (generate_series), in batches so one statement's memory stays bounded on PGlite.
import type { Db } from '../../apps/server/src/db/db';

// Sorted by frequency; a power law on random() picks the first ones far more often (Nguyễn ≈ 37%).
const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đào',
  'Đinh',
  'Lâm',
  'Trịnh',
  'Mai',
  'Trương',
  'Lương',
  'Tạ',
  'Cao',
  'Hà',
  'Tô',
  'Lò',
  'Quách',
  'Kiều',
];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Quang', 'Xuân', 'Thu', 'Hồng', 'Hoàng', 'Anh', 'Bảo', 'Kim', 'Mạnh'];
const GIVEN = [
  'Anh',
  'Hương',
  'Linh',
  'Trang',
  'Hùng',
  'Dũng',
  'Hà',
  'Lan',
  'Hoa',
  'Mai',
  'Tuấn',
  'Nam',
  'Hải',
  'Phương',
  'Thảo',
  'Ngọc',
  'Hằng',
  'Hiền',
  'Long',
  'Sơn',
  'Thủy',
  'Yến',
  'Bình',
  'Minh',
  'Quân',
  'Trung',
  'Vân',
  'Huyền',
  'Nga',
  'Thắng',
  'Cường',
  'Dung',
  'Giang',
  'Hạnh',
  'Khánh',
  'Loan',
  'Nhung',
  'Oanh',
  'Phúc',
  'Quỳnh',
  'Tâm',
  'Thành',
  'Tú',
  'Uyên',
  'Việt',
  'Xuân',
  'Đạt',
  'Điệp',
  'Chi',
  'Duy',
  'Hiếu',
  'Kiên',
  'Lộc',
  'Nhi',
  'Tài',
  'Thịnh',
  'Trinh',
  'Vinh',
  'Ánh',
  'Tuyết',
];
const MEMOS = [
  'ung ho dong bao bao lu',
  'chuyen tien ung ho mien bac',
  'ung ho cac tinh bi bao lu',
  'ung ho khac phuc hau qua bao so 3',
  'ung ho nguoi dan vung lu',
  'ung ho dong bao mien bac',
  'chuyen tien',
  'ung ho bao yagi',
  'gia dinh ung ho dong bao lu lut',
  'ung ho',
];
const AMOUNTS = [10_000, 20_000, 50_000, 50_000, 100_000, 100_000, 100_000, 200_000, 200_000, 300_000, 500_000, 500_000, 1_000_000, 2_000_000, 5_000_000];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

export type Target = { unitId: number; fundId: number; campaignId: number; accountId: number; entryId: number };

/**
 * Appends n synthetic donations to the campaign (publish_name 97%, anonymous 4%) in the order they would
 * arrive: dates run through September 2024 as rows are added, as a bank statement's do.
 */
export async function generateDonations(db: Db, t: Target, n: number, onBatch: (done: number) => void = () => {}): Promise<void> {
  const batch = 500_000;
  for (let done = 0; done < n; done += batch) {
    const size = Math.min(batch, n - done);
    await db.query(
      `insert into fund_donations (unit_id, fund_id, campaign_id, account_id, entry_id, received_on, amount, kind, donor_kind, donor_name,
         publish_name, memo, source, search_text)
       select $1::bigint, $2::bigint, $3::bigint, $4::bigint, $5::bigint, date '2024-09-01' + ((($15::bigint + r.g - 1) * 30) / $16::bigint)::int,
         ($13::bigint[])[1 + floor(r.a * cardinality($13::bigint[]))::int], 'money',
         case when r.anon < 0.04 then 'anonymous' else 'individual' end,
         case when r.anon < 0.04 then null else s.v || ' ' || m.v || ' ' || g.v end,
         r.anon >= 0.04 and r.pub >= 0.03,
         upper(s.f || ' ' || m.f || ' ' || g.f) || ' ' || ($12::text[])[1 + floor(r.memo * cardinality($12::text[]))::int]
           || case when r.code < 0.3 then ' ft24' || (floor(r.code * 1e9))::bigint::text else '' end,
         'statement',
         case when r.anon < 0.04 then '' else s.f || ' ' || m.f || ' ' || g.f || ' ' end
           || ($12::text[])[1 + floor(r.memo * cardinality($12::text[]))::int]
           || case when r.code < 0.3 then ' ft24' || (floor(r.code * 1e9))::bigint::text else '' end
       from (select g, random() as a, random() as anon, random() as pub, random() as memo, random() as code,
                    1 + floor(power(random(), 3) * cardinality($6::text[]))::int as si,
                    1 + floor(power(random(), 2) * cardinality($8::text[]))::int as mi,
                    1 + floor(power(random(), 1.8) * cardinality($10::text[]))::int as gi
               from generate_series(1, $14::int) g) r
       cross join lateral (select ($6::text[])[r.si] as v, ($7::text[])[r.si] as f) s
       cross join lateral (select ($8::text[])[r.mi] as v, ($9::text[])[r.mi] as f) m
       cross join lateral (select ($10::text[])[r.gi] as v, ($11::text[])[r.gi] as f) g`,
      [t.unitId, t.fundId, t.campaignId, t.accountId, t.entryId, SURNAMES, SURNAMES.map(fold), MIDDLE, MIDDLE.map(fold), GIVEN, GIVEN.map(fold), MEMOS, AMOUNTS, size, done, n],
    );
    onBatch(done + size);
  }
}

/** Secondary indexes of the donations table, dropped around a bulk load and rebuilt in one pass each. */
export async function withIndexesRebuilt(db: Db, fn: () => Promise<void>): Promise<{ rebuildMs: number }> {
  const indexes = await db.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
      where i.indrelid = 'fund_donations'::regclass and not i.indisunique and not i.indisprimary`,
  );
  for (const i of indexes) await db.exec(`drop index ${i.name}`);
  await fn();
  const t0 = performance.now();
  await db.tx(async (tx) => {
    if (tx.kind === 'postgres') await tx.exec(`set local maintenance_work_mem = '1GB'`);
    for (const i of indexes) await tx.exec(i.def);
  });
  const rebuildMs = performance.now() - t0;
  await db.exec('analyze fund_donations');
  return { rebuildMs };
}
