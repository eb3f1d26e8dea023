#!/bin/sh
# The cluster benchmark (docs/benchmarks.md, section "Cluster: a fleet pushing to one store").
# A private PostgreSQL 15 cluster (port 5439, so that its CPU can be told apart from other users of
# the machine's server), one Argus API node on it, and FleetSimulator.java pushing N simulated nodes
# x 8 GPUs x 20 metrics at 1 Hz through the push path, for each N in NODES; then the raw ceiling:
# psql \copy of rows of the same shape into the same table.
# Needs: root (pg_createcluster), the built bundle (./mvnw -B package -DskipTests), psql.
# Usage: [STEPS="1:25 1:50 1:100 5:100 5:200 5:400"] [SECONDS_PER_STEP=20] src/bench/cluster/fleet.sh
# A step k:N is N nodes each pushing k seconds of samples at a time (k=1: every second, as a
# collector does by default at a 1 s interval; k=5: a collector with writer.interval=PT5S).
set -eu
cd "$(dirname "$0")/../../.."
STEPS=${STEPS:-"1:25 1:50 1:100 5:100 5:200 5:400"}
STEP=${SECONDS_PER_STEP:-20}
PGPORT=5439
CLUSTER=fleetbench
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=1 -q"
WORK=$(mktemp -d)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  pg_dropcluster --stop 15 "$CLUSTER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

pg_createcluster 15 "$CLUSTER" --port "$PGPORT" -- --auth-host=trust --auth-local=trust >/dev/null
# the settings of the machine's main server, which the other benchmarks measured
pg_conftool 15 "$CLUSTER" set shared_buffers 512MB
pg_conftool 15 "$CLUSTER" set max_connections 200
pg_ctlcluster 15 "$CLUSTER" start
$PSQL -d postgres -c "CREATE DATABASE argus"

./mvnw -B -q -o dependency:build-classpath -pl ejb -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="ejb/target/classes:$(cat "$WORK/cp.txt")"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
ARGUS_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/argus" ARGUS_DB_USER=postgres ARGUS_ROLE=api ARGUS_NODE_ID=api-1 \
  ARGUS_LOG_FORMAT=json java -Xmx1g -jar payara/target/argus.jar --port "$PORT" >"$WORK/argus.log" 2>&1 &
PID=$!
for _ in $(seq 1 480); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { echo "Argus did not become ready"; tail -50 "$WORK/argus.log"; exit 1; }

echo "== fleet: N nodes x 8 GPUs x 20 metrics at 1 Hz pushed to one API node, $STEP s per step (load: $(cut -d' ' -f1-3 /proc/loadavg))"
for S in $STEPS; do
  java -Xmx1g -cp "$CP" src/bench/cluster/FleetSimulator.java "http://127.0.0.1:$PORT/" "${S#*:}" "$STEP" "15/$CLUSTER" "$PID" "${S%%:*}"
done
$PSQL -d argus -t -c "SELECT 'samples_in_store=' || count(*) FROM sample"

echo "== raw ceiling: psql \\copy of 2 000 000 rows of the same shape into the same table"
ROWS=2000000
# series ids of the fleet's own series, 160 rows per series and second, like the pushes
$PSQL -d argus -t -A -c "COPY (SELECT now() - (g / 2560) * interval '1 second', (SELECT min(id) FROM series) + g % (SELECT count(*) FROM series),
  (SELECT id FROM metric WHERE name = 'gpu_power_watts'), g % 100 FROM generate_series(0, $ROWS - 1) g) TO STDOUT" >"$WORK/rows.tsv"
$PSQL -d argus -c "CHECKPOINT"
START=$(date +%s.%N)
$PSQL -d argus -c "\\copy sample (ts, series_id, metric_id, value) FROM '$WORK/rows.tsv'"
END=$(date +%s.%N)
python3 -c "r=$ROWS; t=$END-$START; print(f'psql_copy_rows={r} seconds={t:.2f} rows_per_second={r/t:.0f}')"
$PSQL -d argus -c "ANALYZE sample"
$PSQL -d argus -t -A -c "SELECT 'partition ' || c.relname || ' rows=' || c.reltuples::bigint || ' bytes=' || pg_total_relation_size(c.oid)
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'sample'::regclass AND c.reltuples > 0" || true
$PSQL -d argus -t -A -c "SELECT 'bytes_per_sample=' || round((sum(pg_total_relation_size(c.oid)) / GREATEST(1, sum(c.reltuples)))::numeric, 1)
  || ' (table and indexes, ' || sum(c.reltuples)::bigint || ' rows)'
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'sample'::regclass"
