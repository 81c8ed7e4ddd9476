#!/bin/sh
# test_plan_roundtrip.sh STAGEGAP
# The plan round trip: a plan made from the April assessment, edited the way a person
# would (fields filled in, keys reordered, comments and blank lines added, a block of
# text, an action dropped), then updated from a later assessment. Every byte the person
# wrote must still be there, exactly: the new file is the old one with the new actions
# inserted at one place, and it validates. With LF and with CR LF line ends; in place
# and with --output; and an update with nothing new leaves the file untouched.
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
april=data/examples/eastbrook-quarterly/2026-04.yaml
july=data/examples/eastbrook-quarterly/2026-07.yaml
pass=0 fail=0
check() {
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}

# A later quarter in which two Launch suggestions have slipped below acted on, so the
# plan gains actions (the bundled July quarter ranks no new one).
sed -e 's/launch.plan-for-full-implementation: 8/launch.plan-for-full-implementation: 4/' \
    -e 's/launch.shared-values: 8/launch.shared-values: 5/' "$july" >"$tmp/october.yaml"

check "plan writes the April plan" "$bin" plan --output "$tmp/plan.yaml" "$april"
check "the new plan validates" "$bin" validate "$tmp/plan.yaml"

# The person's edits.
python3 - "$tmp/plan.yaml" <<'PY'
import sys
path = sys.argv[1]
s = open(path, encoding="utf-8").read()
first, second, third = (s.index("  - action: implement.meaningful-qa-system"),
                        s.index("  # 2."), s.index("  # 3."))
one = s[first:second]
# Action 1: done. Keys reordered (status first), comments inline and on their own line,
# a blank line, quoting, a block of text as the note.
one = one.replace("  - action: implement.meaningful-qa-system\n",
                  "  - status: done    # signed off at the May board\n"
                  "    action: implement.meaningful-qa-system\n")
one = one.replace("    status: planned\n", "")
one = one.replace("    owner:\n", "    owner: 'Head of Quality Assurance'\n\n")
one = one.replace("    due:\n", "    due: 2026-06-30\n")
one = one.replace("    done:\n", "    done: 2026-06-01\n")
one = one.replace("    note:\n",
                  "    note: |\n      Audit tool agreed with team managers.\n"
                  "      First audits in June.\n    # ask Priya about the audit rota\n")
# Action 2: in progress, with a due date and a note.
two = s[second:third]
two = two.replace("    owner:\n", "    owner: Jo Bloggs  # interim\n")
two = two.replace("    due:\n", "    due: 2026-09-30\n")
two = two.replace("    status: planned\n", "    status: in progress\n")
two = two.replace("    note:\n", "    note: \"partners' meeting booked for 12 September\"\n")
# Action 3 dropped; the board's own heading and a closing comment added.
three = s[third:].replace("    status: planned\n", "    status: dropped\n")
s = ("# Eastbrook improvement board: the plan we agreed on 2026-05-02.\n\n" + s[:first] + one
     + two + three + "\n# (3 dropped by the board: see the minutes)\n")
open(path, "w", encoding="utf-8").write(s)
PY
check "the edited plan validates" "$bin" validate "$tmp/plan.yaml"
cp "$tmp/plan.yaml" "$tmp/edited.yaml"

# inserted OLD NEW: NEW is OLD with one run of bytes inserted, which holds only new
# actions (each "- action:" added from the later assessment) and nothing of OLD is lost.
inserted() {
    python3 - "$1" "$2" "${3:-}" <<'PY'
import sys
old, new = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
eol = b"\r\n" if sys.argv[3] == "crlf" else b"\n"
k = 0
while k < len(old) and k < len(new) and old[k] == new[k]:
    k += 1
added = new[k:len(new) - (len(old) - k)]
ok = (len(new) > len(old) and new[:k] == old[:k] and new[k + len(added):] == old[k:]
      and added.count(b"- action:") == 2
      and b"added from the assessment of 2026-07-14" in added
      and b"action: launch.shared-values" in added
      and b"action: implement" not in added)
lines = added.split(eol)
ok = ok and all(b"\r" not in l and b"\n" not in l for l in lines)
if not ok:
    sys.stderr.write("old %d bytes, new %d, first difference at %d\n%s\n"
                     % (len(old), len(new), k, added.decode(errors="replace")))
sys.exit(0 if ok else 1)
PY
}

