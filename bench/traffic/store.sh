#!/usr/bin/env bash
# How fast the dataset service stores captured live requests: batches of 500 records (what the interpreter sends) on
# 1, 2 and 4 connections, 30 s each after a 10 s warm-up, and the dataset service's CPU per record. The records stay;
# bench/traffic/drift.sh removes what it added, this does not (they are ordinary live requests).
# Needs a running stack (./kotone up) and wrk.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.kotone/env"
dataset="http://127.0.0.1:${KOTONE_DATASET_PORT:-8084}"
dataset_pid="$(cat "$root/.kotone/run/dataset.pid")"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
wrk -t1 -c2 -d10s -s "$root/bench/traffic/batches.lua" "$dataset/traffic/batches" > /dev/null
for connections in 1 2 4; do
  t0=$(ticks "$dataset_pid")
  line=$(wrk -t1 -c"$connections" -d"${KOTONE_BENCH_DURATION:-30s}" --latency -s "$root/bench/traffic/batches.lua" "$dataset/traffic/batches" | grep '^RESULT')
  t1=$(ticks "$dataset_pid")
  batches=$(echo "$line" | sed 's/.*batches=\([0-9]*\).*/\1/')
  echo "connections=$connections ${line#RESULT } dataset_cpu_us_per_record=$(( (t1 - t0) * 1000000 / $(getconf CLK_TCK) / (batches * ${KOTONE_BENCH_BATCH:-500}) ))"
done
