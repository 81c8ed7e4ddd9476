#!/bin/sh
# Builds the libFuzzer targets with clang, builds their seed corpora from the repository's
# own files, runs each target for a bounded time and prints one summary line per target.
# Exits 0 only when no target found a crash, a leak, a timeout or a broken promise.
#
#   fuzz/run.sh                      every target, 60 s each
#   FUZZ_SECONDS=600 fuzz/run.sh     longer
#   fuzz/run.sh fuzz_rules           only the targets named
#
# Environment:
#   FUZZ_SECONDS      seconds per target (default 60)
#   FUZZ_BUILD        build directory (default build-fuzz, under the repository root)
#   FUZZ_EXTRA_SEEDS  more directories of YAML files for the rules, answers and plan seeds,
#                     separated by ':' (e.g. the YAML test suite's inputs)
#   CC                the compiler (default clang)
#
# The seeds are made afresh from data/*.yaml, data/examples/**, tests/fixtures/** and
# tests/fuzz_regressions/ into $FUZZ_BUILD/seeds/TARGET; what a run discovers is kept in
# $FUZZ_BUILD/corpus/TARGET, so later runs start further on. Crash, leak and timeout
# inputs go to a temporary directory, whose path is printed with a command to reproduce.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD:-build-fuzz}
case $build in /*) ;; *) build=$root/$build ;; esac

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
    for t in fuzz_rules fuzz_overlay fuzz_answers fuzz_plan fuzz_accept fuzz_import fuzz_xlsx; do
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
mkdir -p "$seeds/fuzz_rules" "$seeds/fuzz_overlay" "$seeds/fuzz_answers" "$seeds/fuzz_plan" "$seeds/fuzz_accept" "$seeds/fuzz_import" \
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
status=0
summary=""
for t in $targets; do
    [ -x "$build/$t" ] || { echo "fuzz: no target $t in $build" >&2; status=2; continue; }
    dict=$root/fuzz/yaml.dict
    [ "$t" = fuzz_import ] && dict=$build/import.dict
    [ "$t" = fuzz_xlsx ] && dict=$root/fuzz/xlsx.dict
    corpus=$build/corpus/$t
    mkdir -p "$corpus"
    log=$artifacts/$t.log
    echo "fuzz: running $t for $seconds s" >&2
    rc=0
    nice "$build/$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
        -dict="$dict" -artifact_prefix="$artifacts/$t-" -print_final_stats=1 \
        "$corpus" "$seeds/$t" >"$log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -n 1)
    # The last status line libFuzzer printed: "#N DONE cov: ... ft: ... corp: ...".
    stats=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|INITED|NEW|REDUCE)' "$log" | tail -n 1 |
        sed -E 's/^#[0-9]+[[:space:]]+[A-Z]+[[:space:]]+//; s/[[:space:]]+/ /g; s/ lim: [0-9]+//;
                s/ exec\/s: [0-9]+//; s/ rss: [0-9]+Mb//; s/ (L|MS): .*//')
    [ -n "$stats" ] || stats="no coverage yet (stopped while loading the corpus)"
    found=$(ls "$artifacts" | grep -E "^$t-(crash|leak|timeout|oom|slow-unit)-" | head -n 1 || true)
    if [ "$rc" = 0 ] && [ -z "$found" ]; then
        line="$t: ok, ${execs:-0} execs in $seconds s, $stats"
    else
        status=1
        keep=true
        line="$t: FAILED (exit $rc), ${execs:-0} execs, $stats"
        echo "---- $t: end of log ($log) ----" >&2
        grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$log" | tail -n 40 >&2
        if [ -n "$found" ]; then
            line="$line; input: $artifacts/$found"
            echo "fuzz: reproduce with: $build/$t $artifacts/$found" >&2
            [ "$t" = fuzz_rules ] || [ "$t" = fuzz_overlay ] ||
                echo "fuzz: as a file for the CLI (drop the control byte): tail -c +2 $artifacts/$found" >&2
        fi
    fi
    summary="$summary$line
"
done

printf '%s' "$summary"
$keep && echo "fuzz: logs and inputs kept in $artifacts" >&2
exit "$status"
