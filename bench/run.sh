#!/bin/sh
# bench/run.sh - how fast stagegap is, each figure a ratio to its yardstick measured in
# the same run, in pairs: the bare libyaml parse of the same files (the floor), an empty
# C program (starting any process), and the previous release's binary. See
# docs/performance.md.
#
#   bench/run.sh            build (Release), then measure at 1,000, 20,000 and 100,000
#                           respondents with --jobs 1, 2, 4, ... up to the CPUs present,
#                           one respondent, and 1x, 4x and 16x the items
#   bench/run.sh --smoke    the same steps at 50 respondents, in seconds, for CI: fails
#                           when stagegap fails, its report is wrong, or --jobs 2 gives
#                           another report than --jobs 1; asserts no timing
#
# Environment: BENCH_DIR (where the temporary files go; default $TMPDIR or /tmp),
# BENCH_BUILD (build directory; default build-bench-tools in the source root),
# BENCH_SIZES (respondent counts, e.g. "1000 5000"), BENCH_RUNS (timed pairs, default
# 5), BENCH_PREVIOUS (the previous release's commit, default 8b082f6, 0.1.0; empty: not
# measured), STAGEGAP_SOURCE_DIR (measure another stagegap tree with these tools).
#
# Every figure comes from bench/runstat: one untimed run of each command first (the
# page cache is then hot), then BENCH_RUNS timed pairs of the command and its yardstick,
# in alternating order; a ratio is the median over the pairs of the command's time
# divided by the yardstick's, so a change in the machine's load falls on both sides.
# Times shown are medians. Only the builds and the generator run under nice. The floor
# is single-threaded (libyaml's parser over the same files, one after another);
# stagegap is timed at each --jobs. Every report is checked (bench/check_report.c)
# before it is timed.
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
    sed -n '2,28s/^# \{0,1\}//p' "$0"
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
    previous=""
else
    sizes=${BENCH_SIZES:-1000 20000 100000}
    copies="1 4 16"
    items_n=2000
    runs=${BENCH_RUNS:-5}
    warm=1
    single_runs=50
    previous=${BENCH_PREVIOUS-8b082f6}
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
empty=$build/empty

# ---- the previous release, built once from git into the build directory ----
prev_bin=""
prev_note="not measured (BENCH_PREVIOUS is empty)"
if [ -n "$previous" ]; then
    prev_dir=$build/previous-$previous
    prev_note="not measured: $previous could not be built (see $prev_dir/build.log)"
    if [ ! -x "$prev_dir/build/stagegap" ]; then
        echo "building the previous release ($previous) in $prev_dir ..." >&2
        rm -rf "$prev_dir" && mkdir -p "$prev_dir/src"
        if git -C "$root" archive "$previous" 2>"$prev_dir/build.log" | tar -x -C "$prev_dir/src" &&
            nice cmake -S "$prev_dir/src" -B "$prev_dir/build" -DCMAKE_BUILD_TYPE=Release \
                -DBUILD_TESTING=OFF >>"$prev_dir/build.log" 2>&1 &&
            nice cmake --build "$prev_dir/build" --parallel 2 --target stagegap \
                >>"$prev_dir/build.log" 2>&1; then :; fi
    fi
    if [ -x "$prev_dir/build/stagegap" ]; then
        prev_bin=$prev_dir/build/stagegap
        prev_note="$previous ($("$prev_bin" --version 2>/dev/null | sed 's/^stagegap //')), Release build"
    fi
fi

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

# Prints runstat's figures for a command against a yardstick (see bench/runstat.c):
# "BEST MEDIAN WORST PEAK_KIB CPU_BEST CPU_MEDIAN" for each, then the median wall and CPU
# ratios over the pairs. Arguments: the command, "--", the yardstick.
pair() {
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
echo "previous: $prev_note"
echo "method:   hot page cache ($warm untimed run of each first), $runs timed pairs of a command and its"
echo "          yardstick in alternating order; times are medians, ratios the median of the pairs' ratios"
echo

# ---- respondents ----
echo "## Respondents (built-in model): stagegap at each --jobs against the single-thread floor and the previous release"
echo
echo "| respondents | input MiB | --jobs | stagegap s | floor s | stagegap / floor | CPU / floor CPU | previous s | stagegap / previous | CPU / previous CPU | stagegap peak RSS MiB | floor peak RSS MiB | stagegap CPU s |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
    dir=$work/answers-$n
    echo "generating $n respondents ..." >&2
    generate "$n" "$dir" ""
    assess_and_check "$dir" ""
    questions=$(grep -c '^item ' "$dir.expect")
    input=$(du -sk "$dir" | cut -f1)
    for j in $jobs_list; do
        # An assignment fails with its command substitution, so set -e stops on a failed run.
        r=$(pair "$stagegap" assess --jobs "$j" --format json "$dir" -- "$baseline" "$dir")
        set -- $r # split on purpose
        s_med=$2 s_rss=$4 s_cpu=$6 b_med=$8 b_rss=${10} ratio=${13} cpu_ratio=${14}
        [ "$j" = 1 ] && eval "rss_with_notes_$n=\$s_rss"
        p_med="" p_ratio="" p_cpu=""
        if [ -n "$prev_bin" ] && [ "$j" = 1 ]; then
            r=$(pair "$stagegap" assess --jobs 1 --format json "$dir" -- "$prev_bin" assess --format json "$dir")
            set -- $r # split on purpose
            p_med=$8 p_ratio=${13} p_cpu=${14}
        fi
        awk -v n="$n" -v in_k="$input" -v j="$j" -v s="$s_med" -v b="$b_med" -v ratio="$ratio" \
            -v cr="$cpu_ratio" -v p="$p_med" -v pr="$p_ratio" -v pc="$p_cpu" -v sr="$s_rss" \
            -v br="$b_rss" -v sc="$s_cpu" \
            'BEGIN { printf "| %d | %.1f | %d | %.3f | %.3f | %.2f | %.2f | %s | %s | %s | %.1f | %.1f | %.3f |\n",
                     n, in_k / 1024, j, s, b, ratio, cr, p == "" ? "" : sprintf("%.3f", p),
                     pr == "" ? "" : sprintf("%.2f", pr), pc == "" ? "" : sprintf("%.2f", pc),
                     sr / 1024, br / 1024, sc }'
    done
    rm -rf "$dir"
