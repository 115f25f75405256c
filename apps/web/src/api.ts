// The one HTTP client: JSON in and out, session cookie included, CSRF header on every change.
import type { ErrorBody } from '@contract/errors';
import { buildUrl, type Query } from './route-match';

const CSRF_COOKIE = 'dk_csrf';
const CSRF_HEADER = 'x-csrf-token';

/** An error answered by the server ({ error: { code, message, messageEn } }) or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
  }

  /** The message in the reader's language. */
  text(locale: 'vi' | 'en'): string {
    return locale === 'vi' ? this.messageVi : this.messageEn;
  }
}

/** The error for a request that never reached the server. */
export const networkError = () =>
  new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ, vui lòng kiểm tra mạng', 'Cannot reach the server; check the connection');

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the token from /api/me or login (the cookie is the fallback). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can show the sign-in page. */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

/** The value of one cookie in a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

/** Turns any failed response into an ApiError, whether or not its body is the standard one. */
export function toApiError(status: number, body: unknown): ApiError {
  const e = (body as Partial<ErrorBody> | null)?.error;
  if (e && typeof e.code === 'string') return new ApiError(status, e.code, e.message, e.messageEn, e.details);
  return new ApiError(status, 'HTTP_' + status, `Lỗi máy chủ (${status})`, `Server error (${status})`);
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken ?? readCookie(document.cookie, CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = toApiError(res.status, data);
    if (err.code === 'UNAUTHENTICATED' && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
