#!/usr/bin/env bash
# A single-node SLURM (munge, slurmctld, slurmd) and node_exporter for the session tests.
# Needs root; elsewhere the SLURM tests skip themselves and say why, except under CI (CI=true),
# where a missing SLURM is an error here and in the tests.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
state=${ARGUS_CI_STATE:?}
if [ "$(id -u)" -ne 0 ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "[provision] not root: cannot start SLURM (munge, slurmctld, slurmd), and CI=true needs it for the tests" >&2
    exit 1
  fi
  echo "[provision] not root: no SLURM for the tests (they will be skipped)"
  exit 0
fi
export ARGUS_SLURM_DIR=${ARGUS_SLURM_DIR:-/tmp/argus-slurm}
running_before=0
pid=$(cat "$ARGUS_SLURM_DIR/run/slurmctld.pid" 2>/dev/null || true)
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then running_before=1; fi
bash "$here/slurm-up.sh" > "$state/slurm.env"
cat "$state/slurm.env" >> "$state/env"
[ "$running_before" -eq 1 ] || echo "slurm $ARGUS_SLURM_DIR" >> "$state/started"
