#!/usr/bin/env bash
# POST /api/v1/score through the gateway, the same request straight to the scoring service, and through an
# nginx reverse proxy in front of the same service: one run, same load (wrk, 64 connections, 30 s each).
# Each target is warmed up first (120 s by default: on two shared cores the JIT compilers of the gateway are
# still at work after 60 s, whose first round then cost 1.5 times the CPU of the later ones); then the
# three take turns for a few rounds and the medians are compared. Each line also says how much CPU the
# gateway, the scoring service and nginx spent per request, from /proc.
# Needs a running stack (./kotone up), wrk and nginx (Debian packages: apt-get install wrk nginx-light).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/.kotone/env"
duration="${KOTONE_BENCH_DURATION:-30s}"
warmup="${KOTONE_BENCH_WARMUP:-120s}"
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
sleep 0.5

gateway_pid="$(cat "$root/.kotone/run/gateway.pid")"
scoring_pid="$(cat "$root/.kotone/run/scoring.pid")"
nginx_master="$(cat "$work/nginx.pid")"
nginx_pids="$nginx_master $(pgrep -d ' ' -P "$nginx_master" || true)"
clock_ticks="$(getconf CLK_TCK)"

# user + system CPU time of processes, in clock ticks
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo "$total"
}

# the three ways to the same scoring service: URL and API key of each
url_of() {
  case "$1" in
    gateway) echo "$KOTONE_GATEWAY_URL/api/v1/score" ;;
    direct) echo "$scoring/score" ;;
    nginx) echo "http://127.0.0.1:$nginx_port/api/v1/score" ;;
  esac
}
key_of() { [ "$1" = gateway ] && echo "$KOTONE_CLIENT_KEY" || echo ""; }

load() {
  local target="$1" length="$2"
  local threads=$(( connections < 2 ? 1 : 2 ))
  KOTONE_BENCH_KEY="$(key_of "$target")" wrk -t"$threads" -c"$connections" -d"$length" "${@:3}" \
    -s "$root/bench/wrk/score.lua" "$(url_of "$target")"
}

run() {
  local target="$1" warm="$2"
  load "$target" "$warm" > /dev/null
  local g0 s0 n0 g1 s1 n1 line requests
  g0=$(cpu_ticks $gateway_pid); s0=$(cpu_ticks $scoring_pid); n0=$(cpu_ticks $nginx_pids)
  line=$(load "$target" "$duration" --latency | grep '^RESULT')
  g1=$(cpu_ticks $gateway_pid); s1=$(cpu_ticks $scoring_pid); n1=$(cpu_ticks $nginx_pids)
  requests=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
  printf '%-7s ' "$target"
  echo "${line#RESULT } cpu_us_per_request: gateway=$(( (g1 - g0) * 1000000 / clock_ticks / requests ))" \
    "scoring=$(( (s1 - s0) * 1000000 / clock_ticks / requests )) nginx=$(( (n1 - n0) * 1000000 / clock_ticks / requests ))"
}

rounds="${KOTONE_BENCH_ROUNDS:-3}"
echo "wrk -t2 -c$connections -d$duration, POST /score: a $warmup warm-up each, then $rounds rounds of gateway, direct, nginx"
targets="gateway direct nginx"
for target in $targets; do load "$target" "$warmup" > /dev/null; done
# The targets take turns so that a slow minute of this shared machine (CPU steal) falls on all of them.
for round in $(seq 1 "$rounds"); do
  for target in $targets; do run "$target" 5s; done
done | tee "$work/rounds"
median() { grep "^$1" "$work/rounds" | sed "s/.* $2=\([0-9.]*\).*/\1/" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
g=$(median gateway rps); d=$(median direct rps); n=$(median nginx rps)
gp=$(median gateway p50_ms); dp=$(median direct p50_ms); np=$(median nginx p50_ms)
echo "medians: rps gateway=$g direct=$d nginx=$n; gateway/nginx=$(awk "BEGIN {printf \"%.2f\", $g / $n}")" \
  "p50_ms gateway=$gp direct=$dp nginx=$np"

# What the gateway adds to one request when it is not queued behind others: one connection, one at a time.
connections=1
echo "wrk -t1 -c1 -d$duration (after a 10s warm-up each), POST /score, one request at a time"
for target in $targets; do run "$target" 10s; done
