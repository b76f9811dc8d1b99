-- Version 2: coordination of several instances on one database.

-- A proactive delivery in progress, claimed by one instance. A claim older than its time-to-live
-- belongs to an instance that died mid-delivery and may be taken over.
CREATE TABLE delivery_claims (
  key        text PRIMARY KEY,
  claimed_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

-- When a periodic job (the maintenance sweep) last ran in any instance.
CREATE TABLE job_runs (
  name        text PRIMARY KEY,
  last_run_at timestamptz NOT NULL
);
