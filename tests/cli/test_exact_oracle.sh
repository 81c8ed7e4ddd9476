#!/bin/sh
# The scoring engine against an independent scorer in exact fractions, written from
# docs/scoring.md alone (tests/tools/oracle.py): random assessments of two models,
# every number of the JSON report compared at the precision it is shown, and the
# cases floating point used to get wrong (a stage exactly on a band's minimum, a mean
# exactly at the acted-on mark in all 120 file orders, an impact of 1.25, ties).
set -u
bin=$1
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipping"; exit 77; }
# Under valgrind every run is slow: fewer random assessments, the targeted cases all.
case ${STAGEGAP_TEST_RUNNER:-} in *valgrind*) n=10 ;; *) n=80 ;; esac
exec python3 tests/tools/oracle.py "$bin" "${ORACLE_ASSESSMENTS:-$n}"
