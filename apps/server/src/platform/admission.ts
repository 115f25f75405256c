// Load shedding for the public routes (issue 19): during a disaster spike the public statement is read by
// far more people than one process and its database connections can serve. Public requests get a bounded
// number of places in flight and a short, bounded wait for one; past that they are answered 429 at once
// (SERVER_BUSY, Retry-After) instead of queueing until they time out. Staff routes never pass the gate,
// and the gate leaves some of the database pool free for them, so a spike cannot starve the staff.
// The per-address limit (rate-limit.ts) still applies first; this one bounds the total, whoever asks.
import underPressure from '@fastify/under-pressure';
import type { FastifyReply } from 'fastify';
import type { App } from './http';
import { AppError } from './errors';

export type AdmissionSettings = {
  /** Public requests in flight at once in this process (PUBLIC_CONCURRENCY; 0 = no gate). */
  inFlight: number;
  /** How long a public request may wait for a place before it is refused (PUBLIC_QUEUE_MS). */
  maxWaitMs: number;
  /** How many may wait at once; more are refused without waiting. */
  maxWaiting: number;
  /** How long a refusal is held before it is sent (PUBLIC_REFUSAL_HOLD_MS; see refuseBusy). */
  refusalHoldMs?: number;
};

/** A counting semaphore with a bounded, time-limited queue: enter() resolves true (admitted) or false (shed). */
export class Gate {
  private active = 0;
  private readonly waiting: Array<{ admit: () => void; timer: NodeJS.Timeout }> = [];
  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
    readonly maxWaitMs: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  enter(): Promise<boolean> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.maxWaiting || this.maxWaitMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const w = {
        admit: () => resolve(true),
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(w);
          if (i >= 0) this.waiting.splice(i, 1);
          resolve(false);
        }, this.maxWaitMs),
      };
      this.waiting.push(w);
    });
  }

  /** Gives the place to the longest waiting request, or frees it. */
  leave(): void {
    const next = this.waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit(); // the place passes on: active stays the same
    } else this.active = Math.max(0, this.active - 1);
  }

  /** Runs fn in a place; throws SERVER_BUSY when none is free in time. */
  async run<T>(fn: () => Promise<T>, retryAfterSeconds = 5): Promise<T> {
    if (!(await this.enter())) throw new AppError('SERVER_BUSY', { retryAfterSeconds });
    try {
      return await fn();
    } finally {
      this.leave();
    }
  }
}

const isPublic = (url: string) => url.startsWith('/api/public/');

const RETRY_AFTER_SECONDS = 5;
/**
 * The refusal's body, built once: under a spike a process answers thousands of these a second, so it
 * skips the error path (an Error with its stack, the error handler, serialising) for a ready buffer.
 */
const busyBody = Buffer.from(JSON.stringify(new AppError('SERVER_BUSY', { retryAfterSeconds: RETRY_AFTER_SECONDS }).toBody()));

/**
 * Answers 429 SERVER_BUSY after holding the refusal `holdMs` (jittered between half and all of it).
 * Why hold it: a refusal costs the event loop almost nothing while it waits on a timer, but a connection
 * that got its 429 at once asks again at once (a page retrying, a script, the benchmark's clients), and
 * a thousand such connections keep every turn of the loop full of refusals, so the staff's requests wait
 * behind them. Held, a refused connection can ask again at most about once per hold (HTTP/1.1 sends one
 * request at a time per connection), and the loop's turns stay short. A new visitor's first request costs
 * the same either way.
 */
export async function refuseBusy(reply: FastifyReply, holdMs: number): Promise<void> {
  if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs * (0.5 + Math.random() / 2)));
  // A visitor who left meanwhile: nothing to send.
  if (reply.raw.destroyed) return;
  reply.code(429).header('retry-after', String(RETRY_AFTER_SECONDS)).header('content-type', 'application/json; charset=utf-8').send(busyBody);
}

export type PressureSettings = {
  /** Mean event-loop delay (ms) over a sample above which public requests are refused (PUBLIC_MAX_LOOP_DELAY_MS; 0 = off). */
  maxEventLoopDelayMs: number;
  /** How often the delay is sampled (ms): how fast shedding starts and stops. */
  sampleIntervalMs: number;
  /** How long a refusal is held before it is sent (PUBLIC_REFUSAL_HOLD_MS; see refuseBusy). */
  refusalHoldMs: number;
};

/**
 * Sheds public requests while this process's event loop is late: a late loop means every request
 * already waits, the staff's included, and the places of the gate below do not see it (a spike of
 * cheap cached answers, or of connections, holds no place yet starves the loop). @fastify/under-pressure
 * measures the delay; its handler refuses only /api/public/* with 429 SERVER_BUSY and Retry-After, and
 * lets every other route through, so the staff are never refused. Registered before the rate limit and
 * the gate, so a shed request costs no database round trip (the rate limit's store may be PostgreSQL).
 */
export async function registerPressureShedding(app: App, settings: PressureSettings): Promise<void> {
  if (settings.maxEventLoopDelayMs <= 0) return;
  await app.register(underPressure, {
    maxEventLoopDelay: settings.maxEventLoopDelayMs,
    sampleInterval: settings.sampleIntervalMs,
    pressureHandler: (req, reply) => {
      if (!isPublic(req.url)) return; // staff and everything else: served, only later
      // Sent here, the request goes no further (the plugin's documented way to answer instead of 503).
      return refuseBusy(reply, settings.refusalHoldMs);
    },
  });
}

/** The gate on /api/public/*: a place from the request's arrival until its response is sent (or the client leaves). */
export function registerAdmission(app: App, settings: AdmissionSettings): Gate | null {
  if (settings.inFlight <= 0) return null;
  const gate = new Gate(settings.inFlight, settings.maxWaiting, settings.maxWaitMs);
  app.addHook('onRequest', async (req, reply) => {
    if (!isPublic(req.url)) return;
    if (!(await gate.enter())) {
      await refuseBusy(reply, settings.refusalHoldMs ?? 0);
      return reply;
    }
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      gate.leave();
    };
    // A visitor who gave up while waiting in line: 'close' has already fired and will not again.
    if (reply.raw.destroyed || req.raw.destroyed) {
      leave();
      return reply.hijack();
    }
    // 'close' fires once the response is sent or the connection is gone, whichever comes first.
    reply.raw.once('close', leave);
  });
  return gate;
}
