#!/usr/bin/env bash
# The whole test suite, as the README gives it: provision what the tests need (idempotent), run
# `./mvnw -B verify`, then stop whatever the provisioning started. Extra arguments go to Maven.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export ARGUS_CI_STATE=${ARGUS_CI_STATE:-$(mktemp -d /tmp/argus-ci-state.XXXXXX)}
trap 'bash "$root/src/ci/teardown.sh"' EXIT
bash "$root/src/ci/provision.sh"
cd "$root"
./mvnw -B verify "$@"
