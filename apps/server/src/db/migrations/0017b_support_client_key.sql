-- A support act recorded on a device while offline carries the device's key, so sending it again
-- (after a lost answer or a second sync) records it once.
alter table household_supports add column client_key text;
create unique index household_supports_client_key on household_supports (created_by, client_key) where client_key is not null;
