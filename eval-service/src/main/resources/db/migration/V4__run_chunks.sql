-- A run's items in chunks that any eval instance can claim (FOR UPDATE SKIP LOCKED), so several instances share
-- one run; a chunk whose instance stops reporting is claimed again, and samples stay unique per run and item.
create table eval_run_chunk (
    run_id        uuid not null references eval_run (id) on delete cascade,
    chunk_no      integer not null,
    first_item    integer not null,
    last_item     integer not null,
    status        text not null check (status in ('queued', 'running', 'done')),
    claimed_by    text,
    heartbeat_at  timestamptz,
    done_at       timestamptz,
    primary key (run_id, chunk_no)
);
create index eval_run_chunk_open on eval_run_chunk (run_id, chunk_no) where status <> 'done';

-- runs queued before chunks existed get theirs now
insert into eval_run_chunk (run_id, chunk_no, first_item, last_item, status)
select r.id, 0, 0, greatest(r.total - 1, 0), 'queued' from eval_run r where r.status in ('queued', 'running');

grant select on eval_run_chunk to kotone_analyst;
