import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { Gate, registerAdmission, registerPressureShedding } from './admission';
import { registerErrorHandler, type App } from './http';

describe('Gate: places in flight, a bounded wait, then refusal', () => {
  it('admits up to the limit, queues up to maxWaiting, refuses the rest at once, and hands a freed place to the first in line', async () => {
    const g = new Gate(2, 1, 1_000);
    expect(await g.enter()).toBe(true);
    expect(await g.enter()).toBe(true);
    const third = g.enter();
    expect(await g.enter()).toBe(false); // the line is full: refused without waiting
    g.leave();
    expect(await third).toBe(true);
    expect(g.inFlight).toBe(2);
    g.leave();
    g.leave();
    expect(g.inFlight).toBe(0);
  });

  it('a request that waited maxWaitMs without a place is refused; run() throws SERVER_BUSY', async () => {
    const g = new Gate(1, 5, 50);
    expect(await g.enter()).toBe(true);
    const t0 = Date.now();
    expect(await g.enter()).toBe(false);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    await expect(g.run(async () => 1)).rejects.toMatchObject({ code: 'SERVER_BUSY', status: 429 });
    g.leave();
    expect(await g.run(async () => 7)).toBe(7);
    expect(g.inFlight).toBe(0);
  });
});

describe('admission gate on the public routes', () => {
  async function appWithGate() {
    const app = Fastify() as unknown as App;
    registerErrorHandler(app);
    const gate = registerAdmission(app, { inFlight: 2, maxWaitMs: 300, maxWaiting: 1 })!;
    const held: Array<() => void> = [];
    app.get('/api/public/slow', async () => {
      await new Promise<void>((r) => held.push(r));
      return { ok: true };
    });
    app.get('/api/fund/funds', async () => ({ staff: true }));
    await app.ready();
    return { app, gate, held };
  }

  it('past the places and the line, a visitor gets 429 SERVER_BUSY with Retry-After at once; staff routes are not gated; places are given back', async () => {
    const { app, gate, held } = await appWithGate();
    try {
      const a = app.inject({ method: 'GET', url: '/api/public/slow' });
      const b = app.inject({ method: 'GET', url: '/api/public/slow' });
      while (held.length < 2) await new Promise((r) => setTimeout(r, 5));
      const waiting = app.inject({ method: 'GET', url: '/api/public/slow' });
      const refused = await app.inject({ method: 'GET', url: '/api/public/slow' });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'SERVER_BUSY', message: 'Hệ thống đang có quá nhiều người truy cập, vui lòng thử lại sau ít giây' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // The staff are never behind the visitors.
      const staff = await app.inject({ method: 'GET', url: '/api/fund/funds' });
      expect(staff.statusCode).toBe(200);
      // The one in line waited 300 ms without a place: refused too, not left hanging.
      expect((await waiting).statusCode).toBe(429);
      for (const release of held.splice(0)) release();
      expect([(await a).statusCode, (await b).statusCode]).toEqual([200, 200]);
      expect(gate.inFlight).toBe(0);
      const again = app.inject({ method: 'GET', url: '/api/public/slow' });
      while (held.length < 1) await new Promise((r) => setTimeout(r, 5));
      held.shift()!();
      expect((await again).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('a visitor who leaves while waiting in line does not keep a place when one frees up', async () => {
    const { app, gate, held } = await appWithGate();
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      const call = () =>
        new Promise<number>((resolve) => {
          const r = http.get({ port, host: '127.0.0.1', path: '/api/public/slow' }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          r.on('error', () => resolve(-1));
        });
      const a = call();
      const b = call();
      while (held.length < 2) await new Promise((r) => setTimeout(r, 5));
      // The third waits in line, then its client hangs up.
      const gone = http.get({ port, host: '127.0.0.1', path: '/api/public/slow' });
      gone.on('error', () => {});
      while (gate.queued < 1) await new Promise((r) => setTimeout(r, 5));
      gone.destroy();
      await new Promise((r) => setTimeout(r, 50));
      held.shift()!(); // a place frees up: the one in line gets it, finds its client gone and gives it back
      await new Promise((r) => setTimeout(r, 50));
      expect(gate.inFlight).toBe(1);
      held.shift()!();
      expect([await a, await b]).toEqual([200, 200]);
      await new Promise((r) => setTimeout(r, 20));
      expect(gate.inFlight).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('a refusal is held (PUBLIC_REFUSAL_HOLD_MS, jittered between half and all of it) while the staff are answered at once', async () => {
    const app = Fastify() as unknown as App;
    registerErrorHandler(app);
    const gate = registerAdmission(app, { inFlight: 1, maxWaitMs: 0, maxWaiting: 0, refusalHoldMs: 400 })!;
    const held: Array<() => void> = [];
    app.get('/api/public/slow', async () => {
      await new Promise<void>((r) => held.push(r));
      return { ok: true };
    });
    app.get('/api/fund/funds', async () => ({ staff: true }));
    await app.ready();
    try {
      const first = app.inject({ method: 'GET', url: '/api/public/slow' });
      while (held.length < 1) await new Promise((r) => setTimeout(r, 5));
      const t0 = Date.now();
      const refused = app.inject({ method: 'GET', url: '/api/public/slow' }).then((r) => ({ r, ms: Date.now() - t0 }));
      const staff = await app.inject({ method: 'GET', url: '/api/fund/funds' });
      expect(staff.statusCode).toBe(200);
      expect(Date.now() - t0).toBeLessThan(200);
      const { r, ms } = await refused;
      expect(r.statusCode).toBe(429);
      expect(r.json().error.code).toBe('SERVER_BUSY');
      expect(r.headers['retry-after']).toBe('5');
      expect(ms).toBeGreaterThanOrEqual(195);
      held.shift()!();
      expect((await first).statusCode).toBe(200);
      expect(gate.inFlight).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('PUBLIC_CONCURRENCY=0 turns the gate off', () => {
    const app = Fastify() as unknown as App;
    expect(registerAdmission(app, { inFlight: 0, maxWaitMs: 0, maxWaiting: 0 })).toBeNull();
  });
});

describe('shedding by event-loop delay (@fastify/under-pressure)', () => {
  it('while the event loop is late, a public route is refused 429 SERVER_BUSY with Retry-After and a Vietnamese message, a staff route still answers; once it is on time again the public is served', async () => {
    const app = Fastify() as unknown as App;
    registerErrorHandler(app);
    await registerPressureShedding(app, { maxEventLoopDelayMs: 20, sampleIntervalMs: 300, refusalHoldMs: 0 });
    app.get('/api/public/page', async () => ({ page: true }));
    app.get('/api/fund/funds', async () => ({ staff: true }));
    await app.ready();
    const late = () => (app as unknown as { memoryUsage(): { eventLoopDelay: number } }).memoryUsage().eventLoopDelay > 20;
    try {
      expect((await app.inject({ method: 'GET', url: '/api/public/page' })).statusCode).toBe(200);
      // What a spike does to the loop: every turn takes 60 ms (the delay sampled is the mean over its turns),
      // until a sample has seen it (a busy machine may delay the sampler's timer: up to 5 s).
      for (const end = Date.now() + 5_000; !late() && Date.now() < end;) {
        const until = Date.now() + 60;
        while (Date.now() < until);
        await new Promise((r) => setImmediate(r));
      }
      expect(late()).toBe(true);
      const refused = await app.inject({ method: 'GET', url: '/api/public/page' });
      const staff = await app.inject({ method: 'GET', url: '/api/fund/funds' });
      expect(late()).toBe(true); // both answered within the same sample
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      expect(refused.json().error).toMatchObject({ code: 'SERVER_BUSY', message: 'Hệ thống đang có quá nhiều người truy cập, vui lòng thử lại sau ít giây' });
      expect(staff.statusCode).toBe(200);
      expect(staff.json()).toEqual({ staff: true });
      while (late()) await new Promise((r) => setTimeout(r, 20));
      expect((await app.inject({ method: 'GET', url: '/api/public/page' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('PUBLIC_MAX_LOOP_DELAY_MS=0 turns it off', async () => {
    const app = Fastify() as unknown as App;
    await registerPressureShedding(app, { maxEventLoopDelayMs: 0, sampleIntervalMs: 250, refusalHoldMs: 0 });
    await app.ready();
    expect(app.hasDecorator('memoryUsage')).toBe(false);
    await app.close();
  });
});
