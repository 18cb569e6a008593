#!/usr/bin/env bash
# Two gateway builds side by side on the running stack, taking turns under the same POST /score load, to tell a change
# of a few percent from the machine's noise (which moves single runs by 10-15 %): gateway-ab.sh DIR_A DIR_B [ROUNDS].
# DIR_A and DIR_B are copies of gateway/target/quarkus-app (build one, copy it, change, build the other). Each runs with
# the stack's gateway's environment on ports 8085/9085 and 8086/9086, rate limits out of the way; both are warmed for
# 2 x 40 s, then ROUNDS (8) rounds of 15 s each, the order alternating, and each round's CPU per request from /proc.
# Needs a running stack (./kotone up) and wrk.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.kotone/env"
a="$1"; b="$2"; rounds="${3:-8}"
gateway_pid="$(cat "$root/.kotone/run/gateway.pid")"
work="$(mktemp -d)"
start() { # dir port management-port
  ( while IFS= read -r -d '' variable; do export "$variable"; done < "/proc/$gateway_pid/environ"
    export KOTONE_CLIENT_RATE=1000000 KOTONE_CLIENT_BURST=1000000 KOTONE_ADDRESS_RATE=1000000 KOTONE_ADDRESS_BURST=1000000
    export KOTONE_GATEWAY_PORT="$2" KOTONE_GATEWAY_MANAGEMENT_PORT="$3"
    exec java -Xmx768m -XX:+UseSerialGC -jar "$1/quarkus-run.jar" ) > "$work/gateway-$2.log" 2>&1 &
  echo $!
}
pid_a=$(start "$a" 8085 9085); pid_b=$(start "$b" 8086 9086)
trap 'kill $pid_a $pid_b 2>/dev/null || true; rm -rf "$work"' EXIT
for port in 9085 9086; do until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do sleep 0.5; done; done
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
load() { KOTONE_BENCH_KEY="$KOTONE_CLIENT_KEY" wrk -t2 -c64 -d"$2" -s "$root/bench/wrk/score.lua" "http://127.0.0.1:$1/api/v1/score" | grep '^RESULT'; }
for i in 1 2; do load 8085 40s > /dev/null; load 8086 40s > /dev/null; done
for r in $(seq 1 "$rounds"); do
  order="A B"; [ $((r % 2)) = 0 ] && order="B A"
  for build in $order; do
    if [ "$build" = A ]; then port=8085; pid=$pid_a; else port=8086; pid=$pid_b; fi
    t0=$(ticks "$pid"); line=$(load "$port" 15s); t1=$(ticks "$pid")
    requests=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
    echo "round=$r build=$build ${line#RESULT } cpu_us_per_request=$(( (t1 - t0) * 1000000 / $(getconf CLK_TCK) / requests ))"
  done
done | tee "$work/rounds"
median() { grep "build=$1 " "$work/rounds" | sed "s/.* $2=\([0-9.]*\).*/\1/" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "medians: rps A=$(median A rps) B=$(median B rps); cpu_us_per_request A=$(median A cpu_us_per_request) B=$(median B cpu_us_per_request)"
paste <(grep "build=A " "$work/rounds" | sed 's/.* rps=\([0-9]*\).*/\1/') <(grep "build=B " "$work/rounds" | sed 's/.* rps=\([0-9]*\).*/\1/') \
  | awk '{printf "%.2f\n", ($2 - $1) * 100 / $1}' | sort -g \
  | awk '{v[NR]=$1} END {printf "B against A, paired per round: median %+.1f%% requests/s, range %+.1f%% to %+.1f%%\n", v[int((NR+1)/2)], v[1], v[NR]}'
