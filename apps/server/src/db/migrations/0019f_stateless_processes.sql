-- Several server processes over one database (WORKERS=N, or several machines): nothing they share may
-- live in one process's memory.

-- Statement-import jobs: started by one process, followed (status, per-file progress, result) from any.
-- The process running a job renews its lease while it works; a job still 'running' after its lease has
-- passed belonged to a process that stopped (killed, restarted) and is reported failed by the next reader.
create table fund_import_jobs (
  id uuid primary key,
  user_id bigint not null references users (id),
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  progress jsonb not null,
  result jsonb,
  error jsonb,
  lease_until timestamptz not null,
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index fund_import_jobs_started on fund_import_jobs (started_at);

-- What the public statement shows changed: every process clears its short public cache. NOTIFY is sent at
-- commit (never for a rolled-back write) and repeated notifications of one transaction are delivered once.
create or replace function public_statement_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('doanket_public_statement', tg_table_name);
  return null;
end $$;

create trigger fund_donations_public_changed after insert or update or delete on fund_donations
  for each statement execute function public_statement_changed();
create trigger fund_disbursements_public_changed after insert or update or delete on fund_disbursements
  for each statement execute function public_statement_changed();
create trigger fund_campaigns_public_changed after insert or update or delete on fund_campaigns
  for each statement execute function public_statement_changed();
create trigger fund_accounts_public_changed after insert or update or delete on fund_accounts
  for each statement execute function public_statement_changed();
