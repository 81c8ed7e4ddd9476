#!/bin/sh
# bench/run.sh - how fast stagegap pools many respondents, against the floor of just
# parsing the same files with libyaml. See docs/performance.md.
#
#   bench/run.sh            build (Release), then measure at 1,000, 10,000 and 50,000
#                           respondents with --jobs 1, 2, 4, ... up to the CPUs present,
#                           one respondent, and 1x, 4x and 16x the items
#   bench/run.sh --smoke    the same steps at 50 respondents, in seconds, for CI: fails
#                           when stagegap fails, its report is wrong, or --jobs 2 gives
#                           another report than --jobs 1; asserts no timing
#
# Environment: BENCH_DIR (where the temporary files go; default $TMPDIR or /tmp),
# BENCH_BUILD (build directory; default build-bench-tools in the source root),
# BENCH_SIZES (respondent counts, e.g. "1000 5000"), BENCH_RUNS (timed runs, default
# 3), STAGEGAP_SOURCE_DIR (measure another stagegap tree with these tools).
#
# Times are wall-clock seconds on a hot page cache: every command runs once untimed
# first, then the best of 3 timed runs is reported (bench/runstat.c), with the least
# CPU time. Only the build and the generator run under nice. The floor is single-threaded
# (libyaml's parser over the same files, one after another); stagegap is timed at each
# --jobs. Every report is checked (bench/check_report.c) before it is timed.
#
# The runstat results ("set -- $r") are split into words on purpose.
# shellcheck disable=SC2086
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
src=${STAGEGAP_SOURCE_DIR:-$root}
build=${BENCH_BUILD:-$root/build-bench-tools}

smoke=0
case "${1:-}" in
--smoke) smoke=1 ;;
"") ;;
-h | --help)
    sed -n '2,18s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
*)
    echo "usage: bench/run.sh [--smoke]" >&2
    exit 2
    ;;
esac

if [ "$smoke" = 1 ]; then
    sizes=${BENCH_SIZES:-50}
    copies="1 2"
    items_n=20
    runs=1
    warm=0
    single_runs=5
else
    sizes=${BENCH_SIZES:-1000 10000 50000}
    copies="1 4 16"
    items_n=2000
    runs=${BENCH_RUNS:-3}
    warm=1
    single_runs=50
fi

