import type { FastifyReply, FastifyRequest } from 'fastify';
import { authEndpoints } from '@contract/endpoints/auth';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth';
import { bind } from '../../platform/endpoints';
import { AppError } from '../../platform/errors';
import { defineModule } from '../../platform/module';
import { loadMe, setLocale, signIn, signOut } from './service';

/** The session policy and cookie settings of the app serving the request (config given to buildApp). */
function sessionConfig(req: FastifyRequest) {
  const c = req.server.config;
  return { policy: { idleMinutes: c.sessionIdleMinutes, maxHours: c.sessionMaxHours }, secure: c.secureCookies };
}

function setCookie(req: FastifyRequest, reply: FastifyReply, name: string, value: string, httpOnly: boolean) {
  const { policy, secure } = sessionConfig(req);
  reply.setCookie(name, value, { path: '/', httpOnly, sameSite: 'lax', secure, maxAge: policy.maxHours * 3600 });
}

/** Login CSRF: a browser posting from another site sends its Origin; refuse it. */
function assertSameOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return;
  const host = req.headers.host;
  try {
    if (new URL(origin).host !== host) throw new AppError('CSRF_INVALID');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('CSRF_INVALID');
  }
}

/**
 * Signing in and out: the handlers set and clear the cookies. req.ip is the client's address: the
 * socket's, or X-Forwarded-For's only behind a TRUST_PROXY proxy.
 */
export const authModule = defineModule({
  name: 'auth',
  endpoints: bind(authEndpoints, {
    'POST /api/auth/login': async (ctx, { body }, { req, reply }) => {
      assertSameOrigin(req);
      const session = await signIn(ctx.db, sessionConfig(req).policy, body, req.ip);
      setCookie(req, reply, SESSION_COOKIE, session.token, true);
      setCookie(req, reply, CSRF_COOKIE, session.csrf, false);
      return loadMe({ db: ctx.db, user: { id: session.userId } }, { csrfToken: session.csrf });
    },
    'POST /api/auth/logout': async (ctx, _input, { req, reply }) => {
      await signOut(ctx, { token: req.cookies[SESSION_COOKIE], address: req.ip });
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
    'GET /api/me': (ctx, _input, { req }) => loadMe(ctx, { csrfToken: req.user!.csrfToken }),
    'PUT /api/me/locale': (ctx, { body }) => setLocale(ctx, body),
  }),
});
