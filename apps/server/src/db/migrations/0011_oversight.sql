-- Oversight: the Front's supervision and social criticism (plans, activities, recommendations followed
-- to their remedy), opinions on drafts and on officials, the people's inspection boards (Ban TTND) and
-- community investment supervision boards (Ban GSĐTCCĐ), and grassroots mediation teams and cases.

-- Each unit's annual supervision and criticism plan; approved by its standing committee, with the Party
-- committee's opinion recorded.
create table oversight_plans (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  year int not null check (year between 2000 and 2100),
  status text not null default 'draft' check (status in ('draft', 'approved')),
  party_opinion text,
  party_opinion_on date,
  approved_on date,
  approved_by bigint references users (id),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  unique (unit_id, year)
);

create table oversight_plan_topics (
  id bigint generated always as identity primary key,
  plan_id bigint not null references oversight_plans (id),
  kind text not null check (kind in ('supervision', 'criticism')),
  title text not null,
  subject_kind text not null check (subject_kind in ('agency', 'official', 'policy', 'project')),
  subject text not null,
  form text not null check (form in ('direct', 'coordinated')),
  quarter int not null check (quarter between 1 and 4)
);
create index oversight_plan_topics_plan on oversight_plan_topics (plan_id);

-- A supervision (giám sát) or a social criticism (phản biện xã hội) carried out by a unit's Front, led
-- by it (direct) or with member organisations (coordinated). A criticism conference on a draft keeps
-- the draft, the participants and the opinions given and accepted.
create table oversight_activities (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('supervision', 'criticism')),
  form text not null check (form in ('direct', 'coordinated')),
  topic_id bigint references oversight_plan_topics (id),
  title text not null,
  subject_kind text not null check (subject_kind in ('agency', 'official', 'policy', 'project')),
  subject text not null,
  team text not null default '',
  started_on date not null,
  ended_on date,
  documents text not null default '',
  findings text not null default '',
  conclusion text not null default '',
  draft_title text,
  participants int check (participants between 0 and 100000),
  opinions_given int check (opinions_given between 0 and 100000),
  opinions_accepted int check (opinions_accepted between 0 and 100000),
  status text not null default 'ongoing' check (status in ('ongoing', 'completed')),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  check (ended_on is null or ended_on >= started_on),
  check (opinions_accepted is null or opinions_accepted <= opinions_given)
);
create index oversight_activities_unit on oversight_activities (unit_id, started_on);

-- Recommendations (kiến nghị) after a supervision or criticism, each followed to its remedy. open_due_on
-- is the due date while the recommendation is open (pending, accepted, partly done) and null once done
-- or refused: the overdue list is a range scan on it, like the petitions'.
create table oversight_recommendations (
  id bigint generated always as identity primary key,
  activity_id bigint not null references oversight_activities (id),
  unit_id bigint not null references units (id),
  made_on date not null,
  content text not null,
  agency text not null,
  due_on date not null,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'done', 'partly', 'refused')),
  answer text,
  answered_on date,
  done_on date,
  open_due_on date,
  check (due_on >= made_on)
);
create index oversight_recommendations_activity on oversight_recommendations (activity_id);
create index oversight_recommendations_open on oversight_recommendations (unit_id, open_due_on) where open_due_on is not null;

