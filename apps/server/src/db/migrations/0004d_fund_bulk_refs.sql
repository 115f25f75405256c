-- Statement imports write tens of thousands of donations at once, all pointing at the same fund,
-- account and entry. Row-by-row foreign-key checks cost about half of such an insert, so the
-- references of fund_donations are checked once per statement instead (distinct tuples only), and
-- more strictly: the fund, account and entry must belong to the donation's unit, the campaign to
-- its fund. What they point at can no longer be deleted (funds, accounts and campaigns never are).
alter table fund_donations drop constraint fund_donations_unit_id_fkey;
alter table fund_donations drop constraint fund_donations_fund_id_fkey;
alter table fund_donations drop constraint fund_donations_campaign_id_fkey;
alter table fund_donations drop constraint fund_donations_account_id_fkey;
alter table fund_donations drop constraint fund_donations_entry_id_fkey;
alter table fund_donations drop constraint fund_donations_created_by_fkey;

create or replace function fund_donations_refs() returns trigger language plpgsql as $$
begin
  if exists (
    select 1 from (select distinct unit_id, fund_id, campaign_id, account_id, entry_id, created_by from new_rows) n
     where not exists (select 1 from fund_funds f where f.id = n.fund_id and f.unit_id = n.unit_id)
        or not exists (select 1 from fund_accounts a where a.id = n.account_id and a.unit_id = n.unit_id)
        or not exists (select 1 from fund_entries e where e.id = n.entry_id and e.unit_id = n.unit_id)
        or (n.campaign_id is not null and not exists (select 1 from fund_campaigns c where c.id = n.campaign_id and c.fund_id = n.fund_id))
        or (n.created_by is not null and not exists (select 1 from users u where u.id = n.created_by))
  ) then
    raise exception 'FUND_DONATION_REFERENCE' using errcode = '23503';
  end if;
  return null;
end $$;
create trigger fund_donations_refs after insert on fund_donations
  referencing new table as new_rows for each statement execute function fund_donations_refs();

create trigger fund_funds_no_delete before delete on fund_funds for each row execute function fund_append_only();
create trigger fund_campaigns_no_delete before delete on fund_campaigns for each row execute function fund_append_only();
create trigger fund_accounts_no_delete before delete on fund_accounts for each row execute function fund_append_only();
create trigger fund_funds_no_truncate before truncate on fund_funds for each statement execute function fund_append_only();
create trigger fund_campaigns_no_truncate before truncate on fund_campaigns for each statement execute function fund_append_only();
create trigger fund_accounts_no_truncate before truncate on fund_accounts for each statement execute function fund_append_only();

-- Lists by unit go through the fund or campaign indexes; this one only slowed inserts.
drop index fund_donations_unit;
