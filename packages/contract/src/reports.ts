import { z } from 'zod';
import { Id, IsoDate } from './common';
import { FINDING_KINDS, REPORT_STATUSES, REPORT_TEMPLATES } from './reports-values';

export const ReportTemplate = z.enum(REPORT_TEMPLATES);
export const ReportStatus = z.enum(REPORT_STATUSES);

export const CreateReport = z.object({
  template: ReportTemplate,
  unit: Id,
  from: IsoDate,
  to: IsoDate,
});
export type CreateReport = z.infer<typeof CreateReport>;

export const OverrideReport = z.object({ reason: z.string().trim().min(10).max(2000) });
export type OverrideReport = z.infer<typeof OverrideReport>;

export const Finding = z.object({
  kind: z.enum(FINDING_KINDS),
  figureId: z.string(),
  message: z.string(),
  messageEn: z.string(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const IssuedReport = z.object({
  id: Id,
  number: z.number().int(),
  symbol: z.string(),
  issuedOn: IsoDate,
  docxSha256: z.string(),
  xlsxSha256: z.string(),
  docxUrl: z.string(),
  xlsxUrl: z.string(),
  published: z.boolean(),
});
export type IssuedReport = z.infer<typeof IssuedReport>;

/** A figure as the issued report states it, with the metric and period to trace it to its records. */
export const ReportFigure = z.object({
  id: z.string(),
  section: z.string(),
  wording: z.string(),
  value: z.number().nullable(),
  text: z.string(),
  metricKey: z.string().nullable(),
  dim: z.string().nullable(),
  from: IsoDate,
  to: IsoDate,
});
export type ReportFigure = z.infer<typeof ReportFigure>;

export const ReportJob = z.object({
  id: Id,
  template: ReportTemplate,
  unitId: Id,
  unitName: z.string(),
  from: IsoDate,
  to: IsoDate,
  status: ReportStatus,
  progress: z.number().int(),
  step: z.string(),
  findings: z.array(Finding),
  overrideReason: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  issued: IssuedReport.nullable(),
  /** What the signed-in user may do with this job (the web app hides the rest). */
  canOverride: z.boolean(),
  canPublish: z.boolean(),
  /** The issued report's figures (detail only). */
  figures: z.array(ReportFigure).optional(),
});
export type ReportJob = z.infer<typeof ReportJob>;

export const ReportListQuery = z.object({
  unit: Id.optional(),
  status: ReportStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export const PublicReport = z.object({
  id: Id,
  unitName: z.string(),
  template: ReportTemplate,
  from: IsoDate,
  to: IsoDate,
  symbol: z.string(),
  issuedOn: IsoDate,
  docxSha256: z.string(),
  docxUrl: z.string(),
  xlsxUrl: z.string(),
});
export type PublicReport = z.infer<typeof PublicReport>;

export const PublicReportQuery = z.object({ unit: Id.optional() });
