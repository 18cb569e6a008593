-- A training job is claimed by one dataset instance, which keeps a heartbeat on it; a job whose instance stopped
-- reporting is queued again for another (at most three attempts), and every final update is the owner's alone.
alter table training_job add column claimed_by text;
alter table training_job add column heartbeat_at timestamptz;
alter table training_job add column requested_by text;
alter table training_job add column attempts integer not null default 0;
create index training_job_queued on training_job (created_at) where status = 'queued';
