-- A cycle belongs to the eval instance that runs it: it keeps a heartbeat, and only a cycle whose instance stopped
-- reporting is failed by another; every final update is conditional on still being the owner.
alter table eval_cycle add column claimed_by text;
alter table eval_cycle add column heartbeat_at timestamptz;
update eval_cycle set heartbeat_at = coalesce(finished_at, started_at);
