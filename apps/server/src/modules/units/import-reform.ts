import type { UnitLevel, UnitPart } from '@contract/units';
import { HISTORY_START, cleanName } from './import-bac-giang';
import { INFINITY, UnitPlan, kindFromName, type UnitRef } from './store';

/**
 * The two-level reform of 1 July 2025: 34 provinces and 3,321 communes/wards, each listing the old
 * units merged into it. The district level ends; old units not already known become stubs valid
 * from the seed's term to the reform, under a stub of their old province, so the lineage is whole.
 */

export const REFORM_DATE = '2025-07-01';
export const REFORM_EVE = '2025-06-30';
const PROVINCE_BASIS = 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh';
const COMMUNE_BASIS = 'Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã năm 2025';
const DISTRICT_BASIS = 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15: kết thúc hoạt động của đơn vị hành chính cấp huyện từ ngày 01/7/2025';

type Merge = { old_id: string; name: string; type: UnitPart };
export type ReformGroup = { level1_id: string; name: string; merges: Merge[]; level2s: Array<{ level2_id: string; name: string; merges: Merge[] }> };
export type ReformData = { data: ReformGroup[] };

/**
 * Which old province an old commune belonged to, by code: GSO numbers communes province by province.
 * Each entry is the first code of the next old province within a merged group (read off the data at
 * the jump to the next provincial capital's wards); below the first entry is the group's lowest old
 * province. Trường Sa's late codes sit among Ninh Thuận's.
 */
const OLD_PROVINCE_FROM: Record<string, Array<[string, string]>> = {
  '08': [['02200', '08']],
  '15': [['04249', '15']],
  '19': [['05431', '19']],
  '24': [['09163', '27']],
  '25': [
    ['07888', '25'],
    ['08707', '26'],
  ],
  '31': [['11296', '31']],
  '33': [['12433', '34']],
  '37': [
    ['13633', '36'],
    ['14320', '37'],
  ],
  '44': [['19330', '45']],
  '48': [['20335', '49']],
  '51': [['23281', '62']],
  '52': [['23557', '64']],
  '56': [['22738', '58']],
  '66': [['24118', '66']],
  '68': [
    ['24611', '67'],
    ['24769', '68'],
  ],
  '75': [['25993', '75']],
  '79': [
    ['26506', '77'],
    ['26732', '79'],
  ],
  '80': [['27685', '80']],
  '82': [['29869', '87']],
  '86': [
    ['29234', '84'],
    ['29540', '86'],
  ],
  '91': [['30730', '91']],
  '92': [
    ['31318', '93'],
    ['31498', '94'],
  ],
  '96': [['31999', '96']],
};
const OLD_PROVINCE_OVERRIDE: Record<string, string> = { '22739': '56' };
/** Island districts merged whole into a special zone or commune. */
const OLD_DISTRICT_PROVINCE: Record<string, string> = { '318': '31', '498': '48', '536': '51', '755': '77' };

export function oldProvinceOf(group: ReformGroup, oldCode: string): string {
  const olds = group.merges.map((m) => m.old_id).sort();
  if (oldCode.length === 3) return OLD_DISTRICT_PROVINCE[oldCode] ?? olds[0];
  if (OLD_PROVINCE_OVERRIDE[oldCode]) return OLD_PROVINCE_OVERRIDE[oldCode];
  let p = olds[0];
  for (const [from, code] of OLD_PROVINCE_FROM[group.level1_id] ?? []) if (oldCode >= from) p = code;
  return p;
}

/** An existing unit valid on the eve of the reform. */
export type ExistingUnit = { id: number; code: string; level: UnitLevel; name: string; parentId: number | null; validTo: string };

export type ReformLookup = {
  /** By `${level}:${code}`, units valid on 2025-06-30. */
  existing: Map<string, ExistingUnit>;
  /** Existing districts and communes valid on 2025-06-30, by the id of their old province. */
  beneath: Map<number, ExistingUnit[]>;
};

