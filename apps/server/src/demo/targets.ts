// The congresses and targets of the demo: the city's 22nd congress (2024–2029) sets the seed's 16 targets,
// in force until the city ends on 30 June 2025; the new wards of 1 July 2025 hold their 2025–2030
// congresses and adopt the same 16, judged at ward level.
import type { Db } from '../db/db';
import { adoptForWard, STANDARD_TARGETS_2024 } from '../modules/targets/standard-targets';
import type { TargetInput } from '@contract/targets';
import { SUCCESSOR_WARD_CODES } from './org';

const CITY_CONGRESS = { from: '2024-07-12', term: '2024–2029', decision: '125/NQ-ĐH' };
const WARD_CONGRESS = { from: '2025-07-01', to: '2030-07-01', term: '2025–2030' };

async function unitAt(tx: Db, code: string, level: string, on: string, within: number[] | null) {
  const rows = await tx.query<{ id: number; name: string; valid_to: string }>(
    `select u.id, v.name, u.valid_to::text from units u join unit_versions v on v.unit_id = u.id and v.valid_from <= $3::date and $3::date < v.valid_to
      where u.code = $1 and u.level = $2 and u.valid_from <= $3::date and $3::date < u.valid_to
        and ($4::bigint[] is null or exists (select 1 from unit_closure c where c.descendant_id = u.id and c.ancestor_id = any($4::bigint[])))`,
    [code, level, on, within],
  );
  return rows[0];
}

async function congress(tx: Db, unitId: number, term: string, name: string, from: string, to: string, decision: string | null, targets: TargetInput[]) {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into target_congresses (unit_id, term_label, name, valid_from, valid_to, decision_no) values ($1, $2, $3, $4, $5, $6) returning id`,
    [unitId, term, name, from, to, decision],
  );
  for (const t of targets) {
    await tx.query('insert into target_defs (congress_id, number, title_vi, title_en, measures) values ($1, $2, $3, $4, $5::jsonb)', [
      id,
      t.number,
      t.title.vi,
      t.title.en,
      JSON.stringify(t.measures),
    ]);
  }
  return id;
}

/** Demo data of the targets module; runs inside loadDemo's transaction. `within` limits look-ups (tests). */
export async function seedDemoTargets(tx: Db, opts: { within?: number[] } = {}): Promise<void> {
  const within = opts.within ?? null;
  const city = await unitAt(tx, '213', 'district', '2024-07-12', within);
  if (!city) return; // the seed's world is not loaded
  await congress(
    tx,
    city.id,
    CITY_CONGRESS.term,
    'Đại hội đại biểu MTTQ Việt Nam thành phố Bắc Giang lần thứ XXII, nhiệm kỳ 2024–2029',
    CITY_CONGRESS.from,
    city.valid_to,
    CITY_CONGRESS.decision,
    STANDARD_TARGETS_2024,
  );
  const wardTargets = adoptForWard(STANDARD_TARGETS_2024);
  for (const code of SUCCESSOR_WARD_CODES) {
    const ward = await unitAt(tx, code, 'commune', WARD_CONGRESS.from, within);
    if (!ward) continue;
    await congress(
      tx,
      ward.id,
      WARD_CONGRESS.term,
      `Đại hội đại biểu MTTQ Việt Nam ${ward.name.replace(/^Phường/, 'phường').replace(/^Xã/, 'xã')} lần thứ I, nhiệm kỳ 2025–2030`,
      WARD_CONGRESS.from,
      WARD_CONGRESS.to,
      null,
      wardTargets,
    );
  }
}
