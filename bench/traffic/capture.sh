#!/usr/bin/env bash
# What capturing live traffic costs the interpreter (issue 18: under 2% of its CPU per request at full rate).
# Two interpreters from the same build run beside the stack's, one recording every request (KOTONE_CAPTURE_SHARE=1.0)
# and one recording none (0); wrk sends them POST /interpret in turns, and each round reads each interpreter's CPU time
# from /proc, so the records' making, serialisation and shipping (on its scheduler thread) are in the figure. Both talk
# to bench/traffic/sink.py, which counts the batches and passes the model registry's reads on to the stack's dataset
# service: storing the records (bench/traffic/store.sh) would otherwise take CPU from the same two cores and show up as
# the interpreter's. KOTONE_CAPTURE_SINK=off ships to the real dataset service instead. Then the records shipped and
# dropped, from the capturing interpreter's metrics. Needs a running stack (./kotone up) and wrk.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.kotone/env"
rounds="${KOTONE_BENCH_ROUNDS:-8}"
round="${KOTONE_BENCH_DURATION:-15s}"
connections="${KOTONE_BENCH_CONNECTIONS:-16}"
mode="${KOTONE_BENCH_MODE:-auto}"
stack_interpreter="$(cat "$root/.kotone/run/interpreter.pid")"
jar="$root/interpreter-service/target/quarkus-app/quarkus-run.jar"
work="$(mktemp -d)"
sink=""
dataset_url="http://127.0.0.1:${KOTONE_DATASET_PORT:-8084}"
if [ "${KOTONE_CAPTURE_SINK:-on}" = on ]; then
  python3 "$root/bench/traffic/sink.py" --port 8095 --upstream "$dataset_url" &
  sink=$!
  dataset_url="http://127.0.0.1:8095"
fi

# an interpreter with the stack's environment on its own ports: share port management-port
start() {
  ( while IFS= read -r -d '' variable; do export "$variable"; done < "/proc/$stack_interpreter/environ"
    export KOTONE_CAPTURE_SHARE="$1" KOTONE_INTERPRETER_PORT="$2" KOTONE_INTERPRETER_MANAGEMENT_PORT="$3" KOTONE_DATASET_URL="$dataset_url"
    exec java -Xmx512m -XX:+UseSerialGC -jar "$jar" ) > "$work/interpreter-$2.log" 2>&1 &
  echo $!
}
capturing=$(start 1.0 8091 9091)
not_capturing=$(start 0 8092 9092)
trap 'kill $capturing $not_capturing $sink 2>/dev/null || true; rm -rf "$work"' EXIT
for port in 9091 9092; do
  until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do sleep 0.5; done
done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
load() { KOTONE_BENCH_MODE="$mode" wrk -t2 -c"$connections" -d"$2" -s "$root/bench/wrk/interpret.lua" "http://127.0.0.1:$1/interpret" | grep '^RESULT'; }
for i in 1 2; do load 8091 30s > /dev/null; load 8092 30s > /dev/null; done

echo "POST /interpret mode=$mode, wrk -c$connections, $rounds rounds of $round each, in turns (capture on = every request recorded)"
for r in $(seq 1 "$rounds"); do
  order="on off"; [ $((r % 2)) = 0 ] && order="off on"
  for setting in $order; do
    if [ "$setting" = on ]; then port=8091; pid=$capturing; else port=8092; pid=$not_capturing; fi
    t0=$(ticks "$pid"); line=$(load "$port" "$round"); t1=$(ticks "$pid")
    requests=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
    echo "round=$r capture=$setting ${line#RESULT } cpu_us_per_request=$(( (t1 - t0) * 1000000 / $(getconf CLK_TCK) / requests ))"
  done
done | tee "$work/rounds"
median() { grep "capture=$1 " "$work/rounds" | sed "s/.* $2=\([0-9.]*\).*/\1/" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
on=$(median on cpu_us_per_request); off=$(median off cpu_us_per_request)
echo "medians: cpu_us_per_request on=$on off=$off (capture costs $(awk "BEGIN {printf \"%+.1f%%\", ($on - $off) * 100 / $off}"));" \
  "rps on=$(median on rps) off=$(median off rps)"
# paired: each round's on against the off next to it
paste <(grep "capture=on " "$work/rounds" | sed 's/.*cpu_us_per_request=//') <(grep "capture=off " "$work/rounds" | sed 's/.*cpu_us_per_request=//') \
  | awk '{printf "%.2f\n", ($1 - $2) * 100 / $2}' | sort -g \
  | awk '{v[NR]=$1} END {printf "paired per round (on against the off beside it): median %+.1f%%, range %+.1f%% to %+.1f%%\n", v[int((NR+1)/2)], v[1], v[NR]}'
sleep 2 # the last batch leaves within the flush interval (1 s)
curl -s http://127.0.0.1:9091/q/metrics | grep -E '^kotone_traffic_(shipped|dropped)_total' | sed 's/^/capturing interpreter: /'
[ -n "$sink" ] && echo "sink received: $(curl -s http://127.0.0.1:8095/sink/totals)"
true
