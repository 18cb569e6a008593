#!/usr/bin/env bash
# The stores' figures, measured the same way on any build of kotone: eval throughput (a 100k-item synthetic set,
# rule_baseline), history reads over about 1M stored samples (wrk through the gateway) and the teacher-pair import
# rate (100k pairs straight to the dataset service). Each is measured on services that have already done the same
# work on a smaller scale (a 10k-item set imported and run, 10k pairs imported, 30 s of each read), so that the
# figures are those of a stack in service rather than of the JIT compiling it.
#
#   bench/store/store.sh [KOTONE_CHECKOUT]     (default: this checkout; it must be built: ./mvnw package -DskipTests)
#
# Runs the stack of that checkout on a fresh database kotone_bench of the PostgreSQL at 127.0.0.1:5432 (user
# postgres, trust), with its own state folder, and stops it at the end. Prints one line per figure.
# KOTONE_STORE_FSYNC=on|off runs it instead on the stack's own local PostgreSQL (what ./kotone up starts, on port
# 55434) with fsync on or off: the cost of a database that keeps what it acknowledged through a crash.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
tree="$(cd "${1:-$here}" && pwd)"
state="$(mktemp -d /tmp/kotone-store-bench.XXXXXX)"
chmod 755 "$state"   # a local PostgreSQL runs as nobody when we are root
export KOTONE_STATE_DIR="$state"
if [ -n "${KOTONE_STORE_FSYNC:-}" ]; then
  export KOTONE_PG_PORT=55434 KOTONE_PG_FSYNC="$KOTONE_STORE_FSYNC"
  unset KOTONE_DB_URL
  psql_bench() { psql -h 127.0.0.1 -p 55434 -U postgres -d kotone -qAt "$@"; }
else
  db=kotone_bench
  psql_bench() { psql -h 127.0.0.1 -U postgres -d "$db" -qAt "$@"; }
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
  export KOTONE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KOTONE_DB_USER=postgres KOTONE_DB_PASSWORD=
fi
export KOTONE_JAVA_OPTS="${KOTONE_JAVA_OPTS:--Xmx512m}"
# the gateway's rate limits set far above what the reads reach (builds without limits ignore these)
export KOTONE_ANALYST_RATE=1000000 KOTONE_ANALYST_BURST=1000000 KOTONE_ADDRESS_RATE=1000000 KOTONE_ADDRESS_BURST=1000000
trap '(cd "$tree" && ./kotone down >/dev/null 2>&1) || true' EXIT
(cd "$tree" && ./kotone up >/dev/null)
. "$state/env"
eval_url="http://127.0.0.1:${KOTONE_EVAL_PORT:-8083}"
dataset_url="http://127.0.0.1:${KOTONE_DATASET_PORT:-8084}"
jar="$here/bench/target/benchmarks.jar"

[ -f /tmp/kotone-eval-100k.json ] || java -cp "$jar" kotone.bench.GenerateEvalSet /tmp/kotone-eval-100k.json 100000 5 >/dev/null
[ -f /tmp/kotone-pairs-100k.jsonl ] || java -cp "$jar" kotone.bench.GeneratePairs /tmp/kotone-pairs-100k.jsonl 100000 1 >/dev/null
[ -f /tmp/kotone-eval-10k.json ] || java -cp "$jar" kotone.bench.GenerateEvalSet /tmp/kotone-eval-10k.json 10000 6 >/dev/null
[ -f /tmp/kotone-pairs-10k.jsonl ] || java -cp "$jar" kotone.bench.GeneratePairs /tmp/kotone-pairs-10k.jsonl 10000 2 >/dev/null

run_status() { curl -sf "$eval_url/eval/runs/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])'; }
run_to_end() {
  local id
  id=$(curl -sf -H 'Content-Type: application/json' -d "{\"datasetId\":\"$1\",\"mode\":\"rule_baseline\"}" "$eval_url/eval/runs" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while status=$(run_status "$id") && { [ "$status" = running ] || [ "$status" = queued ]; }; do sleep 2; done
  echo "$id"
}

# warm-up: the same work on a tenth of the scale
warm_set=$(curl -sf -H 'Content-Type: application/json' --data-binary @/tmp/kotone-eval-10k.json "$eval_url/eval/datasets" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# three times: after one, the services' compilers are still at work and the first 100k run costs 1.5 times the CPU
# per sample of the next (docs/BENCHMARKS.md, "Eval at 3,000 samples per second")
for round in 1 2 3; do run_to_end "$warm_set" > /dev/null; done
curl -sf -H 'Content-Type: application/x-ndjson' --data-binary @/tmp/kotone-pairs-10k.jsonl "$dataset_url/datasets/teacher-pairs" >/dev/null

start=$(date +%s.%N)
set_id=$(curl -sf -H 'Content-Type: application/json' --data-binary @/tmp/kotone-eval-100k.json "$eval_url/eval/datasets" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "eval set import, 100,000 items: $(python3 -c "print(round($(date +%s.%N) - $start, 2))") s"

# CPU of each process while the run goes: where a sample's cost lies (the database: every postgres process here)
cpu_ticks() { local total=0 pid; for pid in "$@"; do [ -r "/proc/$pid/stat" ] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") )); done; echo "$total"; }
services="gateway interpreter scoring eval dataset"
cpu_snapshot() {
  local service
  for service in $services; do echo "$service $(cpu_ticks "$(cat "$state/run/$service.pid")")"; done
  echo "database $(cpu_ticks $(pgrep -x postgres))"
}
# two runs of the 100k set: the first on a stack that has run 30k samples, the second on one that has run 130k
for round in first second; do
  cpu_before=$(cpu_snapshot)
  run_id=$(run_to_end "$set_id")
  cpu_after=$(cpu_snapshot)
  psql_bench -c "select 'eval run ($round), 100,000 items rule_baseline: ' || status || ', '
    || round(extract(epoch from finished_at - started_at)::numeric, 1) || ' s, '
    || round(done / extract(epoch from finished_at - started_at))::int || ' samples/s' from eval.eval_run where id = '$run_id'"
  echo "  CPU per sample, µs: $(join <(echo "$cpu_before") <(echo "$cpu_after") \
    | awk -v hz="$(getconf CLK_TCK)" '{printf "%s=%.0f ", $1, ($3 - $2) * 1e6 / hz / 100000}')"
  psql_bench -c "select '  its samples: ' || count(*) || ', of distinct items ' || count(distinct item_no) || ', without a trace id '
    || count(*) filter (where trace_id is null) from eval.eval_sample where run_id = '$run_id'"
done

# copies of the run's samples under other runs and modes (bench/store/copy-samples.sql): nine make about a million
# samples in store, KOTONE_STORE_COPIES=99 ten million
psql_bench -o /dev/null -v run_id="$run_id" -v copies="${KOTONE_STORE_COPIES:-9}" -f "$here/bench/store/copy-samples.sql"
echo "samples stored: $(psql_bench -c 'select count(*) from eval.eval_sample')"
(cd "$tree" && KOTONE_STATE_DIR="$state" bash "$here/bench/wrk/history.sh")

start=$(date +%s.%N)
curl -sf -H 'Content-Type: application/x-ndjson' --data-binary @/tmp/kotone-pairs-100k.jsonl "$dataset_url/datasets/teacher-pairs" >/dev/null
elapsed=$(python3 -c "print(round($(date +%s.%N) - $start, 2))")
echo "teacher-pair import, 100,000 pairs: $elapsed s, $(python3 -c "print(round(100000 / $elapsed))") pairs/s"
