#!/bin/sh
# Builds the three variants of the fake libnvidia-ml.so.1 into the directory given as $1.
set -eu

out=${1:?usage: build.sh <output directory>}
src=$(cd "$(dirname "$0")" && pwd)/fake_nvml.c
cc=${CC:-gcc}

if ! command -v "$cc" >/dev/null 2>&1; then
    echo "ERROR: '$cc' not found. The NVML integration tests load a fake libnvidia-ml.so.1 that the" >&2
    echo "ERROR: build compiles from src/nvml-fake/fake_nvml.c; install gcc (Debian: apt-get install gcc)." >&2
    exit 1
fi

# -fvisibility=hidden keeps the export list exact: the missing-symbol tests depend on it.
build() {
    dir=$1; shift
    mkdir -p "$dir"
    lib=$dir/libnvidia-ml.so.1
    if [ -f "$lib" ] && [ "$lib" -nt "$src" ] && [ "$lib" -nt "$0" ]; then
        return 0
    fi
    "$cc" -std=c11 -O2 -Wall -Wextra -Werror -shared -fPIC -fvisibility=hidden \
        -Wl,-soname,libnvidia-ml.so.1 "$@" -o "$lib" "$src"
    echo "built $lib"
}

build "$out/current"
build "$out/old" -DFAKE_OLD_DRIVER
build "$out/r535" -DFAKE_R535
