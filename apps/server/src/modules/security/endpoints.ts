import { securityEndpoints } from '@contract/endpoints/security';
import { bind } from '../../platform/endpoints';
import { SESSION_COOKIE } from '../../platform/auth';
import { changePassword } from '../auth/service';
import { setGrants } from '../users/service';
import { notifySettings, setNotifySettings } from '../notify/staff';

/** Handlers of the account's security endpoints; access was checked by the registrar from the table. */
export const securityHandlers = bind(securityEndpoints, {
  'PUT /api/me/password': async (ctx, { body }, { req }) => {
    await changePassword(ctx, { ...body, address: req.ip, keepSessionToken: req.cookies[SESSION_COOKIE]! });
    return { ok: true as const };
  },
  'GET /api/me/notifications': (ctx) => notifySettings(ctx.db, ctx.user!),
  'PUT /api/me/notifications': (ctx, { body }) => setNotifySettings(ctx.db, ctx.user!, body),
  'PUT /api/users/:id/grants': (ctx, { params, body }) => setGrants({ db: ctx.db, user: ctx.user! }, params.id, body),
});
