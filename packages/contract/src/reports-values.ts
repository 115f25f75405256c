// Report templates, job statuses and their labels as plain data (no zod), for the web bundle.
// reports.ts builds its schemas from these.

type Label = { vi: string; en: string };

export const REPORT_TEMPLATES = ['monthly', 'quarterly', 'six_month', 'annual', 'term'] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

export const REPORT_TEMPLATE_LABELS: Record<ReportTemplate, Label> = {
  monthly: { vi: 'Báo cáo tháng', en: 'Monthly report' },
  quarterly: { vi: 'Báo cáo quý', en: 'Quarterly report' },
  six_month: { vi: 'Báo cáo 6 tháng', en: 'Six-month report' },
  annual: { vi: 'Báo cáo năm', en: 'Annual report' },
  term: { vi: 'Báo cáo nhiệm kỳ', en: 'Term report' },
};

// queued → running → draft (figures, findings, preview; no number) → submitted → issued (numbered).
export const REPORT_STATUSES = ['queued', 'running', 'draft', 'submitted', 'issued', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, Label> = {
  queued: { vi: 'Đang chờ', en: 'Queued' },
  running: { vi: 'Đang lập', en: 'Generating' },
  draft: { vi: 'Dự thảo (chưa có số)', en: 'Draft (no number yet)' },
  submitted: { vi: 'Đã trình duyệt, chờ ban hành', en: 'Submitted for review, awaiting issue' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  failed: { vi: 'Lỗi khi lập báo cáo', en: 'Generation failed' },
};

/** What the worker is doing (the job's `step`), for the progress line. */
export const REPORT_STEP_LABELS: Record<string, Label> = {
  queued: { vi: 'Đang chờ đến lượt', en: 'Waiting in the queue' },
  started: { vi: 'Bắt đầu', en: 'Starting' },
  figures: { vi: 'Đang tính số liệu từ dữ liệu gốc', en: 'Computing the figures from the records' },
  checks: { vi: 'Đang kiểm tra tính thống nhất của số liệu', en: 'Checking the figures agree' },
  draft: { vi: 'Dự thảo đã lập xong', en: 'Draft ready' },
  submitted: { vi: 'Đã trình duyệt', en: 'Submitted' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
};

export const FINDING_KINDS = ['sum', 'share', 'repeat'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Record<FindingKind, Label> = {
  sum: { vi: 'Các phần không cộng đúng tổng', en: 'Parts do not add up to the total' },
  share: { vi: 'Tỷ lệ không khớp với số đếm', en: 'A rate does not match its counts' },
  repeat: { vi: 'Cùng một số liệu có giá trị khác nhau', en: 'The same figure has different values' },
};

/** Wording used in documents when a figure's metric is not recorded yet. */
export const NO_DATA = { vi: 'chưa có số liệu', en: 'not yet measured' } as const;
