import type { Db } from '../db/db';
import { INFINITY, UnitPlan, lockUnitChanges, refreshClosure, touchedUnitIds, writePlan, type PlanVersion } from '../modules/units/store';

/**
 * The seed's 151 villages and residential groups of Bắc Giang city (from 2019), spread over its 16
 * wards and communes. Each follows its ward through the changes in the imported data: on 2025-01-01
 * Lê Lợi's and Trần Nguyên Hãn's groups move to the ward they merged into, on 2025-07-01 every
 * group moves to the new ward (Phường Bắc Giang, Phường Đa Mai, …) — new versions of the same unit,
 * each with a 'move' event. Names are plausible, not a census.
 */

const START = '2019-01-01';
const REFORM = '2025-07-01';
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `Tổ dân phố số ${i + 1}`);
const named = (names: string[]) => names.map((n) => `Tổ dân phố ${n}`);
const thon = (names: string[]) => names.map((n) => `Thôn ${n}`);

/** By the code of the ward/commune in 2019. */
const VILLAGES: Record<string, string[]> = {
  '07213': numbered(12), // Phường Trần Phú: 07213.01 is the demo work board's group
  '07207': numbered(13), // Phường Ngô Quyền
  '07219': numbered(9), // Phường Lê Lợi
  '07210': numbered(12), // Phường Hoàng Văn Thụ
  '07201': numbered(14), // Phường Thọ Xương
  '07204': numbered(9), // Phường Trần Nguyên Hãn
  '07216': named(['Mỹ Độ', 'Chi Ly 1', 'Chi Ly 2', 'Chi Ly 3', 'Phúc Sơn', 'Vĩnh Ninh', 'Đồng Cửa', 'Bến Đá']),
  '07225': named(['Châu Xuyên 1', 'Châu Xuyên 2', 'Cung Nhượng 1', 'Cung Nhượng 2', 'Hòa Yên', 'Thành', 'Nghĩa Long', 'Phố Xương', 'Đồng Xuân']),
  '07228': named(['Mai Đọ', 'Mai Sẫu', 'Mai Hạ', 'Mai Trung', 'Chúa', 'Cả', 'Hòa Sơn', 'Núi']),
  '07231': named(['Đông Giang', 'Đồng Quan', 'Hà Vị', 'Mỹ Cầu', 'Núi Vết', 'Phúc Hạ', 'Phúc Thượng', 'Tiền Môn', 'Mai Đình', 'Thanh Dương']),
  '07222': thon(['Quế Sơn', 'Mai Sơn', 'Đông Sơn', 'Giáp Sau', 'Hạ Lát', 'Phúc Mãn', 'Sơn Tiến', 'Trung Tân', 'Tân Mai']), // Xã Song Mai
  '07696': thon(['Đồng Sơn', 'Thuận Sơn', 'Ngọc Sơn', 'Thượng', 'Hạ', 'Trung', 'Bảo Sơn', 'Lãn Tranh']), // Xã Đồng Sơn
  '07687': thon(['Mỹ Cầu', 'Mỹ Độ Hạ', 'Chi Ly', 'Tân Sơn', 'Tân Thành', 'Mỹ Thượng', 'Đông Mỹ', 'Nam Mỹ', 'Tân Hòa']), // Xã Tân Mỹ
  '07705': thon(['Song Khê', 'Khê Ngoài', 'Khê Trong', 'Đông Khê', 'Nội Khê']), // Xã Song Khê
  '07441': thon(['Thành Công', 'Cầu Gạo', 'Lục Liễu', 'Dĩnh Trì', 'Giáp Thượng', 'Giáp Hạ', 'Non Sáng', 'Hương Mãn', 'Dĩnh Hạ']), // Xã Dĩnh Trì
  '07699': thon(['Mé', 'Thanh Mai', 'Đồng Quan', 'Chùa', 'Tân Tiến', 'Núi', 'Đình']), // Xã Tân Tiến
};

