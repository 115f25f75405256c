-- Extensions first: search uses trigram indexes over accent-free text.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is STABLE; an immutable wrapper lets it appear in indexes.
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Units of the hierarchy. Identity is stable; name and parent change through versions.
-- Validity is half-open [valid_from, valid_to); 'infinity' means still valid.
create table units (
  id bigint generated always as identity primary key,
  code text not null,
  level text not null check (level in ('province', 'district', 'commune', 'village')),
  kind text not null,
  province_code text,
  valid_from date not null,
  valid_to date not null default 'infinity',
  created_at timestamptz not null default now(),
  check (valid_from < valid_to)
);
create index units_code on units (code);

create table unit_versions (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  name text not null,
  name_search text not null,
  parent_id bigint references units (id),
  valid_from date not null,
  valid_to date not null default 'infinity',
  check (valid_from < valid_to)
);
create index unit_versions_unit on unit_versions (unit_id, valid_from);
create index unit_versions_parent on unit_versions (parent_id, valid_from);
create index unit_versions_search on unit_versions using gin (name_search gin_trgm_ops);

-- What happened to units, with an effective date and legal basis (the resolution).
create table unit_events (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('create', 'rename', 'move', 'merge', 'split', 'dissolve')),
  effective_date date not null,
  legal_basis text,
  note text,
  created_by bigint,
  created_at timestamptz not null default now()
);

create table unit_event_units (
  event_id bigint not null references unit_events (id),
  unit_id bigint not null references units (id),
  role text not null check (role in ('subject', 'from', 'to')),
  part text not null default 'full' check (part in ('full', 'partial')),
  primary key (event_id, unit_id, role)
);
create index unit_event_units_unit on unit_event_units (unit_id);

-- Direct lineage: predecessor's facts roll up into successor "as units are now".
create table unit_lineage (
  predecessor_id bigint not null references units (id),
  successor_id bigint not null references units (id),
  effective_date date not null,
  part text not null default 'full' check (part in ('full', 'partial')),
  event_id bigint references unit_events (id),
  primary key (predecessor_id, successor_id)
);
create index unit_lineage_successor on unit_lineage (successor_id);

-- Derived tables, rebuilt by refresh_unit_closure() after every change to units.
-- unit_closure: ancestor contains descendant during [valid_from, valid_to).
create table unit_closure (
  ancestor_id bigint not null,
  descendant_id bigint not null,
  valid_from date not null,
  valid_to date not null,
  depth int not null
);
create index unit_closure_ancestor on unit_closure (ancestor_id, valid_from, valid_to) include (descendant_id);
create index unit_closure_descendant on unit_closure (descendant_id, ancestor_id);

-- unit_lineage_closure: every unit (itself included) whose history rolls up into successor_id.
create table unit_lineage_closure (
  successor_id bigint not null,
  predecessor_id bigint not null,
  primary key (successor_id, predecessor_id)
);
create index unit_lineage_closure_pred on unit_lineage_closure (predecessor_id);

create or replace function refresh_unit_closure() returns void language plpgsql as $$
begin
  -- Serialise rebuilds: two concurrent ones would each keep the other's inserted rows.
  perform pg_advisory_xact_lock(2024112902);
  delete from unit_closure;
  insert into unit_closure (ancestor_id, descendant_id, valid_from, valid_to, depth)
  with recursive c (ancestor_id, descendant_id, valid_from, valid_to, depth) as (
    select unit_id, unit_id, valid_from, valid_to, 0 from unit_versions
    union all
    select v.parent_id, c.descendant_id, greatest(c.valid_from, v.valid_from), least(c.valid_to, v.valid_to), c.depth + 1
    from c join unit_versions v on v.unit_id = c.ancestor_id
    where v.parent_id is not null
      and greatest(c.valid_from, v.valid_from) < least(c.valid_to, v.valid_to)
      and c.depth < 10
  )
  select ancestor_id, descendant_id, valid_from, valid_to, depth from c;

  delete from unit_lineage_closure;
  insert into unit_lineage_closure (successor_id, predecessor_id)
  with recursive l (successor_id, predecessor_id, depth) as (
    select id, id, 0 from units
    union
    select l.successor_id, ul.predecessor_id, l.depth + 1
    from l join unit_lineage ul on ul.successor_id = l.predecessor_id
    where l.depth < 20
  )
  select distinct successor_id, predecessor_id from l;
end $$;

create table users (
  id bigint generated always as identity primary key,
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  role text not null check (role in ('admin', 'standing_committee', 'unit_staff', 'village_head',
    'member_org', 'fund_accountant', 'inspection_member', 'leadership')),
  unit_id bigint references units (id),
  locale text not null default 'vi',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  check (role = 'admin' or unit_id is not null)
);

-- Sessions are stored by the hash of their token; the token itself lives only in the cookie.
create table sessions (
  id text primary key,
  user_id bigint not null references users (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

-- The audit trail: append-only, written in the same transaction as the change.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id bigint,
  actor_name text,
  action text not null,
  entity text not null,
  entity_id text not null,
  unit_id bigint,
  before jsonb,
  after jsonb
);
create index audit_log_entity on audit_log (entity, entity_id, id);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_unit on audit_log (unit_id, id);
