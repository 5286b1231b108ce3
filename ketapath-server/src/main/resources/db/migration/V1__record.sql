-- KetaPath record. Episodes are append-only event streams; see docs/server.md.

create table app_user (
  username             text primary key check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  password_hash        text not null,
  roles                text not null,
  enabled              boolean not null default true,
  must_change_password boolean not null default false,
  created_at           timestamptz not null default now(),
  created_by           text not null
);

create table patient (
  id          uuid primary key,
  mrn         text not null unique,
  family_name text not null,
  given_name  text not null,
  birth_date  date,
  ward        text not null,
  created_at  timestamptz not null,
  created_by  text not null
);
create index patient_ward on patient (ward);

-- Weights are appended, never corrected in place (DOSE-2: the latest dated weight is used).
create table patient_weight (
  id          bigserial primary key,
  patient_id  uuid not null references patient (id),
  kg          numeric(6, 2) not null check (kg > 0),
  measured_at timestamptz not null,
  recorded_at timestamptz not null,
  recorded_by text not null
);
create index patient_weight_patient on patient_weight (patient_id, measured_at);

-- The episode header. version and head_hash move forward with each append (under a row lock);
-- genesis_hash commits to the header itself so that editing it breaks the chain.
create table episode (
  id               uuid primary key,
  patient_id       uuid not null references patient (id),
  protocol_id      text not null,
  protocol_version text not null,
  ward             text not null,
  created_at       timestamptz not null,
  created_by       text not null,
  genesis_hash     text not null,
  version          integer not null default 0 check (version >= 0),
  head_hash        text not null
);
create index episode_patient on episode (patient_id);
create index episode_ward on episode (ward);

create table episode_event (
  episode_id      uuid not null references episode (id),
  seq             integer not null check (seq > 0),
  event_type      text not null,
  occurred_at     timestamptz not null,
  recorded_at     timestamptz not null,
  recorded_by     text not null,
  recorded_role   text not null,
  idempotency_key text not null,
  payload         jsonb not null,
  prev_hash       text not null,
  hash            text not null,
  primary key (episode_id, seq),
  unique (episode_id, idempotency_key)
);

-- Append-only: the application never updates or deletes an event. The trigger stops accidents;
-- the hash chain (verify) detects what a database superuser might still do.
create function ketapath_reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'episode_event is append-only: % refused', tg_op using errcode = 'P0001';
end
$$;
create trigger episode_event_append_only
  before update or delete on episode_event
  for each row execute function ketapath_reject_change();
create trigger episode_event_no_truncate
  before truncate on episode_event
  for each statement execute function ketapath_reject_change();

-- The first result of each (user, Idempotency-Key); a retry replays it.
create table idempotency_record (
  principal    text not null,
  idem_key     text not null,
  request_hash text not null,
  status       integer,
  content_type text,
  body         bytea,
  location     text,
  etag         text,
  created_at   timestamptz not null default now(),
  primary key (principal, idem_key)
);

-- Alerts are raised once per condition (unique condition key per episode) and acknowledged.
create table alert (
  id              uuid primary key,
  episode_id      uuid not null references episode (id),
  ward            text not null,
  condition_key   text not null,
  kind            text not null,
  severity        text not null,
  message         text not null,
  rule_ids        text not null,
  raised_at       timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by text,
  unique (episode_id, condition_key)
);
create index alert_open_by_ward on alert (ward) where acknowledged_at is null;

-- Which protocol versions may be used for new episodes (ADMIN). History is kept: rows are added.
create table protocol_activation (
  id               bigserial primary key,
  protocol_id      text not null,
  protocol_version text not null,
  active           boolean not null,
  changed_at       timestamptz not null,
  changed_by       text not null
);

-- Per-installation secrets (e.g. the key that turns episode ids into research pseudonyms).
create table installation_secret (
  name  text primary key,
  value text not null
);