done
echo
echo "Each respondent answers $questions questions. input MiB is disk usage (du), block-rounded."
echo "The floor is libyaml's event parser over the same files on one thread (parse_baseline);"
echo "stagegap / floor under 1 is faster than one core can parse. previous is the previous"
echo "release on the same files (it has no --jobs: one thread). Each ratio is the median of"
echo "its own pairs, so it need not equal the quotient of two medians in the row. Peak RSS"
echo "is the whole process's (ru_maxrss). CPU s is user + system time, all threads (median)."
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
    with="" # set by the eval, from the table with notes above
    eval "with=\${rss_with_notes_$n}"
    awk -v n="$n" -v rss="$4" -v with="$with" \
        'BEGIN { printf "| %d | %.1f | %.1f |\n", n, rss / 1024, with / 1024 }'
    rm -rf "$dir"
done
echo
echo "Without notes, what is kept per respondent is its id and the file it was first met in"
echo "(to warn about one id in two files); with notes, also the notes and evidence the"
echo "report shows, about 1% of 41 answers per respondent here."
echo

# ---- one respondent ----
example=$src/data/examples/eastbrook-mid-implementation.yaml
echo "## One respondent, and starting at all, against an empty C program"
echo
echo "| command | median ms | empty program median ms | ratio | CPU ratio | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|"
one_row() {
    label=$1
    shift
    r=$("$runstat" -n "$single_runs" -w 3 -- "$@" -- "$empty") || fail "a timed run failed: $*"
    set -- $r # split on purpose
    awk -v l="$label" -v m="$2" -v e="$8" -v ratio="${13}" -v cr="${14}" -v rss="$4" \
        'BEGIN { printf "| %s | %.2f | %.2f | %.2f | %.2f | %.1f |\n", l, m * 1000, e * 1000, ratio,
                 cr, rss / 1024 }'
}
one_row "stagegap assess (one respondent, text report)" "$stagegap" assess "$example"
one_row "stagegap --version" "$stagegap" --version
if [ -n "$prev_bin" ]; then
    one_row "previous release: assess (one respondent)" "$prev_bin" assess "$example"
fi
echo
echo "$single_runs pairs each; the respondent is data/examples/eastbrook-mid-implementation.yaml."
echo "The empty program is int main(void) { return 0; }, linked dynamically (bench/empty.c)."
echo

# ---- items ----
echo "## Items ($items_n respondents, --jobs 1; rules with every stage repeated)"
echo
echo "| copies | questions | answers | input MiB | stagegap s | µs per answer | floor s | stagegap / floor | stagegap peak RSS MiB | stagegap CPU s | floor CPU s |"
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
    r=$(pair "$stagegap" assess --jobs 1 --rules "$rules" --format json "$dir" -- "$baseline" "$dir")
    set -- $r # split on purpose
    awk -v k="$k" -v q="$questions" -v n="$items_n" -v in_k="$input" -v s="$2" -v b="$8" \
        -v ratio="${13}" -v sr="$4" -v sc="$6" -v bc="${12}" \
        'BEGIN { printf "| %d | %d | %d | %.1f | %.3f | %.2f | %.3f | %.2f | %.1f | %.3f | %.3f |\n",
                 k, q, n * q, in_k / 1024, s, s * 1e6 / (n * q), b, ratio, sr / 1024, sc, bc }'
    rm -rf "$dir"
done
echo

# The load moves during a run as much as before it: a ratio measured while it rose says so.
echo "load after the runs: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (1, 5, 15 min)"

# ---- smoke extras ----
if [ "$smoke" = 1 ]; then
    a=$work/seed-a b=$work/seed-b
    nice "$gen" answers --seed 7 20 "$a" || fail "the generator failed"
    nice "$gen" answers --seed 7 20 "$b" || fail "the generator failed"
    diff -r "$a" "$b" >/dev/null || fail "the generator is not reproducible"
    echo "checked: every report above matches its respondents; same seed, same files;" \
        "same input, same report with --jobs 1 and --jobs 2"
fi