base=${BENCH_DIR:-${TMPDIR:-/tmp}}
work=$(mktemp -d "$base/stagegap-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

fail() {
    echo "bench/run.sh: $*" >&2
    exit 1
}

# ---- build ----
echo "building (Release) in $build ..." >&2
if ! { nice cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release \
    -DSTAGEGAP_SOURCE_DIR="$src" && nice cmake --build "$build" --parallel 2; } \
    >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    fail "the build failed"
fi
stagegap=$build/stagegap/stagegap
gen=$build/stagegap-gen
baseline=$build/parse_baseline
runstat=$build/runstat
check=$build/check_report

# ---- helpers ----

# Generates COUNT respondents into DIR for RULES ("" for the built-in model), with the
# expected tallies in DIR.expect; any further arguments go to the generator.
generate() {
    count=$1 dir=$2 rules_opt=""
    [ -n "$3" ] && rules_opt="--rules $3"
    shift 3
    # shellcheck disable=SC2086
    nice "$gen" answers $rules_opt --seed 1 "$@" --expect "$dir.expect" "$count" "$dir" ||
        fail "the generator failed"
}

# Runs stagegap once on DIR with RULES and checks the report; then with --jobs 2 (in
# smoke mode) or each of $jobs_list, and those reports must be the same bytes.
assess_and_check() {
    rules_opt=""
    [ -n "$2" ] && rules_opt="--rules $2"
    # shellcheck disable=SC2086
    "$stagegap" assess --jobs 1 $rules_opt --format json "$1" >"$1.json" ||
        fail "stagegap assess failed on $1"
    "$check" "$1.expect" "$1.json" >/dev/null || fail "the report for $1 is wrong"
    for j in $check_jobs; do
        # shellcheck disable=SC2086
        "$stagegap" assess --jobs "$j" $rules_opt --format json "$1" >"$1.again.json" ||
            fail "stagegap assess --jobs $j failed on $1"
        cmp -s "$1.json" "$1.again.json" ||
            fail "--jobs $j gave another report than --jobs 1 on $1"
    done
}

# Prints "BEST MEDIAN WORST PEAK_KIB CPU_BEST CPU_MEDIAN" for a command, or fails.
measure() {
    "$runstat" -n "$runs" -w "$warm" -- "$@" || fail "a timed run failed: $*"
}

# ---- threads: 1, 2, 4, ... up to the CPUs present, and the CPUs present ----
cpus=$(nproc 2>/dev/null || echo 1)
jobs_list=1
j=2
while [ "$j" -le "$cpus" ]; do
    jobs_list="$jobs_list $j"
    j=$((j * 2))
done
case " $jobs_list " in *" $cpus "*) ;; *) jobs_list="$jobs_list $cpus" ;; esac
if [ "$smoke" = 1 ]; then check_jobs=2; else check_jobs=${jobs_list#1}; fi

# ---- the machine ----
model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
revision=$(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo "?")
if [ "$revision" != "?" ] && [ -n "$(git -C "$src" status --porcelain -- src include 2>/dev/null)" ]; then
    revision="$revision + uncommitted changes in src/ or include/"
fi
echo "# stagegap benchmark$([ "$smoke" = 1 ] && echo ' (smoke: no timing is checked)')"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  $(nproc) cores, ${model:-unknown CPU}, ${memory:-unknown} memory"
echo "software: stagegap $("$stagegap" --version | sed 's/^stagegap //') at $revision," \
    "Release build, libyaml $(pkg-config --modversion yaml-0.1 2>/dev/null || echo '?')"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (1, 5, 15 min) before the runs"
echo "method:   hot page cache ($warm untimed run first), best of $runs timed runs, wall clock"
echo

# ---- respondents ----
echo "## Respondents (built-in model): stagegap at each --jobs against the single-thread floor"
echo
echo "| respondents | input MiB | floor s | --jobs | stagegap s | files/s | stagegap / floor | stagegap peak RSS MiB | floor peak RSS MiB | stagegap CPU s | floor CPU s |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
    dir=$work/answers-$n
    echo "generating $n respondents ..." >&2
    generate "$n" "$dir" ""
    assess_and_check "$dir" ""
    questions=$(grep -c '^item ' "$dir.expect")
    input=$(du -sk "$dir" | cut -f1)
    # An assignment fails with its command substitution, so set -e stops on a failed run.
    r=$(measure "$baseline" "$dir")
    set -- $r # split on purpose
    b_best=$1 b_rss=$4 b_cpu=$5
    for j in $jobs_list; do
        r=$(measure "$stagegap" assess --jobs "$j" --format json "$dir")
        set -- $r # split on purpose
        s_best=$1 s_rss=$4 s_cpu=$5
        [ "$j" = 1 ] && eval "rss_with_notes_$n=\$s_rss"
        awk -v n="$n" -v in_k="$input" -v j="$j" -v s="$s_best" -v b="$b_best" -v sr="$s_rss" \
            -v br="$b_rss" -v sc="$s_cpu" -v bc="$b_cpu" \
            'BEGIN { printf "| %d | %.1f | %.3f | %d | %.3f | %.0f | %.2f | %.1f | %.1f | %.3f | %.3f |\n",
                     n, in_k / 1024, b, j, s, n / s, s / b, sr / 1024, br / 1024, sc, bc }'
    done
    rm -rf "$dir"
done
echo
echo "Each respondent answers $questions questions. input MiB is disk usage (du), block-rounded."
echo "The floor is libyaml's event parser over the same files on one thread (parse_baseline);"
echo "stagegap / floor under 1 is faster than one core can parse. Peak RSS is the whole"
echo "process's (getrusage ru_maxrss). CPU s is user + system time of the least of the timed"
echo "runs, all threads together: on a busy machine it moves less than the wall time."
echo

