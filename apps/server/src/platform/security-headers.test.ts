import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../test/app';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { sessionAs } from '../test/factories';

const t = useWorldApp();
let n = 0;
const ip = () => `10.18.${Math.floor(Math.random() * 250)}.${(n++ % 250) + 1}`;

describe('security headers (helmet)', () => {
  it('every answer carries a CSP without inline script or style, no framing, HSTS and nosniff', async () => {
    for (const url of ['/api/health', '/api/public/campaigns', '/api/no-such-route']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });
});

describe('rate limit on public routes (@fastify/rate-limit)', () => {
  it('an address that floods a public route gets 429 RATE_LIMITED with Retry-After; other addresses and signed-in work do not', async () => {
    const app = await buildApp(t.db, loadConfig({ RATE_LIMIT: '20' }));
    try {
      const a = ip();
      const codes: number[] = [];
      for (let i = 0; i < 21; i++) codes.push((await app.inject({ method: 'GET', url: '/api/public/campaigns', remoteAddress: a })).statusCode);
      expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
      const last = await app.inject({ method: 'GET', url: '/api/public/campaigns', remoteAddress: a });
      expect(last.statusCode).toBe(429);
      expect(last.json().error).toMatchObject({ code: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút' });
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      expect((await app.inject({ method: 'GET', url: '/api/public/campaigns', remoteAddress: ip() })).statusCode).toBe(200);
      const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
      for (let i = 0; i < 25; i++) expect((await app.inject({ method: 'GET', url: '/api/me', headers: staff.headers, remoteAddress: a })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('the public statement CSV has a smaller budget (10 a minute by default), apart from the other routes', async () => {
    const a = ip();
    for (let i = 0; i < 15; i++) await t.app.inject({ method: 'GET', url: '/api/public/campaigns', remoteAddress: a });
    const url = '/api/public/campaigns/999999999/donations.csv';
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await t.app.inject({ method: 'GET', url, remoteAddress: a })).statusCode);
    expect(codes.slice(0, 10).every((c) => c !== 429)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('with RATE_LIMIT_STORE=postgres two server processes share one budget per address', async () => {
    const one = await buildApp(t.db, loadConfig({ RATE_LIMIT: '6', RATE_LIMIT_STORE: 'postgres' }));
    const two = await buildApp(t.db, loadConfig({ RATE_LIMIT: '6', RATE_LIMIT_STORE: 'postgres' }));
    try {
      const a = ip();
      const get = (app: typeof one) => app.inject({ method: 'GET', url: '/api/public/campaigns', remoteAddress: a });
      for (let i = 0; i < 3; i++) {
        expect((await get(one)).statusCode).toBe(200);
        expect((await get(two)).statusCode).toBe(200);
      }
      expect((await get(one)).statusCode).toBe(429);
      expect((await get(two)).statusCode).toBe(429);
      const [row] = await t.db.query<{ hits: number }>(`select hits from rate_limit_hits where key = $1`, [`${a}|/api/public/campaigns`]);
      expect(row.hits).toBe(8);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('CSP violation reports', () => {
  it('a browser report is accepted without a CSRF token, even with a session cookie, and keeps no query string', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csp-')), 'reports.jsonl');
    const app = await buildApp(t.db, loadConfig({ CSP_REPORT_FILE: file }));
    try {
      const staff = await sessionAs(t.db, 'unit_staff', t.w.S);
      const res = await app.inject({
        method: 'POST',
        url: '/api/csp-report',
        headers: { 'content-type': 'application/csp-report', cookie: staff.headers.cookie },
        payload: JSON.stringify({
          'csp-report': { 'document-uri': 'http://127.0.0.1:3000/households?q=Nguyen%20Van%20An', 'violated-directive': 'style-src-elem', 'blocked-uri': 'inline' },
        }),
      });
      expect(res.statusCode).toBe(204);
      expect(
        fs
          .readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual([{ page: '/households', directive: 'style-src-elem', blocked: 'inline' }]);
    } finally {
      await app.close();
    }
  });
});
