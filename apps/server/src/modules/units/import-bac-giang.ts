import type { UnitEventKind } from '@contract/units';
import { INFINITY, UnitPlan, type PlanEvent } from './store';

/**
 * Bắc Giang province 2020–2025 from four GSO snapshots: the first snapshot's units are valid from the
 * seed's term (2019-01-01); each later snapshot is diffed against the one before into events.
 */

export const HISTORY_START = '2019-01-01';

type SnapUnit = { code: string; name: string; type: string };
type SnapDistrict = SnapUnit & { communes: SnapUnit[] };
export type BacGiangData = {
  province_code: string;
  snapshots: Record<string, { province: { code: string; name: string }; districts: SnapDistrict[] }>;
};

export const NQ_1191 =
  'Nghị quyết số 1191/NQ-UBTVQH15 ngày 28/9/2024 của Ủy ban Thường vụ Quốc hội về việc sắp xếp đơn vị hành chính cấp huyện, cấp xã của tỉnh Bắc Giang giai đoạn 2023–2025';

const LEGAL_BASIS: Record<string, string> = { '2025-01-01': NQ_1191 };

/**
 * The two city wards that disappear on 2025-01-01. The snapshots do not say where they went; both
 * absorbing wards are listed, with Lê Lợi's and Trần Nguyên Hãn's old area, in the 2025-07-01 Phường
 * Bắc Giang. Inferred, not checked against the resolution's text: the event says so.
 */
const KNOWN_MERGES: Record<string, { into: string; note: string }> = {
  '07219': {
    into: '07210',
    note: 'Phường Lê Lợi nhập vào Phường Hoàng Văn Thụ (suy ra từ dữ liệu, chưa đối chiếu văn bản nghị quyết) / merged into Hoàng Văn Thụ (inferred from the data, not checked against the resolution)',
  },
  '07204': {
    into: '07201',
    note: 'Phường Trần Nguyên Hãn nhập vào Phường Thọ Xương (suy ra từ dữ liệu, chưa đối chiếu văn bản nghị quyết) / merged into Thọ Xương (inferred from the data, not checked against the resolution)',
  },
};

/** Names as published, minus typing slips ("Thị trấn  Bích Động", "Thị Xã Việt Yên"). */
export const cleanName = (n: string) =>
  n
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^Thị Xã /, 'Thị xã ');
const cleanKind = (t: string) => cleanName(t).replace(/^Thị Xã$/, 'Thị xã');
const baseName = (n: string) => cleanName(n).replace(/^(Thành phố|Thị trấn|Thị xã|Tỉnh|Huyện|Quận|Phường|Xã) /, '');

type MVersion = { name: string; parent: string | null; from: string; to: string };
type MUnit = { key: string; code: string; level: 'province' | 'district' | 'commune'; kind: string; from: string; to: string; versions: MVersion[] };

class Model {
  readonly units: MUnit[] = [];
  readonly events: PlanEvent[] = [];

  add(level: MUnit['level'], u: SnapUnit, parent: string | null, from: string): MUnit {
    const m: MUnit = { key: `${level}:${u.code}:${from}`, code: u.code, level, kind: cleanKind(u.type), from, to: INFINITY, versions: [] };
    m.versions.push({ name: cleanName(u.name), parent, from, to: INFINITY });
    this.units.push(m);
    return m;
  }

  /** A new name and/or parent from `date` (in place when another change already starts that day). */
  change(m: MUnit, date: string, patch: { name?: string; parent?: string }): void {
    const last = m.versions[m.versions.length - 1];
    const next = { ...last, ...(patch.name ? { name: patch.name } : {}), ...(patch.parent ? { parent: patch.parent } : {}) };
    if (last.from === date) Object.assign(last, next);
    else {
      last.to = date;
      m.versions.push({ ...next, from: date, to: INFINITY });
    }
  }

  end(m: MUnit, date: string): void {
    m.to = date;
    m.versions[m.versions.length - 1].to = date;
  }

  event(kind: UnitEventKind, date: string, note: string | null, units: PlanEvent['units'], lineage?: PlanEvent['lineage']): void {
    this.events.push({ kind, date, legalBasis: LEGAL_BASIS[date] ?? null, note, units, lineage });
  }
}

