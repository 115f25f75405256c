-- Receipt numbers are unique per unit and year. Statement lines carry none, yet the unique constraint
-- indexed each of them (a null key): one more index insert for every imported row. A partial unique
-- index gives the same guarantee over the rows that have a number.
alter table fund_donations drop constraint fund_donations_unit_id_receipt_year_receipt_no_key;
create unique index fund_donations_receipt on fund_donations (unit_id, receipt_year, receipt_no) where receipt_no is not null;
