// The synthetic rows of `npm run bench -- partition` (partition.ts): donations and ledger lines made by
// generate_series in SQL, deterministic per row, so that both layouts hold the same rows.

// Words already folded as the stored search text is (normalizeVn); frequent first (Nguyễn ≈ 37%).
export const SURNAMES = [
  'nguyen',
  'nguyen',
  'nguyen',
  'nguyen',
  'tran',
  'le',
  'pham',
  'hoang',
  'huynh',
  'phan',
  'vu',
  'vo',
  'dang',
  'bui',
  'do',
  'ho',
  'ngo',
  'duong',
  'ly',
  'dao',
  'dinh',
  'lam',
  'trinh',
  'mai',
  'truong',
  'luong',
  'ta',
  'cao',
  'ha',
  'to',
  'lo',
  'quach',
  'kieu',
];
export const MIDDLE = ['thi', 'thi', 'van', 'van', 'duc', 'minh', 'ngoc', 'thanh', 'huu', 'quang', 'xuan', 'thu', 'hong', 'hoang', 'anh', 'bao', 'kim', 'manh'];
export const GIVEN = [
  'anh',
  'huong',
  'linh',
  'trang',
  'hung',
  'dung',
  'ha',
  'lan',
  'hoa',
  'mai',
  'tuan',
  'nam',
  'hai',
  'phuong',
  'thao',
  'ngoc',
  'hang',
  'hien',
  'long',
  'son',
  'thuy',
  'yen',
  'binh',
  'minh',
  'quan',
  'trung',
  'van',
  'huyen',
  'nga',
  'thang',
  'cuong',
  'dung',
  'giang',
  'hanh',
  'khanh',
  'loan',
  'nhung',
  'oanh',
  'phuc',
  'quynh',
  'tam',
  'thanh',
  'tu',
  'uyen',
  'viet',
  'xuan',
  'dat',
  'diep',
  'chi',
  'duy',
  'hieu',
  'kien',
  'loc',
  'nhi',
  'tai',
  'thinh',
  'trinh',
  'vinh',
  'tuyet',
];
export const MEMOS = [
  'ung ho dong bao bao lu',
  'chuyen tien ung ho mien bac',
  'ung ho cac tinh bi bao lu',
  'ung ho khac phuc hau qua bao so 3',
  'ung ho nguoi dan vung lu',
  'chuyen tien',
  'ung ho bao yagi',
  'gia dinh ung ho dong bao lu lut',
  'ung ho',
];

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
export const CAMPAIGNS = 5000; // over 2019–2025; campaigns 0–6 (one a year) are national disasters with 15% of all gifts
export const BIG = 7;
export const UNITS = 3321; // communes after 1 July 2025
export const ACCOUNTS = 10_000; // ledger accounts; 0–9 are the busy campaign accounts with 20% of all lines
export const CHUNK = 5_000_000;

const sqlList = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

// Deterministic per-row values: the same rows in both layouts. hashint8 is PostgreSQL's own hash.
const h = (salt: number) => `(abs(hashint8(g * 7919 + ${salt})::bigint))`;
// A campaign's unit, year and first day, from its number (the same expressions on both sides).
const campaignOf = `(case when ${h(1)} % 100 < 15 then ${h(2)} % ${BIG} else ${BIG} + ${h(2)} % ${CAMPAIGNS - BIG} end)`;

export const donationSelect = (from: number, to: number) => `
  select g as id, 1 + (c * 7919) % ${UNITS} as unit_id, c as campaign_id,
    make_date((2019 + c % 7)::int, 1, 1) + ((c * 37) % 330)::int + (${h(3)} % 30)::int as received_on,
    (1 + ${h(4)} % 50) * 20000 as amount,
    ${h(5)} % 100 >= 3 as publish_name,
    case when ${h(6)} % 1000 = 0 then g else null end as reversal_entry_id,
    (${sqlList(SURNAMES)})[1 + ${h(7)} % ${SURNAMES.length}] || ' ' || (${sqlList(MIDDLE)})[1 + ${h(8)} % ${MIDDLE.length}] || ' '
      || (${sqlList(GIVEN)})[1 + ${h(9)} % ${GIVEN.length}] || ' ' || (${sqlList(MEMOS)})[1 + ${h(10)} % ${MEMOS.length}] as search_text
  from (select g, ${campaignOf} as c from generate_series(${from}::bigint, ${to}::bigint) g) s`;

export const lineSelect = (from: number, to: number) => `
  select g as id, case when ${h(11)} % 100 < 20 then ${h(12)} % 10 else 10 + ${h(12)} % ${ACCOUNTS - 10} end as account_id,
    g / 2 as entry_id,
    date '2019-01-01' + (${h(13)} % 2556)::int as entry_date,
    case when g % 2 = 0 then (1 + ${h(14)} % 50) * 20000 else 0 end as debit,
    case when g % 2 = 1 then (1 + ${h(14)} % 50) * 20000 else 0 end as credit
  from generate_series(${from}::bigint, ${to}::bigint) g`;

/** A campaign's receiving window, as the partitioned search would add it to prune partitions. */
export const campaignWindow = (c: number) => {
  const start = new Date(Date.UTC(2019 + (c % 7), 0, 1 + ((c * 37) % 330)));
  const end = new Date(start.getTime() + 30 * 86_400_000);
  return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
};
