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

-- Failed and in-flight sign-in attempts, shared by every server process (platform/login-throttle.ts).
-- user_key is a hash of the user name as typed (it may be a password typed in the wrong field).
create table login_attempts (
  id bigint generated always as identity primary key,
  user_key text not null,
  address text not null,
  at timestamptz not null default now()
);
create index login_attempts_user on login_attempts (user_key, at);
create index login_attempts_address on login_attempts (address, at);
create index login_attempts_at on login_attempts (at);

-- Idle timeout: a session ends after a while without requests (the absolute end stays expires_at).
alter table sessions add column last_seen_at timestamptz not null default now();

-- Permissions granted to one user beyond their role (petition.identity to an administrator), audited.
create table user_grants (
  user_id bigint not null references users (id),
  permission text not null check (permission in ('petition.identity')),
  granted_by bigint references users (id),
  granted_at timestamptz not null default now(),
  primary key (user_id, permission)
);

-- Request counts of the public rate limit when RATE_LIMIT_STORE=postgres (several server processes
-- share one count per address and route; platform/rate-limit.ts). One row per key and window.
create table rate_limit_hits (
  key text primary key,
  hits integer not null,
  reset_at timestamptz not null
);
create index rate_limit_hits_reset on rate_limit_hits (reset_at);
