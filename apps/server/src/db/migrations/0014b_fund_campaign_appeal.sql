-- The appeal a campaign answers (Covid-19, a natural disaster, solidarity houses elsewhere), so that
-- Part One states each appeal's totals and transfers from the campaigns' own records.
alter table fund_campaigns add column appeal text
  check (appeal is null or appeal in ('covid19', 'natural_disaster', 'solidarity_houses', 'other'));
create index fund_campaigns_appeal on fund_campaigns (appeal) where appeal is not null;
