-- Organisation and direction (programme 5): directives to lower levels with obligations and answers,
-- inspections, key tasks, elections, training, annual grading, the one commendation registry and
-- coordination programmes. Every row sits at a unit with a date.

-- A directive, guidance or request sent by a unit to some or all units below it.
create table directives (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('directive', 'guidance', 'plan', 'request')),
  number text not null,
  issued_on date not null,
  title text not null,
  summary text not null default '',
  files text[] not null default '{}',
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  unique (unit_id, number, issued_on)
);
create index directives_unit on directives (unit_id, issued_on);

-- What every recipient must do and by when: a report, a figure or an action.
create table directive_obligations (
  id bigint generated always as identity primary key,
  directive_id bigint not null references directives (id),
  kind text not null check (kind in ('report', 'figure', 'action')),
  what text not null,
  due_on date not null
);
create index directive_obligations_directive on directive_obligations (directive_id);

-- The units a directive was sent to (expanded when sent), each with its acknowledgement.
create table directive_recipients (
  directive_id bigint not null references directives (id),
  unit_id bigint not null references units (id),
  acknowledged_on date,
  acknowledged_by bigint references users (id),
  reminded_on date,
  primary key (directive_id, unit_id)
);
create index directive_recipients_unit on directive_recipients (unit_id, directive_id);

-- A recipient's answer to one obligation: text, figures, files. One per (obligation, unit).
create table directive_answers (
  id bigint generated always as identity primary key,
  obligation_id bigint not null references directive_obligations (id),
  unit_id bigint not null references units (id),
  answered_on date not null,
  text text not null default '',
  figures jsonb not null default '{}',
  files text[] not null default '{}',
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  unique (obligation_id, unit_id)
);
create index directive_answers_unit on directive_answers (unit_id, answered_on);

-- An inspection of a lower unit by a higher one, with its conclusions.
create table inspections (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  inspected_unit_id bigint not null references units (id),
  directive_id bigint references directives (id),
  held_on date not null,
  topic text not null,
  conclusions text not null default '',
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index inspections_unit on inspections (inspected_unit_id, held_on);

-- Key tasks a unit registers with its Party committee for a year (target 16).
create table key_tasks (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  year int not null check (year between 2000 and 2100),
  title text not null,
  registered_on date not null,
  progress int not null default 0 check (progress between 0 and 100),
  completed_on date,
  evidence text not null default '',
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  check (extract(year from registered_on) = year)
);
create index key_tasks_unit on key_tasks (unit_id, year);

-- The election and Party-congress checklist of a unit (target 12).
create table election_tasks (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  campaign text not null check (campaign in ('elections_2021', 'elections_2026', 'party_congress_2025', 'village_heads', 'inspection_boards')),
  kind text not null check (kind in ('conference', 'consultation', 'candidate_list', 'voter_list', 'supervision', 'opinion_round', 'other')),
  title text not null,
  due_on date not null,
  done_on date,
  evidence text not null default '',
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index election_tasks_unit on election_tasks (unit_id, due_on);
create index election_tasks_due on election_tasks (due_on);

-- Results of an election held in a unit's area.
create table election_results (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('national_assembly', 'province_council', 'district_council', 'commune_council', 'jurors', 'village_head', 'inspection_board')),
  held_on date not null,
  voters int not null default 0 check (voters >= 0),
  voted int not null default 0 check (voted >= 0 and voted <= voters),
  candidates int not null default 0 check (candidates >= 0),
  elected int not null check (elected >= 0),
  note text not null default '',
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index election_results_unit on election_results (unit_id, held_on);

-- Full-time staff (cán bộ chuyên trách) of a unit's Front committee: the denominator of target 15a.
create table front_staff (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  person_name text not null,
  position text not null default '',
  valid_from date not null,
  valid_to date not null default 'infinity',
  created_at timestamptz not null default now(),
  check (valid_from < valid_to)
);
create index front_staff_unit on front_staff (unit_id, valid_from);

-- Training courses organised by a unit, and who attended (a staff member or anyone named).
create table training_courses (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  title text not null,
  starts_on date not null,
  ends_on date not null,
  audience text not null default '',
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  check (starts_on <= ends_on)
);
create index training_courses_unit on training_courses (unit_id, starts_on);

create table training_attendances (
  id bigint generated always as identity primary key,
  course_id bigint not null references training_courses (id),
  unit_id bigint not null references units (id),
  person_name text not null,
  staff_id bigint references front_staff (id),
  created_at timestamptz not null default now()
);
create index training_attendances_course on training_attendances (course_id);
create index training_attendances_unit on training_attendances (unit_id);
create index training_attendances_staff on training_attendances (staff_id) where staff_id is not null;

-- Annual grading of a committee or work board: proposed from the year's metrics, decided by a person.
create table gradings (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  year int not null check (year between 2000 and 2100),
  proposed_grade text check (proposed_grade in ('excellent', 'good', 'complete', 'weak')),
  evidence jsonb not null default '[]',
  grade text check (grade in ('excellent', 'good', 'complete', 'weak')),
  reason text,
  decided_by bigint references users (id),
  decided_on date,
  created_at timestamptz not null default now(),
  unique (unit_id, year),
  check ((grade is null) = (decided_on is null))
);
create index gradings_year on gradings (year) include (unit_id, grade);

-- The one commendation registry: other modules link their records through (source_module, source_id).
create table commendations (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  recipient_kind text not null check (recipient_kind in ('collective', 'person')),
  recipient_name text not null,
  awarded_by text not null,
  level text not null check (level in ('central', 'province', 'district', 'commune')),
  reason text not null,
  awarded_on date not null,
  decision_no text,
  source_module text,
  source_id text,
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  check ((source_module is null) = (source_id is null))
);
create index commendations_unit on commendations (unit_id, awarded_on);
create index commendations_source on commendations (source_module, source_id) where source_module is not null;

-- Coordination programmes with member organisations and agencies, and their yearly reviews.
create table coordination_programmes (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  partner text not null,
  partner_kind text not null check (partner_kind in ('member_org', 'agency', 'other')),
  title text not null,
  signed_on date not null,
  ends_on date,
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index coordination_programmes_unit on coordination_programmes (unit_id, signed_on);

create table coordination_reviews (
  id bigint generated always as identity primary key,
  programme_id bigint not null references coordination_programmes (id),
  year int not null,
  reviewed_on date not null,
  result text not null,
  created_by bigint references users (id),
  unique (programme_id, year)
);
