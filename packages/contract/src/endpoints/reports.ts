import { z } from 'zod';
import { IdParams } from '../common';
import {
  CreateReport,
  IssuePreview,
  IssueReport,
  PublicReport,
  PublicReportQuery,
  ReportComment,
  ReportCommentInput,
  ReportFileParams,
  ReportJob,
  ReportListQuery,
  SubmitReport,
  UnpublishReport,
} from '../reports';
import { PUBLIC, anyUnit, atOwnUnit, atRecord, defineEndpoints } from '../endpoint';

/**
 * Reports: drafts computed by the worker, submitted, issued under a number, published. A report's
 * unit and scope date (the period's last day the unit existed) come from its record.
 */
export const reportEndpoints = defineEndpoints('reports', {
  // The report's unit is checked by the service, on the scope date it derives from the period and the unit's life
  // (the city's 2019–2024 report belongs to whoever holds the city's history now), then whether the user's unit still stands.
  'POST /api/reports': { body: CreateReport, response: ReportJob, access: anyUnit('report.generate') },
  // The list is of the user's scope (each report on its scope date); `unit` only narrows it (outside the scope: empty).
  'GET /api/reports': { query: ReportListQuery, response: z.array(ReportJob), access: atOwnUnit('metric.read') },
  'GET /api/reports/:id': { params: IdParams, response: ReportJob, access: atRecord('metric.read', 'report') },
  'POST /api/reports/:id/submit': { params: IdParams, body: SubmitReport, response: ReportJob, access: atRecord('report.generate', 'report') },
  'GET /api/reports/:id/issue': { params: IdParams, response: IssuePreview, access: atRecord('report.issue', 'report') },
  'POST /api/reports/:id/issue': { params: IdParams, body: IssueReport, response: ReportJob, access: atRecord('report.issue', 'report') },
  'POST /api/reports/:id/publish': { params: IdParams, response: ReportJob, access: atRecord('report.publish', 'report') },
  'POST /api/reports/:id/unpublish': { params: IdParams, body: UnpublishReport, response: ReportJob, access: atRecord('report.publish', 'report') },
  'GET /api/reports/:id/comments': { params: IdParams, response: z.array(ReportComment), access: atRecord('metric.read', 'report') },
  // A higher level that may draft the report may comment on it.
  'POST /api/reports/:id/comments': { params: IdParams, body: ReportCommentInput, response: z.array(ReportComment), access: atRecord('report.generate', 'report') },
  'GET /api/reports/:id/:kind': { params: ReportFileParams, access: atRecord('metric.read', 'report') },

  'GET /api/public/reports': { query: PublicReportQuery, response: z.array(PublicReport), access: PUBLIC, readReplica: true },
  'GET /api/public/reports/:id/:kind': { params: ReportFileParams, access: PUBLIC, readReplica: true },
});
