import type { z } from 'zod';
import type { Permission } from './access-values';
import type { ErrorCode } from './errors';

/*
 * The endpoint table: every HTTP route of the API is one entry, keyed 'METHOD /path' (Fastify path
 * syntax, `:name` for a parameter). An entry carries its schemas and its access rule; the server's
 * registrar (apps/server/src/platform/endpoints.ts) binds it to a handler and checks the rule before
 * the handler runs, and the web client is typed from it. A route missing from the table does not exist.
 *
 * The key carries the method and path, so the browser calls an endpoint by its key with a type-only
 * import of the table (the schemas, and zod, stay out of the web bundle).
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type EndpointKey = `${Method} /api/${string}`;

type Schema = z.ZodType;

/**
 * Where the unit (and the date) that the scope rule checks comes from:
 * - `input`: a field of the request (`query`, `body` or `params`); `date` names a field of the same
 *   part holding the fact's date (writes default to today). `optional`: when the field is absent the
 *   user's own unit is checked instead (a list over the user's whole scope).
 * - `record`: a record named by a path parameter; the module registers a locator for `kind` that
 *   returns the record's unit and date (404 when missing). `hidden`: a record outside the user's scope
 *   answers this not-found code instead of OUT_OF_SCOPE (its very existence is personal data).
 *   `part: 'body'`: the record's id is a field of the JSON body (a write about a record, e.g. a support for a household).
 * - `own`: the user's own unit (an administrator without a unit passes).
 * - `none`: the permission alone (settings of the whole system, administration).
 */
export type InputSource = { from: 'input'; part: 'query' | 'body' | 'params'; key: string; date?: string; optional?: true };
/**
 * A record named by a field (a path parameter by default, or a field of the query or body, e.g.
 * `fundId`). Its date is the locator's unless `date` names the fact's date in the request, or is
 * 'today' (an act done now on an older record, such as a reversal).
 */
export type RecordSource = {
  from: 'record';
  kind: string;
  param: string;
  part?: 'params' | 'query' | 'body';
  date?: { part: 'query' | 'body'; key: string } | 'today';
  /** Outside the user's scope the record answers this not-found code, not OUT_OF_SCOPE (its existence is personal data). */
  hidden?: ErrorCode;
};
export type UnitSource =
  | InputSource
  | RecordSource
  | { from: 'own' }
  | { from: 'none' }
  /** The first alternative whose field is given (a campaign, else a fund, …); a last `own`/`none` or optional input is the fallback. */
  | { from: 'first'; of: Array<InputSource | RecordSource | { from: 'own' } | { from: 'none' }> };

/** Who may call an endpoint: anyone, any signed-in user, or a permission at a unit. */
export type Access = { public: true } | { signedIn: true } | { permission: Permission; unit: UnitSource };

/** Multipart uploads: the files' limits and the error code answered when they are exceeded. */
export type Multipart = {
  /** 'optional': JSON or multipart (the body schema validates the form fields either way). */
  mode: 'required' | 'optional';
  maxFiles: number;
  maxFileBytes: number;
  /** At least this many files (default 0). */
  minFiles?: number;
  tooLarge: ErrorCode;
  /** The code answered (with `{ max }`) when there are more than maxFiles files; tooLarge by default. */
  tooMany?: ErrorCode;
};

export type EndpointDef = {
  summary?: string;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** The JSON answer; absent for a file or text answer (the handler sends it). */
  response?: Schema;
  /** The success status when not 200 (202 for a started job). */
  status?: 201 | 202;
  access: Access;
  multipart?: Multipart;
  /**
   * Served from the streaming replica when DATABASE_REPLICA_URL is set (else from the primary): public GET
   * reads only, whose readers can live with the replica's lag (well under a second). The handler must
   * not write. A 404 from the replica (a record written a moment ago) is answered from the primary.
   */
  readReplica?: true;
  /** A larger JSON body than the app's default (a file sent as base64), in bytes. */
  bodyLimit?: number;
};

export type Endpoint = EndpointDef & { key: EndpointKey; method: Method; path: string; tag: string };

export type EndpointTable = Record<EndpointKey, EndpointDef>;

/** A module's table: checks the keys, adds method, path and tag to each entry. */
export function defineEndpoints<const T extends Record<EndpointKey, EndpointDef>>(
  tag: string,
  table: T,
): { [K in keyof T]: T[K] & { key: K; method: Method; path: string; tag: string } } {
  const out: Record<string, Endpoint> = {};
  for (const [key, def] of Object.entries(table)) {
    const [method, path] = key.split(' ') as [Method, string];
    out[key] = { ...def, key: key as EndpointKey, method, path, tag };
  }
  return out as never;
}

