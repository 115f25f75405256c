// The one HTTP client: JSON in and out, session cookie included, CSRF header on every change.
import type { ErrorBody } from '@contract/errors';

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
export const networkError = () => new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ, vui lòng kiểm tra mạng', 'Cannot reach the server; check the connection');

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

/** A request body: JSON (any value) or a multipart form (files with their fields). */
export type Payload = { json: unknown } | { form: FormData } | undefined;

/**
 * Sends one request to `url` (path and query already built): the session cookie, the CSRF header on
 * every change, and any failure (a refusal, a broken body, no network) turned into an ApiError.
 */
export async function send<T>(method: string, url: string, payload?: Payload): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A form's content type (with its boundary) is set by the browser.
  if (payload && 'json' in payload) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken ?? readCookie(globalThis.document?.cookie ?? '', CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'include',
      body: !payload ? undefined : 'json' in payload ? JSON.stringify(payload.json) : payload.form,
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