# ---- memory without notes ----
# The same respondents with no notes or evidence: what stagegap keeps that the report
# does not show. One run each: peak memory does not depend on the machine's load.
echo "## Memory without notes (built-in model, --jobs 1)"
echo
echo "| respondents | stagegap peak RSS MiB | with notes on 1% of answers (above) |"
echo "|---:|---:|---:|"
for n in $sizes; do
    dir=$work/plain-$n
    echo "generating $n respondents without notes ..." >&2
    generate "$n" "$dir" "" --notes 0
    assess_and_check "$dir" ""
    r=$("$runstat" -n 1 -w 0 -- "$stagegap" assess --jobs 1 --format json "$dir") ||
        fail "a run failed on $dir"
    set -- $r # split on purpose
    eval "with=\${rss_with_notes_$n}"
    awk -v n="$n" -v rss="$4" -v with="$with" \
        'BEGIN { printf "| %d | %.1f | %.1f |\n", n, rss / 1024, with / 1024 }'
    rm -rf "$dir"
done
echo
echo "Without notes, nothing is kept per respondent: the difference is the notes and"
echo "evidence the report shows, about 1% of 41 answers per respondent here."
echo

# ---- one respondent ----
example=$src/data/examples/eastbrook-mid-implementation.yaml
r=$("$runstat" -n "$single_runs" -w 3 -- "$stagegap" assess "$example")
set -- $r # split on purpose
echo "## One respondent"
echo
r=$("$runstat" -n "$single_runs" -w 3 -- "$stagegap" --version)
set -- "$@" $r # split on purpose: $7.. is "stagegap --version", the cost of starting at all
awk -v best="$1" -v med="$2" -v worst="$3" -v rss="$4" -v cpu="$6" -v n="$single_runs" \
    -v vmed="$8" \
    'BEGIN { printf "stagegap assess data/examples/eastbrook-mid-implementation.yaml (text " \
             "report):\nmedian %.2f ms wall of %d runs (best %.2f, worst %.2f), median %.2f ms " \
             "CPU, peak RSS %.1f MiB.\nFor scale: stagegap --version (start and exit) takes " \
             "median %.2f ms wall.\n", med * 1000, n, best * 1000, worst * 1000, cpu * 1000,
             rss / 1024, vmed * 1000 }'
echo

# ---- items ----
echo "## Items ($items_n respondents, --jobs 1; rules with every stage repeated)"
echo
echo "| copies | questions | answers | input MiB | stagegap s | µs per answer | baseline s | stagegap / baseline | stagegap peak RSS MiB | stagegap CPU s | baseline CPU s |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for k in $copies; do
    rules=$work/rules-x$k.yaml
    dir=$work/items-x$k
    echo "generating $items_n respondents for $k copies of the model ..." >&2
    nice "$gen" rules "$k" "$rules" || fail "the generator failed on rules"
    "$stagegap" validate --rules "$rules" >/dev/null || fail "the generated rules are invalid"
    generate "$items_n" "$dir" "$rules"
    assess_and_check "$dir" "$rules"
    questions=$(grep -c '^item ' "$dir.expect")
    input=$(du -sk "$dir" | cut -f1)
    r=$(measure "$stagegap" assess --jobs 1 --rules "$rules" --format json "$dir")
    set -- $r # split on purpose
    s_best=$1 s_rss=$4 s_cpu=$5
    r=$(measure "$baseline" "$dir")
    set -- $r # split on purpose
    b_best=$1 b_cpu=$5
    awk -v k="$k" -v q="$questions" -v n="$items_n" -v in_k="$input" -v s="$s_best" \
        -v b="$b_best" -v sr="$s_rss" -v sc="$s_cpu" -v bc="$b_cpu" \
        'BEGIN { printf "| %d | %d | %d | %.1f | %.3f | %.2f | %.3f | %.2f | %.1f | %.3f | %.3f |\n",
                 k, q, n * q, in_k / 1024, s, s * 1e6 / (n * q), b, s / b, sr / 1024, sc, bc }'
    rm -rf "$dir"
done
echo

# ---- smoke extras ----
if [ "$smoke" = 1 ]; then
    a=$work/seed-a b=$work/seed-b
    nice "$gen" answers --seed 7 20 "$a" || fail "the generator failed"
    nice "$gen" answers --seed 7 20 "$b" || fail "the generator failed"
    diff -r "$a" "$b" >/dev/null || fail "the generator is not reproducible"
    echo "checked: every report above matches its respondents; same seed, same files;" \
        "same input, same report with --jobs 1 and --jobs 2"
fi
