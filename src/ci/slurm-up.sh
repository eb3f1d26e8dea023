#!/usr/bin/env bash
# Starts a single-node SLURM cluster (munged, slurmctld, slurmd) and a node_exporter for tests,
# without systemd, with every file under one state directory. Safe to run again: whatever is
# already running is left alone. Progress goes to stderr; stdout carries only KEY=value lines:
#
#   set -a; . <(src/ci/slurm-up.sh); set +a      # or: src/ci/slurm-up.sh > slurm.env
#
# Knobs (environment): ARGUS_SLURM_DIR (state directory, default ${TMPDIR:-/tmp}/argus-slurm),
# SLURMCTLD_PORT (6817), SLURMD_PORT (6818), NODE_EXPORTER_PORT (9100; 0 = no node_exporter),
# SLURM_READY_TIMEOUT (seconds, 30), ARGUS_SLURM_INSTALL (1; 0 = never call apt-get).
# A busy port is replaced by the next free one when the cluster is first configured.
set -euo pipefail

BASE=${ARGUS_SLURM_DIR:-${TMPDIR:-/tmp}/argus-slurm}
READY_TIMEOUT=${SLURM_READY_TIMEOUT:-30}

log() { printf 'slurm-up: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ $(id -u) -eq 0 ]] || die "must run as root (slurmd needs it)"
[[ $BASE == /* ]] || die "ARGUS_SLURM_DIR must be absolute: daemons chdir to / and would not find relative paths"
[[ $BASE =~ ^[A-Za-z0-9._/-]+$ ]] || die "ARGUS_SLURM_DIR may hold only letters, digits, '.', '_', '-' and '/': it is written unquoted into slurm.conf"

# --- packages ---------------------------------------------------------------------------------
PACKAGES=(munge slurmctld slurmd slurm-client prometheus prometheus-node-exporter)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  [[ ${ARGUS_SLURM_INSTALL:-1} == 1 ]] || die "missing packages: ${missing[*]} (ARGUS_SLURM_INSTALL=0)"
  log "installing (missing: ${missing[*]})"
  # Without a policy-rc.d the postinst scripts would start system-wide prometheus, node_exporter,
  # munge and slurm on their default ports; forbid that for the duration of the install only.
  policy=/usr/sbin/policy-rc.d
  added_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 0755 "$policy" && added_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  rc=0
  { apt-get update -q && apt-get install -y -q munge slurm-wlm prometheus prometheus-node-exporter; } >&2 || rc=$?
  ((added_policy)) && rm -f "$policy"
  ((rc == 0)) || die "apt-get failed (rc $rc)"
else
  log "packages present"
fi

# --- helpers ----------------------------------------------------------------------------------
# A pid file names our daemon only if that process is alive, not a zombie (PID 1 here reaps
# slowly and kill -0 succeeds on zombies), and runs the expected binary (alternatives turn
# /usr/sbin/slurmctld into slurmctld-wlm, hence readlink -f on both sides).
alive() { # pidfile binary
  local pid exe
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ $(ps -o stat= -p "$pid" 2>/dev/null) == [!Z]* ]] || return 1
  exe=$(readlink -f "/proc/$pid/exe" 2>/dev/null) || return 1
  [[ $exe == "$(readlink -f "$2")" ]]
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() { # preferred
  local p=$1
  while port_busy "$p"; do p=$((p + 1)); done
  echo "$p"
}

wait_for() { # seconds description command...
  local deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  log "$what"
}

tails() {
  for f in "$BASE"/log/*.log; do
    [[ -f $f ]] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }
  done
}

MUNGED=$(command -v munged || echo /usr/sbin/munged)
SLURMCTLD=$(command -v slurmctld || echo /usr/sbin/slurmctld)
SLURMD=$(command -v slurmd || echo /usr/sbin/slurmd)
NODE_EXPORTER=$(command -v prometheus-node-exporter || echo /usr/bin/prometheus-node-exporter)

mkdir -p "$BASE"/{etc,log,run,state/ctld,state/d}
# munged refuses a socket directory that others cannot traverse, and a key directory they can.
install -d -m 0755 "$BASE/munge"
install -d -m 0700 "$BASE/munge-key"
CONF=$BASE/etc/slurm.conf
SOCKET=$BASE/munge/munge.socket

# --- munge ------------------------------------------------------------------------------------
[[ -s $BASE/munge-key/munge.key ]] || {
  mungekey --create --keyfile="$BASE/munge-key/munge.key"
  chmod 0400 "$BASE/munge-key/munge.key"
}
if alive "$BASE/run/munged.pid" "$MUNGED"; then
  log "munged already running (pid $(<"$BASE/run/munged.pid"))"
else
  "$MUNGED" --key-file="$BASE/munge-key/munge.key" --socket="$SOCKET" \
    --pid-file="$BASE/run/munged.pid" --log-file="$BASE/log/munged.log" \
    --seed-file="$BASE/run/munged.seed"
  wait_for 10 "munged started" \
    bash -c "munge -S '$SOCKET' -n | unmunge -S '$SOCKET'" || { tails; die "munged does not answer"; }
fi

# --- slurm.conf (written once; ports chosen then stay fixed) ------------------------------------
if [[ ! -s $CONF ]]; then
  ctld_port=$(free_port "${SLURMCTLD_PORT:-6817}")
  d_port=$(free_port "${SLURMD_PORT:-6818}")
  [[ $d_port != "$ctld_port" ]] || d_port=$(free_port $((ctld_port + 1)))
  cpus=$(nproc)
  # RealMemory above the real amount would drain the node; 80 % leaves room for rounding.
  mem=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.8 }' /proc/meminfo)
  cat > "$CONF.tmp" <<EOF
# single-node test cluster written by slurm-up.sh
ClusterName=argus-ci
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$ctld_port
SlurmdPort=$d_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$BASE/state/ctld
SlurmdSpoolDir=$BASE/state/d
SlurmctldPidFile=$BASE/run/slurmctld.pid
SlurmdPidFile=$BASE/run/slurmd.pid
SlurmctldLogFile=$BASE/log/slurmctld.log
SlurmdLogFile=$BASE/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# cgroup plugins would need cgroup.conf and touch the host's /sys/fs/cgroup; linuxproc needs neither
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$BASE/log/jobcomp.txt
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# reject a time limit above the partition's MaxTime at submission instead of pending forever
EnforcePartLimits=ALL
ReturnToService=2
KillWait=5
MinJobAge=300
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
# more Prometheus sessions than cores must run at once
PartitionName=cpu Nodes=localhost Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
PartitionName=debug Nodes=localhost MaxTime=00:30:00 State=UP OverSubscribe=FORCE:4
EOF
  mv "$CONF.tmp" "$CONF"
  log "wrote $CONF (slurmctld :$ctld_port, slurmd :$d_port)"
fi
export SLURM_CONF=$CONF

# --- slurmctld, slurmd --------------------------------------------------------------------------
if alive "$BASE/run/slurmctld.pid" "$SLURMCTLD"; then
  log "slurmctld already running (pid $(<"$BASE/run/slurmctld.pid"))"
else
  # -c throws away saved job state: right for a fresh cluster, wrong when only slurmctld died
  # while slurmd still runs jobs.
  fresh=-c
  alive "$BASE/run/slurmd.pid" "$SLURMD" && fresh=
  "$SLURMCTLD" $fresh -f "$CONF"
  wait_for 15 "slurmctld started" alive "$BASE/run/slurmctld.pid" "$SLURMCTLD" \
    || { tails; die "slurmctld did not start"; }
fi
if alive "$BASE/run/slurmd.pid" "$SLURMD"; then
  log "slurmd already running (pid $(<"$BASE/run/slurmd.pid"))"
else
  # -N keeps the node name independent of the machine's (possibly unresolvable) hostname.
  "$SLURMD" -f "$CONF" -N localhost
  wait_for 15 "slurmd started" alive "$BASE/run/slurmd.pid" "$SLURMD" \
    || { tails; die "slurmd did not start"; }
fi
node_up() { [[ $(sinfo -h -n localhost -o %T 2>/dev/null) =~ ^(idle|mixed|allocated) ]]; }
wait_for "$READY_TIMEOUT" "node localhost is up" node_up \
  || { sinfo >&2 || true; tails; die "node did not become idle within ${READY_TIMEOUT}s"; }

# --- node_exporter ------------------------------------------------------------------------------
ne_addr=
if [[ ${NODE_EXPORTER_PORT:-9100} != 0 ]]; then
  if alive "$BASE/run/node_exporter.pid" "$NODE_EXPORTER" && [[ -s $BASE/run/node_exporter.addr ]]; then
    ne_addr=$(<"$BASE/run/node_exporter.addr")
    log "node_exporter already running on $ne_addr (pid $(<"$BASE/run/node_exporter.pid"))"
  else
    ne_addr=127.0.0.1:$(free_port "${NODE_EXPORTER_PORT:-9100}")
    # the systemd collector fails on every scrape without a system bus
    setsid "$NODE_EXPORTER" --web.listen-address="$ne_addr" --no-collector.systemd \
      >>"$BASE/log/node_exporter.log" 2>&1 </dev/null &
    echo $! > "$BASE/run/node_exporter.pid"
    echo "$ne_addr" > "$BASE/run/node_exporter.addr"
    wait_for 15 "node_exporter answers on $ne_addr" curl -fsS -o /dev/null "http://$ne_addr/metrics" \
      || { tails; die "node_exporter did not answer on $ne_addr"; }
  fi
fi

# --- what tests need ---------------------------------------------------------------------------
{
  echo "ARGUS_SLURM_DIR=$BASE"
  echo "SLURM_CONF=$CONF"
  echo "SLURM_PARTITION=debug"
  echo "PROMETHEUS_BIN=$(command -v prometheus || echo /usr/bin/prometheus)"
  [[ -z $ne_addr ]] || echo "NODE_EXPORTER_ADDR=$ne_addr"
} > "$BASE/env.tmp"
mv "$BASE/env.tmp" "$BASE/env"
cat "$BASE/env"
