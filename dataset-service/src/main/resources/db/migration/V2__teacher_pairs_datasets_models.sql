-- Teacher pairs: every label kotone learns from, with where it came from. Content-hashed, so a re-import adds nothing.
create table teacher_pair (
    id              bigserial primary key,
    content_hash    text not null unique,
    external_id     text,
    request_text    text,
    rule_prompt     text,
    weather         text,
    style_part      text,
    instrument_part text,
    mood_part       text,
    gimmick_part    text,
    energy          smallint not null check (energy between 0 and 100),
    warmth          smallint not null check (warmth between 0 and 100),
    brightness      smallint not null check (brightness between 0 and 100),
    acousticness    smallint not null check (acousticness between 0 and 100),
    complexity      smallint not null check (complexity between 0 and 100),
    nostalgia       smallint not null check (nostalgia between 0 and 100),
    tags            text[] not null default '{}',
    source          text not null,
    generator       text not null,
    seed            bigint,
    teacher_model   text,
    generated_at    timestamptz not null,
    batch_id        uuid not null,
    lineage         jsonb,
    created_at      timestamptz not null default now(),
    check (request_text is not null or rule_prompt is not null)
);
create index teacher_pair_source on teacher_pair (source);
create index teacher_pair_batch on teacher_pair (batch_id);

-- One import or generation call and what it did.
create table pair_batch (
    id          uuid primary key,
    kind        text not null,
    lines       integer not null,
    added       integer not null,
    duplicates  integer not null,
    rejected    integer not null,
    report      jsonb not null,
    created_at  timestamptz not null default now()
);

-- Immutable dataset versions, identified by a hash of their content.
create table dataset_version (
    id               text primary key,
    seed             bigint not null,
    shares           jsonb not null,
    filter_settings  jsonb not null,
    filter_report    jsonb not null,
    stats            jsonb not null,
    pair_count       integer not null,
    row_count        integer not null,
    sources          text[] not null,
    created_at       timestamptz not null default now()
);

create table dataset_row (
    dataset_id    text not null references dataset_version (id),
    row_no        integer not null,
    pair_id       bigint not null references teacher_pair (id),
    split         text not null check (split in ('train', 'valid', 'test')),
    source_type   text not null check (source_type in ('request_text', 'rule_prompt')),
    language      text not null,
    text          text not null,
    energy        smallint not null,
    warmth        smallint not null,
    brightness    smallint not null,
    acousticness  smallint not null,
    complexity    smallint not null,
    nostalgia     smallint not null,
    primary key (dataset_id, row_no)
);
create index dataset_row_split on dataset_row (dataset_id, split);

-- The model registry: weights in the database, exactly one promoted version at most.
create table model_version (
    version          integer primary key,
    dataset_id       text not null references dataset_version (id),
    method           text not null,
    hyperparameters  jsonb not null,
    features         jsonb not null,
    metrics          jsonb not null,
    training_ms      bigint not null,
    weights          bytea not null,
    weights_sha256   text not null,
    promoted         boolean not null default false,
    promoted_at      timestamptz,
    created_at       timestamptz not null default now()
);
create unique index model_version_single_promoted on model_version (promoted) where promoted;
create sequence model_version_seq;

create table training_job (
    id             uuid primary key,
    dataset_id     text not null references dataset_version (id),
    status         text not null check (status in ('queued', 'running', 'completed', 'failed')),
    phase          text,
    done           integer not null default 0,
    total          integer not null default 0,
    settings       jsonb not null,
    model_version  integer references model_version (version),
    error          text,
    created_at     timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz
);
