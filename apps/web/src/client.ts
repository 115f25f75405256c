// The typed client: an endpoint is called by its table key ('METHOD /api/path'), its request and
// answer typed from the table's schemas. The key carries the method and path, so nothing of the
// table is loaded at runtime (endpoints.ts imports types only).
import type { EndpointOutput, EndpointRequest } from '@contract/endpoint';
import { fillPath } from '@contract/endpoint';
import type { ApiTable } from './endpoints';
import { send, type Payload } from './api';
import { buildUrl, type Query } from './route-match';

export type EndpointKeyOf = keyof ApiTable & string;
/** The keys of the endpoints that answer JSON to a GET (what a page loads). */
export type ReadKey = { [K in EndpointKeyOf]: K extends `GET ${string}` ? (ApiTable[K] extends { response: object } ? K : never) : never }[EndpointKeyOf];

type Files<E> = E extends { multipart: { mode: 'required' } } ? { files: File[] } : E extends { multipart: object } ? { files?: File[] } : { files?: never };
/** What a caller sends: path params, query and body as the table declares them; files for an upload. */
export type Input<K extends EndpointKeyOf> = EndpointRequest<ApiTable[K]> & Files<ApiTable[K]>;
/** What the endpoint answers. */
export type Output<K extends EndpointKeyOf> = EndpointOutput<ApiTable[K]>;

/** The permission an endpoint's declaration requires, as a literal (never for a public or signed-in endpoint). */
export type PermissionOf<K extends EndpointKeyOf> = ApiTable[K] extends { access: { permission: infer P } } ? P : never;
type GuardedKey = { [K in EndpointKeyOf]: [PermissionOf<K>] extends [never] ? never : K }[EndpointKeyOf];
/**
 * What a page needs, for its route and its menu entry: the endpoint it loads (or, for a form page, the
 * change it makes) and that endpoint's permission. The permission is written out, so the browser needs
 * no table at runtime, but tsc rejects one that differs from the endpoint's declaration.
 */
export type Guard = { [K in GuardedKey]: { endpoint: K; permission: PermissionOf<K> } }[GuardedKey];
/** A page anyone signed in may open. */
export type Unguarded = { endpoint?: undefined; permission?: undefined };

/** The input argument: optional when the endpoint needs nothing. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T`: T has no required key
export type InputArg<K extends EndpointKeyOf> = {} extends Input<K> ? [input?: Input<K>] : [input: Input<K>];

type AnyInput = { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; files?: File[] };

/** 'GET /api/x/:id' → ['GET', '/api/x/:id']. */
export function splitKey(key: string): [method: string, path: string] {
  const i = key.indexOf(' ');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** The address of an endpoint with its parameters and query (also for a download link: a CSV export). */
export function endpointUrl<K extends EndpointKeyOf>(key: K, input: Pick<Input<K>, 'params' | 'query'> = {} as never): string {
  const { params, query } = input as AnyInput;
  return buildUrl(fillPath(splitKey(key)[1], params), query as Query | undefined);
}

/** The form for an upload: the body's fields as text (empty ones left out), then each file as `files`. */
export function toForm(body: unknown, files: File[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (v === undefined || v === null || v === '') continue;
    form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  for (const f of files) form.append('files', f, f.name);
  return form;
}

type WriteListener = (key: EndpointKeyOf, input: AnyInput) => void;
let afterWrite: WriteListener | null = null;
/** Told of every successful change, so the cache can refresh what it affects (query.ts). */
export function onWrite(fn: WriteListener | null): void {
  afterWrite = fn;
}

/** Calls an endpoint: path params filled, query encoded, JSON or multipart body, CSRF and errors from api.ts. */
export async function call<K extends EndpointKeyOf>(key: K, ...[input]: InputArg<K>): Promise<Output<K>> {
  const i = (input ?? {}) as AnyInput;
  const [method] = splitKey(key);
  const payload: Payload =
    i.files !== undefined ? { form: toForm(i.body, i.files) } : i.body !== undefined ? { json: i.body } : method === 'GET' || method === 'DELETE' ? undefined : { json: {} };
  const out = await send<Output<K>>(method, endpointUrl(key, i as never), payload);
  if (method !== 'GET') afterWrite?.(key, i);
  return out;
}
