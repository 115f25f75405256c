-- Citizens' voice: petitions from every channel, their deadlines and answers, citizen reception,
-- voter meetings and dialogues, people's situation reports and public result conferences.

-- Deadlines by kind (days), editable; defaults from the Law on Complaints, the Law on Denunciations and
-- the rules on voters' petitions.
create table petition_deadline_rules (
  kind text primary key check (kind in ('khieu_nai', 'to_cao', 'kien_nghi', 'phan_anh')),
  accept_days int not null check (accept_days between 1 and 365),
  answer_days int not null check (answer_days between 1 and 365),
  complex_answer_days int not null check (complex_answer_days between 1 and 365),
  extension_days int not null default 0 check (extension_days between 0 and 365),
  max_extensions int not null default 0 check (max_extensions between 0 and 5),
  result_notice_days int,
  updated_at timestamptz not null default now()
);
insert into petition_deadline_rules (kind, accept_days, answer_days, complex_answer_days, extension_days, max_extensions, result_notice_days) values
  ('khieu_nai', 10, 30, 45, 0, 0, null),
  ('to_cao', 10, 30, 30, 30, 2, 7),
  ('kien_nghi', 10, 60, 60, 0, 0, null),
  ('phan_anh', 10, 60, 60, 0, 0, null);

-- Competent agencies (cơ quan có thẩm quyền) at each level of government, by the unit they serve.
create table petition_agencies (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  name text not null,
  fields text[] not null default '{}',
  active boolean not null default true
);
create index petition_agencies_unit on petition_agencies (unit_id);

-- Citizen reception sessions (tiếp công dân).
create table citizen_receptions (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  held_on date not null,
  officials text not null,
  citizens_count int not null check (citizens_count between 0 and 100000),
  matters text not null default '',
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index citizen_receptions_unit on citizen_receptions (unit_id, held_on);

-- Voter meetings with deputies (tiếp xúc cử tri) and dialogues (đối thoại).
create table voter_meetings (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('voter_meeting', 'dialogue')),
  held_on date not null,
  deputies text not null default '',
  place text not null default '',
  voters int not null check (voters between 0 and 1000000),
  opinions int not null check (opinions between 0 and 100000),
  note text not null default '',
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index voter_meetings_unit on voter_meetings (unit_id, held_on);

-- Situation report periods, set by a unit for the units of the given levels in its subtree.
create table situation_periods (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  kind text not null check (kind in ('half_month', 'month', 'quarter')),
  starts_on date not null,
  ends_on date not null,
  due_on date not null,
  levels text[] not null,
  check (starts_on <= ends_on and ends_on <= due_on),
  unique (unit_id, kind, starts_on)
);
create index situation_periods_due on situation_periods (due_on);

create table situation_reports (
  id bigint generated always as identity primary key,
  period_id bigint not null references situation_periods (id),
  unit_id bigint not null references units (id),
  filed_on date not null,
  topics text not null default '',
  hot_issues text[] not null default '{}',
  petition_ids bigint[] not null default '{}',
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  unique (period_id, unit_id)
);
create index situation_reports_unit on situation_reports (unit_id, filed_on);

-- Petitions. The petitioner's identity is only ever stored encrypted (AES-256-GCM, iv ‖ tag ‖ data).
-- due_on is the due date of the current stage while the item is open (null once answered or declined):
-- the overdue list is a range scan on it.
create table petitions (
  id bigint generated always as identity primary key,
  tracking_code text not null unique,
  unit_id bigint not null references units (id),
  channel text not null check (channel in ('reception', 'written', 'web', 'voter_meeting', 'dialogue', 'situation_report')),
  kind text not null check (kind in ('khieu_nai', 'to_cao', 'kien_nghi', 'phan_anh')),
  field text not null default 'khac',
  title text not null,
  content text not null,
  received_on date not null,
  state text not null default 'received'
    check (state in ('received', 'accepted', 'declined', 'forwarded', 'answered', 'informed', 'closed')),
  accept_due_on date not null,
  answer_due_on date,
  due_on date,
  complex boolean not null default false,
  extensions int not null default 0,
  handler_id bigint references users (id),
  agency_id bigint references petition_agencies (id),
  forward_letter_no text,
  forward_letter_date date,
  forwarded_on date,
  decline_reason text,
  answered_on date,
  answer_in_writing boolean,
  answer_doc_no text,
  answer_summary text,
  answer_public boolean not null default false,
  informed_on date,
  closed_on date,
  identity_enc bytea,
  reception_id bigint references citizen_receptions (id),
  meeting_id bigint references voter_meetings (id),
  report_id bigint references situation_reports (id),
  source_hash text,
  content_hash text not null,
  created_at timestamptz not null default now()
);
create index petitions_unit on petitions (unit_id, received_on);
create index petitions_open_due on petitions (unit_id, due_on) where due_on is not null;
create index petitions_due on petitions (due_on) where due_on is not null;
create index petitions_source on petitions (source_hash, created_at) where source_hash is not null;
create index petitions_content on petitions (content_hash, created_at);
create index petitions_answer_due on petitions (answer_due_on) where answer_due_on is not null;

-- The timeline: one row per state change, shown (dates and states only) on the public page.
create table petition_events (
  id bigint generated always as identity primary key,
  petition_id bigint not null references petitions (id),
  on_date date not null,
  action text not null,
  from_state text,
  to_state text not null,
  actor_id bigint references users (id),
  actor_unit_id bigint references units (id),
  agency_id bigint references petition_agencies (id),
  note text,
  at timestamptz not null default now()
);
create index petition_events_petition on petition_events (petition_id, id);

create table petition_attachments (
  id bigint generated always as identity primary key,
  petition_id bigint not null references petitions (id),
  purpose text not null default 'petition' check (purpose in ('petition', 'answer')),
  filename text not null,
  mime text not null,
  size int not null,
  sha256 text not null,
  data bytea not null,
  created_at timestamptz not null default now()
);
create index petition_attachments_petition on petition_attachments (petition_id);

-- Public result conferences (hội nghị công khai kết quả giải quyết) and the cases they covered.
create table petition_conferences (
  id bigint generated always as identity primary key,
  unit_id bigint not null references units (id),
  held_on date not null,
  title text not null,
  attendees int not null default 0 check (attendees >= 0),
  note text not null default '',
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index petition_conferences_unit on petition_conferences (unit_id, held_on);
create table petition_conference_cases (
  conference_id bigint not null references petition_conferences (id),
  petition_id bigint not null references petitions (id),
  primary key (conference_id, petition_id)
);
