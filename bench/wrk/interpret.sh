#!/usr/bin/env bash
# POST /api/v1/interpret through the gateway, mode=rule then mode=local (wrk, 64 connections, 30 s each, after a
# 10 s warm-up). Needs a running stack (./kotone up) with a promoted local model, and wrk.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.kotone/env"
duration="${KOTONE_BENCH_DURATION:-30s}"
warmup="${KOTONE_BENCH_WARMUP:-10s}"
connections="${KOTONE_BENCH_CONNECTIONS:-64}"
for mode in ${KOTONE_BENCH_MODES:-rule local}; do
  KOTONE_BENCH_KEY="$KOTONE_CLIENT_KEY" KOTONE_BENCH_MODE="$mode" \
    wrk -t2 -c"$connections" -d"$warmup" -s "$root/bench/wrk/interpret.lua" "$KOTONE_GATEWAY_URL/api/v1/interpret" > /dev/null
  printf 'mode=%-6s ' "$mode"
  KOTONE_BENCH_KEY="$KOTONE_CLIENT_KEY" KOTONE_BENCH_MODE="$mode" \
    wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/wrk/interpret.lua" "$KOTONE_GATEWAY_URL/api/v1/interpret" | grep RESULT
done
