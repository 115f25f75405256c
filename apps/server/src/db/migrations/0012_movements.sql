-- Movements and community (programmes 1, 3, 4, 6): propaganda channels and what they published,
-- religious work and flag compliance, the Great Solidarity Day in every village, cultural titles and
-- village conventions, satisfaction surveys (one answer per household, never who answered) and one
-- registry of models with their kinds, beside the campaigns' activities.

-- A unit's channels (fanpage, Zalo group, portal column, TV/online programme, loudspeaker system).
create table propaganda_channels (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('fanpage', 'zalo', 'portal_column', 'tv', 'online_tv', 'loudspeaker')),
  name text not null,
  url text,
  valid_from date not null,
  valid_to date not null default 'infinity',
  created_by bigint references users (id),
  check (valid_to > valid_from)
);
create index propaganda_channels_unit on propaganda_channels (unit_id, valid_from);

-- What a unit published over a period (a month, a quarter): how many items of one kind, on a channel
-- or with a partner (provincial TV, the city's portal). Dated on the period's last day.
create table propaganda_outputs (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  channel_id bigint references propaganda_channels (id),
  kind text not null check (kind in ('column', 'portal_article', 'tv_report', 'online_report', 'broadcast', 'social_post', 'work')),
  period_from date not null,
  period_to date not null,
  quantity int not null check (quantity between 1 and 100000),
  note text not null default '',
  created_by bigint references users (id),
  check (period_to >= period_from)
);
create index propaganda_outputs_unit on propaganda_outputs (unit_id, period_to);

-- Reporters (báo cáo viên) and propagandists (tuyên truyền viên) and the time they served.
create table propaganda_people (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  role text not null check (role in ('reporter', 'propagandist')),
  full_name text not null,
  valid_from date not null,
  valid_to date not null default 'infinity',
  check (valid_to > valid_from)
);
create index propaganda_people_unit on propaganda_people (unit_id);

-- Religious establishments (chùa, đình, đền, nhà thờ …) where they stand.
create table religious_establishments (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  name text not null,
  religion text not null check (religion in ('buddhism', 'catholicism', 'protestantism', 'folk', 'other')),
  has_camera boolean not null default false,
  valid_from date not null,
  valid_to date not null default 'infinity',
  check (valid_to > valid_from)
);
create index religious_establishments_unit on religious_establishments (unit_id);

-- Dignitaries (chức sắc, chức việc) and the core people approved by the Party committee (cốt cán).
create table religious_people (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  establishment_id bigint references religious_establishments (id),
  kind text not null check (kind in ('dignitary', 'core')),
  full_name text not null,
  approved_on date not null,
  valid_to date not null default 'infinity'
);
create index religious_people_unit on religious_people (unit_id);

-- Visits and gifts on religious holidays, conferences with religious communities, commendations.
create table religion_activities (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('visit', 'conference', 'commendation')),
  held_on date not null,
  occasion text not null default '',
  establishment_id bigint references religious_establishments (id),
  gifts_upper int not null default 0 check (gifts_upper between 0 and 10000),
  gifts_local int not null default 0 check (gifts_local between 0 and 10000),
  gift_value_vnd bigint not null default 0 check (gift_value_vnd >= 0),
  delegates int not null default 0 check (delegates between 0 and 100000),
  commended int not null default 0 check (commended between 0 and 10000),
  created_by bigint references users (id)
);
create index religion_activities_unit on religion_activities (unit_id, held_on);

-- The holidays on which establishments fly the national flag (Tết, 30/4, 2/9 …), one row a day.
create table flag_holidays (
  id bigint generated always as identity primary key,
  name text not null,
  held_on date not null unique
);

-- Whether an establishment flew the flag on a holiday (target 3). An establishment standing on a
-- holiday without a check counts as due and not compliant.
create table religion_flag_checks (
  establishment_id bigint not null references religious_establishments (id),
  holiday_id bigint not null references flag_holidays (id),
  compliant boolean not null,
  checked_by bigint references users (id),
  primary key (establishment_id, holiday_id)
);

