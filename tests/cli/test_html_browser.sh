#!/bin/sh
# The HTML reports of assess, compare and trend, rendered by the real binary from the
# bundled examples, are self-contained pages that a real browser draws and that ask
# nothing of the network.
#
#   sh tests/cli/test_html_browser.sh STAGEGAP        (from the repository root)
#
# Without a browser the static checks still run (no "http", "//", "url(" or "@import"
# anywhere, one <h1>, a whole document, the same bytes twice). The browser checks need
# /usr/bin/chromium (or $STAGEGAP_CHROMIUM). When it is missing the script says
# "skipped: chromium not installed" and passes, unless STAGEGAP_BROWSER_TESTS=1 asks for
# the browser checks: then, as root, it installs the Debian package, and otherwise fails.
#
# How "nothing was requested over a network" is checked. Chromium runs with
#   --host-resolver-rules="MAP * ~NOTFOUND"   every host name fails to resolve, so even a
#                                             request that is made cannot leave the machine;
#   --log-net-log=FILE                        the network stack records every request it
#                                             starts, with the URL and on whose behalf.
# file:// loads do not go through the network stack, so the page itself is not in the
# log; anything the page asks for over http(s), ws(s) or ftp is, as a URL request whose
# site_for_cookies / network_isolation_key is the file:// page (initiator "null"). The
# browser's own housekeeping (update checks and the like, which the flags reduce but do
# not stop) runs for no page and has other keys, so it is told apart without a list of
# hosts. Grepping a --v=1 log for URLs would be at the mercy of log wording and would
# also catch that housekeeping. A control page that does load an image and a stylesheet
# from the network is run first: when the check does not see those two requests, the
# check itself is broken and the script fails rather than pass on an empty log.
#
# How "not blank" is checked: a screenshot of an empty white page at the same size is
# taken, and each report's PNG must be several times larger; and its decompressed rows
# (zlib only, no imaging library) must hold many different scanlines, where a one-colour
# image holds one or two.
set -u
bin=$1
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME COMMAND...
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
py=/usr/bin/python3
[ -x "$py" ] || py=python3

