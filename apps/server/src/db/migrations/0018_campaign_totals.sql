-- The public statement shows a campaign's totals to very many viewers; summing every donation per
-- request cost ~100 ms at 99k donations (and grows with the campaign). The totals are kept here instead,
-- per campaign, donor group (as the public sees it) and kind, by statement-level triggers in the same
-- transaction as the booking: an insert adds, a reversal (the only update a donation allows) subtracts.
create table fund_campaign_totals (
  campaign_id bigint not null references fund_campaigns (id),
  -- donor_kind when the name is published, else 'anonymous' (what the public breakdown shows)
  donor_key text not null,
  kind text not null check (kind in ('money', 'goods')),
  amount bigint not null default 0,
  n bigint not null default 0,
  -- when this group last changed (a booking or a reversal)
  last_at timestamptz,
  primary key (campaign_id, donor_key, kind)
);

create or replace function fund_campaign_totals_apply() returns trigger language plpgsql as $$
begin
  -- Groups in key order, so two transactions lock the rows they share in the same order.
  if tg_op = 'INSERT' then
    insert into fund_campaign_totals as t (campaign_id, donor_key, kind, amount, n, last_at)
    select campaign_id, case when publish_name then donor_kind else 'anonymous' end, kind, sum(amount), count(*), max(created_at)
      from new_rows where campaign_id is not null and reversal_entry_id is null
     group by 1, 2, 3 order by 1, 2, 3
    on conflict (campaign_id, donor_key, kind) do update
      set amount = t.amount + excluded.amount, n = t.n + excluded.n, last_at = greatest(t.last_at, excluded.last_at);
  else
    insert into fund_campaign_totals as t (campaign_id, donor_key, kind, amount, n, last_at)
    select d.campaign_id, d.donor_key, d.kind, sum(d.amount), sum(d.n), now()
      from (select campaign_id, case when publish_name then donor_kind else 'anonymous' end as donor_key, kind,
                   -amount as amount, -1 as n
              from old_rows where campaign_id is not null and reversal_entry_id is null
            union all
            select campaign_id, case when publish_name then donor_kind else 'anonymous' end, kind, amount, 1
              from new_rows where campaign_id is not null and reversal_entry_id is null) d
     group by 1, 2, 3 having sum(d.n) <> 0 or sum(d.amount) <> 0 order by 1, 2, 3
    on conflict (campaign_id, donor_key, kind) do update
      set amount = t.amount + excluded.amount, n = t.n + excluded.n, last_at = greatest(t.last_at, excluded.last_at);
  end if;
  return null;
end $$;

create trigger fund_donations_totals_insert after insert on fund_donations
  referencing new table as new_rows for each statement execute function fund_campaign_totals_apply();
create trigger fund_donations_totals_update after update on fund_donations
  referencing old table as old_rows new table as new_rows for each statement execute function fund_campaign_totals_apply();

-- Campaigns that already have donations (a server database in use) start from their recomputed totals.
insert into fund_campaign_totals (campaign_id, donor_key, kind, amount, n, last_at)
select campaign_id, case when publish_name then donor_kind else 'anonymous' end, kind, sum(amount), count(*), max(created_at)
  from fund_donations where campaign_id is not null and reversal_entry_id is null
 group by 1, 2, 3;
