#!/bin/sh
# Share files are made by other authorities and travel by e-mail: benchmark reads them as
# hostile (issue 30). The organisation --self names is the one text of a share a report
# shows (the CSV shows none), and it never acts as control, markup or formula in any
# format; other
# authorities' names never appear; and a share over the size limit, a FIFO, a binary file,
# a file with a thousand stages or a deep nest gets a located error and exit 3, never a
# hang or a crash.
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME CONDITION...
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
lacks() { # lacks FILE FIXED-STRING
    ! grep -qF -- "$2" "$1"
}
n=data/examples/network
mkdir "$tmp/net"
cp $n/*.yaml "$tmp/net/"
# (In YAML's double quotes, \e is the escape character and \a the bell.)
sed 's/^organisation: .*/organisation: "=HYPERLINK(1)|<b>x<\/b> [link](http:\/\/x) \\e[31mred\\e]0;t\\a *em*"/' \
    $n/eastbrook-2026-09-30.yaml >"$tmp/net/eastbrook-2026-09-30.yaml"
sed 's/^organisation: .*/organisation: "SECRET-NAME <i>x<\/i> \\e[2J"/' \
    $n/lowfield-2026-07-31.yaml >"$tmp/net/lowfield-2026-07-31.yaml"
sed 's/^organisation: .*/organisation: "SECRET-NAME <i>x<\/i> \\e[2J"/' \
    $n/lowfield-2026-04-30.yaml >"$tmp/net/lowfield-2026-04-30.yaml"
check "the hostile share is still valid" "$bin" validate "$tmp/net/eastbrook-2026-09-30.yaml"
for fmt in text markdown html json csv; do
    for self in "--self $tmp/net/eastbrook-2026-09-30.yaml" ""; do
        # shellcheck disable=SC2086 # self is one option and its value, or nothing
        "$bin" benchmark $self --format "$fmt" "$tmp/net" >"$tmp/out.$fmt" ||
            { echo "FAIL: benchmark $self $fmt"; fail=$((fail + 1)); }
        check "$fmt: no escape character" lacks "$tmp/out.$fmt" "$(printf '\033')"
        check "$fmt: no bell" lacks "$tmp/out.$fmt" "$(printf '\007')"
        check "$fmt: no other authority named" lacks "$tmp/out.$fmt" "SECRET-NAME"
        check "$fmt: no other authority named" lacks "$tmp/out.$fmt" "Westvale"
    done
    cp "$tmp/out.$fmt" "$tmp/network.$fmt"
    check "$fmt: the network's report names no one" lacks "$tmp/network.$fmt" "HYPERLINK"
    "$bin" benchmark --self "$tmp/net/eastbrook-2026-09-30.yaml" --format "$fmt" "$tmp/net" >"$tmp/out.$fmt"
    [ "$fmt" = csv ] || check "$fmt: ours is named" grep -qF 'HYPERLINK(1)' "$tmp/out.$fmt"
done
check "text: shown as text, the escape as \\x1b" grep -qF '=HYPERLINK(1)|<b>x</b> [link](http://x) \x1b[31m' "$tmp/out.text"
check "markdown: no raw tag" lacks "$tmp/out.markdown" '<b>x'
check "markdown: no live link" lacks "$tmp/out.markdown" '[link](http'
check "html: no raw tag" lacks "$tmp/out.html" '<b>x</b>'
check "html: escaped" grep -qF '&lt;b&gt;x&lt;&#47;b&gt;' "$tmp/out.html"
check "json: ours as data" grep -qF '"organisation": "=HYPERLINK(1)|<b>x</b> [link](http://x) \u001b[31mred' "$tmp/out.json"
# the CSV names ours in no cell (its rows are figures), so no formula can start one
check "csv: no cell starts with a formula" lacks "$tmp/out.csv" ',"='

refused() { # refused NAME EXIT EXPECTED-MESSAGE FILE...
    name=$1 code=$2 msg=$3; shift 3
    timeout 20 "$bin" benchmark "$@" "$tmp/net" >"$tmp/r.out" 2>"$tmp/r.err"
    rc=$?
    check "$name: exit $code" [ "$rc" -eq "$code" ]
    check "$name: says why" grep -qF -- "$msg" "$tmp/r.err"
    check "$name: nothing on standard output" [ ! -s "$tmp/r.out" ]
}
big=$tmp/big.yaml
{ cat $n/riverside-2026-09-15.yaml; i=0; while [ $i -lt 40000 ]; do echo "# padding line $i to pass the size limit of a share file"; i=$((i + 1)); done; } >"$big"
refused "a share over 1 MiB" 3 "$big: error: file is larger than the limit of 1048576 bytes" "$big"
mkfifo "$tmp/fifo.yaml"
# a file that cannot be read as one is an input/output error (exit 4), as for plans
refused "a FIFO" 4 "fifo.yaml: error: is not a regular file (a pipe, socket or device); not read" "$tmp/fifo.yaml"
head -c 4096 /dev/urandom >"$tmp/binary.yaml"
printf 'format: stagegap-share/1\n\000\001\002' >>"$tmp/binary.yaml"
refused "a binary file" 3 "binary.yaml:" "$tmp/binary.yaml"
{ sed '/^stages:/,$d' $n/riverside-2026-09-15.yaml; echo "stages:";
  i=0; while [ $i -lt 1000 ]; do echo "  - {id: launch, score: 50.0, band: developing, answered: 1, answerable: 1}"; i=$((i + 1)); done
  echo "means: {}"; } >"$tmp/stages.yaml"
refused "a thousand stages" 3 "stages.yaml:16:10: error: stage 'launch' is given twice, first at line" "$tmp/stages.yaml"
{ sed '/^means:/,$d' $n/riverside-2026-09-15.yaml; printf 'means: '; i=0; while [ $i -lt 5000 ]; do printf '['; i=$((i + 1)); done; echo; } >"$tmp/deep.yaml"
refused "a deep nest" 3 "deep.yaml:" "$tmp/deep.yaml"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
