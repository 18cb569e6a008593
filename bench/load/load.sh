#!/usr/bin/env bash
# The load suite (issue 17): the mix of docs/RELIABILITY.md through the gateway at constant rates (an open model:
# latency counts from when each request was due, so stalls are not hidden), on a stack restarted for the run.
#   1. ./kotone down and up with rate limits raised out of one generator's way (the limiter still runs: its cost is in
#      the figures) and trace export as KOTONE_LOAD_EXPORT says:
#        off   no endpoint: nothing is recorded or sent (the default)
#        on    OTLP/HTTP to bench/load/otlp_receiver.py, which answers at once
#        slow  to the receiver answering after 2 s;  hung  to the receiver never answering;  down  to a closed port
#   2. kotone.bench.load.MixedLoad: a warm-up, then (ladder) rates climbing by step until p99 reaches 50 ms or an error
#      comes, then 60 s held at the highest passing rate, with heap, threads, files and connections of every service
#      in the first and the last 10 s, and the live heap after a full GC before and after. KOTONE_LOAD_COMMAND=fixed
#      holds KOTONE_LOAD_RATE instead.
#   3. bench/wrk/score.sh on that same stack, after it has served the mix (KOTONE_LOAD_SCORE=skip leaves it out).
# Needs eval runs to read (./kotone demo once); wrk and nginx for step 3. Data in .kotone stays.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export_mode="${KOTONE_LOAD_EXPORT:-off}"
command="${KOTONE_LOAD_COMMAND:-ladder}"
receiver_port="${KOTONE_LOAD_OTLP_PORT:-4318}"
jar="$root/bench/target/benchmarks.jar"
[ -f "$jar" ] || ./mvnw -B -q -o package -pl bench -am -DskipTests

receiver=""
cleanup() { [ -n "$receiver" ] && kill "$receiver" 2>/dev/null && wait "$receiver" 2>/dev/null || true; }
trap cleanup EXIT

unset OTEL_EXPORTER_OTLP_ENDPOINT QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT
case "$export_mode" in
  off) ;;
  on|slow|hung)
    python3 "$root/bench/load/otlp_receiver.py" --mode "$export_mode" --port "$receiver_port" &
    receiver=$!
    export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$receiver_port" ;;
  down) export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:9" ;;
  *) echo "KOTONE_LOAD_EXPORT must be off, on, slow, hung or down" >&2; exit 2 ;;
esac

unlimited=1000000
export KOTONE_CLIENT_RATE=$unlimited KOTONE_CLIENT_BURST=$unlimited KOTONE_ANALYST_RATE=$unlimited \
  KOTONE_ANALYST_BURST=$unlimited KOTONE_ADDRESS_RATE=$unlimited KOTONE_ADDRESS_BURST=$unlimited
./kotone down > /dev/null 2>&1 || true
./kotone up | tail -1
. "$root/.kotone/env"

echo "load: export=$export_mode command=$command"
status=0
java -Xmx512m -cp "$jar" kotone.bench.load.MixedLoad "$command" \
  --rates "${KOTONE_LOAD_RATES:-${KOTONE_LOAD_RATE:-100,200,300,400,450,500,550,600,650,700,800}}" \
  --warmup "${KOTONE_LOAD_WARMUP:-60s}" --warmup-rate "${KOTONE_LOAD_WARMUP_RATE:-200}" \
  --step "${KOTONE_LOAD_STEP:-20s}" --duration "${KOTONE_LOAD_DURATION:-60s}" \
  --clock-ticks "$(getconf CLK_TCK)" --kotone-dir "$root/.kotone" || status=$?

if [ "${KOTONE_LOAD_SCORE:-run}" != skip ]; then
  echo "score.sh on the same stack, after the mix:"
  "$root/bench/wrk/score.sh"
fi
exit "$status"
