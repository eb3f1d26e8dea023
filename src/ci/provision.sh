#!/usr/bin/env bash
# Provisions what the test suite needs on a Debian machine, idempotently:
#   - Debian packages the tests use (installed only when missing; needs root or sudo)
#   - PostgreSQL on 127.0.0.1:5432, started if it is down
# Every service this script starts is recorded in $ARGUS_CI_STATE/started, so that
# src/ci/teardown.sh stops exactly those and nothing that was running before.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state=${ARGUS_CI_STATE:-/tmp/argus-ci-state}
mkdir -p "$state"
touch "$state/started" "$state/env"

log() { printf '[provision] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: gcc builds the test double of libnvidia-ml; psql and the server for PostgreSQL;
# chromium and its driver run the console's browser test (headless, through Selenium).
need=()
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
command -v curl >/dev/null 2>&1 || need+=(curl)
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then need+=(postgresql); fi
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  [[ " ${need[*]} " == *" postgresql "* ]] && echo "postgresql-installed" >> "$state/started"
fi

# promtool (alert rules in the build) and prometheus (the dashboards' system test) come with Debian's
# prometheus package. Its postinst would start a system-wide Prometheus on :9090; a policy-rc.d
# forbids that for the duration of the install only.
if ! command -v promtool >/dev/null 2>&1 || [ ! -x /usr/bin/prometheus ]; then
  log "installing prometheus (promtool)"
  policy=/usr/sbin/policy-rc.d
  added_policy=0
  if [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 0755 $policy" && added_policy=1
  fi
  rc=0
  { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null; } || rc=$?
  [ "$added_policy" -eq 1 ] && as_root rm -f "$policy"
  [ "$rc" -eq 0 ] || { log "apt-get install prometheus failed ($rc)"; exit 1; }
fi

# PostgreSQL: the tests connect to 127.0.0.1:5432 as postgres (argus.it.postgres.* overrides).
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ! pg_up; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    log "no PostgreSQL cluster is configured under /etc/postgresql"; exit 1
  fi
  log "starting PostgreSQL $version/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  echo "postgresql $version main" >> "$state/started"
  for _ in $(seq 1 60); do pg_up && break; sleep 0.5; done
  pg_up || { log "PostgreSQL did not come up on 127.0.0.1:5432"; exit 1; }
fi

# A PostgreSQL this script installed is ours to configure: trust local TCP, as the tests expect.
if grep -q '^postgresql-installed$' "$state/started" 2>/dev/null; then
  hba=$(ls /etc/postgresql/*/main/pg_hba.conf | sort -V | tail -n 1)
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    log "trusting 127.0.0.1 in $hba (PostgreSQL was installed for the tests)"
    as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(basename "$(dirname "$(dirname "$hba")")")" main reload
  fi
fi

user=${ARGUS_IT_POSTGRES_USER:-postgres}
if ! psql -h 127.0.0.1 -U "$user" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  log "PostgreSQL on 127.0.0.1:5432 refuses '$user' without a password."
  log "Trust local TCP for it (pg_hba.conf: 'host all all 127.0.0.1/32 trust') or run the tests with"
  log "  -Dargus.it.postgres.url=jdbc:postgresql://127.0.0.1:5432/postgres?password=... -Dargus.it.postgres.user=..."
  exit 1
fi
log "PostgreSQL ready on 127.0.0.1:5432"

# Further services (SLURM, munge, Prometheus, node_exporter) are provisioned by the
# scripts beside this one as the features that test against them land.
for extra in "$here"/provision.d/*.sh; do
  [ -e "$extra" ] || continue
  case "$extra" in *.teardown.sh) continue ;; esac
  log "running $(basename "$extra")"
  ARGUS_CI_STATE="$state" bash "$extra"
done
