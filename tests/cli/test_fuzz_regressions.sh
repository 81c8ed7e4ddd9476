#!/bin/sh
# Every input a fuzz target once failed on (tests/fuzz_regressions/, see its README.md)
# goes through each command that reads such a file: validate --rules, validate, assess,
# plan --update and import. Each must end with a located diagnostic and exit 3, or accept the file
# with exit 0: never a crash, a hang, a sanitizer report or a half-written output.
# Run it against the sanitizer build (build-asan) to catch what a release build hides.
# Usage: sh tests/cli/test_fuzz_regressions.sh STAGEGAP [DIR]  (from the repository root)
set -u
bin=$1
dir=${2:-tests/fuzz_regressions}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout 60"

# check NAME FILE CMD...: runs CMD, which must exit 0 or 3 within the time limit, say
# why on standard error when it exits 3, and print no sanitizer report.
check() {
    name=$1 file=$2
    shift 2
    $limit "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    why=""
    case $rc in
        0) ;;
        3) grep -q ': error: ' "$tmp/err" || why="exit 3 without an error diagnostic" ;;
        124) why="no answer within 60 s (a hang?)" ;;
        *) why="exit $rc" ;;
    esac
    if grep -qE 'Sanitizer|runtime error:' "$tmp/err"; then
        why="${why:+$why; }sanitizer report"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name $file: $why"
        head -n 20 "$tmp/err"
    fi
}

has_import=false
"$bin" help import >/dev/null 2>&1 && has_import=true

found=0
for f in "$dir"/*; do
    [ -f "$f" ] || continue
    case $f in *.md | *.map.yaml) ;; *) found=$((found + 1)) ;; esac
done
if [ "$found" = 0 ]; then
    # Nothing to run is a skip (ctest's SKIP_RETURN_CODE), never a pass.
    echo "skipped: no fuzz regressions recorded in $dir"
    exit 77
fi

for f in "$dir"/*; do
    [ -f "$f" ] || continue
    case $f in *.md | *.map.yaml) continue ;; esac
    check "validate --rules" "$f" "$bin" validate --rules "$f"
    check "validate" "$f" "$bin" validate "$f"
    check "validate --strict" "$f" "$bin" validate --strict "$f"
    check "assess" "$f" "$bin" assess --format json "$f"
    check "plan --update" "$f" "$bin" plan --update "$f" --output "$tmp/plan-out.yaml" \
        data/examples/eastbrook-quarterly/2026-07.yaml
    if $has_import; then
        out=$tmp/import-out
        map=${f%.*}.map.yaml
        if [ -f "$map" ]; then
            check "import --map" "$f" "$bin" import --csv "$f" --map "$map" --output "$out"
        else
            check "import" "$f" "$bin" import --csv "$f" --output "$out"
        fi
        # All or nothing: a refused import leaves no directory; an accepted one
        # writes answers files that validate.
        if [ "$rc" = 0 ] && [ -n "$(ls "$out" 2>/dev/null)" ]; then
            check "validate imported" "$f" "$bin" validate "$out"/*
        elif [ "$rc" != 0 ] && [ -e "$out" ]; then
            fail=$((fail + 1))
            echo "FAIL: import $f: exit $rc but $out was written"
        fi
        rm -rf "$out"
    fi
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
