#!/usr/bin/env bash
# The fault suite (docs/RELIABILITY.md): faults injected into a stack started by ./kotone up, on loopback, each case
# bounded in time. Prints PASS or FAIL per case with what was seen, and exits 1 if any case failed.
#
#   bench/faults/faults.sh [case ...]     cases: interpreter eval training cycle promotion postgres llm (default: all, in
#                                         this order: the cycle and the promotion need the model the training case makes)
#
# Needs the jars built (./mvnw package -DskipTests) and python3. The stack gets a state folder of its own and its own
# local PostgreSQL (port KOTONE_PG_PORT, default 55433) so that the suite can stop it; leases are shortened
# (stale after 5 s) so that a takeover is seen in seconds, not minutes.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/bench/faults"
state="$(mktemp -d /tmp/kotone-faults.XXXXXX)"
chmod 755 "$state"   # the local PostgreSQL runs as nobody when we are root
export KOTONE_STATE_DIR="$state" KOTONE_PG_PORT="${KOTONE_PG_PORT:-55433}" KOTONE_RATE_LIMITS_ENABLED=false
export KOTONE_EVAL_STALE_AFTER_MS=5000 KOTONE_EVAL_HEARTBEAT_EVERY=1s KOTONE_TRAINING_STALE_AFTER_MS=5000 KOTONE_TRAINING_HEARTBEAT_EVERY=1s
export KOTONE_JAVA_OPTS="${KOTONE_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}"
unset KOTONE_DB_URL
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=(interpreter eval training cycle promotion postgres llm)
failures=0
sibling=""
extra=""

cleanup() {
  [ -n "$sibling" ] && kill -9 "$sibling" 2>/dev/null
  [ -n "$extra" ] && kill $extra 2>/dev/null
  (cd "$root" && ./kotone down > /dev/null 2>&1)
  pg_stop
}
trap cleanup EXIT

