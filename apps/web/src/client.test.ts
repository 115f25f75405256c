import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from './api';
import { call, endpointUrl, toForm } from './client';
import { ALSO_AFFECTS, affects, endpointQueryKey, queryClient, resourceOf } from './query';

type Sent = { url: string; init: RequestInit };
let sent: Sent[] = [];
let answer: () => Response = () => new Response('{}', { status: 200 });

beforeEach(() => {
  sent = [];
  vi.stubGlobal('document', { cookie: 'dk_csrf=from-cookie' });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return answer();
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
  queryClient.clear();
  answer = () => new Response('{}', { status: 200 });
});

const headers = (s: Sent) => s.init.headers as Record<string, string>;

describe('typed client', () => {
  it('fills path parameters (encoded) and encodes the query, leaving empty values out', async () => {
    await call('GET /api/public/petitions/:trackingCode', { params: { trackingCode: 'a b/c' } });
    expect(sent[0].url).toBe('/api/public/petitions/a%20b%2Fc');
    await call('GET /api/petitions', { query: { unit: 12, state: undefined, kind: 'to_cao', overdue: true, limit: 50, offset: 0 } });
    expect(sent[1].url).toBe('/api/petitions?unit=12&kind=to_cao&overdue=true&limit=50&offset=0');
    expect(sent[1].init.method).toBe('GET');
    expect(sent[1].init.body).toBeUndefined();
    expect(endpointUrl('GET /api/petitions/export.csv', { query: { unit: 3, kind: '' as never } })).toBe('/api/petitions/export.csv?unit=3');
  });

  it('refuses a call missing a path parameter before anything is sent', async () => {
    await expect(call('GET /api/petitions/:id', { params: {} as never })).rejects.toThrow(/missing path parameter id/);
    expect(sent).toEqual([]);
  });

  it('sends JSON with the CSRF header on a change (token from the session, else the cookie), none on a read', async () => {
    await call('POST /api/oversight/plans/:id/approve', { params: { id: 7 }, body: { approvedOn: '2026-01-02' } as never });
    expect(sent[0].url).toBe('/api/oversight/plans/7/approve');
    expect(sent[0].init.method).toBe('POST');
    expect(headers(sent[0])['content-type']).toBe('application/json');
    expect(headers(sent[0])['x-csrf-token']).toBe('from-cookie');
    expect(JSON.parse(sent[0].init.body as string)).toEqual({ approvedOn: '2026-01-02' });
    setCsrfToken('from-session');
    await call('POST /api/directives/:id/remind', { params: { id: 4 } });
    expect(headers(sent[1])['x-csrf-token']).toBe('from-session');
    expect(sent[1].init.body).toBe('{}');
    await call('GET /api/petition-rules');
    expect(headers(sent[2])['x-csrf-token']).toBeUndefined();
  });

  it('sends an upload as multipart: the fields as text (empty ones left out) and each file as `files`', async () => {
    const file = new File(['%PDF'], 'answer.pdf', { type: 'application/pdf' });
    await call('POST /api/petitions/:id/attachments', { params: { id: 5 }, body: { purpose: 'answer' }, files: [file] });
    const form = sent[0].init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.get('purpose')).toBe('answer');
    expect((form.getAll('files')[0] as File).name).toBe('answer.pdf');
    // The browser sets the multipart content type with its boundary.
    expect(headers(sent[0])['content-type']).toBeUndefined();
    expect(headers(sent[0])['x-csrf-token']).toBe('from-cookie');
    const f = toForm({ title: 'T', phone: '', email: undefined, n: 3 }, []);
    expect([...f.keys()]).toEqual(['title', 'n']);
    expect(f.get('n')).toBe('3');
  });

  it('turns a refusal into an ApiError with its code and both messages, and a 401 shows sign-in', async () => {
    const signIn = vi.fn();
    setUnauthenticatedHandler(signIn);
    answer = () => new Response(JSON.stringify({ error: { code: 'OUT_OF_SCOPE', message: 'Ngoài phạm vi', messageEn: 'Out of scope' } }), { status: 403 });
    const e = await call('GET /api/petition-rules').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE', messageVi: 'Ngoài phạm vi' });
    expect(signIn).not.toHaveBeenCalled();
    answer = () => new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Hãy đăng nhập', messageEn: 'Sign in' } }), { status: 401 });
    await expect(call('GET /api/home/todo')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(signIn).toHaveBeenCalledTimes(1);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(call('GET /api/home/todo')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
    answer = () => new Response('<html>bad gateway</html>', { status: 502 });
    vi.stubGlobal('fetch', async () => answer());
    await expect(call('GET /api/home/todo')).rejects.toMatchObject({ code: 'HTTP_502' });
  });
});

describe('query keys and invalidation', () => {
  it('derives the key from the endpoint key and its input, whatever the order of the fields', () => {
    expect(endpointQueryKey('GET /api/oversight/boards', { query: { unit: 3 } })).toEqual(['GET /api/oversight/boards', { query: { unit: 3 } }]);
    const hash = (k: readonly unknown[]) => queryClient.getQueryCache().build(queryClient, { queryKey: k }).queryHash;
    expect(hash(endpointQueryKey('GET /api/movements/solidarity', { query: { unit: 1, year: 2026 } }))).toBe(
      hash(endpointQueryKey('GET /api/movements/solidarity', { query: { year: 2026, unit: 1 } })),
    );
    expect(hash(endpointQueryKey('GET /api/movements/solidarity', { query: { unit: 1, year: 2026 } }))).not.toBe(
      hash(endpointQueryKey('GET /api/movements/solidarity', { query: { unit: 2, year: 2026 } })),
    );
  });

  it('a change affects the reads of its resource and those it names, not others', () => {
    expect(resourceOf('/api/oversight/boards/:id/years')).toBe('oversight');
    expect(resourceOf('/api/public/surveys/:code/answers')).toBe('surveys');
    expect(affects('POST /api/oversight/boards/:id/years', ['GET /api/oversight/boards/:id', { params: { id: 1 } }])).toBe(true);
    expect(affects('POST /api/oversight/boards/:id/years', ['GET /api/oversight/plans', {}])).toBe(true);
    expect(affects('POST /api/oversight/boards/:id/years', ['GET /api/mediation/cases', {}])).toBe(false);
    expect(affects('POST /api/oversight/boards/:id/years', ['fetch', 'units:1'])).toBe(false);
    expect(affects('POST /api/directive-obligations/:id/answer', ['GET /api/direction/inbox', {}])).toBe(false);
    expect(affects('POST /api/directive-obligations/:id/answer', ['GET /api/direction/inbox', {}], ['GET /api/direction/inbox'])).toBe(true);
    // A target's new rule shows on its congress's page and on the dashboard (other resources than target-defs).
    const rule = ALSO_AFFECTS['PATCH /api/target-defs/:id'];
    expect(affects('PATCH /api/target-defs/:id', ['GET /api/target-congresses/:id', { params: { id: 3 } }], rule)).toBe(true);
    expect(affects('PATCH /api/target-defs/:id', ['GET /api/targets', { query: { unit: 1, year: 2026, view: 'now' } }], rule)).toBe(true);
    expect(affects('PATCH /api/target-defs/:id', ['GET /api/units', {}], rule)).toBe(false);
    // Every change is audited: a record's history open beside its form shows the change.
    expect(affects('PATCH /api/users/:id', ['GET /api/audit', { query: { entity: 'user', id: '4' } }, 'pages'])).toBe(true);
  });

  it('a successful change through the client reloads the affected reads on screen and marks only them stale', async () => {
    answer = () => new Response('[]', { status: 200 });
    const boards = new QueryObserver(queryClient, {
      queryKey: endpointQueryKey('GET /api/oversight/boards', { query: { unit: 1 } }),
      queryFn: () => call('GET /api/oversight/boards', { query: { unit: 1 } }),
    });
    const cases = new QueryObserver(queryClient, {
      queryKey: endpointQueryKey('GET /api/mediation/cases', { query: { unit: 1 } }),
      queryFn: () => call('GET /api/mediation/cases', { query: { unit: 1 } }),
    });
    const stopB = boards.subscribe(() => undefined);
    const stopC = cases.subscribe(() => undefined);
    await vi.waitFor(() => expect(boards.getCurrentResult().data && cases.getCurrentResult().data).toEqual([]));
    answer = () => new Response('{"id":9}', { status: 200 });
    await call('POST /api/oversight/boards/:id/reports', { params: { id: 9 }, body: {} as never });
    await vi.waitFor(() => expect(sent.filter((s) => s.url === '/api/oversight/boards?unit=1')).toHaveLength(2));
    expect(sent.filter((s) => s.url === '/api/mediation/cases?unit=1')).toHaveLength(1);
    expect(queryClient.getQueryState(endpointQueryKey('GET /api/mediation/cases', { query: { unit: 1 } }))?.isInvalidated).toBe(false);
    // A failed change refreshes nothing.
    answer = () => new Response(JSON.stringify({ error: { code: 'VALIDATION', message: 'x', messageEn: 'x' } }), { status: 400 });
    const before = sent.length;
    await expect(call('POST /api/oversight/boards/:id/reports', { params: { id: 9 }, body: {} as never })).rejects.toBeInstanceOf(ApiError);
    await new Promise((r) => setTimeout(r, 10));
    expect(sent.length).toBe(before + 1);
    stopB();
    stopC();
  });
});
