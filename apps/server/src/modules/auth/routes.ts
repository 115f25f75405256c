import { z } from 'zod';
import { LoginBody, Me } from '@contract/auth';
import { Ok } from '@contract/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/db';
import type { Config } from '../../config';
import { ctxOf, type App } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { audit } from '../../platform/audit';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth';
import { loadMe, signIn, signOut } from './service';

export async function authRoutes(app: App, db: Db, config: Config): Promise<void> {
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
  const cookie = (reply: FastifyReply, name: string, value: string, httpOnly: boolean) =>
    reply.setCookie(name, value, { path: '/', httpOnly, sameSite: 'lax', secure: config.secureCookies, maxAge: policy.maxHours * 3600 });

  // req.ip is the client's address: the socket's, or X-Forwarded-For's only behind a TRUST_PROXY proxy.
  app.post('/api/auth/login', { schema: { tags: ['auth'], body: LoginBody, response: { 200: Me } } }, async (req, reply) => {
    assertSameOrigin(req);
    const session = await signIn(db, policy, req.body, req.ip);
    cookie(reply, SESSION_COOKIE, session.token, true);
    cookie(reply, CSRF_COOKIE, session.csrf, false);
    return loadMe(db, { id: session.userId }, session.csrf);
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
    await signOut(db, req.user, req.cookies[SESSION_COOKIE], req.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/me', { schema: { tags: ['auth'], response: { 200: Me } } }, async (req) => {
    const { user } = ctxOf(db, req);
    return loadMe(db, user, req.user!.csrfToken);
  });

  app.put('/api/me/locale', { schema: { tags: ['auth'], body: z.object({ locale: z.enum(['vi', 'en']) }), response: { 200: Ok } } }, async (req) => {
    const { user } = ctxOf(db, req);
    await db.tx(async (tx) => {
      const [before] = await tx.query<{ locale: string }>('select locale from users where id = $1', [user.id]);
      await tx.query('update users set locale = $2 where id = $1', [user.id, req.body.locale]);
      await audit(tx, user, { action: 'update', entity: 'user', entityId: user.id, unitId: user.unitId, before, after: { locale: req.body.locale } });
    });
    return { ok: true as const };
  });
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
