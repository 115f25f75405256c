import { z } from 'zod';
import { LoginBody, Me } from '@contract/auth';
import { Ok } from '@contract/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/db';
import type { Config } from '../../config';
import { ctxOf, type App } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { permissionsOf } from '../../platform/access';
import { audit } from '../../platform/audit';
import {
  CSRF_COOKIE, LoginLimiter, SESSION_COOKIE, createSession, deleteSession, verifyPassword,
} from '../../platform/auth';

export async function authRoutes(app: App, db: Db, config: Config): Promise<void> {
  const byUser = new LoginLimiter(5);
  const byAddress = new LoginLimiter(30);

  const cookie = (reply: FastifyReply, name: string, value: string, httpOnly: boolean) =>
    reply.setCookie(name, value, { path: '/', httpOnly, sameSite: 'lax', secure: config.secureCookies, maxAge: 7 * 86400 });

  app.post('/api/auth/login', { schema: { tags: ['auth'], body: LoginBody, response: { 200: Me } } }, async (req, reply) => {
    assertSameOrigin(req);
    const { username, password } = req.body;
    const userKey = ['u:' + username.toLowerCase()];
    const ipKey = ['ip:' + req.ip];
    if (byUser.isLimited(userKey) || byAddress.isLimited(ipKey)) throw new AppError('LOGIN_RATE_LIMITED');
    const rows = await db.query<{ id: number; password_hash: string }>(
      'select id, password_hash from users where lower(username) = lower($1) and active', [username]);
    const ok = rows[0] ? await verifyPassword(rows[0].password_hash, password) : false;
    if (!ok) {
      byUser.fail(userKey);
      byAddress.fail(ipKey);
      throw new AppError('INVALID_CREDENTIALS');
    }
    byUser.succeed(userKey);
    const session = await createSession(db, rows[0].id);
    cookie(reply, SESSION_COOKIE, session.token, true);
    cookie(reply, CSRF_COOKIE, session.csrf, false);
    return loadMe(db, rows[0].id, session.csrf);
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/me', { schema: { tags: ['auth'], response: { 200: Me } } }, async (req) => {
    const { user } = ctxOf(db, req);
    return loadMe(db, user.id, req.user!.csrfToken);
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

async function loadMe(db: Db, userId: number, csrfToken: string): Promise<Me> {
  const [r] = await db.query<{ id: number; username: string; display_name: string; role: Me['role']; unit_id: number | null; unit_name: string | null; valid_to: string | null }>(
    `select u.id, u.username, u.display_name, u.role, u.unit_id, un.valid_to::text,
            (select v.name from unit_versions v where v.unit_id = u.unit_id order by v.valid_from desc limit 1) as unit_name
       from users u left join units un on un.id = u.unit_id where u.id = $1`,
    [userId],
  );
  return {
    id: r.id, username: r.username, displayName: r.display_name, role: r.role, unitId: r.unit_id,
    unitName: r.unit_name, unitValidTo: r.valid_to && r.valid_to !== 'infinity' ? r.valid_to : null,
    permissions: [...permissionsOf(r.role)], csrfToken,
  };
}
