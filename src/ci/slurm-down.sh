#!/usr/bin/env bash
# Stops what slurm-up.sh started, by its pid files only: first every job of that cluster (stopping
# slurmd would leave running jobs behind as orphans), then node_exporter, slurmd, slurmctld and
# munged. A pid file that no longer names the expected binary is ignored, never killed.
#
#   src/ci/slurm-down.sh [--purge]      # --purge also deletes the state directory
set -euo pipefail

BASE=${ARGUS_SLURM_DIR:-${TMPDIR:-/tmp}/argus-slurm}
PURGE=0
[[ ${1:-} == --purge ]] && PURGE=1

log() { printf 'slurm-down: %s\n' "$*" >&2; }

# the same test as in slurm-up.sh: alive, not a zombie, and running the expected binary
alive() { # pidfile binary
  local pid exe
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ $(ps -o stat= -p "$pid" 2>/dev/null) == [!Z]* ]] || return 1
  exe=$(readlink -f "/proc/$pid/exe" 2>/dev/null) || return 1
  [[ $exe == "$(readlink -f "$2")" ]]
}

stop() { # name pidfile binary
  local name=$1 pidfile=$2 bin=$3 pid i
  if ! alive "$pidfile" "$bin"; then
    log "$name not running"
    rm -f "$pidfile"
    return 0
  fi
  pid=$(<"$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    alive "$pidfile" "$bin" || break
    sleep 0.2
  done
  if alive "$pidfile" "$bin"; then
    log "$name (pid $pid) ignored SIGTERM for 10 s; killing"
    kill -KILL "$pid" 2>/dev/null || true
  else
    log "$name stopped (pid $pid)"
  fi
  rm -f "$pidfile"
}

[[ -d $BASE ]] || { log "nothing to stop: $BASE does not exist"; exit 0; }

SLURMCTLD=$(command -v slurmctld || echo /usr/sbin/slurmctld)
SLURMD=$(command -v slurmd || echo /usr/sbin/slurmd)
MUNGED=$(command -v munged || echo /usr/sbin/munged)
NODE_EXPORTER=$(command -v prometheus-node-exporter || echo /usr/bin/prometheus-node-exporter)
export SLURM_CONF=$BASE/etc/slurm.conf

if alive "$BASE/run/slurmctld.pid" "$SLURMCTLD"; then
  jobs=$(squeue -h -o %i 2>/dev/null || true)
  if [[ -n $jobs ]]; then
    log "cancelling jobs: $(echo $jobs)"
    # shellcheck disable=SC2086 # one argument per job id
    scancel $jobs || true
    for ((i = 0; i < 150; i++)); do
      [[ -z $(squeue -h -o %i 2>/dev/null) ]] && break
      sleep 0.2
    done
    [[ -z $(squeue -h -o %i 2>/dev/null) ]] || log "warning: jobs still listed after 30 s: $(squeue -h 2>&1 | tr '\n' ' ')"
  fi
fi

stop node_exporter "$BASE/run/node_exporter.pid" "$NODE_EXPORTER"
stop slurmd "$BASE/run/slurmd.pid" "$SLURMD"
stop slurmctld "$BASE/run/slurmctld.pid" "$SLURMCTLD"
stop munged "$BASE/run/munged.pid" "$MUNGED"
rm -f "$BASE/run/node_exporter.addr"

if ((PURGE)); then
  rm -rf -- "$BASE"
  log "removed $BASE"
fi
