-- Funds a disaster can't break (issue 15): remembered statement mappings, the bank's running balance
-- kept on statement lines, two-person corrections, and more of the ledger's rules in the database.

-- The column mapping an accountant used for a bank account's export, per header layout.
create table fund_statement_mappings (
  account_id bigint not null references fund_accounts (id),
  header text not null,
  mapping jsonb not null,
  updated_by bigint references users (id),
  updated_at timestamptz not null default now(),
  primary key (account_id, header)
);

-- The bank's running balance after a statement line: with the date and amount it finds the same line again
-- when a statement is imported with another mapping.
-- Found through fund_donations_fund (fund, date): no extra index to maintain on every imported row.
alter table fund_donations add column statement_balance bigint;

-- Acts that need two people, besides payments: a transfer between funds, the reversal of a donation, of a
-- whole statement import or of chosen lines of it. One person proposes with a reason, another decides.
create table fund_proposals (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('transfer', 'donation_reversal', 'import_reversal')),
  payload jsonb not null,
  reason text not null check (length(trim(reason)) > 0),
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  proposed_by bigint not null references users (id),
  proposed_at timestamptz not null default now(),
  decided_by bigint references users (id),
  decided_at timestamptz,
  decision_note text,
  result jsonb,
  check (decided_by is null or decided_by <> proposed_by),
  check ((status = 'proposed') = (decided_by is null))
);
create index fund_proposals_unit on fund_proposals (unit_id, status, proposed_at desc);

create or replace function fund_proposal_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or old.status <> 'proposed'
     or (to_jsonb(new) - array['status', 'decided_by', 'decided_at', 'decision_note', 'result'])
        <> (to_jsonb(old) - array['status', 'decided_by', 'decided_at', 'decision_note', 'result']) then
    raise exception 'FUND_APPEND_ONLY' using errcode = 'P0001', detail = tg_table_name;
  end if;
  return new;
end $$;
create trigger fund_proposals_guard before update or delete on fund_proposals
  for each row execute function fund_proposal_guard();

-- No entry dated after today in Asia/Ho_Chi_Minh (the one clock): a donation dated 9999-12-31 would
-- count in the balance.
create or replace function fund_entry_not_future() returns trigger language plpgsql as $$
begin
  if new.entry_date > (now() at time zone 'Asia/Ho_Chi_Minh')::date then
    raise exception 'FUND_FUTURE_DATE' using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger fund_entries_not_future before insert on fund_entries
  for each row execute function fund_entry_not_future();

-- An account's balance moves only with its ledger lines (the lines trigger updates it, one trigger level
-- down); a direct UPDATE of the balance is refused.
create or replace function fund_account_balance_guard() returns trigger language plpgsql as $$
begin
  if new.balance is distinct from old.balance and pg_trigger_depth() < 2 then
    raise exception 'FUND_BALANCE_FROM_LEDGER' using errcode = 'P0001';
  end if;
  if new.unit_id <> old.unit_id or new.kind <> old.kind or new.fund_id is distinct from old.fund_id
     or new.campaign_id is distinct from old.campaign_id then
    raise exception 'FUND_APPEND_ONLY' using errcode = 'P0001', detail = tg_table_name;
  end if;
  return new;
end $$;
create trigger fund_accounts_balance_guard before update on fund_accounts
  for each row execute function fund_account_balance_guard();

-- TRUNCATE refused on every ledger and fund table (entries, lines, funds, campaigns and accounts already).
create trigger fund_donations_no_truncate before truncate on fund_donations for each statement execute function fund_append_only();
create trigger fund_disbursements_no_truncate before truncate on fund_disbursements for each statement execute function fund_append_only();
create trigger fund_closings_no_truncate before truncate on fund_closings for each statement execute function fund_append_only();
create trigger fund_receipt_counters_no_truncate before truncate on fund_receipt_counters for each statement execute function fund_append_only();
create trigger fund_statement_imports_no_truncate before truncate on fund_statement_imports for each statement execute function fund_append_only();
create trigger fund_statement_mappings_no_truncate before truncate on fund_statement_mappings for each statement execute function fund_append_only();
create trigger fund_proposals_no_truncate before truncate on fund_proposals for each statement execute function fund_append_only();
create trigger fund_closings_no_delete before delete on fund_closings for each row execute function fund_append_only();
create trigger fund_statement_imports_no_change before update or delete on fund_statement_imports for each row execute function fund_append_only();

-- A correction takes back chosen lines of a statement batch (the batch's entry can be reversed whole only
-- once): its own entry kind, always with a reason.
alter table fund_entries drop constraint fund_entries_kind_check;
alter table fund_entries add constraint fund_entries_kind_check check (kind in ('donation', 'donation_batch', 'disbursement', 'transfer_in',
  'transfer_out', 'reversal', 'correction', 'opening'));
alter table fund_entries add constraint fund_entries_correction_reason check (kind <> 'correction' or reason is not null);
