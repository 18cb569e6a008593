-- The candidate the interpreter runs in the shadow of live traffic: at most one, until it is replaced or removed.
create table model_shadow (
    slot        smallint primary key default 1 check (slot = 1),
    version     integer not null references model_version (version),
    set_by      text not null,
    set_at      timestamptz not null default now()
);

-- A live request's reading by the shadowed candidate, taken in the background after it was served.
alter table live_request add column shadow_version integer;
alter table live_request add column shadow smallint[] check (shadow is null or cardinality(shadow) = 6);
alter table live_request add column shadow_latency_ms real;
create index live_request_shadow_version on live_request (shadow_version) where shadow_version is not null;
