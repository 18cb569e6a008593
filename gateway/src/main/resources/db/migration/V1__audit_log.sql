-- Every call to an admin operation through the gateway: who (the key's id and role, never the key), what (method and
-- path, never the body or the query), when, and how it ended.
create table audit_entry (
    id          bigserial primary key,
    at          timestamptz not null,
    key_id      text not null,
    role        text not null,
    method      text not null,
    path        text not null,
    status      integer not null,
    duration_ms integer not null,
    trace_id    text
);
create index audit_entry_at on audit_entry (at desc);

-- analysts read it (the role the eval schema creates; created here too when the gateway migrates first)
do $$
begin
    if not exists (select from pg_roles where rolname = 'kotone_analyst') then
        create role kotone_analyst nologin;
    end if;
exception when duplicate_object then
    null; -- the eval service, migrating at the same moment, made it
end
$$;
grant usage on schema gateway to kotone_analyst;
grant select on all tables in schema gateway to kotone_analyst;