log() { printf '%s %s\n' "$(date +%T)" "$*"; }
pass() { log "PASS $1: $2"; }
fail() { log "FAIL $1: $2"; failures=$((failures + 1)); }
sql() { psql -h 127.0.0.1 -p "$KOTONE_PG_PORT" -U postgres -d kotone -qAt -c "$1"; }
json() { python3 -c "import json,sys; data=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
as_admin() { curl -s -H "X-API-Key: $KOTONE_ADMIN_KEY" -H 'Content-Type: application/json' "$@"; }
as_analyst() { curl -s -H "X-API-Key: $KOTONE_ANALYST_KEY" "$@"; }
pid_of() { cat "$state/run/$1.pid"; }
kill9() { kill -9 "$(pid_of "$1")"; log "killed $1 (kill -9)"; }
up() { (cd "$root" && ./kotone up > "$state/up.log" 2>&1) || { cat "$state/up.log"; return 1; }; }
postmaster() { head -1 "$state/postgres/data/postmaster.pid" 2>/dev/null; }
pg_stop() { local pid; pid=$(postmaster); [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null; while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; }
gw() { printf '%s/api/v1%s' "$KOTONE_GATEWAY_URL" "$1"; }

# waits (up to $2 seconds) until the command in $1 prints one of the words in $3
await_word() {
  local deadline=$((SECONDS + $2)) value
  while [ $SECONDS -lt $deadline ]; do
    value=$(eval "$1" 2>/dev/null)
    for word in $3; do [ "$value" = "$word" ] && { echo "$value"; return 0; }; done
    sleep 0.5
  done
  echo "${value:-nothing}"
  return 1
}
run_status() { as_analyst "$(gw "/eval/runs/$1")" | json 'data["status"]'; }
run_done() { as_analyst "$(gw "/eval/runs/$1")" | json 'data["progress"]["done"]'; }
await_done_over() { local deadline=$((SECONDS + 120)); while [ $SECONDS -lt $deadline ] && [ "$(run_done "$1" 2>/dev/null || echo 0)" -lt "$2" ]; do sleep 0.2; done; }
start_run() { as_admin -d "{\"datasetId\":\"$1\",\"mode\":\"${2:-rule_baseline}\"}" "$(gw /eval/runs)" | json 'data["id"]'; }
# every item of a run has exactly one sample
samples_whole() {
  sql "select count(*) = r.total and count(distinct s.item_no) = r.total from eval.eval_run r join eval.eval_sample s on s.run_id = r.id
       where r.id = '$1' group by r.total"
}

log "starting the stack (state $state)"
up || exit 1
. "$state/env"
jar="$root/bench/target/benchmarks.jar"
[ -f /tmp/kotone-eval-20k.json ] || java -cp "$jar" kotone.bench.GenerateEvalSet /tmp/kotone-eval-20k.json 20000 7 > /dev/null
set_id=$(as_admin --data-binary @/tmp/kotone-eval-20k.json "$(gw /eval/datasets)" | json 'data["id"]')
log "eval set of 20,000 items: $set_id"

case_interpreter() {
  local run status waited
  run=$(start_run "$set_id")
  await_done_over "$run" 3000
  kill9 interpreter
  waited=$(await_word "as_analyst '$(gw "/eval/runs/$run")' | json 'str((data.get(\"waiting\") or {}).get(\"dependency\"))'" 30 "interpreter")
  sleep 5
  up
  status=$(await_word "run_status $run" 300 "completed failed")
  if [ "$status" = completed ] && [ "$(samples_whole "$run")" = t ] && [ "$waited" = interpreter ]; then
    pass interpreter "the run waited on the interpreter, resumed after its restart and completed with each of its 20,000 items sampled once"
  else
    fail interpreter "run $run ended '$status', waited on '$waited', samples whole: '$(samples_whole "$run")'"
  fi
}

start_sibling() {
  KOTONE_EVAL_PORT=18083 KOTONE_EVAL_MANAGEMENT_PORT=19083 KOTONE_DB_URL="jdbc:postgresql://127.0.0.1:$KOTONE_PG_PORT/kotone" \
    KOTONE_DB_USER=postgres KOTONE_DB_PASSWORD= java $KOTONE_JAVA_OPTS -jar "$root/eval-service/target/quarkus-app/quarkus-run.jar" \
    > "$state/eval-sibling.log" 2>&1 &
  sibling=$!
  await_word "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:19083/q/health/ready" 60 200 > /dev/null
}

case_eval() {
  local run status workers
  start_sibling
  run=$(start_run "$set_id")
  await_done_over "$run" 3000
  kill9 eval
  status=$(await_word "curl -s http://127.0.0.1:18083/eval/runs/$run | json 'data[\"status\"]'" 300 "completed failed")
  workers=$(sql "select count(distinct claimed_by) from eval.eval_run_chunk where run_id = '$run'")
  up
  if [ "$status" = completed ] && [ "$(samples_whole "$run")" = t ] && [ "$workers" -ge 2 ]; then
    pass eval "the sibling took the killed instance's chunks over (chunks done by $workers instances); each item sampled once"
  else
    fail eval "run $run ended '$status' with $workers instance(s); samples whole: '$(samples_whole "$run")'"
  fi
}

case_cycle() {
  local cycle status
  [ -z "$sibling" ] && start_sibling
  cycle=$(as_admin -d "{\"datasetId\":\"$set_id\",\"augmentPairs\":2000,\"seed\":5}" "$(gw /eval/cycles)" | json 'data["n"]')
  if ! await_word "as_analyst '$(gw "/eval/cycles/$cycle")' | json 'data[\"status\"]'" 30 "running" > /dev/null; then
    fail cycle "cycle $cycle never ran: $(as_analyst "$(gw "/eval/cycles/$cycle")" | cut -c1-300)"
    return
  fi
  sleep 2
  kill9 eval
  status=$(await_word "curl -s http://127.0.0.1:18083/eval/cycles/$cycle | json 'data[\"status\"]'" 60 "failed completed")
  up
  if [ "$status" = failed ] || [ "$status" = completed ]; then
    pass cycle "the cycle whose instance was killed ended '$status' within the lease ($(curl -s "http://127.0.0.1:18083/eval/cycles/$cycle" | json 'data.get("error") or ""' | cut -c1-120))"
  else
    fail cycle "cycle $cycle still '$status' a minute after its instance was killed"
  fi
}

case_training() {
  local dataset job status
  as_admin -d '{"generator":"catalog","count":3000,"seed":11}' "$(gw /datasets/teacher-pairs/generate)" > /dev/null
  dataset=$(as_admin -d '{"seed":11}' "$(gw /datasets)" | json 'data["id"]')
  job=$(as_admin -d "{\"datasetId\":\"$dataset\",\"promote\":true}" "$(gw /training-jobs)" | json 'data["id"]')
  await_word "as_analyst '$(gw "/training-jobs/$job")' | json 'data[\"status\"]'" 60 "running" > /dev/null
  kill9 dataset
  sleep 2
  up
  status=$(await_word "as_analyst '$(gw "/training-jobs/$job")' | json 'data[\"status\"]'" 300 "completed failed")
  if [ "$status" = completed ] || [ "$status" = failed ]; then
    pass training "the job whose instance was killed was claimed again after the restart and ended '$status'"
  else
    fail training "job $job still '$status'"
  fi
}

case_postgres() {
  local answers="$state/outage.tsv" began stopped restarted acked stored ready
  began=$(date +%s.%N)
  python3 "$here/traffic.py" "$KOTONE_GATEWAY_URL" "$KOTONE_CLIENT_KEY" "$KOTONE_ANALYST_KEY" "$KOTONE_ADMIN_KEY" 60 "$answers" &
  local traffic=$!
  sleep 10
  stopped=$(python3 -c "print($(date +%s.%N) - $began)")
  pg_stop
  log "PostgreSQL stopped"
  sleep 8
  ready="eval $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9083/q/health/ready), dataset $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9084/q/health/ready), interpreter $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9081/q/health/ready)"
  sleep 12
  restarted=$(python3 -c "print($(date +%s.%N) - $began)")
  up
  log "PostgreSQL started again"
  wait $traffic
  if python3 "$here/outage_report.py" "$answers" "$stopped" "$restarted"; then local report=ok; else local report=bad; fi
  acked=$(awk -F'\t' '$2 == "pair_import" && $3 == 201 {print $5}' "$answers" | sort)
  stored=$(sql "select request_text from dataset.teacher_pair where request_text like 'fault-suite pair %'" | sort)
  local lost
  lost=$(comm -23 <(echo "$acked") <(echo "$stored") | grep -c . || true)
  if [ "$report" = ok ] && [ "$lost" = 0 ]; then
    pass postgres "20 s without PostgreSQL under traffic: readiness during it ($ready), only 503s naming the database, every route back after the restart, $(echo "$acked" | grep -c .) acknowledged writes all stored"
  else
    fail postgres "report $report, $lost acknowledged write(s) missing; readiness during the stop: $ready"
  fi
}

case_promotion() {
  local before served statuses
  before=$(as_analyst "$(gw /models/active)" | json 'data.get("version")')
  kill9 dataset
  local promote
  promote=$(as_admin -o /dev/null -w '%{http_code}' -d '{"force":true,"reason":"fault suite"}' "$(gw /models/1/promote)")
  statuses=$(for _ in $(seq 1 50); do
    curl -s -H "X-API-Key: $KOTONE_CLIENT_KEY" -H 'Content-Type: application/json' -d '{"requestText":"a calm night by the sea","mode":"local"}' \
      -w ' %{http_code}\n' "$(gw /interpret)" | python3 -c "import json,sys; text=sys.stdin.read(); body, code = text.rsplit(' ', 1); print(code.strip(), json.loads(body)['meta']['modelVersion'] if code.strip() == '200' else '-')"
    sleep 0.2
  done | sort | uniq -c | tr -s ' ' | paste -sd';')
  up
  if [ "$promote" = 503 ] && [ "$(echo "$statuses" | tr ';' '\n' | grep -c .)" = 1 ] && echo "$statuses" | grep -q " 200 "; then
    pass promotion "with the dataset service down the promotion answered 503 and the interpreter kept serving model '$before' ($statuses)"
  else
    fail promotion "promotion answered $promote; interpret answers: $statuses (model before: $before)"
  fi
}

# a second interpreter whose only LLM provider flaps (see flapping_llm.py), driven in auto mode with eight clients
case_llm() {
  local counts="$state/flap-counts.json" before after
  python3 "$here/flapping_llm.py" 18998 "$counts" & local provider=$!
  KOTONE_INTERPRETER_PORT=18081 KOTONE_INTERPRETER_MANAGEMENT_PORT=19081 KOTONE_DATASET_URL=http://127.0.0.1:8084 \
    KOTONE_LLM_ORDER=flap KOTONE_LLM_PROVIDERS_FLAP_BASE_URL=http://127.0.0.1:18998/v1 KOTONE_LLM_PROVIDERS_FLAP_FINE_TUNED_MODEL=flap-1 \
    java $KOTONE_JAVA_OPTS -jar "$root/interpreter-service/target/quarkus-app/quarkus-run.jar" > "$state/interpreter-flap.log" 2>&1 &
  local interpreter=$!
  extra="$provider $interpreter"
  await_word "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:19081/q/health/ready" 60 200 > /dev/null
  local report
  report=$(python3 "$here/llm_load.py" http://127.0.0.1:18081 40 2000); local verdict=$?
  echo "$report"
  before=$(cat "$counts"); sleep 3; after=$(cat "$counts")
  kill $provider $interpreter 2>/dev/null; extra=""
  if [ $verdict = 0 ] && [ "$before" = "$after" ]; then
    pass llm "auto answered every request within the deadline + 50 ms, the breaker opened and closed again (answers from the LLM and circuit-open fallbacks), no cut answer was served and no call reached the provider once the load stopped"
  else
    fail llm "see the report above; provider calls after the load: $([ "$before" = "$after" ] && echo none || echo some)"
  fi
}

for name in "${cases[@]}"; do
  log "case $name"
  "case_$name"
done
log "$failures case(s) failed"
exit $((failures > 0))
