-- Self-improvement cycles: each step with its inputs, outputs and time, and the promotion gate's decision.
create sequence eval_cycle_seq;
create table eval_cycle (
    n                  integer primary key,
    set_id             text not null references eval_set (id),
    status             text not null check (status in ('running', 'promoted', 'rejected', 'failed')),
    promoted_version   integer,
    candidate_version  integer,
    focus_dimensions   text[],
    decision           jsonb,
    failed_step        text,
    error              text,
    settings           jsonb not null,
    started_at         timestamptz not null default now(),
    finished_at        timestamptz
);
-- at most one cycle runs at a time
create unique index eval_cycle_one_running on eval_cycle ((true)) where status = 'running';

create table eval_cycle_step (
    cycle_n      integer not null references eval_cycle (n),
    step_no      integer not null,
    name         text not null,
    status       text not null check (status in ('running', 'completed', 'failed')),
    inputs       jsonb,
    outputs      jsonb,
    error        text,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    primary key (cycle_n, step_no)
);

grant select on all tables in schema eval to kotone_analyst;