export type ReformResult = {
  /** Existing units that end on the reform date, with the unit their history rolls into. */
  successorOf: Map<number, UnitRef>;
  /** Units this plan already places after the reform (their children need no handling). */
  handled: Set<number>;
};

const levelOfOld = (code: string): UnitLevel => (code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune');

/** Adds one new province's reform to `plan`. */
export function buildReformGroup(plan: UnitPlan, g: ReformGroup, look: ReformLookup, out: ReformResult): void {
  const pc = g.level1_id;
  const stubs = new Map<string, UnitRef>();
  const ended = new Set<number>();
  const end = (id: number, successor: UnitRef) => {
    if (!ended.has(id)) plan.ends.push({ unitId: id, date: REFORM_DATE });
    ended.add(id);
    out.handled.add(id);
    if (!out.successorOf.has(id)) out.successorOf.set(id, successor);
  };

  // Old provinces: known ones, or stubs. A province left whole under its own code and name goes on.
  const continuing = g.merges.length === 1 && g.merges[0].old_id === pc && cleanName(g.merges[0].name) === cleanName(g.name);
  const oldProvince = new Map<string, UnitRef>();
  for (const o of g.merges) {
    const ex = look.existing.get(`province:${o.old_id}`);
    const to = continuing && (!ex || ex.validTo === INFINITY) ? INFINITY : REFORM_DATE;
    oldProvince.set(
      o.old_id,
      ex?.id ??
        plan.addUnit(
          { key: `old-province:${o.old_id}`, code: o.old_id, level: 'province', kind: kindFromName(o.name, 'Tỉnh'), provinceCode: o.old_id, validFrom: HISTORY_START, validTo: to },
          [{ name: cleanName(o.name), parent: null, validFrom: HISTORY_START, validTo: to }],
        ),
    );
  }
  let province: UnitRef;
  if (continuing && oldProvince.get(pc) !== undefined && (look.existing.get(`province:${pc}`)?.validTo ?? INFINITY) === INFINITY) {
    province = oldProvince.get(pc)!;
  } else {
    province = plan.addUnit(
      { key: `province:${pc}`, code: pc, level: 'province', kind: kindFromName(g.name, 'Tỉnh'), provinceCode: pc, validFrom: REFORM_DATE, validTo: INFINITY },
      [{ name: cleanName(g.name), parent: null, validFrom: REFORM_DATE, validTo: INFINITY }],
    );
    plan.addEvent({
      kind: 'merge',
      date: REFORM_DATE,
      legalBasis: PROVINCE_BASIS,
      units: [...g.merges.map((o) => ({ unit: oldProvince.get(o.old_id)!, role: 'from' as const, part: o.type })), { unit: province, role: 'to' }],
      lineage: g.merges.map((o) => ({ from: oldProvince.get(o.old_id)!, to: province, part: o.type })),
    });
    for (const o of g.merges) {
      const ref = oldProvince.get(o.old_id)!;
      if (typeof ref === 'number') end(ref, province);
    }
  }

  const oldUnit = (m: Merge): UnitRef => {
    const level = levelOfOld(m.old_id);
    const ex = look.existing.get(`${level}:${m.old_id}`);
    if (ex) return ex.id;
    const key = `old-${level}:${m.old_id}`;
    if (!stubs.has(key)) {
      const oc = oldProvinceOf(g, m.old_id);
      stubs.set(
        key,
        plan.addUnit(
          { key, code: m.old_id, level, kind: kindFromName(m.name, level === 'district' ? 'Huyện' : 'Xã'), provinceCode: oc, validFrom: HISTORY_START, validTo: REFORM_DATE },
          [{ name: cleanName(m.name), parent: oldProvince.get(oc) ?? null, validFrom: HISTORY_START, validTo: REFORM_DATE }],
        ),
      );
    }
    return stubs.get(key)!;
  };

  for (const c of g.level2s) {
    const name = cleanName(c.name);
    const only = c.merges.length === 1 ? c.merges[0] : null;
    if (only && only.type === 'full' && only.old_id === c.level2_id) {
      continueCommune(plan, g, c.level2_id, only.name, name, province, oldProvince, look, out);
      continue;
    }
    const key = plan.addUnit(
      { key: `commune:${c.level2_id}`, code: c.level2_id, level: 'commune', kind: kindFromName(name, 'Xã'), provinceCode: pc, validFrom: REFORM_DATE, validTo: INFINITY },
      [{ name, parent: province, validFrom: REFORM_DATE, validTo: INFINITY }],
    );
    const olds = c.merges.map((m) => ({ ref: oldUnit(m), part: m.type }));
    plan.addEvent({
      kind: 'merge',
      date: REFORM_DATE,
      legalBasis: COMMUNE_BASIS,
      units: [...olds.map((o) => ({ unit: o.ref, role: 'from' as const, part: o.part })), { unit: key, role: 'to' }],
      lineage: olds.map((o) => ({ from: o.ref, to: key, part: o.part })),
    });
    // A whole old unit's history rolls into this one; a partial one's into its first successor.
    for (const o of olds) {
      if (typeof o.ref !== 'number') continue;
      if (o.part === 'full') out.successorOf.set(o.ref, key);
      end(o.ref, key);
    }
  }

  // The district level ends; known units of the old provinces that the data does not list end too.
  for (const o of g.merges) {
    const ref = oldProvince.get(o.old_id)!;
    if (typeof ref !== 'number') continue;
    for (const u of look.beneath.get(ref) ?? []) {
      if (out.handled.has(u.id)) continue;
      end(u.id, province);
      plan.addEvent({
        kind: 'dissolve',
        date: REFORM_DATE,
        legalBasis: u.level === 'district' ? DISTRICT_BASIS : COMMUNE_BASIS,
        note: u.level === 'district' ? null : 'Không có trong danh sách sắp xếp / not listed in the reform data',
        units: [{ unit: u.id, role: 'subject' }],
      });
    }
  }
}

/** A commune left whole keeps its identity: a new version under the new province (renamed if need be). */
function continueCommune(
  plan: UnitPlan,
  g: ReformGroup,
  code: string,
  oldName: string,
  name: string,
  province: UnitRef,
  oldProvince: Map<string, UnitRef>,
  look: ReformLookup,
  out: ReformResult,
): void {
  const ex = look.existing.get(`commune:${code}`);
  let ref: UnitRef;
  let moved: boolean;
  let renamed: boolean;
  if (ex && ex.validTo === INFINITY) {
    ref = ex.id;
    out.handled.add(ex.id);
    moved = ex.parentId !== province;
    renamed = cleanName(ex.name) !== name;
    if (moved || renamed) {
      plan.cuts.push({ unitId: ex.id, date: REFORM_DATE });
      plan.versions.push({ unit: ex.id, name, parent: province, validFrom: REFORM_DATE, validTo: INFINITY });
    }
  } else {
    const before = oldProvince.get(oldProvinceOf(g, code)) ?? null;
    moved = before !== province;
    renamed = cleanName(oldName) !== name;
    const versions =
      moved || renamed
        ? [
            { name: cleanName(oldName), parent: before, validFrom: HISTORY_START, validTo: REFORM_DATE },
            { name, parent: province, validFrom: REFORM_DATE, validTo: INFINITY },
          ]
        : [{ name, parent: province, validFrom: HISTORY_START, validTo: INFINITY }];
    ref = plan.addUnit(
      { key: `commune:${code}`, code, level: 'commune', kind: kindFromName(name, 'Xã'), provinceCode: g.level1_id, validFrom: HISTORY_START, validTo: INFINITY },
      versions,
    );
  }
  if (moved) plan.addEvent({ kind: 'move', date: REFORM_DATE, legalBasis: COMMUNE_BASIS, units: [{ unit: ref, role: 'subject' }] });
  if (renamed) plan.addEvent({ kind: 'rename', date: REFORM_DATE, legalBasis: COMMUNE_BASIS, units: [{ unit: ref, role: 'subject' }] });
}
