-- Hardening after the security review (issue 16).

-- One "today" for the product: the date in Vietnam, whatever the server's TimeZone setting.
-- SQL uses vn_today() instead of current_date (which is the session's zone, UTC by default).
create or replace function vn_date(ts timestamptz) returns date language sql immutable parallel safe
  as $$ select (ts at time zone 'Asia/Ho_Chi_Minh')::date $$;
create or replace function vn_today() returns date language sql stable parallel safe
  as $$ select vn_date(now()) $$;

-- The audit trail is append-only, like the ledger: no UPDATE, DELETE or TRUNCATE.
create or replace function audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'AUDIT_APPEND_ONLY' using errcode = 'P0001', detail = tg_table_name;
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_append_only();
