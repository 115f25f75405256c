-- Targets (chỉ tiêu) as data. A congress (đại hội) of a unit sets targets for its term; the targets are
-- judged per unit and year for the unit and the units below it, from metrics (see modules/targets).
-- Periods are half-open [valid_from, valid_to), as for units.

create table target_congresses (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  term_label text not null,
  name text not null,
  valid_from date not null,
  valid_to date not null,
  decision_no text,
  created_at timestamptz not null default now(),
  check (valid_from < valid_to)
);
create index target_congresses_unit on target_congresses (unit_id, valid_from);

-- One target of a congress. `measures` holds its measures as validated by the contract schema
-- (packages/contract/src/targets.ts: metric keys, rule, levels); all must hold.
create table target_defs (
  id bigint generated always as identity primary key,
  congress_id bigint not null references target_congresses (id),
  number int not null check (number between 1 and 99),
  title_vi text not null,
  title_en text not null,
  measures jsonb not null check (jsonb_typeof(measures) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (congress_id, number)
);
