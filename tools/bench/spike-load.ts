// The load generator of the spike benchmark, run as its own process (`spike.ts` spawns it) so that the
// staff probe in the parent is not timed on the same event loop: autocannon with N connections, each a
// client that sends its next request when the previous one is answered (or has timed out). With
// `forwarded`, every request carries another X-Forwarded-For address (the product started with
// TRUST_PROXY=loopback): a spike is very many people, not one address. Every request says
// `Accept-Encoding: gzip, deflate, br`, as every browser does (the CSV is then sent gzipped). Prints one JSON line.
import { createRequire } from 'node:module';

export type LoadSpec = { urls: string[]; connections: number; seconds: number; paths: string[]; forwarded: boolean; timeoutSeconds: number };
export type LoadResult = {
  requests: number;
  perSecond: number;
  byStatus: Record<string, number>;
  timeouts: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  bytes: number;
  /** Refusals by the product's error code (SERVER_BUSY: the admission gate; RATE_LIMITED: the per-address limit). */
  codes: Record<string, number>;
};

type RawRequest = { headers?: Record<string, string>; path?: string };
type Instance = { on(ev: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
type Autocannon = (opts: Record<string, unknown>, done: (err: Error | null, res: { errors: number; timeouts: number; duration: number }) => void) => Instance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function quantile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : 0;
}

export function run(spec: LoadSpec): Promise<LoadResult> {
  let seq = 0;
  const byStatus: Record<string, number> = {};
  const samples: number[] = [];
  let bytes = 0;
  const codes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: spec.urls.length === 1 ? spec.urls[0] : spec.urls,
        connections: spec.connections,
        duration: spec.seconds,
        timeout: spec.timeoutSeconds,
        requests: spec.paths.map((path) => ({
          method: 'GET',
          path,
          headers: { 'accept-encoding': 'gzip, deflate, br' },
          setupRequest: (req: RawRequest) => {
            if (!spec.forwarded) return req;
            const n = ++seq + process.pid * 65_536;
            // 10.0.0.0/8 addresses, a new one per request.
            return { ...req, headers: { ...req.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } };
          },
          onResponse: (status: number, body: string) => {
            if (status < 400) return;
            const code = /"code":"(\w+)"/.exec(body)?.[1] ?? String(status);
            codes[code] = (codes[code] ?? 0) + 1;
          },
        })),
      },
      (err, res) => {
        if (err) return reject(err);
        samples.sort((a, b) => a - b);
        const requests = samples.length;
        resolve({
          requests,
          perSecond: requests / spec.seconds,
          byStatus,
          timeouts: res.timeouts,
          errors: res.errors - res.timeouts,
          p50: quantile(samples, 0.5),
          p95: quantile(samples, 0.95),
          p99: quantile(samples, 0.99),
          max: samples[samples.length - 1] ?? 0,
          bytes,
          codes,
        });
      },
    );
    inst.on('response', (_client, status, size, ms) => {
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      samples.push(ms);
      bytes += size;
    });
  });
}

// As a process: the spec in argv[2], the result on stdout.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  run(JSON.parse(process.argv[2]) as LoadSpec).then(
    (r) => process.stdout.write(JSON.stringify(r) + '\n'),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
