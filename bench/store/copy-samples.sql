-- Fills the store for the history benchmarks: :copies copies of one completed run and its samples, each under a new
-- run id and one of the four report modes, an hour older than the one before. Used by bench/store/store.sh:
--   psql -v run_id=<uuid> -v copies=9 -f bench/store/copy-samples.sql      (9: about 1M samples; 99: about 10M)
-- The sample columns are read from the catalog, so the script follows the table as migrations change it.
select set_config('kotone.bench_run', :'run_id', false), set_config('kotone.bench_copies', :'copies', false);
do $$
declare
  source uuid := current_setting('kotone.bench_run')::uuid;
  copies int := current_setting('kotone.bench_copies')::int;
  columns text := (select string_agg(quote_ident(column_name), ', ' order by ordinal_position) from information_schema.columns
                   where table_schema = 'eval' and table_name = 'eval_sample' and column_name <> 'run_id');
  new_id uuid;
begin
  for i in 1..copies loop
    new_id := gen_random_uuid();
    insert into eval.eval_run (id, set_id, mode, status, done, total, model_version, price_table_version, metrics, slices, created_at,
                               started_at, finished_at)
      select new_id, set_id, (array['rule_baseline','local_model','prompt_baseline','fine_tuned'])[1 + i % 4], 'completed', done, total,
             model_version, price_table_version, metrics, slices, created_at - (i || ' hours')::interval, started_at, finished_at
      from eval.eval_run where id = source;
    execute format('insert into eval.eval_sample select %L::uuid, %s from eval.eval_sample where run_id = %L', new_id, columns, source);
  end loop;
end $$;
analyze eval.eval_sample;
analyze eval.eval_run;
