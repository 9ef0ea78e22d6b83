-- autotune's schema: the same SQL for H2 and PostgreSQL. Times are UTC instants.

CREATE TABLE autotune_tasks (
  id               VARCHAR(64) PRIMARY KEY,
  seq              BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,  -- creation order
  name             VARCHAR(256) NOT NULL,
  spec             VARCHAR NOT NULL,                 -- the task JSON
  status           VARCHAR(16) NOT NULL,
  created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  owner            VARCHAR(128),                     -- the lease holder's worker id
  epoch            BIGINT NOT NULL,                  -- the fencing token, +1 at every grant
  lease_expires_at TIMESTAMP(6) WITH TIME ZONE,      -- by the database's clock
  cancel_requested BOOLEAN NOT NULL,
  checkpoint       VARCHAR                           -- a cache, rebuilt from the log if unreadable
);

-- claim looks for runnable tasks, oldest first
CREATE INDEX autotune_tasks_by_status ON autotune_tasks (status, seq);

CREATE TABLE autotune_experiments (
  task_id         VARCHAR(64) NOT NULL REFERENCES autotune_tasks (id) ON DELETE CASCADE,
  number          INTEGER NOT NULL,
  configuration   VARCHAR NOT NULL,                  -- JSON object
  status          VARCHAR(16) NOT NULL,
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  started_at      TIMESTAMP(6) WITH TIME ZONE,
  benchmarking_at TIMESTAMP(6) WITH TIME ZONE,
  finished_at     TIMESTAMP(6) WITH TIME ZONE,
  metrics         VARCHAR NOT NULL,                  -- JSON object
  score           DOUBLE PRECISION,
  error           VARCHAR,
  worker_id       VARCHAR(128) NOT NULL,
  epoch           BIGINT NOT NULL,                   -- the lease epoch it was recorded under
  processes       VARCHAR NOT NULL,                  -- JSON: host, pid and start time of each
  gpus            VARCHAR NOT NULL,                  -- JSON array of GPU indices
  PRIMARY KEY (task_id, number)                      -- two workers can never both record N
);

CREATE TABLE autotune_workers (
  id             VARCHAR(128) PRIMARY KEY,
  host           VARCHAR(256) NOT NULL,
  pid            BIGINT NOT NULL,
  started_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  last_heartbeat TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  stopped_at     TIMESTAMP(6) WITH TIME ZONE
);
