-- A mediation case recorded by a team head's phone while offline carries the device's key, like support
-- acts (0017b): sending it again after a lost answer records it once.
alter table mediation_cases add column client_key text;
create unique index mediation_cases_client_key on mediation_cases (created_by, client_key) where client_key is not null;
