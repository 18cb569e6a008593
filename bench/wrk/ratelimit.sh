#!/usr/bin/env bash
# What the gateway's rate limiting costs: POST /api/v1/score through the gateway (wrk, 64 connections) with the
# limits on but set far above the load, and with them off, in turns: the gateway is restarted for each setting
# (the other services keep running), warmed up, then measured for three rounds; on, off, on, off. Prints each
# round and the ratio of the medians (on / off).
# Needs a stack started with ./kotone up from this checkout and wrk.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
state="${KOTONE_STATE_DIR:-$root/.kotone}"
. "$state/env"
warmup="${KOTONE_BENCH_WARMUP:-30s}"
duration="${KOTONE_BENCH_DURATION:-15s}"
export KOTONE_CLIENT_RATE=1000000 KOTONE_CLIENT_BURST=1000000 KOTONE_ADDRESS_RATE=1000000 KOTONE_ADDRESS_BURST=1000000
declare -A rounds=([true]="" [false]="")

restart_gateway() {
  kill "$(cat "$state/run/gateway.pid")"
  while kill -0 "$(cat "$state/run/gateway.pid")" 2>/dev/null; do sleep 0.2; done
  KOTONE_RATE_LIMITS_ENABLED="$1" "$root/kotone" up > /dev/null
}

# whatever happens, the gateway is left with its limits on
trap 'restart_gateway true' EXIT

for enabled in true false true false; do
  restart_gateway "$enabled"
  KOTONE_BENCH_KEY="$KOTONE_CLIENT_KEY" wrk -t2 -c64 -d"$warmup" -s "$root/bench/wrk/score.lua" "$KOTONE_GATEWAY_URL/api/v1/score" > /dev/null
  for round in 1 2 3; do
    rps=$(KOTONE_BENCH_KEY="$KOTONE_CLIENT_KEY" wrk -t2 -c64 -d"$duration" -s "$root/bench/wrk/score.lua" "$KOTONE_GATEWAY_URL/api/v1/score" \
      | awk '/Requests\/sec/ {print $2}')
    echo "limits $enabled, round $round: $rps requests/s"
    rounds[$enabled]="${rounds[$enabled]} $rps"
  done
done
python3 - "${rounds[true]}" "${rounds[false]}" <<'PY'
import statistics, sys
on = [float(x) for x in sys.argv[1].split()]
off = [float(x) for x in sys.argv[2].split()]
print(f"median with limits {statistics.median(on):.0f} requests/s, without {statistics.median(off):.0f}: ratio {statistics.median(on) / statistics.median(off):.3f}")
PY
