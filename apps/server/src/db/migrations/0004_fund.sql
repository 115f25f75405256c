-- Funds, campaigns and their double-entry, append-only ledger (issue 3).
-- Money is integer VND. Every entry belongs to one unit; all its lines post to that unit's accounts.

-- Standing funds of a unit (Quỹ Vì người nghèo, Quỹ cứu trợ, …).
create table fund_funds (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('vi_nguoi_ngheo', 'cuu_tro', 'an_sinh', 'den_on_dap_nghia', 'khac')),
  name text not null,
  opened_on date not null,
  note text,
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index fund_funds_unit on fund_funds (unit_id);

-- Campaigns (đợt vận động): money raised for a purpose over a receiving period, held in a fund.
create table fund_campaigns (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  fund_id bigint not null references fund_funds (id),
  name text not null,
  name_search text not null default '',
  purpose text not null,
  receive_from date not null,
  receive_to date not null,
  distribute_by date not null,
  -- The quota set by the higher level, and which level set it.
  quota bigint check (quota is null or quota > 0),
  quota_unit_id bigint references units (id),
  is_public boolean not null default false,
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  check (receive_from <= receive_to),
  check (receive_to <= distribute_by)
);
create index fund_campaigns_unit on fund_campaigns (unit_id, receive_from);
create index fund_campaigns_fund on fund_campaigns (fund_id);

-- Accounts of a unit's books. `balance` is on the account's normal side (debit for cash, bank and
-- goods; credit for funds and the amount payable to the higher level) and can never go below zero:
-- that is what stops a fund paying out more than it holds.
create table fund_accounts (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('cash', 'bank', 'goods', 'fund', 'payable_up')),
  name text not null,
  fund_id bigint references fund_funds (id),
  campaign_id bigint references fund_campaigns (id),
  bank_name text,
  bank_bin text,
  account_no text,
  account_holder text,
  balance bigint not null default 0,
  created_at timestamptz not null default now(),
  constraint fund_accounts_balance_nonnegative check (balance >= 0),
  check ((kind = 'fund') = (fund_id is not null)),
  check (campaign_id is null or kind in ('fund', 'bank')),
  check ((kind = 'bank') = (account_no is not null))
);
create index fund_accounts_unit on fund_accounts (unit_id, kind);
create unique index fund_accounts_one_per_fund on fund_accounts (fund_id) where kind = 'fund' and campaign_id is null;
create unique index fund_accounts_one_per_campaign on fund_accounts (campaign_id) where kind = 'fund';
create unique index fund_accounts_one_cash on fund_accounts (unit_id, kind) where kind in ('cash', 'goods', 'payable_up');

-- Journal entries. A correction is a new entry reversing an old one, with a reason.
create table fund_entries (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  entry_date date not null,
  kind text not null check (kind in ('donation', 'donation_batch', 'disbursement', 'transfer_in', 'transfer_out',
    'reversal', 'opening')),
  memo text not null,
  idempotency_key text unique,
  reverses_entry_id bigint unique references fund_entries (id),
  reason text,
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  check ((kind = 'reversal') = (reverses_entry_id is not null)),
  check (kind <> 'reversal' or reason is not null)
);
create index fund_entries_unit on fund_entries (unit_id, entry_date, id);

create table fund_entry_lines (
  id bigint generated always as identity primary key,
  entry_id bigint not null references fund_entries (id),
  account_id bigint not null references fund_accounts (id),
  debit bigint not null default 0 check (debit >= 0),
  credit bigint not null default 0 check (credit >= 0),
  check ((debit > 0) <> (credit > 0))
);
create index fund_entry_lines_entry on fund_entry_lines (entry_id);
create index fund_entry_lines_account on fund_entry_lines (account_id, entry_id);

-- Monthly closing: once a month is closed, no entry of the unit may be dated in it or before it.
create table fund_closings (
  unit_id bigint not null references units (id),
  month date not null check (extract(day from month) = 1),
  closed_by bigint references users (id),
  closed_at timestamptz not null default now(),
  primary key (unit_id, month)
);

