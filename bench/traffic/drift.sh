#!/usr/bin/env bash
# Drift, the traffic summary and the annotation queue over a million live requests (issue 18): adds
# KOTONE_BENCH_RECORDS (1,000,000) synthetic live requests of the last week to the stack's database (texts from a
# word list, both languages, served vectors spread over 0-100), then times each read three times through the gateway,
# then deletes what it added. Needs a running stack (./kotone up) whose database it can reach with psql, and a dataset
# version (./kotone bootstrap), which drift compares with.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.kotone/env"
records="${KOTONE_BENCH_RECORDS:-1000000}"
db_url="$(tr '\0' '\n' < "/proc/$(cat "$root/.kotone/run/dataset.pid")/environ" | sed -n 's/^KOTONE_DB_URL=jdbc:postgresql:\/\/\([^/]*\)\/\(.*\)$/\1 \2/p')"
host_port="${db_url%% *}"; database="${db_url##* }"
psql_stack() { psql -h "${host_port%%:*}" -p "${host_port##*:}" -U postgres -d "$database" -v ON_ERROR_STOP=1 -q "$@"; }

echo "adding $records live requests..."
start=$(date +%s.%N)
psql_stack <<SQL
insert into dataset.live_request (trace_id, served_at, text, language, input_type, weather, mode, served_source, model_version,
    served, readings, coverage, latency_ms)
select md5('kotone-bench-drift-' || i),
       now() - (random() * interval '6 days'),
       case when i % 3 = 0
            then (array['静かな','明るい','懐かしい','雨の日の','祭りの','夜の'])[1 + i % 6] || (array['ピアノ曲','カフェの音楽','ギターの曲','BGM'])[1 + i % 4] || 'をください'
            else (array['calm','bright','nostalgic','rainy','festive','late-night','cozy','epic'])[1 + i % 8] || ' '
                 || (array['piano','guitar','synth','strings','drums'])[1 + (i / 8) % 5] || ' music for a '
                 || (array['library','harbour','bakery','rooftop','train ride','village square'])[1 + (i / 40) % 6] || ' #' || (i % 997)
       end,
       case when i % 3 = 0 then 'ja' else 'en' end,
       'request_text', 'rainy', 'auto', 'local_model', 'bench-drift',
       array[(i * 7) % 101, (i * 11) % 101, (i * 13) % 101, (i * 17) % 101, (i * 19) % 101, (i * 23) % 101]::smallint[],
       jsonb_build_object('rule_baseline', jsonb_build_object('energy', (i * 7) % 101, 'warmth', 50, 'brightness', 50, 'acousticness', 50,
                                                              'complexity', 50, 'nostalgia', 50),
                          'local_model', jsonb_build_object('energy', (i * 3) % 101, 'warmth', 50, 'brightness', 50, 'acousticness', 50,
                                                            'complexity', 50, 'nostalgia', 50)),
       0.7, 0.4
from generate_series(1, $records) as i
on conflict (trace_id) do nothing;
analyze dataset.live_request;
SQL
echo "added in $(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $start}") s; $(psql_stack -At -c 'select count(*) from dataset.live_request') live requests stored"

time_get() { # label path key
  for i in 1 2 3; do
    curl -s -o /dev/null -w "$1 %{http_code} %{time_total}s\n" -H "X-API-Key: $3" "$KOTONE_GATEWAY_URL/api/v1$2"
  done
}
time_get "drift (7 days)   " "/traffic/drift" "$KOTONE_ANALYST_KEY"
curl -s -H "X-API-Key: $KOTONE_ANALYST_KEY" "$KOTONE_GATEWAY_URL/api/v1/traffic/drift" | python3 -c '
import json, sys
d = json.load(sys.stdin); r = d["report"]
print("  compared", r["liveRequests"], "live requests with", r["trainingRows"], "training rows in", d["computeMs"], "ms (server side)")'
time_get "traffic summary  " "/traffic/summary" "$KOTONE_ANALYST_KEY"
time_get "annotation queue " "/annotations/queue?limit=20" "$KOTONE_ANALYST_KEY"
time_get "traffic page     " "/traffic?limit=50" "$KOTONE_ANALYST_KEY"

psql_stack -c "delete from dataset.live_request where model_version = 'bench-drift'"
psql_stack -c "vacuum analyze dataset.live_request"
echo "removed the synthetic requests"
