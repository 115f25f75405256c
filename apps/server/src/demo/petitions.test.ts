import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootDb } from '../db/db';
import { demoDb } from '../test/db';
import { computeMetric, getMetric } from '../platform/metrics';
import { PETITION_STATES, TRACKING_CODE_RE } from '@contract/petitions';
import { DEMO_PETITION_FIGURES as F, DEMO_PETITION_TERM as TERM } from './petitions';
import '../modules/metrics-index';

let db: RootDb;
beforeAll(async () => {
  db = await demoDb();
}, 300_000);
afterAll(() => db.close());

const unitAt = async (code: string, level: string, on: string) => {
  const [u] = await db.query<{ id: number }>('select id from units where code = $1 and level = $2 and valid_from <= $3::date and $3::date < valid_to', [code, level, on]);
  return u.id;
};
const value = async (key: string, unit: number, from: string, to: string, view: 'now' | 'then' = 'then') =>
  (await computeMetric(db, getMetric(key), { unitIds: [unit], from, to, view })).get(unit)!.value;

describe('petitions demo', () => {
  it("reproduces Part One's figures for the city over the term", async () => {
    const city = await unitAt('213', 'district', '2024-06-01');
    const got = {
      citizensReceived: await value('petitions.citizens_received', city, TERM.from, TERM.to),
      receptions: await value('petitions.receptions', city, TERM.from, TERM.to),
      petitions: await value('petitions.received', city, TERM.from, TERM.to),
      voterMeetings: await value('petitions.voter_meetings', city, TERM.from, TERM.to),
      voters: await value('petitions.voters', city, TERM.from, TERM.to),
      opinions: await value('petitions.voter_opinions', city, TERM.from, TERM.to),
      dialogues: await value('petitions.dialogues', city, TERM.from, TERM.to),
      situationReports: await value('petitions.situation_reports', city, TERM.from, TERM.to),
    };
    expect(got).toEqual(F);
    const due = await value('petitions.answer_due', city, TERM.from, TERM.to);
    const written = await value('petitions.answered_in_writing', city, TERM.from, TERM.to);
    expect(written / due).toBeGreaterThanOrEqual(0.9);
    expect(await value('petitions.situation_reports_on_time', city, TERM.from, TERM.to)).toBe(76);
    expect(await value('petitions.situation_reports_due', city, TERM.from, TERM.to)).toBe(80);
    expect(await value('petitions.conferences', city, '2020-01-01', '2023-12-31')).toBe(4);
  });

  it('keeps a living 2025–2026 in the new wards: every state, some overdue, old Trần Phú handled by Phường Bắc Giang', async () => {
    const bg = await unitAt('07210', 'commune', '2025-07-01');
    const dm = await unitAt('07228', 'commune', '2025-07-01');
    const states = await db.query<{ state: string }>(`select distinct state from petitions where unit_id = any($1::bigint[]) and received_on >= '2025-07-01'`, [[bg, dm]]);
    expect(states.map((s) => s.state).sort()).toEqual([...PETITION_STATES].sort());
    const [o] = await db.query<{ n: number }>(`select count(*)::int as n from petitions where unit_id = any($1::bigint[]) and due_on < vn_today()`, [[bg, dm]]);
    expect(o.n).toBeGreaterThanOrEqual(3);
    const handled = await db.query<{ n: number }>(
      `select count(distinct p.id)::int as n from petitions p join units u on u.id = p.unit_id and u.code = '07213'
         join petition_events e on e.petition_id = p.id and e.on_date >= '2025-07-01' and e.actor_unit_id = $1
        where p.received_on < '2025-07-01'`,
      [bg],
    );
    expect(handled[0].n).toBeGreaterThanOrEqual(3);
    // Reports filed in the wards and villages; the ward's own figure counts its villages' reports.
    expect(await value('petitions.situation_reports_due', bg, '2025-07-01', '2026-06-30', 'now')).toBeGreaterThan(500);
    const codes = await db.query<{ tracking_code: string; n: number }>('select tracking_code, count(*) over ()::int as n from petitions limit 5');
    for (const c of codes) expect(c.tracking_code).toMatch(TRACKING_CODE_RE);
    const [named] = await db.query<{ n: number }>(`select count(*)::int as n from petitions where handler_id is null`);
    expect(named.n).toBe(0);
  });
});
