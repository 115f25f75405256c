import { IdParams, Ok } from '../common';
import { ChangePassword, NotifySettings, SetGrants, UserAccount } from '../users';
import { SIGNED_IN, anyUnit, defineEndpoints } from '../endpoint';

/** The account's own security and the permissions granted beyond a role (issue 16). */
export const securityEndpoints = defineEndpoints('security', {
  // The current password is checked under the sign-in throttle; the user's other sessions end.
  'PUT /api/me/password': { body: ChangePassword, response: Ok, access: SIGNED_IN },
  // The address for the daily deadline reminders; audited without the address.
  'GET /api/me/notifications': { response: NotifySettings, access: SIGNED_IN },
  'PUT /api/me/notifications': { body: NotifySettings, response: NotifySettings, access: SIGNED_IN },
  // Only petition.identity today; audited.
  'PUT /api/users/:id/grants': { params: IdParams, body: SetGrants, response: UserAccount, access: anyUnit('user.manage') },
});