# In place: the file gains the new actions, and nothing else changes.
"$bin" plan --update "$tmp/plan.yaml" "$tmp/october.yaml" 2>"$tmp/err"
check "update exits 0" [ $? = 0 ]
check "every byte the person wrote is kept" inserted "$tmp/edited.yaml" "$tmp/plan.yaml"
check "the updated plan validates" "$bin" validate "$tmp/plan.yaml"
check "the person's closing comment is still last" \
    sh -c "tail -n 1 '$tmp/plan.yaml' | grep -qx '# (3 dropped by the board: see the minutes)'"
check "the new actions are numbered on" grep -q '^  # 4\. Aiming to create shared' "$tmp/plan.yaml"
check "the new actions come after the person's comment under the last one" \
    sh -c "grep -n 'ask Priya\|# 4\.\|partners' '$tmp/plan.yaml' | cut -d: -f2- | tr -d '\n' |
           grep -q 'ask Priya.*partners.*# 4\.'"
check "no temporary file is left beside the plan" [ "$(ls "$tmp" | grep -c '^plan')" = 1 ]

# Once more: nothing new to add, the file untouched, and a note says so.
cp "$tmp/plan.yaml" "$tmp/twice.yaml"
"$bin" plan --update "$tmp/plan.yaml" "$tmp/october.yaml" 2>"$tmp/err"
check "a second update exits 0" [ $? = 0 ]
check "a second update changes nothing" cmp -s "$tmp/plan.yaml" "$tmp/twice.yaml"
check "a second update says nothing is new" grep -q '^stagegap: note: nothing new to add' "$tmp/err"

# The bundled July quarter ranks nothing new; the dropped action 3 is not added again.
"$bin" plan --update "$tmp/edited.yaml" --output "$tmp/july.yaml" "$july" 2>"$tmp/err"
check "an update from July exits 0" [ $? = 0 ]
check "an update from July keeps the file as it was" cmp -s "$tmp/edited.yaml" "$tmp/july.yaml"

# --output: the plan itself is left alone.
"$bin" plan --update "$tmp/edited.yaml" --output "$tmp/out.yaml" "$tmp/october.yaml" 2>/dev/null
check "update --output exits 0" [ $? = 0 ]
check "update --output leaves the plan alone" sh -c "! cmp -s '$tmp/edited.yaml' '$tmp/out.yaml'"
check "update --output keeps every byte" inserted "$tmp/edited.yaml" "$tmp/out.yaml"

# A file saved on Windows (CR LF), with no line break at its end.
python3 - "$tmp/edited.yaml" "$tmp/crlf.yaml" <<'PY'
import sys
s = open(sys.argv[1], "rb").read().rstrip(b"\n").replace(b"\n", b"\r\n")
open(sys.argv[2], "wb").write(s)
PY
cp "$tmp/crlf.yaml" "$tmp/crlf-edited.yaml"
"$bin" plan --update "$tmp/crlf.yaml" "$tmp/october.yaml" 2>/dev/null
check "a CR LF update exits 0" [ $? = 0 ]
check "a CR LF update keeps every byte, its new lines CR LF" \
    inserted "$tmp/crlf-edited.yaml" "$tmp/crlf.yaml" crlf
check "a CR LF update has no bare LF" \
    sh -c "[ \"\$(tr -cd '\n' <'$tmp/crlf.yaml' | wc -c)\" = \"\$(tr -cd '\r' <'$tmp/crlf.yaml' | wc -c)\" ]"
check "the CR LF plan validates" "$bin" validate "$tmp/crlf.yaml"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
