#!/bin/sh
# jobs_golden.sh STAGEGAP GOLDEN_PREFIX EXPECTED_EXIT COMMAND ARGS...
# Runs a golden test's command line (golden.sh) again with --jobs N after COMMAND, for
# each N in JOBS_GOLDEN (default "1 2 3 8"): the output, diagnostics and exit status
# must be the golden ones, the same bytes however many threads read the files.
set -u
bin=$1 golden=$2 want=$3 cmd=$4
shift 4
here=$(dirname "$0")
unset UPDATE_GOLDEN
status=0
for n in ${JOBS_GOLDEN:-1 2 3 8}; do
    if ! sh "$here/golden.sh" "$bin" "$golden" "$want" "$cmd" --jobs "$n" "$@"; then
        echo "with --jobs $n: differs from the golden files" >&2
        status=1
    fi
done
exit $status
