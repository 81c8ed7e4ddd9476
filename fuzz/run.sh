#!/bin/sh
# Builds the libFuzzer targets with clang, builds their seed corpora from the repository's
# own files, runs each target for a bounded time and prints one summary line per target.
# Exits 0 only when no target found a crash, a leak, a timeout or a broken promise.
#
#   fuzz/run.sh                      every target, 30 s each, two at a time (CI's run)
#   fuzz/run.sh fuzz_rules           only the targets named
#   FUZZ_SECONDS=1800 fuzz/run.sh --grow
#                                    a long run that keeps what it found: each target's
#                                    kept corpus (fuzz/corpus/TARGET/) is replaced by the
#                                    smallest set of inputs covering all it and the run
#                                    reached (libFuzzer's -merge=1); commit the result, so
#                                    that CI's short runs start where the long one ended
#
# Environment:
#   FUZZ_SECONDS      seconds per target (default 30)
#   FUZZ_PARALLEL     targets run at once (default: the number of CPUs); each is one
#                     process on one core for FUZZ_SECONDS
#   FUZZ_BUILD        build directory (default build-fuzz, under the repository root)
#   FUZZ_EXTRA_SEEDS  more directories of YAML files for the rules, answers and plan seeds,
#                     separated by ':' (e.g. the YAML test suite's inputs)
#   CC                the compiler (default clang)
#
# Each target reads three corpora: what earlier runs on this machine found
# ($FUZZ_BUILD/corpus/TARGET, where new finds are written), the kept corpus committed in
# fuzz/corpus/TARGET/ (grown by --grow runs, minimised), and seeds made afresh from
# data/*.yaml, data/examples/**, tests/fixtures/**, tests/fuzz_regressions/ and the
# hand-made workbook parts of fuzz/corpus/xlsx/ into $FUZZ_BUILD/seeds/TARGET. Crash,
# leak and timeout inputs go to a temporary directory, whose path is printed with a
# command to reproduce; copy them into tests/fuzz_regressions/ once fixed.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${FUZZ_SECONDS:-30}
parallel=${FUZZ_PARALLEL:-$(nproc 2>/dev/null || echo 2)}
build=${FUZZ_BUILD:-build-fuzz}
case $build in /*) ;; *) build=$root/$build ;; esac
grow=no
if [ "${1:-}" = --grow ]; then
    grow=yes
    shift
fi
artifacts=$(mktemp -d "${TMPDIR:-/tmp}/stagegap-fuzz.XXXXXX")
keep=false  # set once there is a log or an input worth keeping
trap '$keep || rm -rf "$artifacts"' EXIT

# ---- build ----
echo "fuzz: building in $build" >&2
if ! { cmake -S fuzz -B "$build" -DCMAKE_C_COMPILER="${CC:-clang}" &&
       nice cmake --build "$build" --parallel "$(nproc 2>/dev/null || echo 2)"; } \
       >"$artifacts/build.log" 2>&1; then
    grep -E 'error|Error' "$artifacts/build.log" | head -n 20 >&2
    echo "fuzz: build failed; full log in $artifacts/build.log" >&2
    keep=true
    exit 4
fi

if [ $# -gt 0 ]; then
    targets=$*
else
    targets=""
    for t in fuzz_rules fuzz_overlay fuzz_answers fuzz_plan fuzz_accept fuzz_share fuzz_evidence fuzz_headcount fuzz_import fuzz_xlsx; do
        if [ -x "$build/$t" ]; then
            targets="$targets $t"
        else
            echo "fuzz: $t not built (its module is missing); skipped" >&2
        fi
    done
fi

# ---- seeds ----
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds/fuzz_rules" "$seeds/fuzz_overlay" "$seeds/fuzz_answers" "$seeds/fuzz_plan" "$seeds/fuzz_accept" "$seeds/fuzz_share" "$seeds/fuzz_evidence" "$seeds/fuzz_headcount" "$seeds/fuzz_import" \
    "$seeds/fuzz_xlsx"

# Copies FILE into a seed dir under a name made from its path; PREFIX (may be empty) is
# written first, for targets that take a control byte.
add_seed() { # add_seed DIR FILE PREFIX
    name=$(printf '%s' "$2" | sed 's|^\./||; s|[^A-Za-z0-9._-]|_|g')
    { printf '%s' "$3"; cat "$2"; } >"$1/$3$name"
}

yaml_sources() {
    find data tests/fixtures tests/fuzz_regressions -type f \
        \( -name '*.yaml' -o -name '*.yml' \) 2>/dev/null | LC_ALL=C sort
    old_ifs=$IFS; IFS=:
    for dir in ${FUZZ_EXTRA_SEEDS:-}; do
        [ -d "$dir" ] && find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' \) | LC_ALL=C sort
    done
    IFS=$old_ifs
}

yaml_sources | while IFS= read -r f; do
    add_seed "$seeds/fuzz_rules" "$f" ""
    # fuzz_overlay writes its own head (format, extends, id, version): the seed is the rest.
    case $f in *overlay*) sed '/^\(format\|extends\|id\|version\):/d' "$f" \
        >"$seeds/fuzz_overlay/$(printf '%s' "$f" | sed 's|[^A-Za-z0-9._-]|_|g')" ;; esac
    add_seed "$seeds/fuzz_answers" "$f" l
    add_seed "$seeds/fuzz_answers" "$f" s
    add_seed "$seeds/fuzz_plan" "$f" p
    add_seed "$seeds/fuzz_accept" "$f" a
    add_seed "$seeds/fuzz_share" "$f" ""
    add_seed "$seeds/fuzz_evidence" "$f" ""
    add_seed "$seeds/fuzz_headcount" "$f" ""
done
# Plans as "stagegap plan" writes them: the golden files of its tests.
for f in tests/golden/plan-*.out; do
    [ -s "$f" ] && add_seed "$seeds/fuzz_plan" "$f" p
done
# Files that were neither YAML nor CSV in the fixtures still make good hostile seeds.
find tests/fixtures tests/fuzz_regressions -type f ! -name '*.yaml' ! -name '*.yml' \
    ! -name '*.csv' 2>/dev/null | while IFS= read -r f; do
    add_seed "$seeds/fuzz_rules" "$f" ""
    add_seed "$seeds/fuzz_answers" "$f" l
done

# CSV seeds: the fixtures, each also with its mapping file (X.csv and X.map.yaml) after
# the separator fuzz_import.c looks for, and one export made up from the built-in model.
map_separator='\n--- map ---\n'
find tests/fixtures tests/fuzz_regressions docs -type f -name '*.csv' 2>/dev/null | LC_ALL=C sort |
    while IFS= read -r f; do
        add_seed "$seeds/fuzz_import" "$f" l
        add_seed "$seeds/fuzz_import" "$f" s
        map=${f%.csv}.map.yaml
        [ -f "$map" ] || continue
        for prefix in l s; do
            { printf $prefix; cat "$f"; printf "$map_separator"; cat "$map"; } \
                >"$seeds/fuzz_import/$prefix$(basename "$f")+map"
        done
    done
ids=$(sed -n 's/^ *- id: *\([a-z0-9._-]*\.[a-z0-9._-]*\) *$/\1/p' data/signs-of-safety.yaml)
{
    printf 'Id,Start time,Completion time,Email,Name,organisation,role'
    for id in $ids; do printf ',%s' "$id"; done
    printf '\r\n'
    row=1
    for answer in 7 n/a unknown "" 10 0; do
        printf '%s,2026-03-0%s 09:00:00,2026-03-0%s 09:30:00,r%s@example.org,"Respondent, %s",' \
            "$row" "$row" "$row" "$row" "$row"
        printf 'Anytown Council,"practitioner"'
        for id in $ids; do printf ',%s' "$answer"; done
        printf '\r\n'
        row=$((row + 1))
    done
} >"$build/seed-export.csv"
for prefix in l s; do
    { printf '%s' $prefix; cat "$build/seed-export.csv"; } >"$seeds/fuzz_import/${prefix}export.csv"
done
rm -f "$build/seed-export.csv"

# Workbook seeds: fuzz/corpus/xlsx/ (whole files and NUL-separated XML parts, each with
# its control byte; see fuzz_xlsx.c) and every workbook fixture as a whole file ('x').
cp fuzz/corpus/xlsx/* "$seeds/fuzz_xlsx/"
find tests/fixtures/xlsx -type f -name '*.xlsx' | LC_ALL=C sort | while IFS= read -r f; do
    add_seed "$seeds/fuzz_xlsx" "$f" x
done

# Dictionaries: YAML and the model for every target, CSV tokens too for the import.
cat fuzz/yaml.dict fuzz/csv.dict >"$build/import.dict"

# ---- run ----
# run_target T: runs T for $seconds and writes its summary line to $artifacts/T.summary
# and, when it failed, its exit status to $artifacts/T.failed.
run_target() {
    t=$1
    dict=$root/fuzz/yaml.dict
    [ "$t" = fuzz_import ] && dict=$build/import.dict
    [ "$t" = fuzz_xlsx ] && dict=$root/fuzz/xlsx.dict
    corpus=$build/corpus/$t
    kept=$root/fuzz/corpus/$t
    mkdir -p "$corpus"
    set -- "$corpus"
    [ -d "$kept" ] && set -- "$@" "$kept"
    set -- "$@" "$seeds/$t"
    log=$artifacts/$t.log
    echo "fuzz: running $t for $seconds s" >&2
    rc=0
    nice "$build/$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
        -dict="$dict" -artifact_prefix="$artifacts/$t-" -print_final_stats=1 \
        "$@" >"$log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -n 1)
    # The last status line libFuzzer printed: "#N DONE cov: ... ft: ... corp: ...".
    stats=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|INITED|NEW|REDUCE)' "$log" | tail -n 1 |
        sed -E 's/^#[0-9]+[[:space:]]+[A-Z]+[[:space:]]+//; s/[[:space:]]+/ /g; s/ lim: [0-9]+//;
                s/ exec\/s: [0-9]+//; s/ rss: [0-9]+Mb//; s/ (L|MS): .*//')
    [ -n "$stats" ] || stats="no coverage yet (stopped while loading the corpus)"
    found=$(ls "$artifacts" | grep -E "^$t-(crash|leak|timeout|oom|slow-unit)-" | head -n 1 || true)
    if [ "$rc" = 0 ] && [ -z "$found" ]; then
        echo "$t: ok, ${execs:-0} execs in $seconds s, $stats" >"$artifacts/$t.summary"
        [ "$grow" = yes ] && keep_what_was_found "$t" "$@"
        return 0
    fi
    echo "$rc" >"$artifacts/$t.failed"
    line="$t: FAILED (exit $rc), ${execs:-0} execs, $stats"
    {
        echo "---- $t: end of log ($log) ----"
        grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$log" | tail -n 40
        if [ -n "$found" ]; then
            echo "fuzz: reproduce with: $build/$t $artifacts/$found"
            [ "$t" = fuzz_rules ] || [ "$t" = fuzz_overlay ] ||
                echo "fuzz: as a file for the CLI (drop the control byte): tail -c +2 $artifacts/$found"
        fi
    } >&2
    [ -n "$found" ] && line="$line; input: $artifacts/$found"
    echo "$line" >"$artifacts/$t.summary"
}

