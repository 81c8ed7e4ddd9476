#!/bin/sh
# assess --format docx and odt (docs/office-formats.md), run by the real binary on the
# bundled examples: a zip archive of the parts expected, the OpenDocument mimetype first
# and stored; the same bytes twice, and on standard output as in --output; --output
# written whole or not at all; never written to a terminal (exit 2, nothing shown);
# compare, trend and rules refuse the formats (exit 2); the pooled report's suppressed
# group named nowhere in the XML, as in markdown. The structure as Word and LibreOffice
# read it is checked by tests/cli/office/check_office.py (the full tier).
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
ex=data/examples
# part FILE NAME: the part's text on standard output
part() { "$py" -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; }
names() { "$py" -c 'import sys, zipfile; print(" ".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }

docx_parts="[Content_Types].xml _rels/.rels docProps/core.xml word/document.xml word/_rels/document.xml.rels word/styles.xml word/numbering.xml word/settings.xml"
odt_parts="mimetype meta.xml styles.xml content.xml META-INF/manifest.xml"
for fmt in docx odt; do
    "$bin" assess --format $fmt --plan $ex/eastbrook-plan.yaml --output "$tmp/a.$fmt" \
        $ex/eastbrook-mid-implementation.yaml 2>"$tmp/err"
    check "$fmt: exit 0" [ $? = 0 ]
    check "$fmt: nothing on standard error" [ ! -s "$tmp/err" ]
    "$bin" assess --format $fmt --plan $ex/eastbrook-plan.yaml --output "$tmp/b.$fmt" \
        $ex/eastbrook-mid-implementation.yaml 2>/dev/null
    check "$fmt: the same bytes twice" cmp -s "$tmp/a.$fmt" "$tmp/b.$fmt"
    "$bin" assess --format $fmt --plan $ex/eastbrook-plan.yaml \
        $ex/eastbrook-mid-implementation.yaml >"$tmp/c.$fmt" 2>/dev/null
    check "$fmt: standard output holds the bytes --output writes" cmp -s "$tmp/a.$fmt" "$tmp/c.$fmt"
    "$bin" assess --format $fmt --jobs 3 --by team $ex/eastbrook-quarterly/2026-04.yaml \
        $ex/eastbrook-quarterly/2026-07.yaml >"$tmp/q1.$fmt" 2>/dev/null
    "$bin" assess --format $fmt --jobs 1 --by team $ex/eastbrook-quarterly/2026-07.yaml \
        $ex/eastbrook-quarterly/2026-04.yaml >"$tmp/q2.$fmt" 2>/dev/null
    check "$fmt: the same bytes whatever the files' order and --jobs" cmp -s "$tmp/q1.$fmt" "$tmp/q2.$fmt"
    check "$fmt: a zip archive" [ "$(head -c 2 "$tmp/a.$fmt")" = PK ]
    eval "want=\$${fmt}_parts"
    check "$fmt: its parts, in order" [ "$(names "$tmp/a.$fmt")" = "$want" ]
done
# OpenDocument: the mimetype first, stored, readable at byte 30.
check "odt: mimetype at byte 30" [ "$(dd if="$tmp/a.odt" bs=1 skip=30 count=47 2>/dev/null)" = \
    "mimetypeapplication/vnd.oasis.opendocument.text" ]
part "$tmp/a.docx" word/document.xml >"$tmp/document.xml"
part "$tmp/a.odt" content.xml >"$tmp/content.xml"
check "docx: the report's title as Heading 1" grep -q '<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Implementation readiness: </w:t></w:r><w:r><w:t xml:space="preserve">Eastbrook County Council Children&apos;s Services' "$tmp/document.xml"
check "docx: a header row repeated" grep -q '<w:tblHeader/>' "$tmp/document.xml"
check "docx: the tool named at the end" grep -q 'Made by stagegap [0-9]' "$tmp/document.xml"
check "odt: the report's title at outline level 1" grep -q '<text:h text:style-name="Heading_20_1" text:outline-level="1">Implementation readiness: Eastbrook County Council Children&apos;s Services' "$tmp/content.xml"
check "odt: header rows" grep -q '<table:table-header-rows>' "$tmp/content.xml"

# Hostile text from the inputs (markup of both formats, an entity, a CDATA end, controls,
# U+FFFE, U+FFFF, U+0085) in the organisation and a note: every part of both files is
# well-formed XML, no element comes from the text, and the title holds it as text, what
# XML 1.0 forbids or discourages written as U+FFFD.
sed -e 's|^organisation: .*|organisation: "Evil </w:t></w:r><w:p><evil/></w:p> <text:h>x</text:h> ]]> \&amp; \\x01\\x1b[2J\\uFFFE\\u0085 end"|' \
    -e 's|note: "The director and every head of service attended the 5-day training"|note: "<office:evil/> \& <w:evil/>\\x07 \\uFFFF note"|' \
    $ex/eastbrook-mid-implementation.yaml >"$tmp/hostile.yaml"
check "hostile: the organisation replaced" grep -q '^organisation: "Evil' "$tmp/hostile.yaml"
for fmt in docx odt; do
    "$bin" assess --format $fmt --output "$tmp/hostile.$fmt" "$tmp/hostile.yaml" 2>"$tmp/err"
    check "hostile $fmt: exit 0" [ $? = 0 ]
    check "hostile $fmt: well-formed, no element from the text, the title as text" "$py" -c '
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
texts = []
for name in z.namelist():
    if name == "mimetype":
        continue
    root = ET.fromstring(z.read(name))
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "evil":
            sys.exit(name + ": an element from the text")
        texts.append("".join(el.itertext()) if el.tag.endswith("}h") or el.tag.endswith("}p") else "")
want = ("Implementation readiness: Evil </w:t></w:r><w:p><evil/></w:p> <text:h>x</text:h> ]]> "
        "&amp; \ufffd\ufffd[2J\ufffd\ufffd end")
if not any(t == want for t in texts):
    sys.exit("the title is not there as text")
if not any("<office:evil/> & <w:evil/>\ufffd \ufffd note" in t for t in texts):
    sys.exit("the note is not there as text")
' "$tmp/hostile.$fmt"
done

# --output whole or not at all: into a directory that does not exist, nothing is made;
# over an input, refused; an old file is kept when the write fails.
"$bin" assess --format docx --output "$tmp/no/such/dir/r.docx" $ex/westvale-sustaining.yaml \
    >/dev/null 2>"$tmp/err"
rc=$?
check "--output into a missing directory: exit 4" [ $rc = 4 ]
check "--output into a missing directory: nothing made" [ ! -e "$tmp/no" ]
cp $ex/westvale-sustaining.yaml "$tmp/w.yaml"
"$bin" assess --format odt --output "$tmp/w.yaml" "$tmp/w.yaml" >/dev/null 2>"$tmp/err"
check "--output over an input: exit 2" [ $? = 2 ]
check "--output over an input: the input kept" cmp -s $ex/westvale-sustaining.yaml "$tmp/w.yaml"
check "--output over an input: said" grep -q 'is one of the inputs; refusing to write over it' "$tmp/err"
check "no temporary file left" [ "$(ls "$tmp" | grep -c '\.tmp')" = 0 ]

# said FILE TEXT: TEXT is in FILE, a terminal's escape sequences and spacing aside (wine
# draws each character with its own escapes, and a space as a cursor move).
said() {
    sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$1" | tr -d ' \r\n' |
        grep -qF -- "$(printf '%s' "$2" | tr -d ' ')"
}
# Never to a terminal: exit 2, the reason, and not a byte of the archive.
for fmt in docx odt; do
    "$py" tests/tools/pty_drive.py "$tmp/tty.$fmt" -- "$bin" assess --format $fmt \
        $ex/westvale-sustaining.yaml </dev/null >/dev/null 2>&1
    check "$fmt to a terminal: exit 2" [ $? = 2 ]
    check "$fmt to a terminal: said" said "$tmp/tty.$fmt" "stagegap: --format $fmt writes a binary file, which is not written to a terminal: give --output FILE, or redirect standard output"
    check "$fmt to a terminal: no archive shown" sh -c "! grep -q PK '$tmp/tty.$fmt'"
done

# The commands whose output is not one document refuse the formats, naming assess.
for fmt in docx odt; do
    for cmd in "compare $ex/eastbrook-quarterly/2026-04.yaml $ex/eastbrook-quarterly/2026-07.yaml" \
        "trend $ex/eastbrook-quarterly" "rules"; do
        out="--output $tmp/refused.$fmt"
        [ "$cmd" = rules ] && out="" # rules writes to standard output only
        # shellcheck disable=SC2086
        "$bin" $cmd --format $fmt $out >"$tmp/out" 2>"$tmp/err"
        rc=$?
        check "${cmd%% *} --format $fmt: exit 2" [ $rc = 2 ]
        check "${cmd%% *} --format $fmt: said" grep -q "^stagegap: only assess writes the format '$fmt'$" "$tmp/err"
        check "${cmd%% *} --format $fmt: nothing written" [ ! -e "$tmp/refused.$fmt" ] && [ ! -s "$tmp/out" ]
    done
done

# Privacy: a pooled report by role, whose director is a group of one. Markdown names
# neither role (the groups are left out together); neither do the Word and OpenDocument
# files, whose XML holds the same section and its note.
anon=tests/fixtures/anonymity
"$bin" assess --by role --format markdown $anon >"$tmp/anon.md"
check "markdown: the groups left out" grep -q 'Left out: 1 of the 2 groups' "$tmp/anon.md"
check "markdown: no role named" sh -c "! grep -qi -e director -e practitioner '$tmp/anon.md'"
"$bin" assess --by role --format docx --output "$tmp/anon.docx" $anon
"$bin" assess --by role --format odt --output "$tmp/anon.odt" $anon
part "$tmp/anon.docx" word/document.xml >"$tmp/anon.docx.xml"
part "$tmp/anon.odt" content.xml >"$tmp/anon.odt.xml"
for f in anon.docx.xml anon.odt.xml; do
    check "$f: the section is there" grep -q 'By role' "$tmp/$f"
    check "$f: the groups left out" grep -q 'Left out: 1 of the 2 groups' "$tmp/$f"
    check "$f: no role named" sh -c "! grep -qi -e director -e practitioner '$tmp/$f'"
    check "$f: no respondent id" sh -c "! grep -q 'staff-[0-9]' '$tmp/$f'"
    check "$f: the notes are there, unattributed" grep -q 'The board will not fund more coaching' "$tmp/$f"
done
for f in docx odt; do
    for p in $(names "$tmp/anon.$f"); do
        part "$tmp/anon.$f" "$p" >>"$tmp/anon.$f.all"
    done
    check "$f: no role in any part" sh -c "! grep -qi -e director -e practitioner -e 'staff-[0-9]' '$tmp/anon.$f.all'"
done

echo "office formats: $pass passed, $fail failed"
[ $fail = 0 ]
