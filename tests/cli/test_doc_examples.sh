#!/bin/sh
# Every shell example in README.md (and any other *.md at the top) and docs/*.md runs,
# and exits as the doc says.
#
#   sh tests/cli/test_doc_examples.sh STAGEGAP_BINARY      (from the source root)
#
# What is an example: every fenced block tagged sh, bash, shell or console. A block with
# no tag whose first line starts with "$ " is a transcript that should be tagged
# console: that is a failure, so no example escapes by its tag.
#
# How a block runs: in a fresh copy of a sandbox directory, with `stagegap` on PATH (a
# wrapper around the binary under test), HOME inside the sandbox, standard input
# /dev/null, COLUMNS unset and a time limit.
#   - sh, shell and bash blocks run as one script with `set -e` (and `pipefail` under
#     bash), so every command in them must succeed; a block that starts with `#!` is a
#     script file and runs under its own interpreter, as it would for a reader. By
#     default the block must exit 0.
#   - console blocks are transcripts: only the lines after a "$ " prompt run (with
#     their "\" continuation lines), one shell for the block. Each command must exit 0
#     unless the next one is `echo $?`, which shows its status. Where the transcript
#     shows a command's output, standard output and error together must be exactly
#     that; where it shows none, the output is not checked.
#
# The sandbox holds a copy of data/ (with data/examples/) and the names the docs use:
#   answers.yaml           a valid answers file (data/examples/eastbrook-mid-implementation.yaml)
#   answers/               38 complete respondents with roles, imported from
#                          tests/fixtures/doc-examples/survey.csv
#   leaders/ r1.yaml r2.yaml   five of those respondents again
#   survey/                20 respondents of Riverside giving roles, teams and
#                          localities (tests/fixtures/survey)
#   my-epis-answers.yaml   answers to data/epis.yaml
#   plan.yaml              a board's action plan for Eastbrook's quarters
#                          (data/examples/eastbrook-plan.yaml)
#   survey.csv survey-map.yaml responses.csv   survey exports (tests/fixtures/doc-examples)
#   last-quarter/ this-quarter/, q2/ q3/, 2026-q1/ 2026-q2/ 2026-q3/
#                          Eastbrook's quarters (data/examples/eastbrook-quarterly, and
#                          a third quarter dated 2026-10-14); Sustain fell from the
#                          first to the second
#   readiness/             2026-q1/ 2026-q2/ (a regression) and reports/, for the cron
#                          script in docs/scripting.md; READINESS_DIR names it
#
# Marks: an HTML comment on the line(s) just before a block's fence (blank lines may
# come between), which readers of the rendered page do not see:
#   <!-- doc-test: DIRECTIVE; DIRECTIVE; ... -->
# Directives:
#   skip (REASON)        do not run the block; the reason is required
#   exit N               the block must exit N (default 0)
#   prints "TEXT"        its output (standard output and error) must contain TEXT
#                        (TEXT holds no ";"; give several "prints" for several texts)
#   omit "TEXT" (REASON) run the block without its lines that contain TEXT
#   without PATH         remove PATH (file or directory) from the sandbox first
#   copy SRC DEST        copy SRC (from the source root) to DEST in the sandbox first;
#                        directives apply in the order written
#   file NAME            on a block that is not shell (a YAML file, say): write the
#                        block to NAME in the sandbox of the next example in the page
# Several mark lines before one block run it once per line; a mark that is not just
# before a block is a failure. An unmarked shell block is run and must exit 0: an
# example that cannot run here must say `skip` and why, or this test fails.
#
# A failure names the block's FILE:LINE (of its opening fence) and shows its output.
# It prints a summary "N passed, N failed, N skipped" (runs passed and failed, blocks
# skipped) and exits 1 on any failure. CONTRIBUTING.md says the same for doc writers.
set -u
if [ $# -ne 1 ]; then
    echo "usage: sh tests/cli/test_doc_examples.sh STAGEGAP_BINARY" >&2
    exit 2
fi
case $1 in
    /*) bin=$1 ;;
    *) bin=$(pwd)/$1 ;;
esac
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/stagegap-docex.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0 skip=0

# --- stagegap on PATH ----------------------------------------------------------------
mkdir "$work/bin"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$bin" >"$work/bin/stagegap"
chmod +x "$work/bin/stagegap"
PATH=$work/bin:$PATH
export PATH
unset COLUMNS

# --- the sandbox ---------------------------------------------------------------------
base=$work/base
fx=$root/tests/fixtures/doc-examples
quarters=$root/data/examples/eastbrook-quarterly
set -e
mkdir "$base" "$base/home"
cp -R "$root/data" "$base/data"
cp "$root/data/examples/eastbrook-mid-implementation.yaml" "$base/answers.yaml"
cp "$root/tests/fixtures/epis-partial-answers.yaml" "$base/my-epis-answers.yaml"
cp "$root/data/examples/eastbrook-plan.yaml" "$base/plan.yaml"
cp "$fx/survey.csv" "$fx/survey-map.yaml" "$fx/responses.csv" "$base/"
cp -R "$root/tests/fixtures/survey" "$base/survey"
if ! stagegap import --csv "$fx/survey.csv" --map "$fx/survey-map.yaml" \
        --organisation "Anytown Council Children's Services" --output "$base/answers" \
        >"$work/setup.out" 2>&1; then
    cat "$work/setup.out"
    echo "FAIL: the sandbox's answers/ could not be imported"
    exit 1
fi
mkdir "$base/leaders"
cp "$base/answers/1.yaml" "$base/answers/2.yaml" "$base/answers/3.yaml" "$base/leaders/"
cp "$base/answers/4.yaml" "$base/r1.yaml"
cp "$base/answers/5.yaml" "$base/r2.yaml"
sed 's/^date: .*/date: 2026-10-14/' "$quarters/2026-07.yaml" >"$work/2026-10.yaml"
for pair in "last-quarter 2026-04" "this-quarter 2026-07" "q2 2026-04" "q3 2026-07" \
        "2026-q1 2026-04" "2026-q2 2026-07" "readiness/2026-q1 2026-04" \
        "readiness/2026-q2 2026-07"; do
    # shellcheck disable=SC2086 # two words: directory, quarter
    set -- $pair
    mkdir -p "$base/$1"
    cp "$quarters/$2.yaml" "$base/$1/eb-01.yaml"
done
mkdir "$base/2026-q3" "$base/readiness/reports"
cp "$work/2026-10.yaml" "$base/2026-q3/eb-01.yaml"
set +e

# --- extract the blocks --------------------------------------------------------------
# For block N: $work/blocks/N.where (FILE:LINE), N.lang, N.marks (one mark per line),
# N.body (the block, its fence's indent removed), N.files (NAME<TAB>PATH lines).
mkdir "$work/blocks"
set -- ./*.md docs/*.md
awk -v out="$work/blocks" '
    function orphan_marks() {        # marks not followed by a block
        if (nmarks > 0)
            printf "%s:%d: a doc-test mark with no block just after it\n", \
                markfile, markline > (out "/orphans")
        nmarks = 0
    }
    FNR == 1 { orphan_marks(); inblock = 0 }
    !inblock && /^[ \t]*<!-- doc-test:.*-->[ \t]*$/ {
        m = $0
        sub(/^[ \t]*<!-- doc-test:[ \t]*/, "", m); sub(/[ \t]*-->[ \t]*$/, "", m)
        marks[++nmarks] = m; markline = FNR; markfile = FILENAME
        sub(/^\.\//, "", markfile)
        next
    }
    !inblock && /^[ \t]*```/ {
        line = $0
        match(line, /^[ \t]*/); indent = RLENGTH
        lang = substr(line, indent + 4); gsub(/[ \t]/, "", lang)
        inblock = 1; start = FNR; n++; body = out "/" n ".body"
        printf "" > body
        f = FILENAME; sub(/^\.\//, "", f)
        printf "%s:%d\n", f, FNR > (out "/" n ".where")
        printf "%s\n", lang > (out "/" n ".lang")
        printf "" > (out "/" n ".marks")
        for (i = 1; i <= nmarks; i++) printf "%s\n", marks[i] > (out "/" n ".marks")
        close(out "/" n ".where"); close(out "/" n ".lang"); close(out "/" n ".marks")
        nmarks = 0
        next
    }
    inblock && /^[ \t]*```[ \t]*$/ {
        inblock = 0; close(body)
        next
    }
    inblock {
        l = $0
        # remove the fence indent (blocks inside list items)
        for (i = 0; i < indent && substr(l, 1, 1) ~ /[ \t]/; i++) l = substr(l, 2)
        print l > body
        next
    }
    !inblock && $0 !~ /^[ \t]*$/ { orphan_marks() }
    END { orphan_marks() }
