#!/bin/sh
# Installs what stagegap needs to build and test on Debian or Ubuntu, then configures
# and builds it.  Usage: scripts/setup.sh [BUILD_DIR] [extra cmake args...]
# With apt-get as root, or through sudo, it installs missing packages; otherwise it
# prints the exact command to run and stops.
set -eu

BUILD_DIR=${1:-build}
[ $# -gt 0 ] && shift

PACKAGES="gcc make cmake pkg-config libyaml-dev libcmocka-dev libcsv-dev python3 python3-yaml python3-jsonschema"

missing=""
for pkg in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done

if [ -n "$missing" ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: apt-get not found; install these packages with your system's package manager:$missing" >&2
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
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq $missing >/dev/null
fi

cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc 2>/dev/null || echo 2)"
