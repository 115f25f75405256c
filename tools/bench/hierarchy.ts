// Builds, in memory, a national-size unit hierarchy with the real 2025 reform and synthetic villages.
import fs from 'node:fs';
import path from 'node:path';
import { normalizeVn } from '../../apps/server/src/platform/vn-text';
import { pick, prng } from './stats';

export const START = '2019-01-01';
export const REFORM = '2025-07-01';
const INF = 'infinity';

const dataDir = path.resolve(import.meta.dirname, '../../assets/admin-units');

type Current = { Code: string; FullName: string; AdministrativeUnitShortName: string; Wards: Array<{ Code: string; FullName: string; AdministrativeUnitShortName: string }> };
type Merge = { old_id: string; name: string; type: 'full' | 'partial' };
type Reform = { data: Array<{ level1_id: string; name: string; merges: Merge[]; level2s: Array<{ level2_id: string; name: string; merges: Merge[] }> }> };

/** Rows in column order of the INSERT statements in load.ts. */
export type UnitRow = [id: number, code: string, level: string, kind: string, provinceCode: string, validFrom: string, validTo: string];
export type VersionRow = [unitId: number, name: string, nameSearch: string, parentId: number | null, validFrom: string, validTo: string];
export type LineageRow = [predecessorId: number, successorId: number, effectiveDate: string, part: string, eventId: number | null];
export type EventRow = [id: number, kind: string, effectiveDate: string, legalBasis: string, note: string];
export type EventUnitRow = [eventId: number, unitId: number, role: string, part: string];

export type CommuneInfo = { id: number; code: string; provinceId: number; predecessors: number[]; villages: number[]; endedVillages: number[] };
export type ProvinceInfo = { id: number; code: string; predecessors: number[]; communes: number[]; oldCommunes: number[] };

export type World = {
  units: UnitRow[];
  versions: VersionRow[];
  lineage: LineageRow[];
  events: EventRow[];
  eventUnits: EventUnitRow[];
  provinces: ProvinceInfo[];
  communes: CommuneInfo[];
  /** Units valid on a pre-reform date (2024): provinces and communes as they were then. */
  provincesThen: number[];
  communesThen: number[];
  counts: Record<string, number>;
};

const kindOf = (name: string) => ['Thành phố', 'Thị trấn', 'Đặc khu', 'Tỉnh', 'Phường', 'Xã', 'Huyện'].find((k) => name.startsWith(k + ' ')) ?? 'Xã';

/** Splits codes sorted ascending into `k` groups at the k-1 widest gaps (codes run by province). */
function splitAtGaps(codes: string[], k: number): string[][] {
  if (k <= 1) return [codes];
  const gaps = codes.slice(1).map((c, i) => ({ i: i + 1, w: Number(c) - Number(codes[i]) }));
  const cuts = gaps
    .sort((a, b) => b.w - a.w)
    .slice(0, k - 1)
    .map((g) => g.i)
    .sort((a, b) => a - b);
  const out: string[][] = [];
  let from = 0;
  for (const c of [...cuts, codes.length]) {
    out.push(codes.slice(from, c));
    from = c;
  }
  return out;
}

const VILLAGE_WORDS = [
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Thượng',
  'Hạ',
  'Trung',
  'Tân',
  'An',
  'Phú',
  'Hòa',
  'Bình',
  'Yên',
  'Lạc',
  'Phúc',
  'Thịnh',
  'Quang',
  'Minh',
  'Đồng',
  'Văn',
  'Hưng',
  'Khánh',
  'Lộc',
  'Thọ',
  'Xuân',
  'Mỹ',
  'Cầu',
  'Chùa',
];

/**
 * The 34 provinces and 3,321 communes valid from 2025-07-01 (real codes and names), the 63 old
 * provinces and ~10,000 old communes that ended on 2025-07-01 with lineage to their successors
 * (unchanged provinces and communes keep their identity), and `villageCount` synthetic villages:
 * ~80% existed since 2019 and moved with their commune (two versions), ~10% ended on 2025-07-01 by
 * merging into one of the ~10% created that day. Old districts are not modelled: old communes hang
 * directly under their old province.
 */
