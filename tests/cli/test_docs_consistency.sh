#!/bin/sh
# Every command and option the binary knows is in the man page and the bash
# completion, and the completion offers them.
set -u
bin=$1
pass=0 fail=0
check() {
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
commands=$("$bin" --help | sed -n '/^commands:/,/^$/p' | awk 'NF > 1 {print $1}')
check "help lists commands" [ -n "$commands" ]
for cmd in $commands; do
    check "man page has $cmd" grep -q "^\.B stagegap $cmd" docs/stagegap.1
    check "completion has $cmd" grep -q "$cmd" completions/stagegap.bash
    for opt in $("$bin" help "$cmd" | grep -o -- '--[a-z-]*' | sort -u); do
        man_opt=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
        check "man page has $cmd $opt" grep -q -- "$man_opt" docs/stagegap.1
        check "completion has $cmd $opt" grep -q -- "$opt" completions/stagegap.bash
    done
done
if command -v bash >/dev/null 2>&1; then
    got=$(bash -c 'shopt -s extglob; . completions/stagegap.bash
        COMP_WORDS=(stagegap assess --fo); COMP_CWORD=2; _stagegap; echo "${COMPREPLY[*]}"
        COMP_WORDS=(stagegap assess --format ""); COMP_CWORD=3; _stagegap; echo "${COMPREPLY[*]}"
        COMP_WORDS=(stagegap co); COMP_CWORD=1; _stagegap; echo "${COMPREPLY[*]}"')
    check "completes --format" sh -c "printf '%s\n' \"$got\" | sed -n 1p | grep -qx -- '--format'"
    check "completes formats" sh -c "printf '%s\n' \"$got\" | sed -n 2p | grep -q 'markdown json csv html'"
    check "completes commands" sh -c "printf '%s\n' \"$got\" | sed -n 3p | grep -qx 'compare'"
fi
if command -v groff >/dev/null 2>&1; then
    warnings=$(groff -man -Tutf8 -ww -z docs/stagegap.1 2>&1)
    check "man page has no groff warnings" [ -z "$warnings" ]
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
