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
  /** "Tasks for the next period", one per line as entered; a new version keeps the previous one's when omitted. */
  nextTasks: z.array(z.string().trim().min(1).max(1000)).max(30).optional(),
});
export type CreateReport = z.infer<typeof CreateReport>;

/** Submitting a draft for review; a draft with contradictions needs a reason (audited). */
export const SubmitReport = z.object({ overrideReason: z.string().trim().min(10).max(2000).optional() });
export type SubmitReport = z.infer<typeof SubmitReport>;

/** Issuing confirms the number the user was shown: if another document took it meanwhile, nothing is issued. */
export const IssueReport = z.object({ number: z.number().int().min(1) });
export type IssueReport = z.infer<typeof IssueReport>;

export const IssuePreview = z.object({ number: z.number().int(), symbol: z.string(), issuedOn: IsoDate, unitName: z.string() });
export type IssuePreview = z.infer<typeof IssuePreview>;

export const UnpublishReport = z.object({ reason: z.string().trim().min(10).max(2000) });
export type UnpublishReport = z.infer<typeof UnpublishReport>;

export const ReportCommentInput = z.object({ body: z.string().trim().min(1).max(4000) });
export type ReportCommentInput = z.infer<typeof ReportCommentInput>;

export const ReportComment = z.object({ id: Id, author: z.string(), unitName: z.string().nullable(), body: z.string(), createdAt: z.string() });
export type ReportComment = z.infer<typeof ReportComment>;

/** The document as it will print, block by block (headings, figure lines, paragraphs), for the preview. */
export const ReportBlock = z.object({
  kind: z.enum(['title', 'heading', 'line', 'text']),
  text: z.string(),
  /** A figure line: the figure's id, wording and printed value. */
  figureId: z.string().optional(),
  value: z.string().optional(),
});
export type ReportBlock = z.infer<typeof ReportBlock>;

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
  /** Drafts of one unit, template and period are versions 1, 2, …; only an issued one has a number. */
  version: z.number().int(),
  nextTasks: z.array(z.string()),
  issued: IssuedReport.nullable(),
  /** What the signed-in user may do with this job (the web app hides the rest). */
  canSubmit: z.boolean(),
  canIssue: z.boolean(),
  canPublish: z.boolean(),
  canUnpublish: z.boolean(),
  /** The draft's or issued report's figures (detail only). */
  figures: z.array(ReportFigure).optional(),
  /** The document as it prints (detail only, once figures are computed). */
  preview: z.array(ReportBlock).optional(),
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

/** A report's issued file: the document (docx) or its appendix (xlsx). */
export const ReportFileParams = z.object({ id: Id, kind: z.enum(['docx', 'xlsx']) });
export type ReportFileParams = z.infer<typeof ReportFileParams>;
