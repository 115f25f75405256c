import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Endpoint, EndpointInput, EndpointOutput, UnitSource } from '@contract/endpoint';
import type { Permission } from '@contract/access';
import type { Db } from '../db/db';
import { assertPermission, assertUnitAccess, type Ctx, type CurrentUser } from './access';
import { AppError } from './errors';
import type { App } from './http';
import { assertCleanText } from './text-hygiene';

/*
 * The registrar: binds each entry of the endpoint table (packages/contract/src/endpoints/*) to its
 * handler and, before the handler runs, signs the user in, checks the permission and runs the scope
 * rule on the unit the entry names. Handlers stay one line: they call a service with (ctx, input).
 */

/** A file received in a multipart request (empty file inputs are dropped). */
export type Upload = { filename: string; declaredType: string; data: Buffer };
/** A public endpoint's context: the user is there only if signed in. */
export type PublicCtx = { db: Db; user: CurrentUser | null };
/** The raw request and reply, for the few handlers that set cookies or headers or send a file. */
export type Http = { req: FastifyRequest; reply: FastifyReply };

type CtxFor<E extends Endpoint> = E['access'] extends { public: true } ? PublicCtx : Ctx;
export type HandlerInput<E extends Endpoint> = EndpointInput<E> & { files: Upload[] };
type Result<E extends Endpoint> = E['response'] extends z.ZodType ? EndpointOutput<E> : unknown;
export type Handler<E extends Endpoint> = (ctx: CtxFor<E>, input: HandlerInput<E>, http: Http) => Promise<Result<E>> | Result<E>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a bound handler is checked against its own entry in bind()
export type BoundEndpoint = { endpoint: Endpoint; handler: Handler<any> };

/** Binds every entry of a table to its handler; a missing or extra handler is a type error. */
export function bind<T extends Record<string, Endpoint>>(table: T, handlers: { [K in keyof T]: Handler<T[K]> }): BoundEndpoint[] {
  const extra = Object.keys(handlers).filter((k) => !(k in table));
  if (extra.length) throw new Error(`handlers without an endpoint: ${extra.join(', ')}`);
  return Object.keys(table).map((k) => ({ endpoint: table[k], handler: handlers[k] }));
}

/** Where a record lies: its unit and the date of the fact (for the scope rule), or undefined if missing. */
export type Located = { unitId: number; date?: string | null };
export type Locator = (db: Db, id: number) => Promise<Located | undefined>;

type Input = { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: Record<string, unknown> };

/** The one access check every route goes through (exported for tests and for the access matrix). */
export async function checkAccess(db: Db, user: CurrentUser | null, e: Endpoint, input: Input, locators: Record<string, Locator>): Promise<void> {
  const a = e.access;
  if ('public' in a) return;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if ('signedIn' in a) return;
  // The permission first, whatever the unit: a list over "my whole scope" needs it as much as one unit.
  assertPermission(user, a.permission);
  const unit = await unitToCheck(db, user, a.unit, input, locators);
  if (!unit) return;
  try {
    await assertUnitAccess(db, user, a.permission, unit.unitId, unit.date ?? undefined);
  } catch (err) {
    // A record declared hidden: outside the scope it does not exist for this user.
    if (a.unit.from === 'record' && a.unit.hidden && err instanceof AppError && err.code === 'OUT_OF_SCOPE') throw new AppError(a.unit.hidden);
    throw err;
  }
}

async function unitToCheck(db: Db, user: CurrentUser, u: UnitSource, input: Input, locators: Record<string, Locator>): Promise<Located | null> {
  switch (u.from) {
    case 'none':
      return null;
    case 'own':
      return ownUnit(user);
    case 'record': {
      const id = Number(input[u.part ?? 'params']?.[u.param]);
      const found = await locators[u.kind](db, id);
      if (!found) throw new AppError('NOT_FOUND', { [u.param]: id });
      return found;
    }
    case 'input': {
      const part = input[u.part];
      const unitId = part?.[u.key];
      if (unitId === undefined || unitId === null) {
        if (u.optional) return ownUnit(user);
        throw new AppError('VALIDATION', { [u.key]: 'required' });
      }
      const date = u.date ? part?.[u.date] : undefined;
      return { unitId: Number(unitId), date: typeof date === 'string' ? date : null };
    }
  }
}

