#!/usr/bin/env bash
# The whole test suite, as the README gives it: provision what the tests need (idempotent), run
# `./mvnw -B verify`, then stop whatever the provisioning started. Extra arguments go to Maven.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export ARGUS_CI_STATE=${ARGUS_CI_STATE:-$(mktemp -d /tmp/argus-ci-state.XXXXXX)}
trap 'bash "$root/src/ci/teardown.sh"' EXIT
bash "$root/src/ci/provision.sh"
# what the provisioning started tells the tests where it is (SLURM_CONF, NODE_EXPORTER_ADDR, …)
set -a
. "$ARGUS_CI_STATE/env"
set +a
cd "$root"
./mvnw -B verify "$@"
