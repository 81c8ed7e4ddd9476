#!/bin/sh
# Installs what stagegap needs on Debian or Ubuntu, then configures and builds it.
#
#   scripts/setup.sh [--tests | --quick-tests | --package] [--no-build] BUILD_DIR [CMAKE_ARGS...]
#   scripts/setup.sh --windows
#
# Without an option: what building and running needs, on a bare Debian or Ubuntu (a
# minimal root has no C library headers: gcc only recommends libc6-dev, and we install
# without recommends). --quick-tests: also what the release build's tests need (cmocka,
# Python's yaml, jsonschema and openpyxl, groff for the man page check, Chromium for the HTML
# check, jq for the documentation's examples). --tests: also what the rest of scripts/test.sh needs (valgrind, clang and its
# runtime for the fuzzers, clang-format; python-docx, odfpy, LibreOffice Writer and
# poppler's PDF tools for the Word and OpenDocument checks, which it registers with
# -DSTAGEGAP_FULL_TESTS=ON). --package: what scripts/package.sh needs to
# build and check the Debian package (dpkg-dev, file, lintian). --windows: what the
# Windows cross-build and its tests need (mingw-w64 and its zlib, the build machine's gcc
# for the model generator, wine, pandoc for the zip's HTML docs), and nothing else: tests/windows/run_wine.sh builds. --no-build: install,
# then stop without configuring or building. Missing packages are installed with apt-get
# as root, or through sudo; where neither works, it prints the exact command to run and
# stops. Every name below exists in Debian 12 (bookworm) and 13 (trixie); the
# fresh-machine check (scripts/fresh-machine-check.sh) proves it for all but --windows,
# whose names CI proves on Debian 12 only (.ci/run, tests/windows/run_wine.sh).
set -eu

tests=none
build=yes
while [ $# -gt 0 ]; do
    case "$1" in
    --tests) tests=all ;;
    --quick-tests) tests=quick ;;
    --package) tests=package ;;
    --windows) tests=windows build=no ;;
    --no-build) build=no ;;
    *) break ;;
    esac
    shift
done
BUILD_DIR=${1:-build}
[ $# -gt 0 ] && shift

BUILD_PACKAGES="gcc libc6-dev make cmake pkg-config libyaml-dev libcsv-dev libzip-dev libexpat1-dev"
QUICK_TEST_PACKAGES="libcmocka-dev python3 python3-yaml python3-jsonschema python3-openpyxl groff-base chromium jq"
FULL_TEST_PACKAGES="valgrind clang libclang-rt-dev clang-format python3-docx python3-odf libreoffice-writer-nogui poppler-utils"
PACKAGING_PACKAGES="dpkg-dev file lintian"
# gcc and libc6-dev: the build machine's compiler, for tools/model_to_c (docs/windows.md).
WINDOWS_PACKAGES="make cmake gcc libc6-dev gcc-mingw-w64-x86-64 mingw-w64-x86-64-dev libz-mingw-w64-dev wine wine64 pandoc"
case "$tests" in
none) PACKAGES=$BUILD_PACKAGES ;;
quick) PACKAGES="$BUILD_PACKAGES $QUICK_TEST_PACKAGES" ;;
all) PACKAGES="$BUILD_PACKAGES $QUICK_TEST_PACKAGES $FULL_TEST_PACKAGES" ;;
package) PACKAGES="$BUILD_PACKAGES $PACKAGING_PACKAGES" ;;
windows) PACKAGES=$WINDOWS_PACKAGES ;;
esac

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

[ "$build" = yes ] || exit 0
testing=ON
case "$tests" in none | package) testing=OFF ;; esac
full=OFF
[ "$tests" = all ] && full=ON
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=$testing \
    -DSTAGEGAP_FULL_TESTS=$full "$@" >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc 2>/dev/null || echo 2)"
