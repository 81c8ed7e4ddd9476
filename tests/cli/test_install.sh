#!/bin/sh
# cmake --install puts the binary, man page, completion and models in their usual
# places under the prefix, and the installed binary works from any directory.
set -u
bin=$1
build=$(dirname "$bin")
# The tests run the binary through build/tests/stagegap-under-test: the build is above it.
[ -f "$build/CMakeCache.txt" ] || build=$(dirname "$build")
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null || { echo "install failed"; exit 1; }
check "binary" [ -x "$tmp/prefix/bin/stagegap" ]
check "man page, compressed" [ -f "$tmp/prefix/share/man/man1/stagegap.1.gz" ]
check "man page is the one in docs/" sh -c "gzip -dc \"$tmp/prefix/share/man/man1/stagegap.1.gz\" | cmp -s - docs/stagegap.1"
check "licence" [ -f "$tmp/prefix/share/doc/stagegap/copyright" ]
check "changelog" [ -f "$tmp/prefix/share/doc/stagegap/changelog.gz" ]
check "bundled examples" [ -f "$tmp/prefix/share/stagegap/examples/eastbrook-mid-implementation.yaml" ]
check "completion" [ -f "$tmp/prefix/share/bash-completion/completions/stagegap" ]
check "default model" [ -f "$tmp/prefix/share/stagegap/signs-of-safety.yaml" ]
check "default model's changelog" [ -f "$tmp/prefix/share/stagegap/CHANGELOG-signs-of-safety.md" ]
ex=$PWD/data/examples/westvale-sustaining.yaml
(cd / && "$tmp/prefix/bin/stagegap" assess "$ex" >"$tmp/out" 2>&1)
check "installed binary works from / with the built-in model" [ $? = 0 ]
check "installed model is the built-in one" sh -c "\"$tmp/prefix/bin/stagegap\" validate --rules \"$tmp/prefix/share/stagegap/signs-of-safety.yaml\" >/dev/null"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
