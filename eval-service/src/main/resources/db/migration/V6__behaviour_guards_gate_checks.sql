-- Behavioural eval items: expectations instead of (or beside) a target, and invariance and direction pairs.
alter table eval_item
    alter column energy drop not null,
    alter column warmth drop not null,
    alter column brightness drop not null,
    alter column acousticness drop not null,
    alter column complexity drop not null,
    alter column nostalgia drop not null,
    add column category text,
    add column expectations jsonb,
    add column relation_kind text check (relation_kind in ('invariance', 'direction')),
    add column relation_base_item integer,
    add column relation_dimension text,
    add column relation_towards text check (relation_towards in ('low', 'high')),
    add column relation_max_shift integer,
    add constraint eval_item_has_something check (energy is not null or expectations is not null or relation_kind is not null);

-- how many of a set's items carry a target, and how many carry behavioural checks: which metrics the set can judge
alter table eval_set
    add column target_items integer,
    add column check_items integer not null default 0;
update eval_set set target_items = item_count;
alter table eval_set alter column target_items set not null;

alter table eval_sample
    alter column target_energy drop not null,
    alter column target_warmth drop not null,
    alter column target_brightness drop not null,
    alter column target_acousticness drop not null,
    alter column target_complexity drop not null,
    alter column target_nostalgia drop not null;

-- auto is what players get; a run may shuffle the order of its items (the gate's A/A calibration)
alter table eval_run drop constraint eval_run_mode_check;
alter table eval_run add constraint eval_run_mode_check check (mode in ('rule_baseline', 'local_model', 'prompt_baseline', 'fine_tuned', 'auto'));
alter table eval_run add column item_order_seed bigint;

-- Every behavioural check of a run, numbered by the set, so two runs on one set compare check by check.
create table eval_check (
    run_id     uuid not null references eval_run (id) on delete cascade,
    check_no   integer not null,
    item_no    integer not null,
    kind       text not null check (kind in ('level', 'invariance', 'direction')),
    dimension  text,
    language   text,
    category   text,
    expected   text not null,
    read       text not null,
    passed     boolean not null,
    primary key (run_id, check_no)
);
create index eval_check_failing on eval_check (run_id, check_no) where not passed;

-- Eval sets every promotion is judged on besides its target.
create table eval_guard (
    set_id         text primary key references eval_set (id),
    note           text,
    registered_by  text,
    registered_at  timestamptz not null default now()
);

-- A candidate judged against the champion on a target and every guard: the one door to promotion.
create table eval_gate_check (
    id                 uuid primary key,
    candidate_version  integer not null,
    champion_version   integer,
    target_set_id      text not null references eval_set (id),
    mode               text not null,
    status             text not null check (status in ('queued', 'running', 'completed', 'failed')),
    promote            boolean,
    decision           jsonb,
    error              text,
    requested_by       text,
    cycle_n            integer references eval_cycle (n),
    claimed_by         text,
    heartbeat_at       timestamptz,
    created_at         timestamptz not null default now(),
    started_at         timestamptz,
    finished_at        timestamptz
);
create index eval_gate_check_candidate on eval_gate_check (candidate_version, created_at desc);

-- Items of an eval set that a cycle replayed into training: the gate sets them aside when the set is a target.
create table eval_replayed_item (
    set_id   text not null references eval_set (id),
    item_no  integer not null,
    cycle_n  integer not null references eval_cycle (n),
    primary key (set_id, item_no, cycle_n)
);

-- The noise of a set, measured once per champion: the champion against itself on re-ordered items.
create table eval_calibration (
    set_id            text not null references eval_set (id),
    champion_version  integer not null,
    mode              text not null,
    metric            text not null,
    delta             double precision not null,
    ci_low            double precision not null,
    ci_high           double precision not null,
    champion_run_id   uuid not null,
    repeat_run_id     uuid not null,
    created_at        timestamptz not null default now(),
    primary key (set_id, champion_version, mode, metric)
);

alter table eval_cycle add column requested_by text;
alter table eval_cycle add column gate_check_id uuid references eval_gate_check (id);

grant select on eval_check, eval_guard, eval_gate_check, eval_replayed_item, eval_calibration to kotone_analyst;
