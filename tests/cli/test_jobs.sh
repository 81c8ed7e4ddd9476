#!/bin/sh
# --jobs N: the same bytes for every N. Generated assessments (decimal answers, notes,
# evidence, comments, roles, teams) give the same report in every format, the same
# compare and trend, the same validate; broken respondents at the start, middle and end
# give the same diagnostics, exit 3 and no output file; more than 50 problems give the
# same capped list; and --jobs takes only a number of threads from 1 to 256.
# (Every golden test of assess, compare, trend and validate is also run with --jobs:
# tests/cli/jobs_golden.sh.)
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ns=${JOBS_TEST:-2 3 4 8}
ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}
same() { # same NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then ok; else
        bad "$1"
        diff "$2" "$3" | head -20
    fi
}

# generate DIR COUNT SEED: COUNT respondents of one organisation, every answer a score
# with up to three decimals, n/a or unknown, a note or evidence on some, comments on a
# few, three roles and four teams. Deterministic (awk's srand with a seed).
NO_COLOR=1 "$bin" rules --format csv | sed -n '2,$s/^"\([^"]*\)".*/\1/p' >"$tmp/items"
generate() {
    mkdir -p "$1"
    awk -v dir="$1" -v count="$2" -v seed="$3" '
        { items[++n] = $0 }
        END {
            srand(seed)
            split("practitioner practitioner practitioner manager leader", roles, " ")
            split("north south east west", teams, " ")
            for (r = 1; r <= count; r++) {
                f = sprintf("%s/r%04d.yaml", dir, r)
                print "format: stagegap-answers/1" > f
                print "rules: signs-of-safety" > f
                print "organisation: Jobshire Children'"'"'s Services" > f
                printf "date: 2026-09-%02d\n", 1 + int(rand() * 28) > f
                printf "respondent: {id: r%04d, role: %s, groups: {team: %s}}\n", r,
                    roles[1 + int(rand() * 5)], teams[1 + int(rand() * 4)] > f
                if (r % 7 == 0)
                    printf "comments:\n  - {about: Anything else?, text: \"comment %d, é ü\"}\n", r > f
                print "answers:" > f
                for (i = 1; i <= n; i++) {
                    x = rand()
                    if (x < 0.03) v = "n/a"
                    else if (x < 0.07) v = "unknown"
                    else v = sprintf("%.3f", int(rand() * 10001) / 1000)
                    sub(/\.?0+$/, "", v)
                    if (v == "") v = "0"
                    if (rand() < 0.03)
                        printf "  %s: {score: %s, note: \"note %d.%d: \\\"why\\\" | <b>\"}\n", items[i], v, r, i > f
                    else if (rand() < 0.01)
                        printf "  %s: {score: %s, evidence: \"audit %d\"}\n", items[i], v, r > f
                    else
                        printf "  %s: %s\n", items[i], v > f
                }
                close(f)
            }
        }' "$tmp/items"
}

# runs NAME EXPECTED_EXIT ARGS...: runs ARGS with --jobs 1 and each N in $ns (after the
# command word), and checks that the exit status is EXPECTED_EXIT and that standard
# output and standard error are the same bytes each time.
runs() {
    name=$1 want=$2 cmd=$3
    shift 3
    NO_COLOR=1 "$bin" "$cmd" --jobs 1 "$@" >"$tmp/out.1" 2>"$tmp/err.1"
    got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$name: --jobs 1 exit $got, expected $want"; fi
    for n in $ns; do
        NO_COLOR=1 "$bin" "$cmd" --jobs "$n" "$@" >"$tmp/out.$n" 2>"$tmp/err.$n"
        got=$?
        if [ "$got" = "$want" ]; then ok; else bad "$name: --jobs $n exit $got, expected $want"; fi
        same "$name: --jobs $n standard output" "$tmp/out.1" "$tmp/out.$n"
        same "$name: --jobs $n standard error" "$tmp/err.1" "$tmp/err.$n"
    done
}

generate "$tmp/q1" 300 1
generate "$tmp/q2" 240 2

# ---- generated assessments, every format ----
for fmt in text markdown json csv html; do
    runs "assess $fmt" 0 assess --format "$fmt" "$tmp/q1"
    runs "assess $fmt by team" 0 assess --by team --format "$fmt" "$tmp/q1"
    runs "compare $fmt" 0 compare --format "$fmt" "$tmp/q1" "$tmp/q2"
    runs "trend $fmt" 0 trend --by team --format "$fmt" "$tmp/q1" "$tmp/q2"
done
runs "assess files and a directory" 0 assess --format json "$tmp/q2/r0001.yaml" "$tmp/q1" \
    "$tmp/q2/r0002.yaml"
