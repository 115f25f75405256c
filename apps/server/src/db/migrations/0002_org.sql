-- The Front organisation. Every row sits at a unit (directly or through its committee) with dates;
-- periods are half-open [valid_from, valid_to), 'infinity' while open — as for units.

-- Member organisations (tổ chức thành viên) of the Front at a unit.
create table org_member_orgs (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('trade_union', 'women', 'farmers', 'veterans', 'youth', 'elderly', 'red_cross', 'other')),
  name text not null,
  name_search text not null,
  valid_from date not null,
  valid_to date not null default 'infinity',
  note text,
  created_at timestamptz not null default now(),
  check (valid_from < valid_to)
);
create index org_member_orgs_unit on org_member_orgs (unit_id, valid_from);

-- A committee of a unit for a term: Ủy ban MTTQ, Ban công tác Mặt trận (villages), Ban/Tổ tư vấn.
create table org_committees (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('front_committee', 'work_board', 'advisory_board')),
  name text,
  term_label text not null,
  valid_from date not null,
  valid_to date not null default 'infinity',
  decision_no text,
  note text,
  created_at timestamptz not null default now(),
  check (valid_from < valid_to)
);
create index org_committees_unit on org_committees (unit_id, kind, valid_from);
create index org_committees_period on org_committees (kind, valid_from, valid_to);

-- A person's membership in a committee with one position; a new position is a new membership.
create table org_members (
  id bigint generated always as identity primary key,
  committee_id bigint not null references org_committees (id),
  person_name text not null,
  name_search text not null,
  gender text check (gender in ('male', 'female')),
  birth_year int check (birth_year between 1900 and 2100),
  position text not null check (position in ('chair', 'vice_chair', 'standing_member', 'member', 'head', 'deputy_head', 'board_member')),
  representing text,
  member_org_id bigint references org_member_orgs (id),
  valid_from date not null,
  valid_to date not null default 'infinity',
  end_reason text,
  created_at timestamptz not null default now(),
  check (valid_from < valid_to)
);
create index org_members_committee on org_members (committee_id, valid_from);
create index org_members_period on org_members (valid_from, valid_to) include (committee_id, position);
create index org_members_search on org_members using gin (name_search gin_trgm_ops);

-- Kiện toàn: on change_date the outgoing membership ended and the incoming one began.
create table org_membership_changes (
  id bigint generated always as identity primary key,
  committee_id bigint not null references org_committees (id),
  change_date date not null,
  position text not null check (position in ('chair', 'vice_chair', 'standing_member', 'member', 'head', 'deputy_head', 'board_member')),
  outgoing_member_id bigint references org_members (id),
  incoming_member_id bigint references org_members (id),
  reason text,
  decision_no text,
  created_at timestamptz not null default now(),
  check (outgoing_member_id is not null or incoming_member_id is not null)
);
create index org_membership_changes_committee on org_membership_changes (committee_id, change_date);
create index org_membership_changes_date on org_membership_changes (change_date) include (committee_id, position);

-- Báo cáo viên and tuyên truyền viên of a unit.
create table org_people (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  role text not null check (role in ('reporter', 'propagandist')),
  person_name text not null,
  name_search text not null,
  gender text check (gender in ('male', 'female')),
  birth_year int check (birth_year between 1900 and 2100),
  valid_from date not null,
  valid_to date not null default 'infinity',
  note text,
  created_at timestamptz not null default now(),
  check (valid_from < valid_to)
);
create index org_people_unit on org_people (unit_id, role, valid_from);
create index org_people_search on org_people using gin (name_search gin_trgm_ops);
