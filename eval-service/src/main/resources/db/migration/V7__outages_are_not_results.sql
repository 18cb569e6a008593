-- A dependency that is down is infrastructure, not a model's result: a run waits for it with backoff and resumes where
-- its samples stop, and ends failed, naming the dependency, only when it stays down too long.
alter table eval_run_chunk add column not_before timestamptz;
alter table eval_run_chunk add column waits integer not null default 0;
alter table eval_run add column waiting_on text;
alter table eval_run add column waiting_reason text;
alter table eval_run add column waiting_since timestamptz;

-- a sample whose scoring call was refused keeps why: it is counted, not silently left out of intent_score_mean
alter table eval_sample add column scoring_error text;
