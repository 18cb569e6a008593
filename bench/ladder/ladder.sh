#!/usr/bin/env bash
# The fallback ladder against an LLM provider that hangs: a second interpreter instance on port 18081 whose
# only provider never answers, driven in auto mode by wrk (16 connections, 30 s). Run once with the circuit
# breaker and bulkhead as configured (what players see) and once with both effectively off, so that every
# request waits for the hung provider until the deadline. Needs the jars built (./mvnw install -DskipTests) and wrk.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/interpreter-service/target/quarkus-app/quarkus-run.jar"
python3 "$root/bench/ladder/hanging_llm.py" 18999 & hang=$!
trap 'kill $hang 2>/dev/null; [ -n "${svc:-}" ] && kill $svc 2>/dev/null; true' EXIT
for guards in on off; do
  extra=()
  if [ "$guards" = off ]; then
    extra=(-Dkotone.interpreter.llm.breaker-failures=1000000 -Dkotone.interpreter.llm.bulkhead=1000)
  fi
  java -Xmx256m -XX:+UseSerialGC -Dquarkus.http.port=18081 -Dquarkus.management.port=19081 -Dkotone.interpreter.dataset-url=http://127.0.0.1:9 \
    -Dkotone.llm.providers.hang.base-url=http://127.0.0.1:18999/v1 -Dkotone.llm.providers.hang.fine-tuned-model=hung \
    -Dquarkus.log.level=WARN "${extra[@]}" -jar "$jar" > /tmp/kotone-ladder.log 2>&1 & svc=$!
  for _ in $(seq 1 60); do curl -sf http://127.0.0.1:19081/q/health/ready > /dev/null && break; sleep 0.5; done
  KOTONE_BENCH_MODE=auto wrk -t2 -c16 -d"${KOTONE_BENCH_WARMUP:-10s}" --timeout 10s -s "$root/bench/wrk/interpret.lua" \
    http://127.0.0.1:18081/interpret > /dev/null
  printf 'guards=%-3s ' "$guards"
  KOTONE_BENCH_MODE=auto wrk -t2 -c16 -d"${KOTONE_BENCH_DURATION:-30s}" --timeout 10s --latency -s "$root/bench/wrk/interpret.lua" \
    http://127.0.0.1:18081/interpret | grep RESULT
  kill $svc; wait $svc 2>/dev/null || true; svc=
done
