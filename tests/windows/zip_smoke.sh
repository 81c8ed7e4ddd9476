#!/bin/sh
# tests/windows/zip_smoke.sh [BUILD_DIR]
#
# Builds the Windows zip (the package-windows target of the cross-build in BUILD_DIR,
# default build-windows, which tests/windows/run_wine.sh configures), unpacks it into a
# temporary directory and, in a fresh wine prefix with nothing else installed, runs
# README's "On Windows" command from the unpacked folder:
#   .\stagegap.exe assess examples\eastbrook-mid-implementation.yaml
# Its report must be the Linux build's golden file, byte for byte. Then it imports the
# Microsoft Forms workbook of tests/fixtures/import there (libzip, expat and zlib are
# built into stagegap.exe): the answers files must be those of the same export as CSV.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-windows}
version=$(sed -n 's/^project(stagegap VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
name=stagegap-$version-windows-x86_64
cmake --build "$build" --target package-windows >/dev/null
tmp=$(mktemp -d)
export WINEPREFIX="$tmp/wine" WINEDEBUG=-all WINEARCH=win64 WINEDLLOVERRIDES="mscoree=;mshtml="
trap 'wineserver -k 2>/dev/null || true; rm -rf "$tmp"' EXIT
# One wine server for the whole run, started before anything else: left to itself it
# stops a few seconds after its last program, and a test starting as it stops meets
# "recvmsg: Connection reset by peer".
mkdir -p "$WINEPREFIX"
wineserver -p
wineboot -i >/dev/null 2>&1
(cd "$tmp" && unzip -q "$OLDPWD/$build/$name.zip")
status=0
for want in stagegap.exe libcsv.dll README.html LICENSE.txt licenses/libcsv.txt \
    licenses/libyaml.txt licenses/expat.txt licenses/libzip.txt licenses/zlib.txt \
    data/signs-of-safety.yaml docs/guide.html \
    examples/eastbrook-mid-implementation.yaml; do
    [ -f "$tmp/$name/$want" ] || { echo "FAIL: $want missing from $name.zip"; status=1; }
done
golden=$PWD/tests/golden/assess-eastbrook-text.out
(cd "$tmp/$name" && NO_COLOR=1 COLUMNS=80 wine stagegap.exe assess \
    'examples\eastbrook-mid-implementation.yaml' </dev/null >"$tmp/out" 2>"$tmp/err") || {
    echo "FAIL: stagegap.exe assess exited $?"
    cat "$tmp/err"
    status=1
}
if cmp -s "$golden" "$tmp/out" && [ ! -s "$tmp/err" ]; then
    echo "zip: $name.zip unpacks and its example report equals $golden"
else
    echo "FAIL: the unpacked zip's report differs from $golden:"
    diff "$golden" "$tmp/out" | head -20
    cat "$tmp/err"
    status=1
fi
fx=$PWD/tests/fixtures/import
cp "$fx/ms-forms.xlsx" "$fx/ms-forms.csv" "$fx/ms-forms.map.yaml" "$tmp/$name/"
for kind in xlsx csv; do
    (cd "$tmp/$name" && wine stagegap.exe import --$kind ms-forms.$kind --map ms-forms.map.yaml \
        --organisation A --output from-$kind </dev/null >/dev/null 2>"$tmp/err") || {
        echo "FAIL: stagegap.exe import --$kind exited $?"
        cat "$tmp/err"
        status=1
    }
done
# The first line of an answers file names the file imported from.
same=yes
for f in "$tmp/$name/from-csv"/*.yaml; do
    tail -n +2 "$f" >"$tmp/want"
    tail -n +2 "$tmp/$name/from-xlsx/${f##*/}" >"$tmp/got" 2>/dev/null || same=no
    cmp -s "$tmp/want" "$tmp/got" || same=no
done
count=$(ls "$tmp/$name/from-xlsx" 2>/dev/null | wc -l)
if [ "$same" = yes ] && [ "$count" -gt 0 ] &&
    [ "$count" = "$(ls "$tmp/$name/from-csv" | wc -l)" ]; then
    echo "zip: its stagegap.exe imports ms-forms.xlsx as ms-forms.csv ($count answers files)"
else
    echo "FAIL: the unpacked zip's workbook import differs from the CSV one"
    status=1
fi
exit $status
