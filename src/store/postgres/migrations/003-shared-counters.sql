-- Version 3: counters shared by all instances (the daily AI token budget).

-- A named running total; instances add to it atomically and read the sum back in one statement.
CREATE TABLE shared_counters (
  name       text PRIMARY KEY,
  value      bigint NOT NULL,
  updated_at timestamptz NOT NULL
);
