-- The eval service owns the schema "eval"; runs, samples and cycles arrive in later migrations.
comment on schema eval is 'kotone eval service: eval sets, runs, samples, metrics and improvement cycles';
