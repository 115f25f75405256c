-- Receipt numbers are given to donations booked by hand; statement lines never have one. The unique
-- constraint still took an index entry (of nulls) for every imported line: one of the eight that each
-- line of a statement import writes. A partial unique index enforces the same rule (nulls never
-- conflicted) without those entries.
alter table fund_donations drop constraint fund_donations_unit_id_receipt_year_receipt_no_key;
create unique index fund_donations_receipt on fund_donations (unit_id, receipt_year, receipt_no) where receipt_no is not null;
