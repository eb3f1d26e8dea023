#!/usr/bin/env bash
# Start-up time and resident memory of the Argus bundle next to a bare Payara Micro serving one
# servlet, measured in the same run, interleaved, N rounds each (default 3).
#   src/bench/startup.sh [rounds]        (after ./mvnw -B package -DskipTests)
# Time = launch to the first HTTP 200 (Argus: /health/ready; baseline: /hello), polled every 100 ms.
# RSS = VmRSS of the JVM 10 s after that first 200.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-3}
work=$(mktemp -d /tmp/argus-bench-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT
micro="$root/payara/target/bundle/payara-micro.jar"
bundle="$root/payara/target/argus.jar"
[ -f "$bundle" ] && [ -f "$micro" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }

api=$(find ~/.m2/repository/jakarta/servlet/jakarta.servlet-api -name 'jakarta.servlet-api-6.0.0.jar' | head -n 1)
[ -n "$api" ] || api=$(find ~/.m2/repository/jakarta/platform/jakarta.jakartaee-api -name '*.jar' | head -n 1)
mkdir -p "$work/hello/WEB-INF/classes"
javac -d "$work/hello/WEB-INF/classes" -cp "$api" "$root/src/bench/hello/Hello.java"
(cd "$work/hello" && jar cf "$work/hello.war" WEB-INF)

port=28480
measure() { # name url command...
  local name=$1 url=$2; shift 2
  local start end pid rss
  start=$(date +%s%N)
  (cd "$work" && exec "$@" > "$work/$name.log" 2>&1) & pid=$!
  until curl -sf -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name died" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  sleep 10
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$name $(( (end - start) / 1000000 )) $(( rss / 1024 ))"
}

results="$work/results"
for i in $(seq 1 "$rounds"); do
  port=$((port + 1))
  measure baseline "http://127.0.0.1:$port/hello/hello" java -jar "$micro" --nocluster --port "$port" --deploy "$work/hello.war" >> "$results"
  port=$((port + 1))
  rm -rf "$work/data"
  measure argus "http://127.0.0.1:$port/health/ready" java -jar "$bundle" --port "$port" >> "$results"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
b_ms=$(awk '$1=="baseline"{print $2}' "$results" | median); a_ms=$(awk '$1=="argus"{print $2}' "$results" | median)
b_rss=$(awk '$1=="baseline"{print $3}' "$results" | median); a_rss=$(awk '$1=="argus"{print $3}' "$results" | median)
echo "runs (name ms-to-first-200 rss-MiB):"; cat "$results"
printf '| what | start-up to first 200 (median ms) | RSS 10 s later (median MiB) |\n|---|---|---|\n'
printf '| bare Payara Micro, one servlet | %s | %s |\n' "$b_ms" "$b_rss"
printf '| Argus bundle (H2 default) | %s | %s |\n' "$a_ms" "$a_rss"
printf '| ratio Argus / bare | %s | %s |\n' "$(awk -v a="$a_ms" -v b="$b_ms" 'BEGIN{printf "%.2f", a/b}')" "$(awk -v a="$a_rss" -v b="$b_rss" 'BEGIN{printf "%.2f", a/b}')"