-- Receipt numbers run per unit and year; the counter row is locked until commit, so no gaps.
create table fund_receipt_counters (
  unit_id bigint not null references units (id),
  year int not null,
  last_no int not null,
  primary key (unit_id, year)
);

-- Donations received (money, or goods at their valuation). Statement imports write here too.
create table fund_donations (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  fund_id bigint not null references fund_funds (id),
  campaign_id bigint references fund_campaigns (id),
  account_id bigint not null references fund_accounts (id),
  received_on date not null,
  amount bigint not null check (amount > 0),
  kind text not null check (kind in ('money', 'goods')),
  goods_description text,
  goods_quantity numeric,
  goods_unit text,
  donor_kind text not null check (donor_kind in ('organisation', 'individual', 'anonymous')),
  donor_name text,
  donor_address text,
  publish_name boolean not null default true,
  memo text,
  reference text,
  source text not null default 'manual' check (source in ('manual', 'statement')),
  statement_line_key text unique,
  -- normalizeVn(donor_name + memo), built by the application at insert.
  search_text text not null default '',
  receipt_year int,
  receipt_no int,
  entry_id bigint not null references fund_entries (id),
  reversal_entry_id bigint references fund_entries (id),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  unique (unit_id, receipt_year, receipt_no),
  check ((receipt_year is null) = (receipt_no is null)),
  check (kind = 'money' or goods_description is not null),
  check (donor_kind <> 'anonymous' or donor_name is null)
);
create index fund_donations_fund on fund_donations (fund_id, received_on);
create index fund_donations_campaign on fund_donations (campaign_id, received_on desc, id desc);
create index fund_donations_unit on fund_donations (unit_id, received_on);
create index fund_donations_entry on fund_donations (entry_id);

-- Payments out: proposed by one person, approved (which books the entry) or rejected by another.
create table fund_disbursements (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  fund_id bigint not null references fund_funds (id),
  campaign_id bigint references fund_campaigns (id),
  pay_account_id bigint not null references fund_accounts (id),
  kind text not null check (kind in ('household', 'project', 'transfer_up', 'allocation_down', 'other')),
  purpose text not null,
  amount bigint not null check (amount > 0),
  paid_on date not null,
  household_id bigint,
  beneficiary_name text,
  beneficiary_village text,
  project_name text,
  target_unit_id bigint references units (id),
  packages int check (packages is null or packages > 0),
  note text,
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  proposed_by bigint not null references users (id),
  proposed_at timestamptz not null default now(),
  decided_by bigint references users (id),
  decided_at timestamptz,
  decision_note text,
  entry_id bigint references fund_entries (id),
  reversal_entry_id bigint references fund_entries (id),
  idempotency_key text unique,
  check (decided_by is null or decided_by <> proposed_by),
  check ((status = 'approved') = (entry_id is not null)),
  check (kind not in ('transfer_up', 'allocation_down') or target_unit_id is not null)
);
create index fund_disbursements_unit on fund_disbursements (unit_id, status, paid_on);
create index fund_disbursements_fund on fund_disbursements (fund_id, paid_on);
create index fund_disbursements_campaign on fund_disbursements (campaign_id, paid_on);
create index fund_disbursements_household on fund_disbursements (household_id) where household_id is not null;

-- ---------- the ledger's guarantees, in the database ----------

create or replace function fund_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'FUND_APPEND_ONLY' using errcode = 'P0001', detail = tg_table_name;
end $$;
create trigger fund_entries_append_only before update or delete on fund_entries
  for each row execute function fund_append_only();
create trigger fund_entries_no_truncate before truncate on fund_entries
  for each statement execute function fund_append_only();
create trigger fund_entry_lines_append_only before update or delete on fund_entry_lines
  for each row execute function fund_append_only();
