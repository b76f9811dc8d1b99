-- Mediawijs schema, version 1: everything the embedded store keeps, one table per shape.
-- Values are stored as `json` (not `jsonb`) so a record comes back exactly as it was written.

CREATE TABLE doubts (
  id           text PRIMARY KEY,
  asker_id     text NOT NULL,
  assignee_ids text[] NOT NULL,
  open         boolean NOT NULL,
  -- Bumped on every write: two instances can compare it to detect a concurrent change.
  version      bigint NOT NULL DEFAULT 1,
  data         json NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX doubts_by_asker ON doubts (asker_id);
CREATE INDEX doubts_by_assignee ON doubts USING gin (assignee_ids);
-- Partial: the sweep's listOpen costs what is open, not what history holds.
CREATE INDEX doubts_open ON doubts (id) WHERE open;

-- Small durable maps (conversations, users, identities, onboarding, closed doubts), one kind per store.
CREATE TABLE key_values (
  kind       text NOT NULL,
  key        text NOT NULL,
  value      json NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, key)
);

CREATE TABLE feedback (
  id   text PRIMARY KEY,
  at   timestamptz NOT NULL,
  data json NOT NULL
);
CREATE INDEX feedback_by_at ON feedback (at, id);

-- teams-ai turn state (botbuilder Storage), with the eTag that guards concurrent turns.
CREATE TABLE turn_state (
  key        text PRIMARY KEY,
  etag       text NOT NULL,
  value      json NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
