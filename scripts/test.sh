#!/bin/sh
# Quick start, part two: set up, build with warnings as errors, and run the whole test
# suite: the release build, then the address + undefined sanitizer build.
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh build -DSTAGEGAP_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
scripts/setup.sh build-asan -DSTAGEGAP_WERROR=ON -DSTAGEGAP_SANITIZE=ON
ctest --test-dir build-asan --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
