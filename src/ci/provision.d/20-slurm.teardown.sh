#!/usr/bin/env bash
# Stops the SLURM cluster 20-slurm.sh started (not one that was running before it).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
state=${ARGUS_CI_STATE:?}
dir=$(awk '$1 == "slurm" {print $2}' "$state/started" 2>/dev/null | tail -n 1)
[ -n "$dir" ] || exit 0
ARGUS_SLURM_DIR="$dir" bash "$here/slurm-down.sh" --purge
