#!/bin/sh
# The telemetry store benchmark (docs/benchmarks.md, section "Telemetry store").
#   (a) ingest: generated hours of 8 GPUs x 20 metrics at 1 Hz through Argus's write path (buffer ->
#       drain -> COPY), then the same rows with psql \copy into the same, emptied table;
#   (b) read: one GPU x 1 h x 20 metrics (72 000 rows) through the API of the running bundle vs a
#       plain JDBC read of the same rows;
#   (c) step: a 24 h query with step=60s through the API on a table of BIG_ROWS rows (default 55.3
#       million: 32 GPUs x 20 metrics x 86 400 s), generated inside PostgreSQL.
# Needs: the built bundle (./mvnw -B package -DskipTests), PostgreSQL on 127.0.0.1:5432 (trust, postgres), psql.
# Usage: [RATIO_SECONDS=7200] [ROUNDS=3] src/bench/telemetry/telemetry.sh [seconds-of-ingest] [big-gpus]
# The ingest ratio alternates Argus and psql runs of the same rows (RATIO_SECONDS of data each) so that
# load from other work on the machine hits both alike; then a whole day goes through Argus for (b).
set -eu
cd "$(dirname "$0")/../../.."
SECONDS_OF_DATA=${1:-86400}
BIG_GPUS=${2:-32}
RATIO_SECONDS=${RATIO_SECONDS:-7200}
PHASES=${PHASES:-"ratio day read step"}
has() { case " $PHASES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
ROUNDS=${ROUNDS:-3}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
DB=argus_bench_$$
# BIG_DB=name keeps the generated day table in that database and reuses it in later runs
BIG=${BIG_DB:-argus_bench_big_$$}
WORK=$(mktemp -d)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  [ -n "${BIG_DB:-}" ] || $PSQL -d postgres -c "DROP DATABASE IF EXISTS $BIG WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

./mvnw -B -q -o dependency:build-classpath -pl ejb -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="ejb/target/classes:$(cat "$WORK/cp.txt")"
bench() { java -Xmx3g -cp "$CP" src/bench/telemetry/TelemetryBench.java "$@"; }
start_argus() {
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
  ARGUS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$1" ARGUS_DB_USER=postgres \
    java -Xmx1g -jar payara/target/argus.jar --port "$PORT" >"$WORK/argus.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "Argus did not become ready"; tail -50 "$WORK/argus.log"; exit 1
}
stop_argus() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

$PSQL -d postgres -c "CREATE DATABASE $DB"
if has ratio; then
echo "== (a) ingest ratio: $RATIO_SECONDS s x 8 GPUs x 20 metrics, Argus and psql alternating, $ROUNDS rounds"
for round in $(seq 1 "$ROUNDS"); do
  $PSQL -d "$DB" -c "DO \$\$ BEGIN IF to_regclass('sample') IS NOT NULL THEN TRUNCATE sample; END IF; END \$\$"
  bench ingest "jdbc:postgresql://127.0.0.1:5432/$DB" "$RATIO_SECONDS" "$WORK/rows.tsv"
  ROWS=$(wc -l <"$WORK/rows.tsv")
  $PSQL -d "$DB" -c "TRUNCATE sample" -c "CHECKPOINT"
  START=$(date +%s.%N)
  $PSQL -d "$DB" -c "\\copy sample (ts, series_id, metric_id, value) FROM '$WORK/rows.tsv'"
  END=$(date +%s.%N)
  python3 -c "r=$ROWS; t=$END-$START; print(f'psql_rows={r} psql_seconds={t:.2f} psql_rows_per_second={r/t:.0f}')"
  $PSQL -d "$DB" -c "CHECKPOINT"
done
rm -f "$WORK/rows.tsv"
fi

if has day; then
echo "== the day: $SECONDS_OF_DATA s x 8 GPUs x 20 metrics through Argus's write path"
$PSQL -d "$DB" -c "DO \$\$ BEGIN IF to_regclass('sample') IS NOT NULL THEN TRUNCATE sample; END IF; END \$\$"
bench ingest "jdbc:postgresql://127.0.0.1:5432/$DB" "$SECONDS_OF_DATA" -
$PSQL -d "$DB" -c "VACUUM ANALYZE sample"
fi

if has read; then
echo "== (b) read: one GPU x 1 h x 20 metrics, API vs JDBC"
start_argus "$DB"
bench read "jdbc:postgresql://127.0.0.1:5432/$DB" "http://127.0.0.1:$PORT" 15
stop_argus
fi

has step || exit 0
echo "== (c) 24 h, step=60s, on a table of $BIG_GPUS GPUs x 20 metrics x 86 400 s"
if [ -n "$($PSQL -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$BIG'")" ]; then
  echo "reusing $BIG: $($PSQL -d "$BIG" -Atc "SELECT count(*) FROM sample") rows"
else
$PSQL -d postgres -c "CREATE DATABASE $BIG"
start_argus "$BIG"   # migrates the schema
stop_argus
$PSQL -d "$BIG" <<SQL
INSERT INTO host (node_id, hostname, first_seen, last_seen) VALUES ('dgx-big', 'dgx-big', now(), now());
INSERT INTO gpu (uuid, gpu_index, device, model_name, hostname, first_seen, last_seen)
  SELECT format('GPU-b1900000-0000-0000-0000-%s', lpad(g::text, 12, '0')), g, 'nvidia' || g, 'NVIDIA H100 80GB HBM3',
         'dgx-big', now(), now() FROM generate_series(0, $BIG_GPUS - 1) g;
INSERT INTO series (gpu_id) SELECT id FROM gpu;
CREATE TABLE sample_20261101 PARTITION OF sample FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-11-02 00:00:00+00');
\\timing on
INSERT INTO sample (ts, series_id, metric_id, value)
  SELECT timestamptz '2026-11-01 00:00:00+00' + make_interval(secs => s), se.id, m, (m * 10 + (s + se.id) % 10)::float8
  FROM generate_series(0, 86399) s CROSS JOIN series se CROSS JOIN generate_series(1, 20) m;
VACUUM ANALYZE sample;
SELECT count(*) AS big_rows FROM sample;
SQL
fi
start_argus "$BIG"
bench step "http://127.0.0.1:$PORT" "GPU-b1900000-0000-0000-0000-000000000001" "2026-11-01T00:00:00Z" 21
stop_argus
