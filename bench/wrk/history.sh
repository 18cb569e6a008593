#!/usr/bin/env bash
# Run history reads through the gateway (analyst key): GET /api/v1/eval/summary/latest and GET /api/v1/eval/runs?mode=,
# wrk -t2 -c8 for 20 s each after a warm-up of the same (KOTONE_BENCH_WARMUP, 30 s). Needs a running stack with runs stored.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "${KOTONE_STATE_DIR:-$root/.kotone}/env"
for path in "eval/summary/latest" "eval/runs?mode=rule_baseline" "eval/runs?mode=local_model&limit=20"; do
  KOTONE_BENCH_KEY="$KOTONE_ANALYST_KEY" wrk -t2 -c8 -d"${KOTONE_BENCH_WARMUP:-30s}" -s "$root/bench/wrk/get.lua" "$KOTONE_GATEWAY_URL/api/v1/$path" > /dev/null
  printf '%-40s ' "GET /api/v1/$path"
  KOTONE_BENCH_KEY="$KOTONE_ANALYST_KEY" wrk -t2 -c8 -d"${KOTONE_BENCH_DURATION:-20s}" -s "$root/bench/wrk/get.lua" \
    "$KOTONE_GATEWAY_URL/api/v1/$path" | grep RESULT
done
