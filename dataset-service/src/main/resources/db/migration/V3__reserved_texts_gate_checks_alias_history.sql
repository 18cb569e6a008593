-- The normalised texts of every registered eval set (their SHA-256 keys): no dataset version may train on them.
create table reserved_text (
    text_key     text not null,
    eval_set_id  text not null,
    reserved_at  timestamptz not null default now(),
    primary key (text_key, eval_set_id)
);
create index reserved_text_set on reserved_text (eval_set_id);

-- Gate checks the eval service made of a candidate: a promotion rests on a passed one.
create table model_gate_check (
    check_id          uuid primary key,
    version           integer not null references model_version (version),
    champion_version  integer,
    target_set_id     text not null,
    passed            boolean not null,
    failing_sets      text[] not null default '{}',
    decided_at        timestamptz not null,
    recorded_at       timestamptz not null default now()
);
create index model_gate_check_version on model_gate_check (version, decided_at desc);

-- Every move of the promoted version: who, when, why, and the gate check it rests on.
create table model_alias_move (
    id                bigserial primary key,
    version           integer not null references model_version (version),
    previous_version  integer references model_version (version),
    kind              text not null check (kind in ('first', 'promote', 'forced', 'rollback')),
    moved_by          text not null,
    reason            text not null,
    gate_check_id     uuid references model_gate_check (check_id),
    moved_at          timestamptz not null default now()
);

-- moves made before the history existed: the promoted version, as far as it is known
insert into model_alias_move (version, previous_version, kind, moved_by, reason, moved_at)
select version, null, 'first', 'unknown', 'promoted before the alias history was kept', coalesce(promoted_at, created_at)
from model_version where promoted;
