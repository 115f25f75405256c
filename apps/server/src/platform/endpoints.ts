import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Endpoint, EndpointInput, EndpointOutput, UnitSource } from '@contract/endpoint';
import type { Permission } from '@contract/access';
import { readReplica, type Db } from '../db/db';
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
      const raw = input[u.part ?? 'params']?.[u.param];
      if (raw === undefined || raw === null) throw new AppError('VALIDATION', { [u.param]: 'required' });
      const id = Number(raw);
      const found = await locators[u.kind](db, id);
      if (!found) throw new AppError('NOT_FOUND', { [u.param]: id });
      if (!u.date) return found;
      if (u.date === 'today') return { unitId: found.unitId, date: null };
      return { unitId: found.unitId, date: factDate(input[u.date.part]?.[u.date.key]) };
    }
    case 'first': {
      for (const alt of u.of) {
        if (alt.from === 'own' || alt.from === 'none') return unitToCheck(db, user, alt, input, locators);
        const value = input[alt.part ?? 'params']?.[alt.from === 'record' ? alt.param : alt.key];
        if ((value !== undefined && value !== null) || (alt.from === 'input' && alt.optional)) return unitToCheck(db, user, alt, input, locators);
      }
      const keys = u.of.map((alt) => ('param' in alt ? alt.param : 'key' in alt ? alt.key : '')).filter(Boolean);
      throw new AppError('VALIDATION', { [keys[0]]: `${keys.join(' or ')} is required` });
    }
    case 'input': {
      const part = input[u.part];
      const unitId = part?.[u.key];
      if (unitId === undefined || unitId === null) {
        if (u.optional) return ownUnit(user);
        throw new AppError('VALIDATION', { [u.key]: 'required' });
      }
      return { unitId: Number(unitId), date: u.date ? factDate(part?.[u.date]) : null };
    }
  }
}

/** A fact's date from the request; a month ('YYYY-MM', e.g. a closing) stands for its last day. */
function factDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  if (!/^\d{4}-\d{2}$/.test(v)) return v;
  const d = new Date(`${v}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

/** Whether the unit to check is named in the body (an upload is then read before the check). */
function readsBody(u: UnitSource): boolean {
  if (u.from === 'first') return u.of.some(readsBody);
  return (u.from === 'input' && u.part === 'body') || (u.from === 'record' && u.part === 'body');
}

/** Every record kind an access rule names (each must have a locator). */
function recordKinds(u: UnitSource): string[] {
  if (u.from === 'first') return u.of.flatMap(recordKinds);
  return u.from === 'record' ? [u.kind] : [];
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
    if (m.tooMany && code === 'FST_FILES_LIMIT') throw new AppError(m.tooMany, { max: m.maxFiles });
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
    for (const kind of 'permission' in e.access ? recordKinds(e.access.unit) : []) {
      if (!locators[kind]) throw new Error(`${e.key}: no locator for records of kind "${kind}"`);
    }
    // Staff read their own writes: only the public's reads may lag behind the primary.
    if (e.readReplica && (e.method !== 'GET' || !('public' in e.access))) throw new Error(`${e.key}: readReplica is for public GET endpoints`);
    const reader = e.readReplica ? readReplica(db) : db;
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
        const early = !!e.multipart && !('permission' in e.access && readsBody(e.access.unit));
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
        if (e.status) reply.status(e.status);
        const run = (on: Db) => handler({ db: on, user } as Ctx, { ...input, files } as HandlerInput<Endpoint>, { req, reply });
        if (reader === db) return run(db);
        try {
          return await run(reader);
        } catch (err) {
          // Not yet replayed (a tracking code just handed out): the primary has the last word.
          if (err instanceof AppError && err.status === 404) return run(db);
          throw err;
        }
      },
    });
  }
}

function permissionText(p: Permission, u: UnitSource): string {
  const where = (s: UnitSource): string =>
    s.from === 'none'
      ? ''
      : s.from === 'own'
        ? " at the user's unit"
        : s.from === 'first'
          ? s.of.map(where).join(', else')
          : s.from === 'record'
            ? ` at the unit of the ${s.kind} named by ${s.part && s.part !== 'params' ? `${s.part}.` : ':'}${s.param}`
            : ` at the unit in ${s.part}.${s.key}`;
  return `\`${p}\`${where(u)}.`;
}
