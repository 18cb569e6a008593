#!/usr/bin/env bash
# POST /api/v1/score through the gateway, the same request straight to the scoring service, and through an
# nginx reverse proxy in front of the same service: one run, same load (wrk, 64 connections, 30 s each).
# Needs a running stack (./kotone up), wrk and nginx (Debian packages: apt-get install wrk nginx-light).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.kotone/env"
duration="${KOTONE_BENCH_DURATION:-30s}"
warmup="${KOTONE_BENCH_WARMUP:-10s}"
connections="${KOTONE_BENCH_CONNECTIONS:-64}"
scoring="http://127.0.0.1:${KOTONE_SCORING_PORT:-8082}"
nginx_port="${KOTONE_BENCH_NGINX_PORT:-8090}"

work="$(mktemp -d)"
trap 'nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/logs"
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
error_log $work/logs/error.log warn;
pid $work/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  upstream scoring { server 127.0.0.1:${KOTONE_SCORING_PORT:-8082}; keepalive 128; }
  server {
    listen 127.0.0.1:$nginx_port;
    location /api/v1/ {
      proxy_pass http://scoring/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf"

run() {
  local name="$1" url="$2" key="$3"
  local threads=$(( connections < 2 ? 1 : 2 ))
  KOTONE_BENCH_KEY="$key" wrk -t"$threads" -c"$connections" -d"$warmup" -s "$root/bench/wrk/score.lua" "$url" > /dev/null
  local line
  line=$(KOTONE_BENCH_KEY="$key" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/bench/wrk/score.lua" "$url" | grep '^RESULT')
  echo "$name ${line#RESULT }"
}

echo "wrk -t2 -c$connections -d$duration (after a $warmup warm-up each), POST /score"
run "gateway" "$KOTONE_GATEWAY_URL/api/v1/score" "$KOTONE_CLIENT_KEY"
run "direct " "$scoring/score" ""
run "nginx  " "http://127.0.0.1:$nginx_port/api/v1/score" ""

# What the gateway adds to one request when it is not queued behind others: one connection, one at a time.
connections=1
echo "wrk -t1 -c1 -d$duration, POST /score, one request at a time"
run "gateway" "$KOTONE_GATEWAY_URL/api/v1/score" "$KOTONE_CLIENT_KEY"
run "direct " "$scoring/score" ""
run "nginx  " "http://127.0.0.1:$nginx_port/api/v1/score" ""
