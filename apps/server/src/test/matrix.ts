import { ROLE_PERMISSIONS, type Role } from '@contract/access';
import { fillPath, type Endpoint } from '@contract/endpoint';
import type { RootDb } from '../db/db';
import type { App } from '../platform/http';
import type { TestSession, World } from './factories';

/*
 * The access matrix is generated from the endpoint table: every route × every role (held at ward S)
 * × the unit it acts on (S itself, its village, a sibling ward, the parent province, a predecessor
 * merged into S). A module gives one sample request per endpoint (modules/<m>/samples.ts), built for
 * the target unit; the expected answer comes from the entry's access declaration.
 */

export type Target = 'own' | 'child' | 'sibling' | 'parent' | 'predecessor';
export const TARGETS: Target[] = ['own', 'child', 'sibling', 'parent', 'predecessor'];

export type SampleCtx = {
  db: RootDb;
  app: App;
  w: World;
  role: Role;
  session: TestSession | null;
  admin: TestSession;
  target: Target;
  unit: number;
  /** A day on which the target unit existed: today, or before the reform for the predecessor. */
  date: string;
};

export type SampleRequest = {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** Sent as multipart/form-data: text fields and files. */
  multipart?: { fields: Record<string, string>; files: Array<{ name: string; filename: string; type: string; data: Buffer }> };
  remoteAddress?: string;
  /** Headers that replace the session's (a sample that ends a session brings a fresh one of its own). */
  headers?: Record<string, string>;
  /** Statuses that count as "permitted" when not the endpoint's success status (a business rule answers). */
  ok?: number[];
};

export type Sample = (c: SampleCtx) => Promise<SampleRequest> | SampleRequest;
export type Samples = Record<string, Sample>;

/** The inject options for a sample. */
export function injectOf(e: Endpoint, r: SampleRequest, headers: Record<string, string>) {
  const qs = r.query
    ? '?' +
      new URLSearchParams(
        Object.entries(r.query)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ).toString()
    : '';
  const url = fillPath(e.path, r.params) + qs;
  const base = { method: e.method, url, headers: { ...headers, ...r.headers }, ...(r.remoteAddress ? { remoteAddress: r.remoteAddress } : {}) };
  if (r.multipart) {
    const boundary = '----matrix' + Math.random().toString(16).slice(2);
    const chunks: Buffer[] = [];
    for (const [k, v] of Object.entries(r.multipart.fields)) {
      chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    for (const f of r.multipart.files) {
      chunks.push(
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\ncontent-type: ${f.type}\r\n\r\n`),
        f.data,
        Buffer.from('\r\n'),
      );
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return { ...base, headers: { ...base.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(chunks) };
  }
  return r.body === undefined ? base : { ...base, payload: r.body as object };
}

const isWrite = (p: string) => !p.endsWith('.read');

/** 'ok' or the refusal status the access declaration implies for a role at a target. */
export function expected(e: Endpoint, role: Role | null, target: Target, unitGiven: boolean): 'ok' | 401 | 403 | 404 {
  const a = e.access;
  if ('public' in a) return 'ok';
  if (role === null) return 401;
  if ('signedIn' in a) return 'ok';
  if (!ROLE_PERMS[role].has(a.permission)) return 403;
  const u = a.unit;
  if (role === 'admin' || u.from === 'none' || u.from === 'own' || (u.from === 'input' && !unitGiven)) return 'ok';
  // A hidden record outside the scope answers as missing.
  if (target === 'sibling' || target === 'parent') return u.from === 'record' && u.hidden ? 404 : 403;
  // A predecessor's past is in scope; a write dated today at a unit that has ended is not.
  if (target === 'predecessor' && isWrite(a.permission) && ((u.from === 'input' && !u.date) || (u.from === 'record' && u.date === 'today'))) return 403;
  return 'ok';
}

const ROLE_PERMS = Object.fromEntries(Object.entries(ROLE_PERMISSIONS).map(([r, ps]) => [r, new Set<string>(ps)])) as Record<Role, Set<string>>;

/** Whether the unit the scope rule checks varies with the target (otherwise one target suffices). */
export function dependsOnUnit(e: Endpoint): boolean {
  const a = e.access;
  return 'permission' in a && (a.unit.from === 'input' || a.unit.from === 'record' || a.unit.from === 'first');
}

/** The sample with the optional unit left out (a list over the user's whole scope). */
export function withoutUnit(e: Endpoint, r: SampleRequest): SampleRequest | null {
  const a = e.access;
  if (!('permission' in a) || a.unit.from !== 'input' || !a.unit.optional) return null;
  const part = a.unit.part;
  const src = (r[part] ?? {}) as Record<string, unknown>;
  const { [a.unit.key]: _dropped, ...rest } = src;
  return { ...r, [part]: rest };
}
