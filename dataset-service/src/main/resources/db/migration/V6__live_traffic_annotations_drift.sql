-- Live requests the interpreter recorded (a configured share of what it served), kept kotone.traffic.retention-days.
create table live_request (
    id              bigserial primary key,
    trace_id        text not null unique,
    served_at       timestamptz not null,
    received_at     timestamptz not null default now(),
    text            text not null,
    language        text not null,
    input_type      text,
    weather         text,
    mode            text not null,
    served_source   text not null,
    model_version   text,
    -- the six dimensions in the order energy, warmth, brightness, acousticness, complexity, nostalgia
    served          smallint[] not null check (cardinality(served) = 6),
    -- each source's own reading: {"rule_baseline": {"energy": 40, ...}, "local_model": {...}}
    readings        jsonb not null,
    coverage        real,
    latency_ms      real not null
);
create index live_request_served_at on live_request (served_at);

-- A person's label of a live request. It becomes a teacher pair with source 'human' (pair_id); one label per key and item.
create table annotation_label (
    id               bigserial primary key,
    live_request_id  bigint not null references live_request (id) on delete cascade,
    annotator        text not null,
    energy           smallint not null check (energy between 0 and 100),
    warmth           smallint not null check (warmth between 0 and 100),
    brightness       smallint not null check (brightness between 0 and 100),
    acousticness     smallint not null check (acousticness between 0 and 100),
    complexity       smallint not null check (complexity between 0 and 100),
    nostalgia        smallint not null check (nostalgia between 0 and 100),
    tags             text[] not null default '{}',
    pair_id          bigint references teacher_pair (id) on delete set null,
    created_at       timestamptz not null default now(),
    unique (live_request_id, annotator)
);

-- An annotator passed on an item (it leaves their queue) or flagged it (it leaves every queue).
create table annotation_skip (
    live_request_id  bigint not null references live_request (id) on delete cascade,
    annotator        text not null,
    flagged          boolean not null,
    reason           text,
    created_at       timestamptz not null default now(),
    primary key (live_request_id, annotator)
);

-- Live traffic against the training data, daily and on demand; drifted checks are the alerts.
create table drift_check (
    id               bigserial primary key,
    checked_at       timestamptz not null default now(),
    window_days      integer not null,
    dataset_id       text,
    live_requests    bigint not null,
    training_rows    bigint not null,
    drifted          boolean not null,
    report           jsonb not null,
    cycle_started    text
);
create index drift_check_checked_at on drift_check (checked_at);