runs "assess --attribute" 0 assess --attribute --format csv "$tmp/q1"
runs "validate a directory" 0 validate "$tmp/q1"
runs "validate --strict" 3 validate --strict "$tmp/q2"
# the numbers are right too: the generated notes all come through, whatever N
notes=$(grep -c 'note: ' "$tmp"/q1/*.yaml | awk -F: '{ s += $NF } END { print s }')
NO_COLOR=1 "$bin" assess --jobs 4 --format json "$tmp/q1" >"$tmp/json"
shown=$(grep -o 'note [0-9]*\.[0-9]*: ' "$tmp/json" | wc -l)
if [ "$notes" = "$shown" ] && [ "$notes" -gt 0 ]; then ok; else bad "notes: $shown shown of $notes"; fi

# ---- broken respondents: at the start, in the middle, at the end ----
cp -R "$tmp/q1" "$tmp/broken"
sed -i 's/^\(  launch[^:]*\): .*/\1: eleven/' "$tmp/broken/r0001.yaml"
sed -i 's/^answers:/answers:\n  launch.bogus: 3/' "$tmp/broken/r0150.yaml"
sed -i "s/^organisation: .*/organisation: Elsewhere/" "$tmp/broken/r0151.yaml"
sed -i 's/^respondent: {id: r0152/respondent: {id: r0007/' "$tmp/broken/r0152.yaml"
sed -i 's/^date: .*/date: 2026-13-01/' "$tmp/broken/r0300.yaml"
for fmt in json html; do
    for n in 1 $ns; do
        rm -f "$tmp/report.$fmt"
        NO_COLOR=1 "$bin" assess --jobs "$n" --format "$fmt" --output "$tmp/report.$fmt" \
            "$tmp/broken" >"$tmp/bout.$n" 2>"$tmp/berr.$n"
        got=$?
        if [ "$got" = 3 ]; then ok; else bad "broken $fmt --jobs $n: exit $got, expected 3"; fi
        if [ ! -e "$tmp/report.$fmt" ] && [ ! -s "$tmp/bout.$n" ]; then ok; else
            bad "broken $fmt --jobs $n: output written"
        fi
        same "broken $fmt --jobs $n: diagnostics" "$tmp/berr.1" "$tmp/berr.$n"
    done
done
for want in 'r0001.yaml:[0-9]*:[0-9]*: error: the answer to' 'r0150.yaml:[0-9]*:[0-9]*: error: unknown item' \
    "r0151.yaml:[0-9]*:[0-9]*: error: organisation 'Elsewhere' differs" \
    "r0152.yaml:[0-9]*:[0-9]*: warning: respondent id 'r0007' is also the id in" \
    'r0300.yaml:[0-9]*:[0-9]*: error: date must be'; do
    if grep -q "$want" "$tmp/berr.1"; then ok; else bad "broken: no '$want'"; fi
done

# ---- more than 50 problems: the same 50 shown, the same count of the rest ----
cp -R "$tmp/q2" "$tmp/many"
for r in $(seq 10 4 250); do
    f=$(printf '%s/many/r%04d.yaml' "$tmp" "$r")
    [ -f "$f" ] && sed -i 's/^\(  sustain[^:]*\): .*/\1: 99/' "$f"
done
runs "more than 50 problems" 3 assess "$tmp/many"
if grep -q '^stagegap: [0-9]* more problems not shown$' "$tmp/err.1"; then ok; else
    bad "more than 50 problems: no cap line"
fi
runs "more than 50 problems, validate" 3 validate "$tmp/many"
runs "validate many files" 0 validate "$tmp"/q1/r00*.yaml
runs "validate files, rules, a directory, problems" 3 validate "$tmp"/broken/r000*.yaml \
    data/epis.yaml "$tmp/q2" "$tmp"/broken/r015*.yaml "$tmp"/many/*.yaml "$tmp"/broken/r03*.yaml

# ---- --jobs takes a number of threads from 1 to 256 ----
for value in 0 -1 x 1000 257 2x 1.5; do
    NO_COLOR=1 "$bin" assess --jobs "$value" data/examples/westvale-sustaining.yaml \
        >"$tmp/uout" 2>"$tmp/uerr"
    got=$?
    if [ "$got" = 2 ] && grep -q "^stagegap: --jobs takes a number of threads from 1 to 256, not '" "$tmp/uerr" &&
        [ ! -s "$tmp/uout" ]; then ok; else
        bad "--jobs '$value': exit $got"
        cat "$tmp/uerr"
    fi
done
NO_COLOR=1 "$bin" assess --jobs=0 data/examples/westvale-sustaining.yaml 2>"$tmp/uerr" >/dev/null
if [ $? = 2 ] && grep -q "not '0'" "$tmp/uerr"; then ok; else bad "--jobs=0"; fi
NO_COLOR=1 "$bin" assess --jobs 256 --format json data/examples/westvale-sustaining.yaml >/dev/null
if [ $? = 0 ]; then ok; else bad "--jobs 256 refused"; fi
for cmd in init rules ask import; do
    NO_COLOR=1 "$bin" "$cmd" --jobs 2 >/dev/null 2>"$tmp/uerr" </dev/null
    got=$?
    if [ "$got" = 2 ] && grep -q "unknown option '--jobs'" "$tmp/uerr"; then ok; else
        bad "$cmd --jobs: exit $got"
    fi
done

echo "jobs: $pass passed, $fail failed"
[ "$fail" = 0 ]
