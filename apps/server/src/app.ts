import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, RootDb } from './db/db';
import type { Config } from './config';
import { registerErrorHandler, registerSessionHooks, type App } from './platform/http';
import { AppError } from './platform/errors';
import { registerTextHygiene } from './platform/text-hygiene';
import { registerSecurityHeaders } from './platform/security-headers';
import { registerRateLimit } from './platform/rate-limit';
import { registerAdmission, registerPressureShedding } from './platform/admission';
import { startReportWorker } from './modules/reports/worker';
import './modules/metrics-index';
import { MODULES } from './modules/modules';
import { allLocators } from './platform/module';
import { registerEndpoints } from './platform/endpoints';
import { REPLICA_SETTLE_MS, listenForPublicChanges, setPublicCache } from './modules/fund/public/cache';
import { sendersFromEnv, type Senders } from './modules/notify/adapters';
import { idleWorker, startNotifyWorker } from './modules/notify/worker';
import { startDeadlineReminders } from './modules/notify/staff';

// A page address may contain a dot (/metrics/fund.donations); only these endings are files.
const ASSET_EXT = /\.(js|mjs|css|map|json|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|txt|xml|webmanifest)$/i;

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Builds the HTTP app over an open, migrated database. */
export async function buildApp(
  db: Db,
  config: Config,
  opts: {
    logger?: boolean;
    webDist?: string;
    logStream?: { write(msg: string): void };
    senders?: Senders | null;
    reminders?: boolean;
    /** The product (main.ts): clear the public cache on every committed change the statement shows, from any process. */
    listen?: Pick<RootDb, 'listen'>;
  } = {},
): Promise<App> {
  const webDist = opts.webDist ?? defaultWebDist;
  const app = Fastify({
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
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
  await registerSecurityHeaders(app, config.cspReportFile);
  // Order of the checks on a public request: the event loop's delay, the gate's places, then the
  // per-address limit (route-level hooks run after these), so a shed request never reaches the database.
  await registerPressureShedding(app, config.pressure);
  registerAdmission(app, config.admission);
  await registerRateLimit(app, db, config.rateLimit);
  // Uploads (statements, attachments): each route reads its parts and sets its own tighter limits.
  await app.register(multipart, { limits: { fileSize: 64 * 1024 * 1024, files: 10, fields: 50 } });
  registerErrorHandler(app);
  registerTextHygiene(app);
  registerSessionHooks(app, db, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours });
  setPublicCache(config.publicCache, db.replica ? REPLICA_SETTLE_MS : 0);
  // Handlers that set cookies (sign-in) read the session policy from the app serving the request.
  app.decorate('config', config);
  const unlisten = opts.listen ? await listenForPublicChanges(opts.listen) : null;

  // The report worker runs with the app; a new report request kicks it (modules/reports).
  const reportWorker = startReportWorker(db, { log: (m) => app.log.error(m) });
  app.decorate('reports', reportWorker);
  app.addHook('onClose', async () => reportWorker.stop());
  // Modules declared with defineModule: every route from the endpoint table, checked by the registrar.
  const locators = allLocators(MODULES);
  for (const m of MODULES) registerEndpoints(app, db, m.endpoints ?? [], locators);
  // Messages to citizens and staff leave from the outbox; tests pass their own senders.
  // `senders: null` (tests that share a database) runs no worker: another file's messages stay queued.
  const notify =
    opts.senders === null
      ? idleWorker
      : startNotifyWorker(db, opts.senders ?? sendersFromEnv(process.env, (m) => app.log.info(m)), {
          publicUrl: config.publicUrl,
          pollMs: Number(process.env.NOTIFY_POLL_MS ?? 2000),
          log: (m) => app.log.warn(m),
        });
  app.decorate('notify', notify);
  // The daily staff reminders run in the product (main.ts), not in tests that build an app.
  const reminders =
    opts.reminders && opts.senders !== null
      ? startDeadlineReminders(
          db,
          () => notify.kick(),
          (m) => app.log.warn(m),
        )
      : null;
  app.addHook('onClose', async () => {
    reminders?.stop();
    await notify.stop();
    await unlisten?.();
  });
  // The document describing the table is not an entry of it: it is generated from the registered routes
  // (all of them the table's), is public, and hidden from itself.
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
    if (hasWeb && req.method === 'GET' && !p.startsWith('/api/') && !p.startsWith('/assets/') && !ASSET_EXT.test(p)) {
      return reply.sendFile('index.html');
    }
    const e = new AppError('ROUTE_NOT_FOUND');
    return reply.status(e.status).send(e.toBody());
  });
  return app;
}
