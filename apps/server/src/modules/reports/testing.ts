import { expect } from 'vitest';
import type { IssuePreview, ReportJob } from '@contract/reports';
import type { App } from '../../platform/http';

/** Polls a report job until the worker has finished with it (a draft, or failed). */
export async function waitForJob(app: App, id: number, headers: Record<string, string>, timeoutMs = 120_000): Promise<ReportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers });
    expect(res.statusCode).toBe(200);
    const job = res.json() as ReportJob;
    if (!['queued', 'running'].includes(job.status)) return job;
    if (Date.now() > until) throw new Error(`report job ${id} still ${job.status} (${job.progress}%)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Submits a draft and issues it under the number the confirmation shows, as a person would. */
export async function submitAndIssue(app: App, id: number, headers: Record<string, string>, overrideReason?: string): Promise<ReportJob> {
  const sub = await app.inject({ method: 'POST', url: `/api/reports/${id}/submit`, headers, payload: overrideReason ? { overrideReason } : {} });
  expect(sub.statusCode, sub.body).toBe(200);
  const preview = await app.inject({ method: 'GET', url: `/api/reports/${id}/issue`, headers });
  expect(preview.statusCode, preview.body).toBe(200);
  const { number } = preview.json() as IssuePreview;
  const res = await app.inject({ method: 'POST', url: `/api/reports/${id}/issue`, headers, payload: { number } });
  expect(res.statusCode, res.body).toBe(200);
  const job = res.json() as ReportJob;
  expect(job.issued!.number).toBe(number);
  return job;
}