export function buildWorld(villageCount: number, seed = 20250701): World {
  const rand = prng(seed);
  const current: Current[] = JSON.parse(fs.readFileSync(path.join(dataDir, 'vn-units-2026-07-25.json'), 'utf8'));
  const reform: Reform = JSON.parse(fs.readFileSync(path.join(dataDir, 'vn-units-2025-07-01-with-merges.json'), 'utf8'));
  const w: World = { units: [], versions: [], lineage: [], events: [], eventUnits: [], provinces: [], communes: [], provincesThen: [], communesThen: [], counts: {} };
  let nextId = 1;
  let nextEvent = 1;
  const addUnit = (code: string, level: string, kind: string, provinceCode: string, from: string, to = INF) => {
    const id = nextId++;
    w.units.push([id, code, level, kind, provinceCode, from, to]);
    return id;
  };
  const addVersion = (unitId: number, name: string, parentId: number | null, from: string, to = INF) => w.versions.push([unitId, name, normalizeVn(name), parentId, from, to]);
  const addMerge = (successor: number, sources: Array<{ id: number; part: string }>, legalBasis: string, note: string) => {
    const ev = nextEvent++;
    w.events.push([ev, 'merge', REFORM, legalBasis, note]);
    w.eventUnits.push([ev, successor, 'to', 'full']);
    for (const s of sources) {
      w.eventUnits.push([ev, s.id, 'from', s.part]);
      w.lineage.push([s.id, successor, REFORM, s.part, ev]);
    }
  };

  // Usage count of each old commune code: a commune that went whole into one new unit alone keeps its identity.
  const uses = new Map<string, number>();
  for (const p of reform.data) for (const c of p.level2s) for (const m of c.merges) uses.set(m.old_id, (uses.get(m.old_id) ?? 0) + 1);
  const oldCommuneIds = new Map<string, number>();

  for (const cp of current) {
    const rp = reform.data.find((p) => p.level1_id === cp.Code)!;
    const continuing = rp.merges.length === 1 && rp.merges[0].old_id === cp.Code;
    const pid = addUnit(cp.Code, 'province', cp.AdministrativeUnitShortName, cp.Code, continuing ? START : REFORM);
    addVersion(pid, cp.FullName, null, continuing ? START : REFORM);
    const prov: ProvinceInfo = { id: pid, code: cp.Code, predecessors: [], communes: [], oldCommunes: [] };
    w.provinces.push(prov);
    const oldProvinces: Array<{ code: string; id: number }> = [];
    if (continuing) oldProvinces.push({ code: cp.Code, id: pid });
    else {
      for (const m of [...rp.merges].sort((a, b) => a.old_id.localeCompare(b.old_id))) {
        const oid = addUnit(m.old_id, 'province', kindOf(m.name), m.old_id, START, REFORM);
        addVersion(oid, m.name, null, START, REFORM);
        oldProvinces.push({ code: m.old_id, id: oid });
        prov.predecessors.push(oid);
      }
      addMerge(
        pid,
        oldProvinces.map((o) => ({ id: o.id, part: 'full' })),
        'Nghị quyết số 202/2025/QH15',
        `Hợp nhất thành ${cp.FullName}`,
      );
    }
    w.provincesThen.push(...oldProvinces.map((o) => o.id));

    // Old communes first met under this province, grouped into its old provinces by code range.
    const isContinuingCommune = (c: Reform['data'][number]['level2s'][number]) =>
      c.merges.length === 1 && c.merges[0].type === 'full' && c.merges[0].old_id === c.level2_id && uses.get(c.level2_id) === 1;
    // Communes that continue are grouped too: that tells which old province they belonged to.
    const oldCodes = new Map<string, string>();
    const continuingCodes = new Set<string>();
    for (const c of rp.level2s) {
      if (isContinuingCommune(c)) continuingCodes.add(c.level2_id);
      for (const m of c.merges) if (!oldCommuneIds.has(m.old_id)) oldCodes.set(m.old_id, m.name);
    }
    const oldProvinceOf = new Map<string, (typeof oldProvinces)[number]>();
    const groups = splitAtGaps([...oldCodes.keys()].sort(), oldProvinces.length);
    groups.forEach((codes, gi) => {
      for (const code of codes) {
        oldProvinceOf.set(code, oldProvinces[gi]);
        if (continuingCodes.has(code)) continue;
        const id = addUnit(code, 'commune', kindOf(oldCodes.get(code)!), oldProvinces[gi].code, START, REFORM);
        addVersion(id, oldCodes.get(code)!, oldProvinces[gi].id, START, REFORM);
        oldCommuneIds.set(code, id);
        prov.oldCommunes.push(id);
        w.communesThen.push(id);
      }
    });

    for (const cw of cp.Wards) {
      const rc = rp.level2s.find((c) => c.level2_id === cw.Code) ?? rp.level2s.find((c) => c.name === cw.FullName)!;
      const info: CommuneInfo = { id: 0, code: cw.Code, provinceId: pid, predecessors: [], villages: [], endedVillages: [] };
      if (isContinuingCommune(rc)) {
        // Same unit before and after; its parent changes only if its province was merged.
        info.id = addUnit(cw.Code, 'commune', cw.AdministrativeUnitShortName, cp.Code, START);
        const oldParent = oldProvinceOf.get(rc.level2_id)!.id;
        if (oldParent === pid) addVersion(info.id, cw.FullName, pid, START);
        else {
          addVersion(info.id, rc.merges[0].name, oldParent, START, REFORM);
          addVersion(info.id, cw.FullName, pid, REFORM);
        }
        w.communesThen.push(info.id);
        info.predecessors.push(info.id);
      } else {
        info.id = addUnit(cw.Code, 'commune', cw.AdministrativeUnitShortName, cp.Code, REFORM);
        addVersion(info.id, cw.FullName, pid, REFORM);
        const sources = rc.merges.map((m) => ({ id: oldCommuneIds.get(m.old_id)!, part: m.type }));
        info.predecessors.push(...sources.map((s) => s.id));
        addMerge(info.id, sources, 'Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025', `Sắp xếp thành ${cw.FullName}`);
      }
      prov.communes.push(info.id);
      w.communes.push(info);
    }
  }
  w.counts.oldCommunes = oldCommuneIds.size;

  // Villages: weights spread ~0.5–1.5 around the mean per commune, deterministic.
  const weights = w.communes.map(() => 0.5 + rand());
  const total = weights.reduce((a, b) => a + b, 0);
  const perCommune = weights.map((x) => Math.floor((x / total) * villageCount));
  for (let i = 0, left = villageCount - perCommune.reduce((a, b) => a + b, 0); left > 0; i++, left--) perCommune[i % perCommune.length]++;
  const kindByCommune = new Map(current.flatMap((p) => p.Wards.map((c) => [c.Code, c.AdministrativeUnitShortName])));
  let moved = 0;
  w.communes.forEach((c, ci) => {
    const ward = kindByCommune.get(c.code) === 'Phường';
    const kind = ward ? 'Tổ dân phố' : 'Thôn';
    const name = (k: number) => (ward || rand() < 0.3 ? `${kind} số ${k}` : `${kind} ${pick(rand, VILLAGE_WORDS)} ${pick(rand, VILLAGE_WORDS)}`);
    const created: number[] = [];
    const ended: number[] = [];
    for (let k = 1; k <= perCommune[ci]; k++) {
      const code = `${c.code}.${String(k).padStart(3, '0')}`;
      const r = rand();
      const before = pick(rand, c.predecessors);
      if (r < 0.1) {
        const id = addUnit(code, 'village', kind, '', REFORM);
        addVersion(id, `${name(k)} (mới)`, c.id, REFORM);
        created.push(id);
        c.villages.push(id);
      } else if (r < 0.2) {
        const id = addUnit(code, 'village', kind, '', START, REFORM);
        addVersion(id, name(k), before, START, REFORM);
        ended.push(id);
      } else {
        const id = addUnit(code, 'village', kind, '', START);
        const n = name(k);
        if (before === c.id) addVersion(id, n, c.id, START);
        else {
          addVersion(id, n, before, START, REFORM);
          addVersion(id, n, c.id, REFORM);
          moved++;
        }
        c.villages.push(id);
      }
    }
    // Each ended village merged into a village created that day in the same commune.
    for (const id of ended) {
      if (created.length === 0) {
        // No new village here: the old one simply goes on (its identity is extended).
        const u = w.units[id - 1];
        u[6] = INF;
        const v = w.versions.findLast((x) => x[0] === id)!;
        if (v[3] === c.id) v[5] = INF;
        else {
          v[5] = REFORM;
          addVersion(id, v[1], c.id, REFORM);
        }
        c.villages.push(id);
        continue;
      }
      const to = pick(rand, created);
      w.lineage.push([id, to, REFORM, 'full', null]);
      c.endedVillages.push(id);
    }
  });
  const villages = w.units.filter((u) => u[2] === 'village');
  Object.assign(w.counts, {
    units: w.units.length,
    versions: w.versions.length,
    lineage: w.lineage.length,
    events: w.events.length,
    provinces: w.provinces.length,
    oldProvinces: w.units.filter((u) => u[2] === 'province' && u[6] === REFORM).length,
    communes: w.communes.length,
    villages: villages.length,
    villagesCurrent: villages.filter((u) => u[6] === INF).length,
    villagesMoved: moved,
  });
  return w;
}
