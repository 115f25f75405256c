-- Staff deadline reminders: the address a staff member chose for them (sealed like citizens' contacts),
-- and one row per Vietnam day once that day's reminders are queued, so two processes never send twice.
alter table users add column notify_email bytea;
alter table users add column notify_deadlines boolean not null default true;

create table staff_reminder_days (
  day date primary key,
  queued int not null default 0,
  created_at timestamptz not null default now()
);
