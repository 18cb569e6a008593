-- Eval sets: immutable and content-hashed (the same items give the same id). Targets are stored on 0-100.
create table eval_set (
    id               text primary key,
    name             text not null,
    declared_version text,
    source_scale     integer not null check (source_scale in (10, 100)),
    item_count       integer not null,
    origin           text not null,
    created_at       timestamptz not null default now()
);

create table eval_item (
    set_id        text not null references eval_set (id),
    item_no       integer not null,
    external_id   text,
    request_text  text not null,
    weather       text,
    source_type   text,
    language      text,
    energy        smallint not null,
    warmth        smallint not null,
    brightness    smallint not null,
    acousticness  smallint not null,
    complexity    smallint not null,
    nostalgia     smallint not null,
    primary key (set_id, item_no)
);

-- Runs: queued, claimed by one instance (skip locked), progress as it goes, metrics when done.
create table eval_run (
    id                  uuid primary key,
    set_id              text not null references eval_set (id),
    mode                text not null check (mode in ('rule_baseline', 'local_model', 'prompt_baseline', 'fine_tuned')),
    status              text not null check (status in ('queued', 'running', 'completed', 'failed')),
    done                integer not null default 0,
    total               integer not null,
    model_version       text,
    price_table_version text not null,
    metrics             jsonb,
    slices              jsonb,
    error               text,
    claimed_by          text,
    heartbeat_at        timestamptz,
    created_at          timestamptz not null default now(),
    started_at          timestamptz,
    finished_at         timestamptz
);
create index eval_run_mode_created on eval_run (mode, created_at desc);
create index eval_run_set_created on eval_run (set_id, created_at desc);
create index eval_run_created on eval_run (created_at desc);
create index eval_run_queued on eval_run (created_at) where status = 'queued';

-- One row per run and item, however often the item is retried.
create table eval_sample (
    run_id               uuid not null references eval_run (id) on delete cascade,
    item_no              integer not null,
    status               text not null check (status in ('ok', 'failed')),
    request_text         text not null,
    source_type          text,
    language             text,
    target_energy        smallint not null,
    target_warmth        smallint not null,
    target_brightness    smallint not null,
    target_acousticness  smallint not null,
    target_complexity    smallint not null,
    target_nostalgia     smallint not null,
    pred_energy          smallint,
    pred_warmth          smallint,
    pred_brightness      smallint,
    pred_acousticness    smallint,
    pred_complexity      smallint,
    pred_nostalgia       smallint,
    err_energy           smallint,
    err_warmth           smallint,
    err_brightness       smallint,
    err_acousticness     smallint,
    err_complexity       smallint,
    err_nostalgia        smallint,
    mae                  double precision,
    served_mode          text,
    model_version        text,
    fallback_reason      text,
    json_valid           boolean not null,
    parse_error          text,
    latency_ms           double precision not null,
    cost_usd             double precision,
    constraint_match     boolean,
    slot_exact_match     double precision,
    intent_score         integer,
    output_sanity        double precision not null,
    top_style            text,
    top_instrument       text,
    top_mood             text,
    top_gimmick          text,
    trace_id             text,
    interpreter_trace_id text,
    trace_url            text,
    error                text,
    created_at           timestamptz not null default now(),
    primary key (run_id, item_no)
);
create index eval_sample_run_mae on eval_sample (run_id, mae desc nulls first);

-- For analysts, in SQL: one row per run with its headline metrics, one row per sample with its run.
create view eval_run_summary as
select r.id as run_id, r.set_id, s.name as set_name, r.mode, r.model_version, r.status, r.done, r.total,
       r.created_at, r.finished_at,
       (r.metrics ->> 'json_valid_rate')::double precision as json_valid_rate,
       (r.metrics ->> 'vector_mae')::double precision as vector_mae,
       (r.metrics ->> 'r2_score')::double precision as r2_score,
       (r.metrics ->> 'constraint_match_rate')::double precision as constraint_match_rate,
       (r.metrics ->> 'slot_exact_match')::double precision as slot_exact_match,
       (r.metrics ->> 'intent_score_mean')::double precision as intent_score_mean,
       (r.metrics ->> 'output_sanity_score')::double precision as output_sanity_score,
       (r.metrics ->> 'p50_latency_ms')::double precision as p50_latency_ms,
       (r.metrics ->> 'p95_latency_ms')::double precision as p95_latency_ms,
       (r.metrics ->> 'cost_per_100_requests_usd')::double precision as cost_per_100_requests_usd
from eval_run r join eval_set s on s.id = r.set_id;

create view eval_sample_detail as
select r.mode, r.set_id, r.model_version as run_model_version, r.created_at as run_created_at, x.*
from eval_sample x join eval_run r on r.id = x.run_id;

-- A read-only role for analysts (log in as a user granted it): reads the eval schema, changes nothing.
do $$
begin
    if not exists (select from pg_roles where rolname = 'kotone_analyst') then
        create role kotone_analyst nologin;
    end if;
end
$$;
grant usage on schema eval to kotone_analyst;
grant select on all tables in schema eval to kotone_analyst;
alter default privileges in schema eval grant select on tables to kotone_analyst;