# keep_what_was_found T CORPUS...: replaces fuzz/corpus/T/ by the smallest set of the
# inputs in CORPUS... that covers everything they cover (-merge=1 into an empty folder).
keep_what_was_found() {
    t=$1
    shift
    merged=$build/merged/$t
    rm -rf "$merged"
    mkdir -p "$merged"
    if ! nice "$build/$t" -merge=1 -max_len=65536 -rss_limit_mb=2048 -timeout=10 "$merged" "$@" \
        >"$artifacts/$t.merge.log" 2>&1; then
        echo "fuzz: merging $t's corpus failed; see $artifacts/$t.merge.log" >&2
        echo 1 >"$artifacts/$t.failed"
        return 0
    fi
    rm -rf "$root/fuzz/corpus/$t"
    mv "$merged" "$root/fuzz/corpus/$t"
    echo "fuzz: kept $(ls "$root/fuzz/corpus/$t" | wc -l) inputs in fuzz/corpus/$t" >&2
}

status=0
running=0
for t in $targets; do
    [ -x "$build/$t" ] || { echo "fuzz: no target $t in $build" >&2; status=2; continue; }
    run_target "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$parallel" ]; then
        wait
        running=0
    fi
done
wait
for t in $targets; do
    [ -f "$artifacts/$t.summary" ] && cat "$artifacts/$t.summary"
    if [ -f "$artifacts/$t.failed" ]; then
        status=1
        keep=true
    fi
done
$keep && echo "fuzz: logs and inputs kept in $artifacts" >&2
exit "$status"
