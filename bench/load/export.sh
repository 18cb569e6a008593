#!/usr/bin/env bash
# Trace export's cost and isolation (issue 17): the load suite's mix held at one rate (KOTONE_LOAD_RATE, 300/s by
# default) on a stack restarted for each way of exporting: off, on (a receiver answering at once), slow (answering
# after 2 s), hung (never answering) and down (a closed port). Each prints the held phase's line; the table at the end
# gives the stack's CPU per request against export off (on a CPU-bound machine, throughput is its inverse), p99 and
# errors. Each stack is warmed up for 120 s first. Export may cost at most 10 %, and a collector slow, hung or down must never fail or stall a request.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for mode in ${KOTONE_LOAD_EXPORTS:-off on slow hung down}; do
  echo "== export $mode"
  KOTONE_LOAD_EXPORT="$mode" KOTONE_LOAD_COMMAND=fixed KOTONE_LOAD_WARMUP="${KOTONE_LOAD_WARMUP:-120s}" \
    KOTONE_LOAD_RATE="${KOTONE_LOAD_RATE:-300}" KOTONE_LOAD_SCORE=skip "$root/bench/load/load.sh" 2>&1 \
    | tee "$work/$mode.log" || true
  grep '^RESULT' "$work/$mode.log" | tail -1 | sed "s/^RESULT/$mode/" >> "$work/results" || true
done
echo
echo "export  answered/s  p99 ms  errors  stack CPU us/request  against off"
awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    if ($1 == "off") off = v["stack_cpu_us_per_request"]
    printf "%-6s %11s %7s %7s %21s  %s\n", $1, v["answered_per_s"], v["p99_ms"], v["errors"], v["stack_cpu_us_per_request"],
      off ? sprintf("%+.1f %%", (v["stack_cpu_us_per_request"] / off - 1) * 100) : "" }' "$work/results"