// ---- access shorthands ----
// Each keeps its permission as a literal type (`P`), so a caller's type names it: the web's navigation takes an
// entry's permission from the endpoint its page loads (`PermissionOf<K>` in apps/web/src/client.ts) and tsc
// rejects one that differs.
export const PUBLIC = { public: true } as const;
export const SIGNED_IN = { signedIn: true } as const;
/** The permission at a unit given in the query string (e.g. `?unit=12`). */
export const atQuery = <const P extends Permission>(permission: P, key = 'unit', opts: { date?: string; optional?: true } = {}) =>
  ({ permission, unit: { from: 'input', part: 'query', key, ...opts } }) as const;
/** The permission at a unit given in the JSON body (e.g. `unitId`), on the fact's date when named. */
export const atBody = <const P extends Permission>(permission: P, key = 'unitId', date?: string) =>
  ({ permission, unit: { from: 'input', part: 'body', key, ...(date ? { date } : {}) } }) as const;
/** The permission at a unit given as a path parameter. */
export const atParam = <const P extends Permission>(permission: P, key = 'id') => ({ permission, unit: { from: 'input', part: 'params', key } }) as const;
/** The permission at the unit (and date) of the record a path parameter names. */
export const atRecord = <const P extends Permission>(permission: P, kind: string, param = 'id', opts: 'today' | { hidden?: ErrorCode; part?: 'params' | 'body' } = {}) =>
  ({ permission, unit: { from: 'record', kind, param, ...(opts === 'today' ? { date: 'today' as const } : opts) } }) as const;
/** The permission at the unit of a record named by a query or body field, on the fact's date in `date` of the same part. */
export const atRecordIn = <const P extends Permission>(permission: P, kind: string, part: 'query' | 'body', key: string, date?: string) =>
  ({ permission, unit: recordIn(kind, part, key, date) }) as const;
/** A record named by a query or body field (an alternative of atFirst). */
export const recordIn = (kind: string, part: 'query' | 'body', key: string, date?: string) =>
  ({ from: 'record', kind, param: key, part, ...(date ? { date: { part, key: date } } : {}) }) as const;
/** A unit given in the query or body (an alternative of atFirst). */
export const unitIn = (part: 'query' | 'body', key: string, opts: { date?: string; optional?: true } = {}) => ({ from: 'input', part, key, ...opts }) as const;
/** The permission at the unit of the first alternative given: e.g. the campaign's, else the fund's, else the unit's. */
export const atFirst = <const P extends Permission, const S extends Array<InputSource | RecordSource | { from: 'own' } | { from: 'none' }>>(permission: P, ...of: S) =>
  ({ permission, unit: { from: 'first', of } }) as const;
/** The permission at the user's own unit. */
export const atOwnUnit = <const P extends Permission>(permission: P) => ({ permission, unit: { from: 'own' } }) as const;
/** The permission alone, whatever the unit (system settings, administration). */
export const anyUnit = <const P extends Permission>(permission: P) => ({ permission, unit: { from: 'none' } }) as const;

// ---- types for callers (server handlers and the web client) ----
type Infer<S> = S extends Schema ? z.infer<S> : undefined;
type InferIn<S> = S extends Schema ? z.input<S> : undefined;

/** What a handler receives: parsed params, query and body. */
export type EndpointInput<E extends EndpointDef> = { params: Infer<E['params']>; query: Infer<E['query']>; body: Infer<E['body']> };
/** What the endpoint answers (JSON), or unknown for a file. */
export type EndpointOutput<E extends EndpointDef> = E['response'] extends Schema ? z.infer<E['response']> : unknown;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T`: T has no required key
type Part<K extends string, S> = S extends Schema ? ({} extends z.input<S> ? { [P in K]?: z.input<S> } : { [P in K]: z.input<S> }) : { [P in K]?: undefined };
/** What a client sends: the raw (pre-coercion) inputs; parts with no required field may be left out. */
export type EndpointRequest<E extends EndpointDef> = Part<'params', E['params']> & Part<'query', E['query']> & Part<'body', E['body']>;
export type { InferIn };

/** Fills `:name` parameters of a path. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:(\w+)/g, (_all, k: string) => {
    const v = params?.[k];
    if (v === undefined || v === null) throw new Error(`missing path parameter ${k} for ${path}`);
    return encodeURIComponent(String(v));
  });
}
