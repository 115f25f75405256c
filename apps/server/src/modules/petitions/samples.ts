import type { petitionEndpoints } from '@contract/endpoints/petitions';
import type { Db } from '../../db/db';
import type { Sample, SampleCtx } from '../../test/matrix';
import { deadlineRules } from './queries';
import { insertPetition } from './service';
import { publicBody } from './testing';

/** One valid request per petitions endpoint, for the generated access matrix (test/endpoint-matrix.test.ts). */

let n = 0;
const uniq = () => `${++n}-${Date.now().toString(36)}`;

/** A plain (not protected) petition received at the unit on the date, inserted directly. */
async function petitionAt(db: Db, unitId: number, date: string): Promise<number> {
  return insertPetition(
    db,
    {
      unitId,
      channel: 'written',
      kind: 'kien_nghi',
      field: 'khac',
      title: `Kiến nghị ma trận ${uniq()}`,
      content: 'Đường ngõ xóm bị ngập khi mưa.',
      receivedOn: date,
      handlerId: null,
      identity: null,
      sourceHash: null,
      receptionId: null,
      meetingId: null,
      reportId: null,
    },
    null,
  );
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function attachmentAt(c: SampleCtx): Promise<{ id: number; attachmentId: number }> {
  const id = await petitionAt(c.db, c.unit, c.date);
  const [{ id: attachmentId }] = await c.db.query<{ id: number }>(
    `insert into petition_attachments (petition_id, purpose, filename, mime, size, sha256, data) values ($1, 'answer', 'a.png', 'image/png', $2, 'x', $3) returning id`,
    [id, PNG.length, PNG],
  );
  return { id, attachmentId };
}

/** A period at the target unit that requires the unit itself, starting a few days before the date. */
async function periodFor(c: SampleCtx): Promise<number> {
  const [{ level }] = await c.db.query<{ level: string }>('select level from units where id = $1', [c.unit]);
  const back = (days: number) => new Date(Date.parse(c.date) - days * 86400_000).toISOString().slice(0, 10);
  const [{ id }] = await c.db.query<{ id: number }>(
    `insert into situation_periods (unit_id, kind, starts_on, ends_on, due_on, levels) values ($1, 'month', $2, $3, $4, $5) returning id`,
    [c.unit, back(400 + (n++ % 300)), back(2), c.date, [level === 'province' ? 'commune' : level]],
  );
  return id;
}

const back = (date: string, days: number) => new Date(Date.parse(date) - days * 86400_000).toISOString().slice(0, 10);

export const petitionSamples: { [K in keyof typeof petitionEndpoints]: Sample } = {
  'POST /api/public/petitions': async (c) => {
    const [{ code }] = await c.db.query<{ code: string }>('select code from units where id = $1', [c.w.S]);
    return { body: publicBody(code), remoteAddress: `127.8.${n % 250}.${(n++ % 250) + 1}` };
  },
  'GET /api/public/petitions/:trackingCode': async (c) => {
    const id = await petitionAt(c.db, c.w.S, c.date);
    const [{ tracking_code }] = await c.db.query<{ tracking_code: string }>('select tracking_code from petitions where id = $1', [id]);
    return { params: { trackingCode: tracking_code } };
  },
  'POST /api/public/my-petitions/code': () => ({ body: { contact: `mau.${n}@example.vn` }, remoteAddress: `127.8.${n % 250}.${(n++ % 250) + 1}` }),
  // No code was sent to this contact: a wrong code is the expected answer (400), never 401/403.
  'POST /api/public/my-petitions': () => ({ body: { contact: `mau.${n}@example.vn`, code: '000000' }, remoteAddress: `127.8.${n % 250}.${(n++ % 250) + 1}`, ok: [400] }),
  'GET /api/public/petition-units': () => ({ query: { q: 'phuong' } }),

  'GET /api/petitions': (c) => ({ query: { unit: c.unit } }),
  'GET /api/petitions/export.csv': (c) => ({ query: { unit: c.unit } }),
  'GET /api/petitions/reminders': () => ({}),
  'GET /api/petitions/stats': (c) => ({ query: { unit: c.unit, from: '2025-01-01', to: '2026-12-31' } }),
  'POST /api/petitions': (c) => ({
    body: { unitId: c.unit, channel: 'written', kind: 'kien_nghi', title: `Kiến nghị ${uniq()}`, content: 'Xin sửa đường.', receivedOn: c.date },
  }),
  'GET /api/petitions/:id': async (c) => ({ params: { id: await petitionAt(c.db, c.unit, c.date) } }),
  'POST /api/petitions/:id/actions': async (c) => ({ params: { id: await petitionAt(c.db, c.unit, c.date) }, body: { action: 'accept' } }),
  'POST /api/petitions/:id/handler': async (c) => ({ params: { id: await petitionAt(c.db, c.unit, c.date) }, body: { handlerId: c.admin.user.id } }),
  'GET /api/petitions/:id/identity': async (c) => ({ params: { id: await petitionAt(c.db, c.unit, c.date) } }),
  'POST /api/petitions/:id/attachments': async (c) => ({
    params: { id: await petitionAt(c.db, c.unit, c.date) },
    multipart: { fields: { purpose: 'answer' }, files: [{ name: 'file', filename: 'tra-loi.png', type: 'image/png', data: PNG }] },
  }),
  'GET /api/petitions/:id/attachments/:attachmentId': async (c) => ({ params: await attachmentAt(c) }),

  'GET /api/petition-receptions': (c) => ({ query: { unit: c.unit } }),
  'POST /api/petition-receptions': (c) => ({ body: { unitId: c.unit, heldOn: c.date, officials: 'Nguyễn Văn An', citizensCount: 3 } }),
  'GET /api/voter-meetings': (c) => ({ query: { unit: c.unit } }),
  'POST /api/voter-meetings': (c) => ({ body: { unitId: c.unit, kind: 'voter_meeting', heldOn: c.date, voters: 40, opinions: 5 } }),
  'GET /api/petition-conferences': (c) => ({ query: { unit: c.unit } }),
  'POST /api/petition-conferences': (c) => ({ body: { unitId: c.unit, heldOn: c.date, title: `Hội nghị công khai ${uniq()}` } }),
  'GET /api/petition-agencies': (c) => ({ query: { unit: c.unit } }),
  'POST /api/petition-agencies': (c) => ({ body: { unitId: c.unit, name: `Cơ quan ${uniq()}` } }),
  'GET /api/petition-rules': () => ({}),
  // Writes back the rule as it is: the test database is shared with other files.
  'PUT /api/petition-rules/:kind': async (c) => {
    const { kind: _kind, ...rule } = (await deadlineRules(c.db)).phan_anh;
    return { params: { kind: 'phan_anh' }, body: rule };
  },

  'GET /api/situation-reports': (c) => ({ query: { unit: c.unit } }),
  // A province never reports to itself (periods require districts, communes or villages): permitted, then refused by the rule.
  'POST /api/situation-reports': async (c) => ({
    body: { periodId: await periodFor(c), unitId: c.unit, filedOn: c.date },
    ok: c.target === 'parent' ? [409] : undefined,
  }),
  'GET /api/situation-periods': (c) => ({ query: { unit: c.unit } }),
  'POST /api/situation-periods': (c) => ({
    body: { unitId: c.unit, kind: 'half_month', startsOn: back(c.date, 1 + (n++ % 3000)), endsOn: c.date, dueOn: c.date, levels: ['village'] },
  }),
};
