#!/bin/sh
# Quick start, part one: set up, build, and assess a bundled example organisation.
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh build
./build/stagegap assess data/examples/eastbrook-mid-implementation.yaml
