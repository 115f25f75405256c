import type { securityEndpoints } from '@contract/endpoints/security';
import type { Sample } from '../../test/matrix';

/** One request per security endpoint for the generated access matrix (test/endpoint-matrix.test.ts). */
export const securitySamples: { [K in keyof typeof securityEndpoints]: Sample } = {
  // Matrix sessions have no real password: a permitted request is answered by the rule (PASSWORD_CURRENT_WRONG).
  'PUT /api/me/password': () => ({ body: { currentPassword: 'khong-phai-mat-khau', newPassword: 'mot cau mat khau rat dai' }, ok: [403] }),
  'GET /api/me/notifications': () => ({}),
  'PUT /api/me/notifications': () => ({ body: { email: 'can.bo@example.vn', deadlines: true } }),
  // Writes back the administrator's grants as they are by default (none).
  'PUT /api/users/:id/grants': (c) => ({ params: { id: c.admin.user.id }, body: { permissions: [] } }),
};