-- The Great National Solidarity Day in a village, once a year (target 7).
create table solidarity_festivals (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  year int not null check (year between 2000 and 2100),
  held_on date not null,
  attendance int not null check (attendance between 0 and 100000),
  meal boolean not null default false,
  leaders_central int not null default 0 check (leaders_central between 0 and 100),
  leaders_province int not null default 0 check (leaders_province between 0 and 100),
  leaders_city int not null default 0 check (leaders_city between 0 and 100),
  leaders_local int not null default 0 check (leaders_local between 0 and 1000),
  golden_hearts int not null default 0 check (golden_hearts between 0 and 10000),
  gifts int not null default 0 check (gifts between 0 and 10000),
  gifts_value_vnd bigint not null default 0 check (gifts_value_vnd >= 0),
  collectives_commended int not null default 0 check (collectives_commended between 0 and 1000),
  individuals_commended int not null default 0 check (individuals_commended between 0 and 10000),
  civil_works int not null default 0 check (civil_works between 0 and 1000),
  civil_works_value_vnd bigint not null default 0 check (civil_works_value_vnd >= 0),
  note text not null default '',
  created_by bigint references users (id),
  unique (unit_id, year),
  check (extract(year from held_on)::int = year)
);
create index solidarity_festivals_year on solidarity_festivals (year, unit_id);

-- A village's cultural-family figures for a year: households, registered, recognised; and the
-- households keeping the civilised rites, signing the environment pledge, joining "Chủ nhật xanh".
create table village_culture_years (
  unit_id bigint not null references units (id),
  year int not null check (year between 2000 and 2100),
  assessed_on date not null,
  households int not null check (households >= 0),
  registered int not null check (registered between 0 and households),
  recognised int not null check (recognised between 0 and registered),
  civilised_rites int not null default 0 check (civilised_rites between 0 and households),
  env_pledged int not null default 0 check (env_pledged between 0 and households),
  green_sunday int not null default 0 check (green_sunday between 0 and households),
  primary key (unit_id, year)
);

-- Titles and standards a unit is recognised with: cultural village (each year), model new-rural
-- village, new-rural commune, civilised-urban ward, cultural new-rural commune.
create table unit_titles (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  title text not null check (title in ('cultural_village', 'model_village', 'new_rural', 'civilised_urban', 'cultural_commune')),
  recognised_on date not null,
  valid_to date not null default 'infinity',
  decision text not null default '',
  check (valid_to > recognised_on)
);
create index unit_titles_unit on unit_titles (unit_id, title);

-- A village's convention (hương ước, quy ước) approved by the competent authority.
create table village_conventions (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  approved_on date not null,
  valid_to date not null default 'infinity',
  decision text not null default '',
  check (valid_to > approved_on)
);
create index village_conventions_unit on village_conventions (unit_id);

-- A satisfaction survey of a campaign at a unit; public ones take answers on the portal by code.
create table surveys (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  campaign text not null,
  title text not null,
  question text not null,
  opens_on date not null,
  closes_on date not null,
  public_code text unique,
  created_by bigint references users (id),
  check (closes_on >= opens_on)
);
create index surveys_unit on surveys (unit_id, opens_on);

-- One answer. `household_key` is a keyed digest (HMAC) of the survey and the household code: it
-- refuses a second answer from the same household and says nothing of who answered. The code itself,
-- the answerer, the address and the time of day are never stored.
create table survey_answers (
  id bigint generated always as identity primary key,
  survey_id bigint not null references surveys (id),
  answered_on date not null,
  channel text not null check (channel in ('paper', 'public')),
  rating text not null check (rating in ('very_satisfied', 'satisfied', 'unsatisfied')),
  household_key text,
  unique (survey_id, household_key)
);
create index survey_answers_survey on survey_answers (survey_id);

-- One registry of models and movements' standing groups, by kind (self-managed security groups,
-- waste-sorting groups, eco-friendly areas, self-managed and flower roads, creative models, OCOP
-- products, hometown associations, friendship links …).
create table movement_models (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null,
  name text not null,
  started_on date not null,
  ended_on date,
  recognised_on date,
  excellent boolean not null default false,
  members int not null default 0 check (members between 0 and 100000),
  created_by bigint references users (id),
  check (ended_on is null or ended_on > started_on)
);
create index movement_models_unit on movement_models (unit_id, kind);

-- Campaign activities counted by kind: conferences with participants and opinions, people helped,
-- houses built and what they cost, panels, broadcasts, fair booths …
create table movement_activities (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null,
  held_on date not null,
  title text not null default '',
  quantity numeric(12, 1) not null default 1 check (quantity >= 0),
  participants int not null default 0 check (participants >= 0),
  opinions int not null default 0 check (opinions >= 0),
  value_vnd bigint not null default 0 check (value_vnd >= 0),
  created_by bigint references users (id)
);
create index movement_activities_unit on movement_activities (unit_id, held_on);
