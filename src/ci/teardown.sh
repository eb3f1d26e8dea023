#!/usr/bin/env bash
# Stops what src/ci/provision.sh started (and only that), newest first.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
state=${ARGUS_CI_STATE:-/tmp/argus-ci-state}
[ -f "$state/started" ] || exit 0
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

for extra in "$here"/provision.d/*.teardown.sh; do
  [ -e "$extra" ] || continue
  ARGUS_CI_STATE="$state" bash "$extra" || true
done
tac "$state/started" | while read -r kind a b c; do
  case "$kind" in
    postgresql) echo "[teardown] stopping PostgreSQL $a/$b"; as_root pg_ctlcluster --skip-systemctl-redirect "$a" "$b" stop || true ;;
    postgresql-installed)
      # the package's own install may have started the cluster before provision.sh looked; what this
      # run installed, it stops
      for version in $(ls /etc/postgresql 2>/dev/null); do
        if pg_ctlcluster --skip-systemctl-redirect "$version" main status >/dev/null 2>&1; then
          echo "[teardown] stopping PostgreSQL $version/main (installed by this run)"
          as_root pg_ctlcluster --skip-systemctl-redirect "$version" main stop || true
        fi
      done ;;
  esac
done
rm -f "$state/started"
