-- Households and social support. A household lives in one village (unit); its classification comes
-- from the annual poverty review, one row per year; support acts are records, each at the unit that
-- gave it. The registry holds the classified households (poor, near-poor, hardship, merit, lone
-- elderly, disability); the poverty rate's denominator is the per-village household count.

create table households (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  head_name text not null,
  head_name_search text not null,
  head_birth_year int check (head_birth_year between 1900 and 2100),
  address text,
  address_search text not null default '',
  registered_on date not null,
  note text,
  created_at timestamptz not null default now()
);
create index households_unit on households (unit_id);
create index households_head on households (head_name_search, head_birth_year);

-- Members, the head included (relation 'head'). The national ID number is optional: AES-256-GCM
-- ciphertext, its last digits for the masked display, and a keyed digest to find the same number twice.
create table household_members (
  id bigint generated always as identity primary key,
  household_id bigint not null references households (id),
  full_name text not null,
  name_search text not null,
  birth_year int check (birth_year between 1900 and 2100),
  relation text not null check (relation in ('head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other')),
  national_id_enc text,
  national_id_last text,
  national_id_digest text,
  created_at timestamptz not null default now()
);
create index household_members_household on household_members (household_id);
create index household_members_name on household_members (name_search, birth_year);
create index household_members_digest on household_members (national_id_digest) where national_id_digest is not null;

-- The annual review: classes is a subset of the classification codes; an empty set means reviewed and
-- no longer classified (e.g. out of poverty). fact_date places the year's facts in the unit tree.
create table household_classifications (
  household_id bigint not null references households (id),
  year int not null check (year between 2000 and 2100),
  classes text[] not null check (classes <@ array['poor', 'near_poor', 'special_hardship', 'merit', 'lone_elderly', 'disability']::text[]),
  housing_condition text check (housing_condition in ('solid', 'semi_solid', 'makeshift', 'damaged')),
  housing_need text not null default 'none' check (housing_need in ('none', 'new', 'repair')),
  fact_date date not null,
  note text,
  primary key (household_id, year)
);
create index household_classifications_year on household_classifications (year) include (household_id, classes, housing_need);

-- Households per village and year: the denominator of the poverty rate.
create table village_household_counts (
  unit_id bigint not null references units (id),
  year int not null check (year between 2000 and 2100),
  households int not null check (households >= 0),
  primary key (unit_id, year)
);

-- An act of support to a household, recorded by the unit that gave it. year is the campaign year
-- (Tết gifts of "Xuân 2026" are year 2026). When paid from a fund, disbursement_id links the ledger's
-- disbursement (the fund module's record), written in the same transaction.
create table household_supports (
  id bigint generated always as identity primary key,
  household_id bigint not null references households (id),
  member_id bigint references household_members (id),
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('tet', 'regular', 'production', 'medical', 'schooling', 'loan', 'house')),
  year int not null check (year between 2000 and 2100),
  support_date date not null,
  form text not null default 'cash' check (form in ('cash', 'goods', 'loan', 'in_kind')),
  value_vnd bigint not null default 0 check (value_vnd >= 0),
  people int not null default 1 check (people >= 0),
  provider text,
  campaign text,
  fund_id bigint,
  disbursement_id bigint,
  loan_group text,
  note text,
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index household_supports_household on household_supports (household_id, kind, year);
create index household_supports_date on household_supports (support_date) include (household_id, kind, value_vnd);
create index household_supports_unit on household_supports (unit_id, support_date);

-- A solidarity house (nhà Đại đoàn kết): one per 'house' support act; cost and its sources in VND.
create table household_houses (
  support_id bigint primary key references household_supports (id),
  build text not null check (build in ('new', 'repair')),
  status text not null check (status in ('approved', 'under_construction', 'handed_over')),
  approved_on date not null,
  started_on date,
  handed_over_on date,
  cost_vnd bigint not null check (cost_vnd >= 0),
  from_fund_vnd bigint not null default 0 check (from_fund_vnd >= 0),
  from_member_orgs_vnd bigint not null default 0 check (from_member_orgs_vnd >= 0),
  from_social_vnd bigint not null default 0 check (from_social_vnd >= 0),
  labour_days int not null default 0 check (labour_days >= 0),
  check (from_fund_vnd + from_member_orgs_vnd + from_social_vnd <= cost_vnd)
);

create table household_house_photos (
  id bigint generated always as identity primary key,
  support_id bigint not null references household_houses (support_id),
  stage text not null check (stage in ('approved', 'under_construction', 'handed_over')),
  file_name text not null,
  mime text not null,
  data bytea not null,
  created_at timestamptz not null default now()
);
create index household_house_photos_support on household_house_photos (support_id);

-- The fund's disbursement to a household and the support act paid by it are one act (0004_fund.sql).
alter table fund_disbursements add constraint fund_disbursements_household_fk foreign key (household_id) references households (id);
alter table household_supports add constraint household_supports_fund_fk foreign key (fund_id) references fund_funds (id);
alter table household_supports add constraint household_supports_disbursement_fk foreign key (disbursement_id) references fund_disbursements (id);
