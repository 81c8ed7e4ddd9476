#!/bin/sh
# bench/import.sh - how long "stagegap import" takes to turn a survey export of many
# respondents into answers files (issue 27). See docs/performance.md.
#
#   bench/import.sh [STAGEGAP]   time STAGEGAP (default: build/stagegap) importing a
#                                CSV of BENCH_IMPORT_SIZES respondents (default 100000)
#                                answering the built-in model's 41 questions; the best
#                                of BENCH_RUNS (default 3) wall-clock times, and the
#                                user and system CPU seconds of that run
#
# Environment: BENCH_DIR (where the export and the answers go: a directory on the disk
# to measure, as writing and syncing the files is most of the cost; default $TMPDIR or
# /tmp), BENCH_IMPORT_SIZES, BENCH_RUNS. The export is made with awk, the same bytes
# every time: ids, a completion time, and answers 0-10 with some n/a and unknown.
# The time results ("set -- $best") are split into words on purpose.
# shellcheck disable=SC2086
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-$root/build/stagegap}
sizes=${BENCH_IMPORT_SIZES:-100000}
runs=${BENCH_RUNS:-3}
base=${BENCH_DIR:-${TMPDIR:-/tmp}}
work=$(mktemp -d "$base/stagegap-bench-import.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

[ -x "$bin" ] || { echo "bench/import.sh: no stagegap at $bin" >&2; exit 2; }
"$bin" rules --format csv | awk -F, 'NR > 1 { print $1 }' >"$work/ids"
[ "$(wc -l <"$work/ids")" -gt 0 ] || { echo "bench/import.sh: no items" >&2; exit 2; }

for n in $sizes; do
    awk -v n="$n" '
        { ids[++k] = $0 }
        END {
            printf "ID,Completion time"
            for (i = 1; i <= k; i++) printf ",%s", ids[i]
            printf "\r\n"
            s = 12345
            for (r = 1; r <= n; r++) {
                printf "%d,2026-09-%02d 10:%02d:00", r, 1 + r % 28, r % 60
                for (i = 1; i <= k; i++) {
                    s = (s * 1103515245 + 12345) % 2147483648
                    v = int(s / 65536) % 13
                    printf ",%s", v == 11 ? "n/a" : v == 12 ? "unknown" : v
                }
                printf "\r\n"
            }
        }' "$work/ids" >"$work/survey.csv"
    best=""
    for _ in $(seq "$runs"); do
        rm -rf "$work/out"
        /usr/bin/time -f "%e %U %S" -o "$work/time" \
            "$bin" import --csv "$work/survey.csv" --organisation "Anyshire" \
            --output "$work/out" >/dev/null 2>"$work/err" ||
            { cat "$work/err" >&2; exit 1; }
        [ "$(find "$work/out" -name '*.yaml' | wc -l)" = "$n" ] ||
            { echo "bench/import.sh: not $n files written" >&2; exit 1; }
        t=$(cat "$work/time")
        if [ -z "$best" ] || [ "$(echo "$t $best" | awk '{ print ($1 < $4) }')" = 1 ]; then
            best=$t
        fi
    done
    set -- $best
    printf 'import %s respondents: %s s wall (user %s s, system %s s), best of %s\n' \
        "$n" "$1" "$2" "$3" "$runs"
done
