import { expect } from 'vitest';
import type { ReportJob } from '@contract/reports';
import type { App } from '../../platform/http';

/** Polls a report job until the worker has finished with it (issued, blocked or failed). */
export async function waitForJob(app: App, id: number, headers: Record<string, string>, timeoutMs = 120_000): Promise<ReportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers });
    expect(res.statusCode).toBe(200);
    const job = res.json() as ReportJob;
    if (['issued', 'blocked', 'failed'].includes(job.status)) return job;
    if (Date.now() > until) throw new Error(`report job ${id} still ${job.status} (${job.progress}%)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