create trigger fund_entry_lines_no_truncate before truncate on fund_entry_lines
  for each statement execute function fund_append_only();

-- No entry in a closed month.
create or replace function fund_entry_period_open() returns trigger language plpgsql as $$
begin
  if exists (select 1 from fund_closings c where c.unit_id = new.unit_id and c.month + interval '1 month' > new.entry_date) then
    raise exception 'FUND_PERIOD_CLOSED' using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger fund_entries_period_open before insert on fund_entries
  for each row execute function fund_entry_period_open();

-- Lines of an entry are inserted in one statement: after it, every touched entry must balance, its
-- lines must post to its own unit's accounts, and the account balances move by the net amounts.
create or replace function fund_lines_inserted() returns trigger language plpgsql as $$
begin
  if exists (
    select 1 from (select distinct entry_id from new_lines) t
      join fund_entry_lines l on l.entry_id = t.entry_id
     group by t.entry_id having sum(l.debit) <> sum(l.credit)
  ) then
    raise exception 'FUND_UNBALANCED' using errcode = 'P0001';
  end if;
  if exists (
    select 1 from new_lines n join fund_entries e on e.id = n.entry_id join fund_accounts a on a.id = n.account_id
     where a.unit_id <> e.unit_id
  ) then
    raise exception 'FUND_ACCOUNT_UNIT' using errcode = 'P0001';
  end if;
  update fund_accounts a set balance = a.balance + d.delta
    from (select n.account_id,
                 sum(case when x.kind in ('fund', 'payable_up') then n.credit - n.debit else n.debit - n.credit end) as delta
            from new_lines n join fund_accounts x on x.id = n.account_id
           group by n.account_id) d
   where a.id = d.account_id and d.delta <> 0;
  return null;
end $$;
create trigger fund_entry_lines_inserted after insert on fund_entry_lines
  referencing new table as new_lines for each statement execute function fund_lines_inserted();

-- At commit, every entry written has lines (an entry with none would be a hole in the books).
create or replace function fund_entry_has_lines() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from fund_entry_lines where entry_id = new.id) then
    raise exception 'FUND_UNBALANCED' using errcode = 'P0001', detail = 'entry without lines';
  end if;
  return null;
end $$;
create constraint trigger fund_entries_have_lines after insert on fund_entries
  deferrable initially deferred for each row execute function fund_entry_has_lines();

-- Donations and disbursements are facts, not drafts: only the reversal link (once) and a proposal's
-- decision may change.
create or replace function fund_donation_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or old.reversal_entry_id is not null or new.reversal_entry_id is null
     or (to_jsonb(new) - 'reversal_entry_id') <> (to_jsonb(old) - 'reversal_entry_id') then
    raise exception 'FUND_APPEND_ONLY' using errcode = 'P0001', detail = tg_table_name;
  end if;
  return new;
end $$;
create trigger fund_donations_guard before update or delete on fund_donations
  for each row execute function fund_donation_guard();

create or replace function fund_disbursement_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'FUND_APPEND_ONLY' using errcode = 'P0001', detail = tg_table_name;
  end if;
  -- A decision once, from 'proposed'; afterwards only the reversal link, once.
  if old.status = 'proposed' and new.status in ('approved', 'rejected')
     and (to_jsonb(new) - array['status', 'decided_by', 'decided_at', 'decision_note', 'entry_id'])
       = (to_jsonb(old) - array['status', 'decided_by', 'decided_at', 'decision_note', 'entry_id']) then
    return new;
  end if;
  if old.status = 'approved' and old.reversal_entry_id is null and new.reversal_entry_id is not null
     and (to_jsonb(new) - 'reversal_entry_id') = (to_jsonb(old) - 'reversal_entry_id') then
    return new;
  end if;
  raise exception 'FUND_APPEND_ONLY' using errcode = 'P0001', detail = tg_table_name;
end $$;
create trigger fund_disbursements_guard before update or delete on fund_disbursements
  for each row execute function fund_disbursement_guard();
