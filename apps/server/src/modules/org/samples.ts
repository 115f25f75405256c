import type { orgEndpoints } from '@contract/endpoints/org';
import type { Sample, SampleCtx } from '../../test/matrix';
import { insertCommittee, insertMember, insertMemberOrg, insertPerson } from './testing';

/**
 * One valid request per org endpoint, for the generated access matrix (test/endpoint-matrix.test.ts).
 * Records are inserted at the target unit, dated within its life: from a few weeks before the sample's
 * date to the unit's end (the predecessor ward ends at the reform).
 */

let n = 0;
let created = 0;
let patched = 0;
const back = (date: string, days: number) => new Date(Date.parse(date) - days * 86400_000).toISOString().slice(0, 10);
const isVillage = (c: SampleCtx) => c.target === 'child';
const endOf = (c: SampleCtx) => (c.target === 'predecessor' ? c.w.REFORM : 'infinity');
const seat = (c: SampleCtx) => (isVillage(c) ? 'board_member' : 'member');

/** A committee at the target unit, from 30 days before the sample's date to the unit's end. */
const committeeAt = (c: SampleCtx) => insertCommittee(c.db, c.unit, isVillage(c) ? 'work_board' : 'front_committee', back(c.date, 30), endOf(c));

/** A member of a fresh committee, serving from 10 days before the sample's date. */
async function memberAt(c: SampleCtx): Promise<{ committee: number; member: number }> {
  const committee = await committeeAt(c);
  return { committee, member: await insertMember(c.db, committee, `Nguyễn Văn Mẫu ${++n}`, seat(c), back(c.date, 10), endOf(c)) };
}

export const orgSamples: { [K in keyof typeof orgEndpoints]: Sample } = {
  'GET /api/org/committees': (c) => ({ query: { unit: c.unit, asOf: c.date } }),
  'GET /api/org/committees/:id': async (c) => ({ params: { id: await committeeAt(c) } }),
  // A one-day term of its own for each call, before the other samples' committees, so that no two
  // permitted calls overlap (ORG_TERM_OVERLAP); the PATCH sample's terms lie further back still.
  'POST /api/org/committees': (c) => {
    const d = 31 + (created++ % 100);
    return { body: { unitId: c.unit, kind: isVillage(c) ? 'work_board' : 'advisory_board', termLabel: '2024–2029', validFrom: back(c.date, d), validTo: back(c.date, d - 1) } };
  },
  'PATCH /api/org/committees/:id': async (c) => {
    const d = 131 + (patched++ % 100);
    const id = await insertCommittee(c.db, c.unit, isVillage(c) ? 'work_board' : 'front_committee', back(c.date, d), back(c.date, d - 1));
    return { params: { id }, body: { note: `ghi chú ${++n}` } };
  },

  'POST /api/org/committees/:id/members': async (c) => ({
    params: { id: await committeeAt(c) },
    body: { personName: 'Phạm Thị Hoa', position: seat(c), validFrom: c.date },
  }),
  'PATCH /api/org/members/:id': async (c) => ({ params: { id: (await memberAt(c)).member }, body: { representing: `Giới ${++n}` } }),
  'POST /api/org/members/:id/end': async (c) => ({ params: { id: (await memberAt(c)).member }, body: { date: c.date } }),
  'POST /api/org/committees/:id/changes': async (c) => {
    const { committee, member } = await memberAt(c);
    return { params: { id: committee }, body: { date: c.date, position: seat(c), outgoingMemberId: member, incoming: { personName: 'Đỗ Văn Mới' }, reason: 'Nghỉ hưu' } };
  },

  'GET /api/org/member-organisations': (c) => ({ query: { unit: c.unit, asOf: c.date } }),
  'POST /api/org/member-organisations': (c) => ({ body: { unitId: c.unit, kind: 'veterans', name: 'Hội Cựu chiến binh', joinedOn: c.date } }),
  'PATCH /api/org/member-organisations/:id': async (c) => ({
    params: { id: await insertMemberOrg(c.db, c.unit, 'women', 'Hội Liên hiệp Phụ nữ', back(c.date, 30), endOf(c)) },
    body: { note: `ghi chú ${++n}` },
  }),

  'GET /api/org/people': (c) => ({ query: { unit: c.unit, asOf: c.date } }),
  'POST /api/org/people': (c) => ({ body: { unitId: c.unit, role: 'reporter', personName: 'Vũ Thị Lan', validFrom: c.date } }),
  'PATCH /api/org/people/:id': async (c) => ({
    params: { id: await insertPerson(c.db, c.unit, 'propagandist', 'Trần Thị Mẫu', back(c.date, 30), endOf(c)) },
    body: { note: `ghi chú ${++n}` },
  }),

  'GET /api/org/work-boards': (c) => ({ query: { unit: c.unit, asOf: c.date } }),
};