' "$@"

# --- helpers -------------------------------------------------------------------------
trim() { printf '%s' "$1" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//'; }

report_fail() { # WHERE MESSAGE OUTPUT_FILE
    fail=$((fail + 1))
    echo "FAIL: $1: $2"
    if [ -n "${3:-}" ] && [ -s "$3" ]; then
        echo "  --- output (last 40 lines) ---"
        tail -n 40 "$3" | sed 's/^/  | /'
    fi
}

timeout_cmd=""
command -v timeout >/dev/null 2>&1 && timeout_cmd="timeout 120"

# Turn a console transcript into a script: $1 body, $2 script, $3 dir for expected
# outputs (K.expect) and where the script writes K.out and K.status; prints the number
# of commands.
console_script() {
    awk -v script="$2" -v dir="$3" '
        function finish_cmd() {
            if (cmd == "") return
            printf "{ %s\n} >\"%s/%d.out\" 2>&1; __st=$?; echo $__st >\"%s/%d.status\"; (exit $__st)\n", \
                cmd, dir, k, dir, k > script
            cmd = ""
        }
        /^\$ / {
            finish_cmd()
            k++; cmd = substr($0, 3); printf "" > (dir "/" k ".expect"); cont = (cmd ~ /\\$/)
            printf "%s\n", substr($0, 3) > (dir "/" k ".cmd")
            next
        }
        cont { cmd = cmd "\n" $0; cont = ($0 ~ /\\$/); next }
        k > 0 { finish_cmd(); print > (dir "/" k ".expect") }
        END { finish_cmd(); print k + 0 }
    ' "$1"
}

# Run block N once with the directives in $2.
run_block() {
    n=$1 directives=$2
    where=$(cat "$work/blocks/$n.where") lang=$(cat "$work/blocks/$n.lang")
    want_exit=0 prints="" omits="" ok=yes
    run=$work/run && rm -rf "$run" && cp -R "$base" "$run"
    # apply the files written by "file NAME" marks
    if [ -s "$work/blocks/$n.files" ]; then
        while IFS='	' read -r fname fpath; do
            mkdir -p "$(dirname "$run/$fname")" && cp "$fpath" "$run/$fname"
        done <"$work/blocks/$n.files"
    fi
    # directives, separated by ";"
    rest=$directives
    while [ -n "$rest" ]; do
        case $rest in
            *\;*) d=${rest%%;*}; rest=${rest#*;} ;;
            *) d=$rest; rest="" ;;
        esac
        d=$(trim "$d")
        case $d in
            "") ;;
            "exit "[0-9]*) want_exit=${d#exit } ;;
            "prints \""*\") prints="$prints${prints:+
}$(printf '%s' "${d#prints }" | sed 's/^"//; s/"$//')" ;;
            "omit \""*\"" ("*")") t=${d#omit \"}; omits="$omits${omits:+
}${t%%\"*}" ;;
            "without "*|"copy "*)
                case $d in
                    */..*|*../*|"without /"*|"copy /"*|*" /"*)
                        report_fail "$where" "'$d': paths are relative and stay inside"
                        return ;;
                esac
                case $d in
                    "without "?*) rm -rf "${run:?}/${d#without }" ;;
                    "copy "?*" "?*)
                        # shellcheck disable=SC2086 # two words: source, destination
                        set -- ${d#copy }
                        mkdir -p "$(dirname "$run/$2")" && cp -R "$root/$1" "$run/$2" ;;
                    *) report_fail "$where" "'$d' needs a path (copy: two)"; return ;;
                esac ;;
            *) report_fail "$where" "unknown doc-test directive '$d'"; return ;;
        esac
    done
    script=$work/script && out=$work/out && cdir=$work/console
    rm -rf "$cdir" && mkdir "$cdir"
    if [ -n "$omits" ]; then
        printf '%s\n' "$omits" >"$work/omits"
        grep -v -F -f "$work/omits" "$work/blocks/$n.body" >"$work/body"
    else
        cp "$work/blocks/$n.body" "$work/body"
    fi
    if [ "$lang" = console ]; then
        ncmd=$(console_script "$work/body" "$script" "$cdir")
        if [ "$ncmd" -eq 0 ]; then
            report_fail "$where" "console block with no \"\$ \" prompt line"; return
        fi
        runner="sh $script"
    elif head -n 1 "$work/body" | grep -q '^#!'; then
        cp "$work/body" "$script"
        interp=$(head -n 1 "$script" | sed 's/^#![[:space:]]*//; s/^\/usr\/bin\/env[[:space:]]*//')
        case $interp in
            */bash*|bash*) runner="bash $script" ;;
            *) runner="sh $script" ;;
        esac
    elif [ "$lang" != sh ] && command -v bash >/dev/null 2>&1; then
        cp "$work/body" "$script"; runner="bash -e -o pipefail $script"
    elif command -v bash >/dev/null 2>&1; then
        # sh blocks are POSIX: run them under bash only for pipefail
        cp "$work/body" "$script"; runner="bash --posix -e -o pipefail $script"
    else
        cp "$work/body" "$script"; runner="sh -e $script"
    fi
    # shellcheck disable=SC2086 # the runner is a command and its options
    (cd "$run" && HOME=$run/home READINESS_DIR=$run/readiness $timeout_cmd $runner) \
        </dev/null >"$out" 2>&1
    got=$?
    label="$where${directives:+ [$directives]}"
    if [ "$got" != "$want_exit" ]; then
        report_fail "$label" "exit $got, the doc says $want_exit" "$out"; return
    fi
    if [ -n "$prints" ]; then
        printf '%s\n' "$prints" | while IFS= read -r p; do
            grep -q -F -- "$p" "$out" || echo "$p"
        done >"$work/missing"
        if [ -s "$work/missing" ]; then
            report_fail "$label" "output lacks \"$(head -n 1 "$work/missing")\"" "$out"; return
        fi
    fi
    if [ "$lang" = console ]; then
        k=1
        while [ "$k" -le "$ncmd" ]; do
            cmd=$(cat "$cdir/$k.cmd")
            next_cmd=$(cat "$cdir/$((k + 1)).cmd" 2>/dev/null)
            st=$(cat "$cdir/$k.status" 2>/dev/null || echo "did not run")
            if [ "$st" != 0 ] && [ "$next_cmd" != 'echo $?' ] &&
               { [ "$k" -lt "$ncmd" ] || [ "$st" != "$want_exit" ]; }; then
                report_fail "$label" "'$cmd' exited $st" "$cdir/$k.out"; ok=no; break
            fi
            if [ -s "$cdir/$k.expect" ] && ! cmp -s "$cdir/$k.expect" "$cdir/$k.out"; then
                report_fail "$label" "'$cmd' printed other than the transcript shows"
                diff -u "$cdir/$k.expect" "$cdir/$k.out" | sed 's/^/  | /' | head -n 60
                ok=no; break
            fi
            k=$((k + 1))
        done
        [ "$ok" = yes ] || return
    fi
    pass=$((pass + 1))
}

