#!/bin/sh
# Installs what stagegap needs on Debian or Ubuntu, then configures and builds it.
#
#   scripts/setup.sh [--tests] BUILD_DIR [CMAKE_ARGS...]
#
# Without --tests: what building and running needs. With --tests: also what the whole
# test suite needs (cmocka, Python's jsonschema, valgrind, clang for the fuzzers,
# clang-format, Chromium for the HTML check). Missing packages are installed with
# apt-get as root, or through sudo; where neither works, it prints the exact command
# to run and stops.
set -eu

tests=no
if [ "${1:-}" = "--tests" ]; then
    tests=yes
    shift
fi
BUILD_DIR=${1:-build}
[ $# -gt 0 ] && shift

PACKAGES="gcc make cmake pkg-config libyaml-dev libcsv-dev"
if [ "$tests" = yes ]; then
    PACKAGES="$PACKAGES libcmocka-dev python3 python3-yaml python3-jsonschema valgrind
        clang libclang-rt-dev clang-format chromium groff-base"
fi

missing=""
for pkg in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done

if [ -n "$missing" ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: apt-get not found; install these with your package manager:$missing" >&2
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ]; then
        as_root=""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        as_root="sudo"
    else
        echo "setup: these packages are missing:$missing" >&2
        echo "setup: run this as root, then run me again:" >&2
        echo "    apt-get update && apt-get install -y$missing" >&2
        exit 1
    fi
    echo "setup: installing$missing" >&2
    $as_root apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends \
        $missing >/dev/null
fi

testing=OFF
[ "$tests" = yes ] && testing=ON
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=$testing "$@" >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc 2>/dev/null || echo 2)"