/** The user's own unit; an administrator without a unit reaches everything. */
function ownUnit(user: CurrentUser): Located | null {
  if (user.unitId === null) {
    if (user.role === 'admin') return null;
    throw new AppError('FORBIDDEN');
  }
  return { unitId: user.unitId };
}

const noEmpty = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim() !== ''));

/** Fields and files of a multipart request, with the entry's limits enforced while reading. */
async function readMultipart(req: FastifyRequest, e: Endpoint): Promise<{ fields: Record<string, string>; files: Upload[] }> {
  const m = e.multipart!;
  const fields: Record<string, string> = {};
  const files: Upload[] = [];
  try {
    for await (const part of req.parts({ limits: { fileSize: m.maxFileBytes, files: m.maxFiles, fields: 20, fieldSize: 20_000 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw new AppError(m.tooLarge);
        if (data.length) files.push({ filename: part.filename, declaredType: part.mimetype, data });
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (/FILE_TOO_LARGE|FILES_LIMIT|FIELDS_LIMIT|PARTS_LIMIT/.test(code)) throw new AppError(m.tooLarge);
    throw err;
  }
  if (files.length < (m.minFiles ?? 0)) throw new AppError('VALIDATION', { file: 'at least one file is required' });
  assertCleanText({ fields, files: files.map((f) => f.filename) }, '/body');
  return { fields: noEmpty(fields), files };
}

/** Registers bound endpoints on the app. Record kinds without a locator fail at start-up, not at the first request. */
export function registerEndpoints(app: App, db: Db, bound: BoundEndpoint[], locators: Record<string, Locator>): void {
  for (const { endpoint: e, handler } of bound) {
    if ('permission' in e.access && e.access.unit.from === 'record' && !locators[e.access.unit.kind]) {
      throw new Error(`${e.key}: no locator for records of kind "${e.access.unit.kind}"`);
    }
    const schema = {
      tags: [e.tag],
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      // A multipart body is read and validated here (its fields with the body schema), not by Fastify.
      ...(e.body && !e.multipart ? { body: e.body } : {}),
      ...(e.multipart?.mode === 'required' ? { consumes: ['multipart/form-data'] } : {}),
      ...(e.response ? { response: { [e.status ?? 200]: e.response } } : {}),
      ...('permission' in e.access ? { security: [{ session: [] }], description: `Requires ${permissionText(e.access.permission, e.access.unit)}` } : {}),
    };
    app.route({
      method: e.method,
      url: e.path,
      ...(e.bodyLimit ? { bodyLimit: e.bodyLimit } : {}),
      schema,
      handler: async (req, reply) => {
        const user = req.user;
        let body = req.body as Record<string, unknown> | undefined;
        let files: Upload[] = [];
        // Refuse before reading an upload, unless the unit to check is one of its fields.
        const early = !!e.multipart && !('permission' in e.access && 'part' in e.access.unit && e.access.unit.part === 'body');
        if (early) await checkAccess(db, user, e, { params: req.params, query: req.query } as Input, locators);
        if (e.multipart) {
          if (req.isMultipart()) {
            const read = await readMultipart(req, e);
            files = read.files;
            body = (e.body ? e.body.parse(read.fields) : read.fields) as Record<string, unknown>;
          } else if (e.multipart.mode === 'required') throw new AppError('UNSUPPORTED_MEDIA');
          else body = (e.body ? e.body.parse(req.body ?? {}) : {}) as Record<string, unknown>;
        }
        const input = { params: req.params, query: req.query, body } as Input;
        if (!early) await checkAccess(db, user, e, input, locators);
        const ctx = { db, user };
        if (e.status) reply.status(e.status);
        return handler(ctx as Ctx, { ...input, files } as HandlerInput<Endpoint>, { req, reply });
      },
    });
  }
}

function permissionText(p: Permission, u: UnitSource): string {
  const where = u.from === 'none' ? '' : u.from === 'own' ? ' at the user\'s unit'
    : u.from === 'record' ? ` at the unit of the ${u.kind} named by :${u.param}` : ` at the unit in ${u.part}.${u.key}`;
  return `\`${p}\`${where}.`;
}
