import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useWorldApp } from '../test/app';
import { countRows } from '../test/db';
import { petitionSetup, publicBody, submit, type Sessions } from '../modules/petitions/testing';
import { today } from './access';

const t = useWorldApp();
let s: Sessions;
beforeAll(async () => {
  s = await petitionSetup(t.db, t.w);
});
afterEach(() => vi.useRealTimers());

describe('one "today", in Asia/Ho_Chi_Minh', () => {
  it('on the server: 20:30 UTC is already the next day in Vietnam', () => {
    expect(today(new Date('2026-11-30T20:30:00Z'))).toBe('2026-12-01');
    expect(today(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
    expect(today(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  });

  it('in SQL: vn_date() of a moment and vn_today() are the Vietnamese date, whatever the session zone', async () => {
    await t.db.tx(async (tx) => {
      await tx.query(`set local timezone = 'America/Los_Angeles'`);
      const [r] = await tx.query<{ d: string; now: string; cur: string }>(`select vn_date('2026-11-30T20:30:00Z')::text as d, vn_today()::text as now, current_date::text as cur`);
      expect(r.d).toBe('2026-12-01');
      expect(r.now).toBe(today());
    });
  });

  it('a form pre-filled with today at 03:00 in Vietnam (20:00 UTC the day before) is accepted, not "in the future"', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T20:00:00Z'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: s.staffS.headers,
      payload: { unitId: t.w.S, channel: 'written', kind: 'kien_nghi', title: 'Đơn buổi sáng sớm', content: 'Nội dung', receivedOn: '2026-12-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    // The day after Vietnam's today is still refused.
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: s.staffS.headers,
      payload: { unitId: t.w.S, channel: 'written', kind: 'kien_nghi', title: 'Đơn ngày mai', content: 'Nội dung', receivedOn: '2026-12-02' },
    });
    expect(later.json().error.code).toBe('PETITION_DATE_INVALID');
  });
});

describe('dates are real calendar dates', () => {
  it.each(['2025-02-30', '2025-13-01', '0000-01-01', '2025-04-31', '2025-00-10'])('%s is refused with VALIDATION, not a 500', async (d) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/units/${t.w.S}?asOf=${d}`, headers: s.staffS.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    const before = await countRows(t.db, 'petitions');
    const p = await t.app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: s.staffS.headers,
      payload: { unitId: t.w.S, channel: 'written', kind: 'kien_nghi', title: 'Đơn', content: 'Nội dung', receivedOn: d },
    });
    expect(p.json().error.code).toBe('VALIDATION');
    expect(await countRows(t.db, 'petitions')).toBe(before);
  });

  it('a leap day is a date', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/units/${t.w.S}?asOf=2028-02-29`, headers: s.staffS.headers });
    expect(res.statusCode).toBe(200);
  });
});

describe('text fields refuse NUL and unpaired surrogates', () => {
  const bad = ['Nguyễn\u0000Văn An', 'Trần \ud800Thị', 'Lê \udc00Văn', '\ud83d'];
  it.each(bad)('the public form refuses %j in a name with a coded error and writes nothing', async (name) => {
    const before = await countRows(t.db, 'petitions');
    const res = await submit(t.app, publicBody(s.sCode, { name: name }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'TEXT_INVALID_CHARACTERS', details: { path: '/body/name' } });
    expect(res.json().error.message).toMatch(/ký tự không hợp lệ/);
    expect(await countRows(t.db, 'petitions')).toBe(before);
  });

  it('a signed-in form and a query string are refused the same way', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: s.staffS.headers,
      payload: { unitId: t.w.S, channel: 'written', kind: 'kien_nghi', title: 'Tiêu đề\u0000', content: 'Nội dung', receivedOn: today() },
    });
    expect(res.json().error.code).toBe('TEXT_INVALID_CHARACTERS');
    const q = await t.app.inject({ method: 'GET', url: '/api/petitions?q=abc%00def', headers: s.staffS.headers });
    expect(q.json().error.code).toBe('TEXT_INVALID_CHARACTERS');
  });

  it('a well-formed emoji (a surrogate pair) and Vietnamese text pass', async () => {
    const res = await submit(t.app, publicBody(s.sCode, { name: 'Nguyễn Thị Ánh 🌸' }));
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('no other clock creeps back', () => {
  it('server, tools and web code use today()/vn_today()/todayIso(), never current_date or the UTC date of new Date()', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!['node_modules', 'dist', 'migrations'].includes(e.name)) walk(p);
          continue;
        }
        if (!/\.(ts|tsx)$/.test(e.name) || e.name.endsWith('.test.ts')) continue;
        const text = fs.readFileSync(p, 'utf8');
        if (/\bcurrent_date\b/i.test(text) || /new Date\(\)\.toISOString\(\)\.slice\(0, 10\)/.test(text)) offenders.push(path.relative(root, p));
      }
    };
    for (const d of ['apps/server/src', 'apps/web/src', 'tools']) walk(path.join(root, d));
    expect(offenders).toEqual([]);
  });
});
