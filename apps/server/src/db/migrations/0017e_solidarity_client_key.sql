-- The Solidarity Day recorded by a board head's phone while offline carries the device's key, like support
-- acts and mediation cases: sent again after a lost answer, it answers the day first recorded.
alter table solidarity_festivals add column client_key text;
create unique index solidarity_festivals_client_key on solidarity_festivals (created_by, client_key) where client_key is not null;
