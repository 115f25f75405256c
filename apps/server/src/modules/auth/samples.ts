import type { authEndpoints } from '@contract/endpoints/auth';
import { sessionAs } from '../../test/factories';
import type { Sample } from '../../test/matrix';

/** One valid request per auth endpoint, for the generated access matrix. */
let n = 0;

export const authSamples: { [K in keyof typeof authEndpoints]: Sample } = {
  // Public: a wrong password answers 401 INVALID_CREDENTIALS, a business answer (from its own address, under the throttle).
  'POST /api/auth/login': () => ({ body: { username: `khong.co.${++n}`, password: 'sai-mat-khau' }, remoteAddress: `127.9.${n % 250}.${(n % 250) + 1}`, ok: [401] }),
  // Signing out ends a session: a fresh one of the same role, so the matrix's own session lives on.
  'POST /api/auth/logout': async (c) => (c.session ? { headers: (await sessionAs(c.db, c.role, c.session.user.unitId)).headers } : {}),
  'GET /api/me': () => ({}),
  'PUT /api/me/locale': () => ({ body: { locale: 'vi' } }),
};
