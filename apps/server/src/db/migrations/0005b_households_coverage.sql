-- Coverage lists and metrics start from the year's due households, a few percent of all reviewed:
-- partial indexes keep a province-wide count from reading every review of the year.
create index household_classifications_tet_due on household_classifications (year, household_id)
  where classes && array['poor', 'near_poor']::text[];
create index household_classifications_house_due on household_classifications (year, household_id)
  where housing_need <> 'none';
