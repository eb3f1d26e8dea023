#!/usr/bin/env bash
# Collection cost: CPU time per collection cycle (8 fake H100s through the real NVML binding, plus
# the host through OSHI) and CPU cost of one /metrics scrape, next to node_exporter's cost per
# scrape, measured in the same run.
#   src/bench/collection.sh [scrapes]     (default 500 scrapes)
# after ./mvnw -B package -DskipTests -Dnvml.fake.skip=false (the bundle, and the fake libnvidia-ml
# that skipping the tests would otherwise leave unbuilt)
# CPU per cycle = argus_collector_cpu_seconds_total / argus_collector_cycles_total (thread CPU time
# of the cycles, measured by the collector itself, at a 0.2 s interval). CPU per scrape = (process
# utime+stime over the scrapes − the same process's CPU over an idle period of equal length) /
# scrapes, for Argus with and without the JVM and MicroProfile metrics (both at the default 5 s
# interval) and node_exporter, in 5 interleaved rounds after 1 000 warm-up scrapes each.
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
[ -f "$bundle" ] && [ -f "$fake" ] || { echo "build first: ./mvnw -B package -DskipTests -Dnvml.fake.skip=false" >&2; exit 1; }
node_exporter=$(command -v prometheus-node-exporter || command -v node_exporter || true)
[ -n "$node_exporter" ] || { echo "node_exporter missing: apt-get install prometheus-node-exporter" >&2; exit 1; }
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

warm_up() { # url: the JIT compiles the request path first
  for _ in $(seq 1 1000); do curl -s -o /dev/null "$1"; done
}

# CPU ticks one process spends serving N sequential GETs of a URL, then over an idle period of the
# same length: "busy idle"
scrape_ticks() { # pid url n
  local pid=$1 url=$2 n=$3 t0 t1 c0 c1 c2 wall
  c0=$(cpu_ticks "$pid"); t0=$(date +%s%N)
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null "$url"; done
  t1=$(date +%s%N); c1=$(cpu_ticks "$pid")
  wall=$(( (t1 - t0) / 1000000 ))
  sleep "$(awk -v ms="$wall" 'BEGIN{printf "%.3f", ms/1000}')"
  c2=$(cpu_ticks "$pid")
  echo "$((c1 - c0)) $((c2 - c1))"
}

start_argus() { # name extra-env...; a start whose listener never answers is retried on another port
  local name=$1 attempt deadline; shift
  for attempt in 1 2 3; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    mkdir -p "$work/$name.$attempt"
    (cd "$work/$name.$attempt" && exec env ARGUS_GPU_NVML_LIBRARY="$fake" FAKE_NVML_SCENARIO="$scenario" "$@" \
       java -Xmx512m -jar "$bundle" --port "$port" > "$work/$name.$attempt/log" 2>&1) &
    apid=$!; pids+=("$apid")
    deadline=$((SECONDS + 240))
    while kill -0 "$apid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
      curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && return 0
      sleep 0.5
    done
    echo "$name (attempt $attempt) did not get ready on port $port:" >&2
    tail -n 3 "$work/$name.$attempt/log" >&2
    kill "$apid" 2>/dev/null || true; wait "$apid" 2>/dev/null || true
  done
  exit 1
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
kill "$apid"; wait "$apid" 2>/dev/null || true

# The scrape costs: both configurations at the default 5 s interval, next to node_exporter, measured
# in interleaved rounds so that a change in the machine's load touches all three alike.
start_argus argus-full ARGUS_COLLECT_INTERVAL=PT5S
full_pid=$apid; full_url="http://127.0.0.1:$port/metrics"
start_argus argus-lean ARGUS_COLLECT_INTERVAL=PT5S ARGUS_METRICS_SERVER_METRICS=false
lean_pid=$apid; lean_url="http://127.0.0.1:$port/metrics"
ne_url="http://127.0.0.1:$ne_port/metrics"
argus_bytes=$(curl -s "$full_url" | wc -c)
lean_bytes=$(curl -s "$lean_url" | wc -c)
ne_bytes=$(curl -s "$ne_url" | wc -c)
warm_up "$full_url"; warm_up "$lean_url"; warm_up "$ne_url"
rounds=5
per_round=$(( (scrapes + rounds - 1) / rounds ))
declare -A busy idle
for _ in $(seq 1 "$rounds"); do
  for t in full lean ne; do
    case $t in
      full) read -r b i < <(scrape_ticks "$full_pid" "$full_url" "$per_round") ;;
      lean) read -r b i < <(scrape_ticks "$lean_pid" "$lean_url" "$per_round") ;;
      ne) read -r b i < <(scrape_ticks "$ne_pid" "$ne_url" "$per_round") ;;
    esac
    busy[$t]=$(( ${busy[$t]:-0} + b )); idle[$t]=$(( ${idle[$t]:-0} + i ))
  done
done
cost() { # target: CPU ms per scrape, idle subtracted
  awk -v busy="${busy[$1]}" -v idle="${idle[$1]}" -v n=$((per_round * rounds)) -v hz="$hz" \
    'BEGIN { v = (busy - idle) / hz / n * 1000; if (v < 0) v = 0; printf "%.3f", v }'
}
argus_scrape=$(cost full); lean_scrape=$(cost lean); ne_scrape=$(cost ne)

echo "| what | value |"
echo "|---|---|"
echo "| collection cycles measured | $cycles |"
echo "| CPU per collection cycle (8 GPUs + host) | $per_cycle ms |"
echo "| CPU per /metrics scrape, Argus default ($argus_bytes bytes: host, 8 GPUs, DCGM family, collector, JVM and MicroProfile metrics) | $argus_scrape ms |"
echo "| CPU per /metrics scrape, Argus with argus.metrics.server-metrics=false ($lean_bytes bytes) | $lean_scrape ms |"
echo "| CPU per /metrics scrape, node_exporter default collectors ($ne_bytes bytes) | $ne_scrape ms |"
echo "| ratio Argus default / node_exporter | $(awk -v a="$argus_scrape" -v b="$ne_scrape" 'BEGIN{printf "%.2f", a/b}') |"
echo "| ratio Argus without server metrics / node_exporter | $(awk -v a="$lean_scrape" -v b="$ne_scrape" 'BEGIN{printf "%.2f", a/b}') |"
