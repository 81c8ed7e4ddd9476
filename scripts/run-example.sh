#!/bin/sh
# Quick start, part one: install what is missing, build, and assess a bundled example
# organisation (a fictional council part-way through implementing Signs of Safety).
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh build-example
./build-example/stagegap assess data/examples/eastbrook-mid-implementation.yaml
