#!/usr/bin/env bash
# Collection cost: CPU time per collection cycle (8 fake H100s through the real NVML binding, plus
# the host through OSHI) and CPU cost of one /metrics scrape, next to node_exporter's cost per
# scrape, measured in the same run.
#   src/bench/collection.sh [scrapes]     (after ./mvnw -B install -DskipTests; default 500 scrapes)
# CPU per cycle = argus_collector_cpu_seconds_total / argus_collector_cycles_total (thread CPU time
# of the cycles, measured by the collector itself). CPU per scrape = (process utime+stime over the
# scrapes − the same process's CPU over an idle period of equal length) / scrapes.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scrapes=${1:-500}
work=$(mktemp -d /tmp/argus-bench-collection.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
bundle="$root/payara/target/argus.jar"
fake="$root/ejb/target/nvml-fake/current/libnvidia-ml.so.1"
scenario="$root/ejb/src/test/resources/nvml/h100x8.scenario"
[ -f "$bundle" ] && [ -f "$fake" ] || { echo "build first: ./mvnw -B install -DskipTests" >&2; exit 1; }
node_exporter=$(command -v prometheus-node-exporter || command -v node_exporter || true)
[ -n "$node_exporter" ] || { echo "node_exporter missing: apt-get install prometheus-node-exporter" >&2; exit 1; }
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# CPU seconds one process spends serving N sequential GETs of a URL, idle CPU subtracted
scrape_cost() { # pid url
  local pid=$1 url=$2 t0 t1 c0 c1 c2 wall
  for _ in $(seq 1 1000); do curl -s -o /dev/null "$url"; done   # warm-up: the JIT compiles the request path first
  c0=$(cpu_ticks "$pid"); t0=$(date +%s%N)
  for _ in $(seq 1 "$scrapes"); do curl -s -o /dev/null "$url"; done
  t1=$(date +%s%N); c1=$(cpu_ticks "$pid")
  wall=$(( (t1 - t0) / 1000000 ))
  sleep "$(awk -v ms="$wall" 'BEGIN{printf "%.3f", ms/1000}')"
  c2=$(cpu_ticks "$pid")
  awk -v busy=$((c1 - c0)) -v idle=$((c2 - c1)) -v n="$scrapes" -v hz="$hz" \
    'BEGIN { v = (busy - idle) / hz / n * 1000; if (v < 0) v = 0; printf "%.3f", v }'
}

start_argus() { # name extra-env...
  local name=$1; shift
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec env ARGUS_GPU_NVML_LIBRARY="$fake" FAKE_NVML_SCENARIO="$scenario" "$@" \
     java -Xmx512m -jar "$bundle" --port "$port" > "$work/$name/log" 2>&1) &
  apid=$!; pids+=("$apid")
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do sleep 0.5; done
}

# node_exporter with its default collectors
ne_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$node_exporter" --web.listen-address="127.0.0.1:$ne_port" > "$work/node_exporter.log" 2>&1 & ne_pid=$!; pids+=("$ne_pid")
until curl -sf -o /dev/null "http://127.0.0.1:$ne_port/metrics"; do sleep 0.2; done

start_argus argus ARGUS_COLLECT_INTERVAL=PT0.2S
sleep 60   # about 300 cycles at 0.2 s
m=$(curl -s "http://127.0.0.1:$port/metrics")
cycles=$(awk '/^argus_collector_cycles_total /{print $2}' <<<"$m")
cpu=$(awk '/^argus_collector_cpu_seconds_total /{print $2}' <<<"$m")
per_cycle=$(awk -v c="$cpu" -v n="$cycles" 'BEGIN{printf "%.3f", c/n*1000}')
argus_bytes=$(curl -s "http://127.0.0.1:$port/metrics" | wc -c)
argus_scrape=$(scrape_cost "$apid" "http://127.0.0.1:$port/metrics")
kill "$apid"; wait "$apid" 2>/dev/null || true

start_argus argus-lean ARGUS_COLLECT_INTERVAL=PT5S ARGUS_METRICS_SERVER_METRICS=false
lean_bytes=$(curl -s "http://127.0.0.1:$port/metrics" | wc -c)
lean_scrape=$(scrape_cost "$apid" "http://127.0.0.1:$port/metrics")
kill "$apid"; wait "$apid" 2>/dev/null || true

ne_bytes=$(curl -s "http://127.0.0.1:$ne_port/metrics" | wc -c)
ne_scrape=$(scrape_cost "$ne_pid" "http://127.0.0.1:$ne_port/metrics")

echo "| what | value |"
echo "|---|---|"
echo "| collection cycles measured | $cycles |"
echo "| CPU per collection cycle (8 GPUs + host) | $per_cycle ms |"
echo "| CPU per /metrics scrape, Argus default ($argus_bytes bytes: host, 8 GPUs, DCGM family, collector, server metrics) | $argus_scrape ms |"
echo "| CPU per /metrics scrape, Argus with argus.metrics.server-metrics=false ($lean_bytes bytes) | $lean_scrape ms |"
echo "| CPU per /metrics scrape, node_exporter default collectors ($ne_bytes bytes) | $ne_scrape ms |"
echo "| ratio Argus default / node_exporter | $(awk -v a="$argus_scrape" -v b="$ne_scrape" 'BEGIN{printf "%.2f", a/b}') |"
echo "| ratio Argus without server metrics / node_exporter | $(awk -v a="$lean_scrape" -v b="$ne_scrape" 'BEGIN{printf "%.2f", a/b}') |"
