-- The dataset service owns the schema "dataset"; pairs, dataset versions and models arrive in later migrations.
comment on schema dataset is 'kotone dataset service: teacher pairs, dataset versions, training jobs and models';
