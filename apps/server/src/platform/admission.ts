// Load shedding for the public routes (issue 19): during a disaster spike the public statement is read by
// far more people than one process and its database connections can serve. Public requests get a bounded
// number of places in flight and a short, bounded wait for one; past that they are answered 429 at once
// (SERVER_BUSY, Retry-After) instead of queueing until they time out. Staff routes never pass the gate,
// and the gate leaves some of the database pool free for them, so a spike cannot starve the staff.
// The per-address limit (rate-limit.ts) still applies first; this one bounds the total, whoever asks.
import type { App } from './http';
import { AppError } from './errors';

export type AdmissionSettings = {
  /** Public requests in flight at once in this process (PUBLIC_CONCURRENCY; 0 = no gate). */
  inFlight: number;
  /** How long a public request may wait for a place before it is refused (PUBLIC_QUEUE_MS). */
  maxWaitMs: number;
  /** How many may wait at once; more are refused without waiting. */
  maxWaiting: number;
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

/** The gate on /api/public/*: a place from the request's arrival until its response is sent (or the client leaves). */
export function registerAdmission(app: App, settings: AdmissionSettings): Gate | null {
  if (settings.inFlight <= 0) return null;
  const gate = new Gate(settings.inFlight, settings.maxWaiting, settings.maxWaitMs);
  app.addHook('onRequest', async (req, reply) => {
    if (!isPublic(req.url)) return;
    if (!(await gate.enter())) throw new AppError('SERVER_BUSY', { retryAfterSeconds: 5 });
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
