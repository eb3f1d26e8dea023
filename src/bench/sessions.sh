#!/usr/bin/env bash
# Monitoring sessions over a real SLURM, measured in one run (after ./mvnw -B package -DskipTests):
#  1. create -> RUNNING and Prometheus ready through Argus, next to a bare `sbatch` of the same
#     Prometheus polled until /-/ready, interleaved, N rounds each (default 5) after one warm-up;
#  2. collect of a 10-minute window of 200 series at a 1 s step (120,200 rows), N rounds: the
#     window is backfilled into the session's TSDB with promtool before the session starts.
#   src/bench/sessions.sh [rounds]
# Needs SLURM_CONF of a running cluster (src/ci/slurm-up.sh prints it), or root to start one.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-5}
bundle="$root/payara/target/argus.jar"
[ -f "$bundle" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
prom=${PROMETHEUS_BIN:-$(command -v prometheus || echo /usr/bin/prometheus)}
started_slurm=0
if [ -z "${SLURM_CONF:-}" ]; then
  set -a; . <(bash "$root/src/ci/slurm-up.sh"); set +a
  started_slurm=1
fi
partition=${SLURM_PARTITION:-debug}
work=$(mktemp -d /tmp/argus-bench-sessions.XXXXXX)
argus_pid=
jobs_submitted=()
cleanup() {
  [ -n "$argus_pid" ] && kill -TERM "$argus_pid" 2>/dev/null && wait "$argus_pid" 2>/dev/null || true
  for j in "${jobs_submitted[@]}"; do scancel "$j" 2>/dev/null || true; done
  rm -rf "$work"
  [ "$started_slurm" -eq 0 ] || bash "$root/src/ci/slurm-down.sh" >/dev/null 2>&1 || true
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
gone() { [ -z "$(squeue -h -j "$1" -o %T 2>/dev/null)" ]; }

http=$(free_port)
(cd "$work" && exec env ARGUS_SESSION_LAUNCHER=slurm ARGUS_SESSION_ROOT="$work/sessions" \
  ARGUS_SESSION_ARTIFACT_ROOT="$work/artifacts" ARGUS_SESSION_PROMETHEUS_BINARY="$prom" \
  java -Xmx512m -jar "$bundle" --port "$http" > "$work/argus.log" 2>&1) & argus_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$http/health/ready"; do
  kill -0 "$argus_pid" 2>/dev/null || { tail -30 "$work/argus.log" >&2; exit 1; }
  sleep 0.2
done
api="http://127.0.0.1:$http/api/v1"
post() { curl -sf -XPOST -H 'Content-Type: application/json' "$api/$1" -d "$2"; }

bare() { # -> ms from sbatch to /-/ready of the same Prometheus Argus would run
  local port d job t0 t1
  port=$(free_port); d="$work/bare-$port"; mkdir -p "$d"
  printf 'global:\n  scrape_interval: 1s\nscrape_configs: []\n' > "$d/prometheus.yml"
  printf '#!/bin/bash\nexec %s --config.file=%s/prometheus.yml --storage.tsdb.path=%s/data --web.listen-address=0.0.0.0:%s --web.enable-lifecycle\n' \
    "$prom" "$d" "$d" "$port" > "$d/job.sh"
  t0=$(now_ms)
  job=$(sbatch --parsable --job-name=bench-bare --partition="$partition" --time=00:05:00 --chdir="$d" -o "$d/out" -e "$d/err" "$d/job.sh")
  jobs_submitted+=("$job")
  until curl -sf -o /dev/null "http://localhost:$port/-/ready"; do sleep 0.05; done
  t1=$(now_ms)
  scancel "$job"; until gone "$job"; do sleep 0.05; done
  echo $((t1 - t0))
}

through_argus() { # $1 = round -> ms from create to the start call answering RUNNING (ready)
  local port t0 t1 id="bench-$1"
  port=$(free_port)
  t0=$(now_ms)
  post sessions "{\"run_id\":\"$id\",\"prometheus_port\":$port}" > /dev/null
  post "sessions/$id/start" "{\"partition\":\"$partition\",\"time_limit\":\"00:05:00\"}" > "$work/start.json"
  t1=$(now_ms)
  [ "$(field '["status"]' < "$work/start.json")" = RUNNING ]
  post "sessions/$id/stop" '' > /dev/null
  echo $((t1 - t0))
}

bare > /dev/null   # warm-up: the first job after a fresh slurmctld waits for its first scheduler pass
results="$work/results"
for i in $(seq 1 "$rounds"); do
  echo "bare $(bare)" >> "$results"
  echo "argus $(through_argus "$i")" >> "$results"
done

# --- collect: 200 series x 10 minutes at 1 s, backfilled, then collected N times ---------------
sid=bench-collect
port=$(free_port)
post sessions "{\"run_id\":\"$sid\",\"prometheus_port\":$port,\"scrape_interval\":\"1s\"}" > "$work/create.json"
workdir=$(field '["workdir"]' < "$work/create.json")
end=$(( $(date +%s) / 60 * 60 - 180 )); start=$((end - 600))
python3 - "$sid" "$start" "$end" > "$work/backfill.om" <<'PY'
import sys
sid, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
print("# HELP bench_gauge A synthetic gauge for the collect benchmark.")
print("# TYPE bench_gauge gauge")
for s in range(200):
    labels = f'{{series="{s}",job="bench",instance="node{s % 8:02d}:9400",session="{sid}"}}'
    for t in range(start, end + 1):
        print(f"bench_gauge{labels} {(s * 7 + t) % 100} {t}")
print("# EOF")
PY
promtool tsdb create-blocks-from openmetrics "$work/backfill.om" "$workdir/data" > "$work/promtool.log"
post "sessions/$sid/start" "{\"partition\":\"$partition\",\"time_limit\":\"00:10:00\"}" > /dev/null
ws=$(date -u -d "@$start" +%FT%TZ); we=$(date -u -d "@$end" +%FT%TZ)
for i in $(seq 1 "$rounds"); do
  t0=$(now_ms)
  post "sessions/$sid/collect" "{\"window_start\":\"$ws\",\"window_end\":\"$we\",\"out_dir\":\"$sid/run-$i\",\"run_id\":\"run-$i\",\"step\":\"1s\"}" > "$work/collect.json"
  t1=$(now_ms)
  echo "collect $((t1 - t0)) $(field '["series_count"]' < "$work/collect.json") $(field '["row_count"]' < "$work/collect.json")" >> "$results"
done
post "sessions/$sid/stop" '' > /dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
b=$(awk '$1=="bare"{print $2}' "$results" | median); a=$(awk '$1=="argus"{print $2}' "$results" | median)
c=$(awk '$1=="collect"{print $2}' "$results" | median)
series=$(awk '$1=="collect"{print $3}' "$results" | tail -n 1); rows=$(awk '$1=="collect"{print $4}' "$results" | tail -n 1)
echo "runs (what ms [series rows]):"; cat "$results"
printf '| what | median ms | target |\n|---|---|---|\n'
printf '| bare sbatch -> Prometheus /-/ready | %s | |\n' "$b"
printf '| Argus create -> start answers RUNNING, ready | %s | |\n' "$a"
printf '| ratio Argus / bare | %s | <= 1.5 |\n' "$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", a/b}')"
printf '| collect, 10 min x %s series at 1 s (%s rows) | %s | < 2000 |\n' "$series" "$rows" "$c"