# ---- render: every example, a pooled directory, compare and trend ----
q=data/examples/eastbrook-quarterly
pages=""
render() { # render NAME COMMAND ARGS...
    name=$1 cmd=$2; shift 2
    if "$bin" "$cmd" --format html --output "$tmp/$name.html" "$@" 2>"$tmp/$name.err" &&
        "$bin" "$cmd" --format html "$@" >"$tmp/$name.again" 2>/dev/null; then
        pages="$pages $name"
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name: stagegap $cmd --format html $*"
        cat "$tmp/$name.err"
    fi
}
for f in data/examples/*.yaml; do
    case $f in *-plan.yaml | *-accept.yaml | *-overlay.yaml | *-evidence.yaml | *-headcount.yaml) continue ;; esac # a plan, accepted gaps, an overlay, evidence or a headcount, not answers
    render "assess-$(basename "$f" .yaml)" assess "$f"
done
mkdir "$tmp/pool"
src=data/examples/eastbrook-mid-implementation.yaml
sed 's/role: "principal social worker"/role: leader/' "$src" >"$tmp/pool/a.yaml"
sed 's/role: "principal social worker"/role: practitioner/; s/: 9$/: 2/' "$src" >"$tmp/pool/b.yaml"
sed 's/role: "principal social worker"/role: practitioner/; s/: 8$/: 1/' "$src" >"$tmp/pool/c.yaml"
render assess-pool assess "$tmp/pool"
render assess-groups assess --by team tests/fixtures/survey-team-only
render assess-targets assess --rules tests/fixtures/targets/model.yaml tests/fixtures/targets/answers.yaml
render compare compare $q/2026-04.yaml $q/2026-07.yaml
render assess-plan assess --plan tests/fixtures/plan/eastbrook-board.yaml $q/2026-07.yaml
render compare-plan compare --plan tests/fixtures/plan/eastbrook-board.yaml $q/2026-04.yaml $q/2026-07.yaml
render assess-accept assess --accept tests/fixtures/accept/eastbrook-expired.yaml $q/2026-07.yaml
render compare-accept compare --accept tests/fixtures/accept/eastbrook-expired.yaml $q/2026-04.yaml $q/2026-07.yaml
render trend trend $q/2026-07.yaml $q/2026-04.yaml
e=tests/fixtures/eastbrook-earlier
render trend-time trend $e/2025-10.yaml $e/2026-01.yaml $q/2026-04.yaml $q/2026-07.yaml
render trend-same-day trend data/examples/eastbrook-mid-implementation.yaml $q/2026-04.yaml $q/2026-07.yaml
render assess-evidence assess --evidence data/examples/eastbrook-evidence.yaml $q/2026-07.yaml
render trend-evidence trend --evidence data/examples/eastbrook-evidence.yaml $e/2025-10.yaml $q/2026-04.yaml $q/2026-07.yaml
n=data/examples/network
render benchmark-self benchmark --self $n/eastbrook-2026-09-30.yaml $n
render benchmark-network benchmark $n

# ---- static checks ----
for name in $pages; do
    f=$tmp/$name.html
    check "$name: same bytes twice" cmp -s "$f" "$tmp/$name.again"
    check "$name: starts as HTML5 in British English" \
        [ "$(head -c 36 "$f")" = "$(printf '<!DOCTYPE html>\n<html lang="en-GB">')" ]
    check "$name: ends with </html>" [ "$(tail -c 8 "$f")" = "</html>" ]
    check "$name: one <h1>" [ "$(grep -o '<h1' "$f" | wc -l)" -eq 1 ]
    check "$name: nothing that could be fetched" \
        sh -c '! grep -Eiq "http|//|url\(|@import|src=|<link|<script|@font-face" "$1"' - "$f"
    check "$name: every chart is a labelled image" \
        [ "$(grep -o '<svg ' "$f" | wc -l)" -eq "$(grep -o '<svg role="img" aria-labelledby="' "$f" | wc -l)" ]
done
pool=$tmp/assess-pool.html
check "pooled report marks disagreement" grep -qs 'respondents disagree' "$pool"
# Three respondents: no role can be shown apart, and the page says why.
check "pooled report leaves roles out" grep -qs '<h2 id="groups-h">By role</h2>' "$pool"
check "pooled report says why" grep -qs 'Left out: 2 of the 2 groups' "$pool"
check "pooled report shows no role of one" sh -c '! grep -q "<th scope=\"row\">leader" "$1"' - "$pool"
groups=$tmp/assess-groups.html
check "groups: a heat map row per team shown" grep -qs '<th scope="row">Northside</th><td class="num">7</td><td class="heat"' "$groups"
check "groups: the pooled row" grep -qs '<th scope="row">Other groups</th>' "$groups"
check "groups: no team under 5 named" sh -c '! grep -Eq "Eastside|Westside" "$1"' - "$groups"

# ---- browser checks ----
chromium=${STAGEGAP_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] && [ "${STAGEGAP_BROWSER_TESTS:-0}" = 1 ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "installing chromium (STAGEGAP_BROWSER_TESTS=1)"
        { apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }; } \
            >"$tmp/apt.log" 2>&1 || { tail -20 "$tmp/apt.log"; }
    fi
    check "chromium installed (STAGEGAP_BROWSER_TESTS=1)" [ -x "$chromium" ]
fi
if [ ! -x "$chromium" ]; then
    echo "skipped: chromium not installed"
    echo "$pass passed, $fail failed"
    [ "$fail" = 0 ]
    exit
fi

# shoot NAME HTML: a 1200x2000 screenshot NAME.png and a network log NAME.netlog.
shoot() {
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --disable-dev-shm-usage --hide-scrollbars \
        --host-resolver-rules="MAP * ~NOTFOUND" \
        --log-net-log="$tmp/$1.netlog" --user-data-dir="$profile" \
        --screenshot="$tmp/$1.png" --window-size=1200,2000 "file://$2" \
        >"$tmp/$1.chromium.log" 2>&1
    rc=$?
    rm -rf "$profile"
    [ "$rc" = 0 ] && [ -s "$tmp/$1.png" ] || { echo "chromium failed on $2 ($rc):"; tail -5 "$tmp/$1.chromium.log"; }
}

# The check on a network log: prints each URL the page asked for over a network.
cat >"$tmp/netlog.py" <<'EOF'
import json, sys
seen = set()
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.strip().rstrip(",")
    if not line.startswith('{"params"'):
        continue
    try:
        params = json.loads(line).get("params", {})
    except ValueError:
        continue  # a line cut short by an unclean exit
    url = params.get("url", "")
    if not url or url.split(":", 1)[0] in ("file", "data", "blob", "about"):
        continue
    keys = str(params.get("site_for_cookies", "")) + str(params.get("network_isolation_key", ""))
    if "file://" in keys or params.get("initiator") == "null":
        seen.add(url)
for url in sorted(seen):
    print(url)
EOF

# The check on a screenshot: the number of different decompressed scanlines.
cat >"$tmp/png.py" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, bpp = 8, b"", 0, 4
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, _, depth, colour = struct.unpack(">IIBB", body[:10])
        bpp = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour, 4) * max(depth // 8, 1)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = 1 + width * bpp
print(len({raw[i:i + stride] for i in range(0, len(raw), stride)}))
EOF

# Control: a page that does reach for the network must be caught.
cat >"$tmp/control.html" <<'EOF'
<!DOCTYPE html><html lang="en"><head><title>control</title></head><body><h1>control</h1>
<img alt="" src="http://stagegap-control.invalid/x.png">
<link rel="stylesheet" href="https://stagegap-control.invalid/y.css"></body></html>
EOF
printf '<!DOCTYPE html><html lang="en"><head><title>blank</title></head><body></body></html>\n' >"$tmp/blank.html"
shoot control "$tmp/control.html"
check "network check sees a page's requests (control)" \
    [ "$("$py" "$tmp/netlog.py" "$tmp/control.netlog" | grep -c 'stagegap-control\.invalid')" = 2 ]
shoot blank "$tmp/blank.html"
blank_size=$(wc -c <"$tmp/blank.png")
check "a blank page has one or two scanlines (control)" [ "$("$py" "$tmp/png.py" "$tmp/blank.png")" -le 3 ]

for name in $pages; do
    shoot "$name" "$tmp/$name.html"
    check "$name: screenshot taken" [ -s "$tmp/$name.png" ]
    [ -s "$tmp/$name.png" ] || continue
    size=$(wc -c <"$tmp/$name.png")
    check "$name: screenshot not blank ($size bytes, blank $blank_size)" \
        [ "$size" -gt $((blank_size * 4)) ]
    rows=$("$py" "$tmp/png.py" "$tmp/$name.png")
    check "$name: screenshot has content ($rows different rows)" [ "$rows" -gt 200 ]
    "$py" "$tmp/netlog.py" "$tmp/$name.netlog" >"$tmp/$name.requests"
    check "$name: network log written" [ -s "$tmp/$name.netlog" ]
    check "$name: nothing requested over a network" [ ! -s "$tmp/$name.requests" ]
    [ -s "$tmp/$name.requests" ] && cat "$tmp/$name.requests"
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