/** Builds the whole history as a plan of new units (nothing of it may exist yet). */
export function buildBacGiangHistory(data: BacGiangData): UnitPlan {
  const dates = Object.keys(data.snapshots).sort();
  const m = new Model();
  const first = data.snapshots[dates[0]];
  const province = m.add('province', { ...first.province, type: 'Tỉnh' }, null, HISTORY_START);
  const districts = new Map<string, MUnit>();
  const communes = new Map<string, MUnit>();
  for (const d of first.districts) {
    const dm = m.add('district', d, province.key, HISTORY_START);
    districts.set(d.code, dm);
    for (const c of d.communes) communes.set(c.code, m.add('commune', c, dm.key, HISTORY_START));
  }

  for (let i = 1; i < dates.length; i++) {
    const [prevDate, date] = [dates[i - 1], dates[i]];
    const note = LEGAL_BASIS[date]
      ? null
      : `Thay đổi giữa hai ảnh chụp dữ liệu ${prevDate} và ${date}; ngày hiệu lực ghi theo ảnh chụp sau / changed between the snapshots of ${prevDate} and ${date}; dated by the later one`;
    const prev = data.snapshots[prevDate];
    const next = data.snapshots[date];
    const prevCommune = new Map(prev.districts.flatMap((d) => d.communes.map((c) => [c.code, { ...c, district: d.code }] as const)));
    const nextCommune = new Map(next.districts.flatMap((d) => d.communes.map((c) => [c.code, { ...c, district: d.code }] as const)));
    const prevDistricts = new Set(prev.districts.map((d) => d.code));

    // New districts: a split when all their communes came from one district, else a creation.
    for (const d of next.districts.filter((x) => !prevDistricts.has(x.code))) {
      const dm = m.add('district', d, province.key, date);
      districts.set(d.code, dm);
      const origins = new Set(d.communes.map((c) => prevCommune.get(c.code)?.district).filter((x): x is string => !!x));
      if (origins.size === 1) {
        const from = districts.get([...origins][0])!;
        m.event(
          'split',
          date,
          note,
          [
            { unit: from.key, role: 'from', part: 'partial' },
            { unit: dm.key, role: 'to' },
          ],
          [{ from: from.key, to: dm.key, part: 'partial' }],
        );
      } else m.event('create', date, note, [{ unit: dm.key, role: 'subject' }]);
    }
    for (const d of next.districts.filter((x) => prevDistricts.has(x.code))) {
      const dm = districts.get(d.code)!;
      if (cleanName(d.name) !== dm.versions[dm.versions.length - 1].name) {
        m.change(dm, date, { name: cleanName(d.name) });
        dm.kind = cleanKind(d.type);
        m.event('rename', date, note, [{ unit: dm.key, role: 'subject' }]);
      }
    }

    // Communes in both snapshots: renamed and/or moved to another district.
    for (const [code, c] of nextCommune) {
      const was = prevCommune.get(code);
      if (!was) continue;
      const cm = communes.get(code)!;
      const name = cleanName(c.name);
      const renamed = name !== cm.versions[cm.versions.length - 1].name;
      const moved = was.district !== c.district;
      if (!renamed && !moved) continue;
      m.change(cm, date, { name: renamed ? name : undefined, parent: moved ? districts.get(c.district)!.key : undefined });
      cm.kind = cleanKind(c.type);
      if (renamed) m.event('rename', date, note, [{ unit: cm.key, role: 'subject' }]);
      if (moved) m.event('move', date, note, [{ unit: cm.key, role: 'subject' }]);
    }

    // New communes, then the ones that are gone: merged (re-coded, absorbed, or known) or dissolved.
    const fresh = [...nextCommune.values()].filter((c) => !prevCommune.has(c.code));
    for (const c of fresh) communes.set(c.code, m.add('commune', c, districts.get(c.district)!.key, date));
    const mergedInto = new Set<string>();
    for (const g of [...prevCommune.values()].filter((c) => !nextCommune.has(c.code))) {
      const gm = communes.get(g.code)!;
      const known = KNOWN_MERGES[g.code];
      const sameName = (c: { name: string; district: string }) => c.district === g.district && baseName(c.name) === baseName(g.name);
      const target =
        known?.into ??
        fresh.find(sameName)?.code ??
        [...nextCommune.values()].find((c) => prevCommune.has(c.code) && sameName(c) && baseName(prevCommune.get(c.code)!.name) !== baseName(c.name))?.code;
      m.end(gm, date);
      communes.delete(g.code);
      if (target) {
        const tm = communes.get(target)!;
        mergedInto.add(target);
        m.event(
          'merge',
          date,
          known?.note ?? note,
          [
            { unit: gm.key, role: 'from', part: 'full' },
            { unit: tm.key, role: 'to' },
          ],
          [{ from: gm.key, to: tm.key, part: 'full' }],
        );
      } else {
        m.event('dissolve', date, `Dữ liệu không nêu đơn vị tiếp nhận / the data does not say where it went${note ? '. ' + note : ''}`, [{ unit: gm.key, role: 'subject' }]);
      }
    }
    for (const c of fresh.filter((x) => !mergedInto.has(x.code))) {
      m.event('create', date, note, [{ unit: communes.get(c.code)!.key, role: 'subject' }]);
    }

    // Districts that are gone: merged into the district that took all their communes, else dissolved.
    for (const d of prev.districts.filter((x) => !next.districts.some((y) => y.code === x.code))) {
      const dm = districts.get(d.code)!;
      const dest = new Set(d.communes.map((c) => nextCommune.get(c.code)?.district).filter((x): x is string => !!x));
      m.end(dm, date);
      districts.delete(d.code);
      if (dest.size === 1) {
        const to = districts.get([...dest][0])!;
        m.event(
          'merge',
          date,
          note,
          [
            { unit: dm.key, role: 'from', part: 'full' },
            { unit: to.key, role: 'to' },
          ],
          [{ from: dm.key, to: to.key, part: 'full' }],
        );
      } else m.event('dissolve', date, note, [{ unit: dm.key, role: 'subject' }]);
    }
  }

  const plan = new UnitPlan();
  for (const u of m.units) {
    plan.addUnit(
      { key: u.key, code: u.code, level: u.level, kind: u.kind, provinceCode: data.province_code, validFrom: u.from, validTo: u.to },
      u.versions.map((v) => ({ name: v.name, parent: v.parent, validFrom: v.from, validTo: v.to })),
    );
  }
  for (const e of m.events) plan.addEvent(e);
  return plan;
}
