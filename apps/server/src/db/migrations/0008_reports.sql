-- Reports: generation jobs (a queue worked by the server process) and issued reports (immutable files).

create table report_jobs (
  id bigint generated always as identity primary key,
  template text not null check (template in ('monthly', 'quarterly', 'six_month', 'annual', 'term')),
  unit_id bigint not null references units (id),
  period_from date not null,
  period_to date not null,
  -- The date the unit is judged on for scope (the period's end, clamped into the unit's life).
  scope_date date not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'blocked', 'issued', 'failed')),
  progress int not null default 0 check (progress between 0 and 100),
  step text not null default 'queued',
  findings jsonb not null default '[]',
  override_reason text,
  override_by bigint references users (id),
  error text,
  attempts int not null default 0,
  -- A running job whose lease has passed belongs to a worker that died: another worker resumes it.
  lease_until timestamptz,
  requested_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_from <= period_to)
);
create index report_jobs_pending on report_jobs (id) where status in ('queued', 'running');
create index report_jobs_unit on report_jobs (unit_id, id desc);

create table report_issues (
  id bigint generated always as identity primary key,
  job_id bigint not null unique references report_jobs (id),
  unit_id bigint not null references units (id),
  template text not null,
  period_from date not null,
  period_to date not null,
  year int not null,
  number int not null,
  symbol text not null,
  issued_on date not null,
  issued_by bigint references users (id),
  docx bytea not null,
  docx_sha256 text not null,
  xlsx bytea not null,
  xlsx_sha256 text not null,
  figures jsonb not null,
  created_at timestamptz not null default now(),
  unique (unit_id, year, number)
);

-- An issued report is a record: never changed, never removed. Re-issuing makes a new number.
create or replace function report_issues_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'issued reports are immutable (report_issues %)', old.id;
end $$;
create trigger report_issues_no_change before update or delete on report_issues
  for each row execute function report_issues_immutable();

create table report_publications (
  issue_id bigint primary key references report_issues (id),
  published_at timestamptz not null default now(),
  published_by bigint references users (id)
);
