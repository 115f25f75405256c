import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import { z } from 'zod';
import { AppError } from './errors';
import { CSRF_HEADER, SESSION_COOKIE, safeEqual, userBySession, type SessionPolicy, type SessionUser } from './auth';
import type { Db } from '../db/db';
import type { Ctx } from './access';
import type { Config } from '../config';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyInstance {
    /** The configuration buildApp was given (session policy, cookie settings). */
    config: Config;
  }
}

/** The signed-in user's context, or 401. */
export function ctxOf(db: Db, req: FastifyRequest): Ctx {
  if (!req.user) throw new AppError('UNAUTHENTICATED');
  return { db, user: req.user };
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The CSP report changes nothing and browsers post it without the token.
const CSRF_EXEMPT = ['/api/auth/login', '/api/public/', '/api/csp-report'];

/** Loads the session user and enforces CSRF (double submit, token bound to the session). */
export function registerSessionHooks(app: App, db: Db, policy?: SessionPolicy): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    req.user = token ? await userBySession(db, token, policy) : null;
    if (!MUTATING.has(req.method) || !req.url.startsWith('/api/')) return;
    if (CSRF_EXEMPT.some((p) => req.url.startsWith(p))) return;
    if (!req.user) return; // the route answers 401
    const header = req.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !safeEqual(header, req.user.csrfToken)) throw new AppError('CSRF_INVALID');
  });
}

/** Every error leaves as { error: { code, message, messageEn } }; nothing personal is logged. */
export function registerErrorHandler(app: App): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      appErr = new AppError(
        'VALIDATION',
        err.validation.map((v) => ({ path: v.instancePath, message: v.message })),
      );
    } else if (err instanceof z.ZodError) {
      appErr = new AppError(
        'VALIDATION',
        err.issues.map((i) => ({ path: '/' + i.path.join('/'), message: i.message })),
      );
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') appErr = new AppError('BODY_TOO_LARGE');
    else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') appErr = new AppError('UNSUPPORTED_MEDIA');
    else if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') appErr = new AppError('MALFORMED_JSON');
    else if (err.statusCode === 400 && err.code?.startsWith('FST_ERR_VALIDATION')) appErr = new AppError('VALIDATION', err.message);
    else {
      req.log.error({ err: { message: err.message, code: err.code, stack: err.stack } }, 'unhandled error');
      appErr = new AppError('INTERNAL');
    }
    const retry = (appErr.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) reply.header('retry-after', String(retry));
    reply.status(appErr.status).send(appErr.toBody());
  });
}
