-- Reports a committee can sign: a generated report is a numbered draft version (no document number),
-- submitted for review, then issued under a number by a person who confirms it; published and
-- unpublished with a reason. Comments from any level that may read the report.

alter table report_jobs drop constraint report_jobs_status_check;

alter table report_jobs
  add column version int,
  -- What the draft prints (figures with their per-unit values, targets, head): issuing renders from it,
  -- so the issued document is the draft that was reviewed.
  add column draft jsonb,
  add column next_tasks jsonb not null default '[]',
  add column submitted_by bigint references users (id),
  add column submitted_at timestamptz;

-- Versions of what was generated so far, per unit, template and period, in order.
update report_jobs j set version = v.n
  from (select id, row_number() over (partition by unit_id, template, period_from, period_to order by id) as n from report_jobs) v
 where v.id = j.id;
-- New versions are numbered by the service under a per-unit lock (max + 1).
alter table report_jobs alter column version set default 1;
alter table report_jobs alter column version set not null;
create index report_jobs_period on report_jobs (unit_id, template, period_from, period_to, version desc);

-- A job held back by contradictions kept no figures: it is computed again, into a draft (its findings and
-- any override reason stay with it). Issued reports keep their number and files untouched.
update report_jobs set status = 'queued', progress = 0, step = 'queued', updated_at = now() where status = 'blocked';

alter table report_jobs add constraint report_jobs_status_check
  check (status in ('queued', 'running', 'draft', 'submitted', 'issued', 'failed'));

create table report_comments (
  id bigint generated always as identity primary key,
  job_id bigint not null references report_jobs (id),
  author_id bigint not null references users (id),
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index report_comments_job on report_comments (job_id, id);

-- Unpublishing keeps the row (and the audit keeps the reason's history): published = not unpublished.
alter table report_publications
  add column unpublished_at timestamptz,
  add column unpublished_by bigint references users (id),
  add column unpublish_reason text;