-- Opinions collected by a unit (góp ý): on draft documents (laws, provincial resolutions, Party congress
-- documents…) at a conference or in writing, and on officials and Party members (QĐ 124).
create table opinion_sessions (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  held_on date not null,
  form text not null check (form in ('conference', 'written')),
  topic text not null check (topic in ('drafts', 'officials')),
  title text not null,
  participants int not null default 0 check (participants between 0 and 1000000),
  officials_opinions int not null default 0 check (officials_opinions between 0 and 1000000),
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index opinion_sessions_unit on opinion_sessions (unit_id, held_on);

create table opinion_drafts (
  id bigint generated always as identity primary key,
  session_id bigint not null references opinion_sessions (id),
  title text not null,
  doc_kind text not null check (doc_kind in ('law', 'central', 'province', 'city', 'commune', 'party')),
  opinions int not null check (opinions between 0 and 100000)
);
create index opinion_drafts_session on opinion_drafts (session_id);

-- People's inspection boards (one per ward/commune, elected at the village conferences) and community
-- investment supervision boards (one per project). A row is one board for one term.
create table inspection_boards (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('ttnd', 'gsdtccd')),
  name text not null,
  project text,
  term_label text not null,
  elected_on date not null,
  valid_from date not null,
  valid_to date not null default 'infinity',
  created_by bigint references users (id),
  check (valid_from < valid_to),
  check (kind = 'ttnd' or project is not null)
);
create index inspection_boards_unit on inspection_boards (unit_id, valid_from);

create table inspection_board_members (
  id bigint generated always as identity primary key,
  board_id bigint not null references inspection_boards (id),
  full_name text not null,
  village_id bigint references units (id),
  role text not null default 'member' check (role in ('head', 'deputy', 'member')),
  elected_on date not null
);
create index inspection_board_members_board on inspection_board_members (board_id);

-- The board's year: its plan, the funding it got against what the rules grant, and the annual rating.
create table inspection_board_years (
  board_id bigint not null references inspection_boards (id),
  year int not null check (year between 2000 and 2100),
  plan text not null default '',
  funding_required_vnd bigint not null default 0 check (funding_required_vnd >= 0),
  funding_vnd bigint not null default 0 check (funding_vnd >= 0),
  rating text check (rating in ('excellent', 'good', 'fair', 'weak')),
  rated_on date,
  primary key (board_id, year)
);

-- A board's supervisions, the violations found and their remedy.
create table inspection_supervisions (
  id bigint generated always as identity primary key,
  board_id bigint not null references inspection_boards (id),
  unit_id bigint not null references units (id),
  held_on date not null,
  subject text not null,
  findings text not null default '',
  violations int not null default 0 check (violations between 0 and 10000),
  remedy text not null default '',
  remedied boolean not null default false,
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index inspection_supervisions_unit on inspection_supervisions (unit_id, held_on);

-- Quarterly reports of a board to the Front.
create table inspection_board_reports (
  id bigint generated always as identity primary key,
  board_id bigint not null references inspection_boards (id),
  year int not null,
  quarter int not null check (quarter between 1 and 4),
  filed_on date not null,
  summary text not null default '',
  unique (board_id, year, quarter)
);

-- Grassroots mediation teams (tổ hòa giải, one per village) and their cases. The parties' names and
-- contacts are personal data: stored only encrypted (AES-256-GCM), with a masked form for lists.
create table mediation_teams (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  name text not null,
  valid_from date not null,
  valid_to date not null default 'infinity',
  check (valid_from < valid_to)
);
create index mediation_teams_unit on mediation_teams (unit_id);

create table mediation_team_members (
  id bigint generated always as identity primary key,
  team_id bigint not null references mediation_teams (id),
  full_name text not null,
  role text not null default 'member' check (role in ('head', 'member')),
  valid_from date not null,
  valid_to date not null default 'infinity'
);
create index mediation_team_members_team on mediation_team_members (team_id);

create table mediation_cases (
  id bigint generated always as identity primary key,
  team_id bigint not null references mediation_teams (id),
  unit_id bigint not null references units (id),
  received_on date not null,
  kind text not null check (kind in ('land', 'family', 'neighbour', 'debt', 'environment', 'other')),
  summary text not null default '',
  parties_enc text not null,
  parties_masked text not null,
  outcome text not null default 'pending' check (outcome in ('pending', 'success', 'failure', 'referred')),
  closed_on date,
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  check ((outcome = 'pending') = (closed_on is null)),
  check (closed_on is null or closed_on >= received_on)
);
create index mediation_cases_unit on mediation_cases (unit_id, received_on);
create index mediation_cases_closed on mediation_cases (unit_id, closed_on) where closed_on is not null;
