-- An entry is dated inside its unit's life: nobody records in the books of a unit that has ended
-- (the city's funds after 30 June 2025) or does not exist yet, whatever their role.
create or replace function fund_entry_period_open() returns trigger language plpgsql as $$
begin
  if exists (select 1 from fund_closings c where c.unit_id = new.unit_id and c.month + interval '1 month' > new.entry_date) then
    raise exception 'FUND_PERIOD_CLOSED' using errcode = 'P0001';
  end if;
  if not exists (select 1 from units u where u.id = new.unit_id and u.valid_from <= new.entry_date and new.entry_date < u.valid_to) then
    raise exception 'FUND_UNIT_NOT_VALID' using errcode = 'P0001';
  end if;
  return new;
end $$;
