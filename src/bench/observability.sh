#!/usr/bin/env bash
# Observability overhead: requests/s of a trivial endpoint with the request metrics and the access
# log on (JSON lines, the production format) ÷ the same with both off, measured in the same run; and
# the server's CPU time per request (utime+stime of the server process over the round ÷ requests
# served), off ÷ on, which other load on the machine disturbs less than throughput does.
#   src/bench/observability.sh [rounds] [seconds]   (after ./mvnw -B package -DskipTests; default 3 × 10 s)
# Two bundles (embedded H2, simulated GPUs) are started side by side and loaded one at a time,
# alternating on/off, with wrk -t2 -c32 against 127.0.0.1 only; each gets a warm-up first (WARMUP=60 s).
# The endpoint is GET /api/v1/metrics/gpu_power_watts: a JAX-RS resource answering from the metric
# dictionary cache (no database after the first call). The request id stays on in both (it is part
# of every response), so "off" is argus.metrics.requests=false and argus.log.access=false.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-3}
seconds=${2:-10}
bundle="$root/payara/target/argus.jar"
[ -f "$bundle" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null 2>&1 || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }
work=$(mktemp -d /tmp/argus-bench-obs.XXXXXX)
# start() runs in a command substitution, so the servers' pids go to files, not a variable
cleanup() {
  for f in "$work"/*.pid; do [ -e "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  for f in "$work"/*.pid; do
    [ -e "$f" ] || continue
    for _ in $(seq 1 100); do kill -0 "$(cat "$f")" 2>/dev/null || break; sleep 0.2; done
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
start() { # name metrics access
  local dir=$work/$1 port
  port=$(free_port)
  mkdir -p "$dir"
  (cd "$dir" && exec env ARGUS_GPU_BACKEND=simulated ARGUS_LOG_FORMAT=json ARGUS_METRICS_REQUESTS="$2" ARGUS_LOG_ACCESS="$3" \
    java -Xmx512m -jar "$bundle" --port "$port" > "$dir/argus.log" 2>&1) &
  echo $! > "$work/$1.pid"
  echo "$port"
}
on=$(start on true true)
off=$(start off false false)
path=/api/v1/metrics/gpu_power_watts
for port in "$on" "$off"; do
  for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.5; done
  curl -sf -o /dev/null "http://127.0.0.1:$port$path" || { echo "Argus on $port did not start" >&2; exit 1; }
  wrk -t2 -c32 -d"${WARMUP:-60}s" "http://127.0.0.1:$port$path" > /dev/null
done

hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# prints "requests/s cpu-microseconds-per-request" of one round against one server
round() { # port pid
  local c0 c1 out
  c0=$(cpu_ticks "$2")
  out=$(wrk -t2 -c32 -d"${seconds}s" "http://127.0.0.1:$1$path")
  c1=$(cpu_ticks "$2")
  awk -v c=$((c1 - c0)) -v hz="$hz" '/Requests\/sec/ {r=$2} / requests in / {n=$1} END {printf "%s %.1f\n", r, c / hz * 1e6 / n}' <<<"$out"
}
on_pid=$(cat "$work/on.pid"); off_pid=$(cat "$work/off.pid")
results=$work/results
for i in $(seq 1 "$rounds"); do
  read -r a ca <<<"$(round "$on" "$on_pid")"; read -r b cb <<<"$(round "$off" "$off_pid")"
  echo "on $a $ca" >> "$results"
  echo "off $b $cb" >> "$results"
  echo "pair $(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.3f", a/b}') $(awk -v a="$ca" -v b="$cb" 'BEGIN{printf "%.3f", b/a}')" >> "$results"
done
# the filters really were on in one and off in the other
curl -s -o "$work/on.metrics" "http://127.0.0.1:$on/metrics"
curl -s -o "$work/off.metrics" "http://127.0.0.1:$off/metrics"
grep -q 'route="/api/v1/metrics/{name}"' "$work/on.metrics" || { echo "request metrics missing on the 'on' server" >&2; exit 1; }
if grep -q 'route="/api/v1/metrics/{name}"' "$work/off.metrics"; then echo "request metrics present on the 'off' server" >&2; exit 1; fi
access_lines=$(grep -c '"logger":"io.argus.access"' "$work/on/argus.log" || true)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
on_rps=$(awk '$1=="on"{print $2}' "$results" | median)
off_rps=$(awk '$1=="off"{print $2}' "$results" | median)
echo "runs (filters requests/s µs-CPU/request; pair: rps ratio, CPU ratio):"; cat "$results"
echo "access log lines written by the 'on' server: $access_lines"
printf '| filters | requests/s (median of %s × %s s) |\n|---|---|\n' "$rounds" "$seconds"
printf '| request metrics + JSON access log on | %s |\n' "$on_rps"
printf '| both off | %s |\n' "$off_rps"
printf '| ratio of the medians, on / off | %s |\n' "$(awk -v a="$on_rps" -v b="$off_rps" 'BEGIN{printf "%.3f", a/b}')"
printf '| median of the per-round ratios (on, then off, back to back) | %s |\n' "$(awk '$1=="pair"{print $2}' "$results" | median)"
on_cpu=$(awk '$1=="on"{print $3}' "$results" | median)
off_cpu=$(awk '$1=="off"{print $3}' "$results" | median)
printf '| server CPU per request, on / off (µs, medians) | %s / %s |\n' "$on_cpu" "$off_cpu"
printf '| CPU ratio off / on (the throughput the CPU allows, on ÷ off) | %s |\n' "$(awk -v a="$on_cpu" -v b="$off_cpu" 'BEGIN{printf "%.3f", b/a}')"
printf '| median of the per-round CPU ratios | %s |\n' "$(awk '$1=="pair"{print $3}' "$results" | median)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