export const DEMO_VILLAGE_COUNT = Object.values(VILLAGES).reduce((n, v) => n + v.length, 0);

type Ward = { id: number; valid_to: string };

/** The chain of wards a village of `wardId` belongs to: each ward until it ends, then its successor. */
async function wardChain(tx: Db, ward: Ward): Promise<Array<{ id: number; from: string; to: string }>> {
  const chain = [{ id: ward.id, from: START, to: ward.valid_to }];
  while (chain[chain.length - 1].to !== INFINITY && chain.length < 10) {
    const last = chain[chain.length - 1];
    const [next] = await tx.query<{ id: number; valid_to: string }>(
      `select s.id, s.valid_to::text from unit_lineage l join units s on s.id = l.successor_id
        where l.predecessor_id = $1 and l.effective_date = $2::date and s.valid_from <= $2::date and $2::date < s.valid_to
        order by (l.part = 'full') desc, s.code limit 1`,
      [last.id, last.to],
    );
    if (!next) break; // the ward ends with no successor in the data: its villages end with it
    chain.push({ id: next.id, from: last.to, to: next.valid_to });
  }
  return chain;
}

export async function seedDemoVillages(tx: Db): Promise<void> {
  await lockUnitChanges(tx);
  const [seeded] = await tx.query(`select 1 from units where level = 'village' and code = '07213.01'`);
  if (seeded) return;
  const wards = await tx.query<Ward & { code: string; name: string }>(
    `select u.id, u.code, u.valid_to::text, v.name from units u join unit_versions v on v.unit_id = u.id and v.valid_from <= $2::date and $2::date < v.valid_to
      where u.level = 'commune' and u.code = any($1::text[]) and u.valid_from <= $2::date and $2::date < u.valid_to`,
    [Object.keys(VILLAGES), START],
  );
  if (wards.length !== Object.keys(VILLAGES).length) {
    throw new Error('seedDemoVillages: import the Bắc Giang history first (the 16 wards/communes of 2019 are missing)');
  }
  const plan = new UnitPlan();
  for (const w of wards) {
    const chain = await wardChain(tx, w);
    const end = chain[chain.length - 1].to;
    for (const [i, name] of VILLAGES[w.code].entries()) {
      const kind = name.startsWith('Thôn') ? 'Thôn' : 'Tổ dân phố';
      // In the merged wards of 2025 "Tổ dân phố số 1" would repeat seven times: numbered groups take
      // their old ward's name from the reform on, as merged wards renamed them.
      const renamed = name.replace(/^Tổ dân phố số (\d+)$/, `Tổ dân phố ${w.name.replace(/^(Phường|Xã) /, '')} $1`);
      const nameOn = (from: string) => (from >= REFORM ? renamed : name);
      const versions: Array<Omit<PlanVersion, 'unit'>> = chain.map((c) => ({ name: nameOn(c.from), parent: c.id, validFrom: c.from, validTo: c.to }));
      const key = plan.addUnit(
        {
          key: `${w.code}.${String(i + 1).padStart(2, '0')}`,
          code: `${w.code}.${String(i + 1).padStart(2, '0')}`,
          level: 'village',
          kind,
          provinceCode: '24',
          validFrom: START,
          validTo: end,
        },
        versions,
      );
      for (const c of chain.slice(1)) {
        plan.addEvent({ kind: 'move', date: c.from, note: 'Chuyển theo phường/xã sau sắp xếp / moved with its ward', units: [{ unit: key, role: 'subject' }] });
        if (nameOn(c.from) !== name && c.from === REFORM) {
          plan.addEvent({ kind: 'rename', date: c.from, note: `Đổi tên từ "${name}" / renamed after the merger`, units: [{ unit: key, role: 'subject' }] });
        }
      }
    }
  }
  const written = await writePlan(tx, plan, null);
  await refreshClosure(tx, touchedUnitIds(plan, written));
}