# --- run them ------------------------------------------------------------------------
if [ -s "$work/blocks/orphans" ]; then
    while IFS= read -r line; do report_fail "${line%%: *}" "${line#*: }"; done \
        <"$work/blocks/orphans"
fi
found=0 n=1 pending_page=""
while [ -f "$work/blocks/$n.where" ]; do
    where=$(cat "$work/blocks/$n.where") lang=$(cat "$work/blocks/$n.lang")
    case $lang in
        sh|bash|shell|console) ;;
        *)
            # a mark "file NAME" on another block: keep the block for the next example
            page=${where%:*}
            if [ -s "$work/pending" ] && [ "$page" != "$pending_page" ]; then
                report_fail "$pending_page" "a 'file' mark with no example after it on its page"
                rm -f "$work/pending"
            fi
            pending_page=$page
            while IFS= read -r mark; do
                case $(trim "$mark") in
                    "file "?*)
                        name=$(trim "${mark#*file }")
                        printf '%s\t%s\n' "$name" "$work/blocks/$n.body" >>"$work/pending" ;;
                    *) report_fail "$where" "only 'file NAME' can mark a $lang block: '$mark'" ;;
                esac
            done <"$work/blocks/$n.marks"
            if [ -z "$lang" ] && head -n 1 "$work/blocks/$n.body" | grep -q '^\$ '; then
                report_fail "$where" "a transcript in an untagged block: tag it \`\`\`console"
            fi
            n=$((n + 1)); continue ;;
    esac
    if [ -s "$work/pending" ] && [ "${where%:*}" != "$pending_page" ]; then
        report_fail "$pending_page" "a 'file' mark with no example after it on its page"
        rm -f "$work/pending"
    fi
    found=$((found + 1))
    # files marked on earlier blocks of the same page are written for this one
    if [ -s "$work/pending" ]; then
        mv "$work/pending" "$work/blocks/$n.files"
    fi
    if [ ! -s "$work/blocks/$n.marks" ]; then
        run_block "$n" ""
    else
        while IFS= read -r mark; do
            case $(trim "$mark") in
                "skip ("?*")")
                    skip=$((skip + 1))
                    echo "skipped: $where: $(trim "${mark#*skip}")" ;;
                skip*) report_fail "$where" "'skip' needs a reason in parentheses: '$mark'" ;;
                *) run_block "$n" "$mark" <&3 ;;
            esac
        done 3<&0 <"$work/blocks/$n.marks"
    fi
    n=$((n + 1))
done
if [ -s "$work/pending" ]; then
    report_fail "$pending_page" "a 'file' mark with no example after it on its page"
fi
[ "$found" -gt 0 ] || report_fail "README.md docs/*.md" "no shell examples found"
echo "$found shell blocks found"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ] || exit 1
