-- Notifications that reach people: an outbox written in the same transaction as the change it tells
-- about, sent by a worker with retries. Recipients are stored sealed (AES-256-GCM, like identities);
-- a keyed hash lets a citizen find their own petitions again after a one-time code.

create table notification_outbox (
  id bigint generated always as identity primary key,
  channel text not null check (channel in ('email', 'sms')),
  recipient bytea not null,
  template text not null,
  -- Only what the message says: tracking codes, states, dates. Never a name, address or identity.
  payload jsonb not null default '{}'::jsonb,
  petition_id bigint references petitions (id),
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index notification_outbox_due on notification_outbox (next_attempt_at) where status in ('pending', 'sending');

-- The contacts a citizen gave with a petition, for its notifications and for "my petitions".
create table petition_contacts (
  petition_id bigint not null references petitions (id),
  channel text not null check (channel in ('email', 'sms')),
  contact_hash text not null,
  contact bytea not null,
  primary key (petition_id, channel)
);
create index petition_contacts_hash on petition_contacts (contact_hash);

-- One-time codes for "my petitions": only a hash of the code is kept, with a short life and few tries.
create table citizen_codes (
  id bigint generated always as identity primary key,
  contact_hash text not null,
  code_hash text not null,
  expires_at timestamptz not null,
  attempts int not null default 0,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index citizen_codes_contact on citizen_codes (contact_hash, created_at desc);
