import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './db/db';
import type { Config } from './config';
import { registerErrorHandler, registerSessionHooks, type App } from './platform/http';
import { AppError } from './platform/errors';
import { authRoutes } from './modules/auth/routes';
import { unitRoutes } from './modules/units/routes';
import { unitAdminRoutes } from './modules/units/admin-routes';
import { orgRoutes } from './modules/org/routes';
import { userRoutes } from './modules/users/routes';
import { auditRoutes } from './modules/audit/routes';
import { metricRoutes } from './modules/metrics/routes';
import { systemRoutes } from './modules/system/routes';
import { fundRoutes } from './modules/fund/routes';
import { petitionRoutes } from './modules/petitions/routes';
import { householdRoutes } from './modules/households/routes';
import { targetRoutes } from './modules/targets/routes';
import { reportRoutes } from './modules/reports/routes';
import { directionRoutes } from './modules/direction/routes';
import './modules/metrics-index';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Builds the HTTP app over an open, migrated database. */
export async function buildApp(db: Db, config: Config, opts: { logger?: boolean; webDist?: string; logStream?: { write(msg: string): void } } = {}): Promise<App> {
  const webDist = opts.webDist ?? defaultWebDist;
  const app = Fastify({
    bodyLimit: 256 * 1024,
    trustProxy: false,
    logger: opts.logger
      ? {
          ...(opts.logStream ? { stream: opts.logStream } : {}),
          // Paths only: query strings can carry names (search), and bodies are never logged.
          serializers: {
            req: (req) => ({ method: req.method, path: req.url.split('?')[0] }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Đoàn Kết API', description: 'Nền tảng số của Mặt trận Tổ quốc / Fatherland Front platform', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dk_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(cookie);
  // Uploads (statements, attachments): each route reads its parts and sets its own tighter limits.
  await app.register(multipart, { limits: { fileSize: 64 * 1024 * 1024, files: 10, fields: 50 } });
  registerErrorHandler(app);
  registerSessionHooks(app, db);

  await authRoutes(app, db, config);
  await unitRoutes(app, db);
  await unitAdminRoutes(app, db);
  await orgRoutes(app, db);
  await userRoutes(app, db);
  await auditRoutes(app, db);
  await metricRoutes(app, db);
  await systemRoutes(app, db);
  await fundRoutes(app, db);
  await petitionRoutes(app, db);
  await householdRoutes(app, db);
  await targetRoutes(app, db);
  await reportRoutes(app, db);
  await directionRoutes(app, db);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // Files are looked up on each request (a rebuilt bundle is served without a restart).
    await app.register(fastifyStatic, { root: webDist, index: false });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
  }
  // The web app routes on the client: a page address gets index.html; a missing API route or asset
  // gets a coded 404 (a stale page asking for an old bundle must not receive HTML).
  app.setNotFoundHandler((req, reply) => {
    const p = req.url.split('?')[0];
    if (hasWeb && req.method === 'GET' && !p.startsWith('/api/') && !p.startsWith('/assets/') && !path.extname(p)) {
      return reply.sendFile('index.html');
    }
    const e = new AppError('ROUTE_NOT_FOUND');
    return reply.status(e.status).send(e.toBody());
  });
  return app;
}
