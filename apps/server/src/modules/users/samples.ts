import type { usersEndpoints } from '@contract/endpoints/users';
import type { Sample, SampleCtx } from '../../test/matrix';
import { sessionAs } from '../../test/factories';

/** One valid request per users endpoint, for the generated access matrix (administration: one target). */
const account = async (c: SampleCtx) => (await sessionAs(c.db, 'unit_staff', c.w.S)).user.id;
let n = 0;

export const usersSamples: { [K in keyof typeof usersEndpoints]: Sample } = {
  'GET /api/users': () => ({ query: { q: 'khong-ai-co-ten-nay' } }),
  'GET /api/users/:id': async (c) => ({ params: { id: await account(c) } }),
  'POST /api/users': (c) => ({
    body: { username: `mx.${Date.now().toString(36)}.${++n}`, displayName: 'Trần Thị Bình', role: 'unit_staff', unitId: c.w.S, password: 'mat-khau-dai-du' },
  }),
  'PATCH /api/users/:id': async (c) => ({ params: { id: await account(c) }, body: { displayName: `Đổi tên ${++n}` } }),
};
