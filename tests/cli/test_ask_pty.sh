#!/bin/sh
# "stagegap ask" on a real pseudo-terminal (tests/tools/pty_drive.py): answers with
# notes, n/a, back, skip; end of input and Ctrl-C keep what was answered; a second run
# resumes at the first unanswered question; without a terminal it exits 2.
set -u
bin=$1
drive=tests/tools/pty_drive.py
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
out=$tmp/answers.yaml

/usr/bin/python3 $drive "$tmp/t1" -- "$bin" ask --output "$out" <<'EOF2'
expect Organisation:
send Testshire Children's Services
expect Date of the assessment
send 30/09/2026
expect The date must be a calendar date written YYYY-MM-DD, like 2026-09-30.
expect Date of the assessment
send 2026-10-01
expect Your role
send practitioner
expect Your team
send help
expect The team you work in
expect Your team
send   North: #1 "best"
expect Question 1 of 41
send 7 pilot teams only
expect Question 2 of 41
send n/a
expect Question 3 of 41
send back
expect Question 2 of 41
send
expect Question 3 of 41
send eleven
expect The answer must be a number from 0 to 10, n/a or unknown, not 'eleven'.
expect Question 3 of 41
send 11
expect The answer must be from 0 to 10, not 11.
expect Question 3 of 41
send 8
expect Question 4 of 41
eof
EOF2
rc=$?
check "first run exits 0 at end of input" [ "$rc" = 0 ]
check "shows the scale's ends" grep -q "10 = " "$tmp/t1"
check "keeps the note" grep -q 'launch.introducing-sos: {score: 7, note: "pilot teams only"}' "$out"
check "keeps n/a through back and Enter" grep -q 'launch.enthusiasm-across-organisation: n/a' "$out"
check "keeps the third answer" grep -q 'launch.training-for-all-workers: 8' "$out"
check "writes the team under groups" grep -qxF 'respondent: {role: "practitioner", groups: {team: "North: #1 \"best\""}}' "$out"
"$bin" validate "$out" >/dev/null 2>&1
check "the file is valid" [ $? = 0 ]

/usr/bin/python3 $drive "$tmp/t2" -- "$bin" ask --output "$out" <<'EOF2'
expect going on from question 4
expect Question 4 of 41
send unknown nobody has asked
expect Question 5 of 41
interrupt
EOF2
rc=$?
check "Ctrl-C exits 0" [ "$rc" = 0 ]
check "resumed without asking the organisation again" sh -c "! grep -q Organisation: '$tmp/t2'"
check "kept the answer before Ctrl-C" grep -q 'launch.worker-strengths-and-values: {score: unknown, note: "nobody has asked"}' "$out"
check "kept the first run's answers" grep -q 'launch.training-for-all-workers: 8' "$out"
check "kept the role and team from the first run" grep -qxF 'respondent: {role: "practitioner", groups: {team: "North: #1 \"best\""}}' "$out"
check "no temporary file left" [ "$(ls -A "$tmp" | grep -c '^\.stagegap-')" = 0 ]

# Groups given in the file, not only the team ask asks for, are kept, in their order.
sed 's/^respondent: .*/respondent: {role: "practitioner", groups: {locality: "North", years-in-post: "2-5", team: "T"}}/' \
    "$out" >"$tmp/groups.yaml"
/usr/bin/python3 $drive "$tmp/t3" -- "$bin" ask --output "$tmp/groups.yaml" <<'EOF2'
expect Question 5 of 41
send 6
expect Question 6 of 41
send quit
expect Saved
EOF2
check "resumed file keeps every group in order" grep -qxF 'respondent: {role: "practitioner", groups: {locality: "North", years-in-post: "2-5", team: "T"}}' "$tmp/groups.yaml"

# 'quit' before any question stops without a file, as 'help' says, at every detail.
for at in 0 1 2 3; do
    {
        echo "expect Organisation:"
        [ $at -ge 1 ] && printf 'send Testshire\nexpect Date of the assessment\n'
        [ $at -ge 2 ] && printf 'send 2026-10-01\nexpect Your role\n'
        [ $at -ge 3 ] && printf 'send leader\nexpect Your team\n'
        echo "send quit"
        echo "expect Nothing saved."
    } | /usr/bin/python3 $drive "$tmp/q$at" -- "$bin" ask --output "$tmp/quit.yaml"
    rc=$?
    check "quit at detail $at exits 0" [ "$rc" = 0 ]
    check "quit at detail $at writes nothing" [ ! -e "$tmp/quit.yaml" ]
    check "quit at detail $at is not called invalid" sh -c "! grep -q 'not valid' '$tmp/q$at'"
done

# Questions are filled to the terminal's width (COLUMNS here).
COLUMNS=40 /usr/bin/python3 $drive "$tmp/w" -- "$bin" ask --output "$tmp/w.yaml" <<'EOF2'
expect Organisation:
send Testshire
expect Date of the assessment
send 2026-10-01
expect Your role
send
expect Your team
send
expect Question 1 of 41
send quit
expect Saved
EOF2
check "questions fit COLUMNS=40" sh -c "sed -n '/Question 1 of/,/^> /p' '$tmp/w' | tr -d '\r' | awk 'length > 40 { bad = 1 } END { exit bad }'"
check "a question runs over more than one line" sh -c "sed -n '/Question 1 of/,/^> /p' '$tmp/w' | tr -d '\r' | grep -q '^  working, rather than'"

"$bin" ask --output "$tmp/none.yaml" </dev/null >"$tmp/o" 2>"$tmp/e"
rc=$?
check "no terminal exits 2" [ "$rc" = 2 ]
check "no terminal points at init" grep -q "stagegap init" "$tmp/e"
check "no terminal writes nothing" [ ! -e "$tmp/none.yaml" ]

# ask with the overlay: 42 questions (the base's 41, two added, one retired).
/usr/bin/python3 $drive "$tmp/o1" -- "$bin" ask --rules data/examples/eastbrook-overlay.yaml \
    --output "$tmp/asked.yaml" <<'EOF2' >"$tmp/ask.out" 2>&1
expect Organisation:
send Eastbrook
expect Date of the assessment
send 2026-04-15
expect Your role
send
expect Your team
send
expect Question 1 of 42
eof
EOF2
check "ask with an overlay asks its 42 questions" grep -qF "Question 1 of 42" "$tmp/o1"
check "ask wrote answers naming the overlay" grep -qF "eastbrook-signs-of-safety" "$tmp/asked.yaml"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
