-- A year's review is a fact at a unit on a date: it carries the household's village, so coverage
-- for every village of a province joins the closure to the year's due reviews directly (the
-- households table is not read), and partial indexes hold only the due reviews, a few percent.
alter table household_classifications add column unit_id bigint references units (id);
update household_classifications hc set unit_id = h.unit_id from households h where h.id = hc.household_id;
alter table household_classifications alter column unit_id set not null;
create index household_classifications_tet_due on household_classifications (year, unit_id) include (household_id, fact_date)
  where classes && array['poor', 'near_poor']::text[];
create index household_classifications_house_due on household_classifications (year, unit_id) include (household_id, fact_date)
  where housing_need <> 'none';
create index household_classifications_hardship_due on household_classifications (year, unit_id) include (household_id, fact_date)
  where 'special_hardship' = any(classes);
