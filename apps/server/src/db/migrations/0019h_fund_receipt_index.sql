-- A receipt number is unique per unit and year, and only receipts have one: statement lines (all but a
-- few donations) carry none, yet each still wrote a (unit, null, null) entry into the unique index — one
-- of the seven btree inserts of every imported line. The same rule as a partial index (nulls never
-- collided anyway).
alter table fund_donations drop constraint fund_donations_unit_id_receipt_year_receipt_no_key;
create unique index fund_donations_receipt on fund_donations (unit_id, receipt_year, receipt_no) where receipt_no is not null;
