-- Experiments of a task shared among workers carry leases of their own: the owner is worker_id,
-- the fencing token is epoch (the task's epoch counter at the proposal), and this column the
-- expiry by the database's clock. NULL for experiments run under the task's lease.
ALTER TABLE autotune_experiments ADD COLUMN lease_expires_at TIMESTAMP(6) WITH TIME ZONE;
