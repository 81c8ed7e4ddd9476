#!/bin/bash
# Proves README's quick start on a machine that has nothing: for each Debian suite
# named (default: bookworm trixie), in minimal roots made with debootstrap, it runs
#   1. in a fresh root: scripts/run-example.sh first, then scripts/package.sh (the .deb,
#      checked by lintian);
#   2. in another fresh root: STAGEGAP_QUICK=1 scripts/test.sh first (the test suite
#      runs here only: run again after run-example.sh it would build and test the
#      same sources twice);
#   3. in a third fresh root, where nothing is built: apt-get install ./stagegap_*.deb,
#      then stagegap assess on the bundled example and man stagegap.
# The first two roots get a clone of this checkout's committed main; each gets /proc, /dev and /dev/pts
# (the ask test needs a pseudo-terminal). A failure names the suite and command and
# shows the tail of its output. The suites are checked side by side. Run as root:
#
#   sudo scripts/fresh-machine-check.sh [SUITE...]
#
# Directories (nothing outside them is written, and everything mounted is unmounted):
#   STAGEGAP_FRESH_CACHE  kept between runs: each suite's bootstrapped base as a tarball
#                         and the .deb files apt downloaded, so only the first run is
#                         slow, and the last run's logs in last-run-logs/
#                         (default /var/cache/stagegap-fresh-machine)
#   STAGEGAP_FRESH_WORK   the roots of this run, removed at the end, on success, failure
#                         or interruption (default: a new directory under /var/tmp)
# The Debian mirror is the one in this machine's apt sources, else deb.debian.org;
# STAGEGAP_DEBIAN_MIRROR overrides it.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(bookworm trixie)
cache=${STAGEGAP_FRESH_CACHE:-/var/cache/stagegap-fresh-machine}
work=""
current_root=""

say() { printf 'fresh-machine-check: %s\n' "$*"; }
die() { say "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, chroot and mount need it)"
git -C "$repo" rev-parse --verify -q refs/heads/main >/dev/null ||
    die "no branch 'main' in $repo to clone"

# The mirror: the first Debian archive in this machine's apt sources.
debian_mirror() {
    local uri
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" && $2 ~ /\/debian\/?$/ { print $2; exit }')
    [ -n "$uri" ] || uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
        awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }')
    echo "${uri:-http://deb.debian.org/debian}"
}
mirror=${STAGEGAP_DEBIAN_MIRROR:-$(debian_mirror)}

# Ends every process whose root is inside DIR, so that nothing keeps a mount busy.
kill_processes_in() {
    local dir=$1 pid link
    for link in /proc/[0-9]*/root; do
        pid=${link#/proc/}
        pid=${pid%/root}
        case "$(readlink "$link" 2>/dev/null)" in
        "$dir" | "$dir"/*) kill -KILL "$pid" 2>/dev/null || true ;;
        esac
    done
}

# The mount points at or under DIR, deepest first.
mounts_under() {
    awk -v d="$1" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts | sort -r
}

unmount_all_under() {
    local dir=$1 m
    kill_processes_in "$dir"
    for m in $(mounts_under "$dir"); do
        umount "$m" 2>/dev/null || umount -l "$m"
    done
}

# Removes DIR only when nothing is mounted under it, and never crosses into another
# file system: a bind mount of /dev left behind must not take the host's /dev with it.
remove_tree() {
    local dir=$1
    [ -e "$dir" ] || return 0
    unmount_all_under "$dir"
    if [ -n "$(mounts_under "$dir")" ]; then
        say "still mounted under $dir; left it in place:" >&2
        mounts_under "$dir" >&2
        return 1
    fi
    rm -rf --one-file-system "$dir"
}

# The logs of the last run stay in the cache, for reading after a failure in CI.
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$work" ]; then
        rm -rf "$cache/last-run-logs"
        mkdir -p "$cache/last-run-logs"
        cp "$work"/*.log "$cache/last-run-logs/" 2>/dev/null || true
        remove_tree "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

work=${STAGEGAP_FRESH_WORK:-$(mktemp -d /var/tmp/stagegap-fresh.XXXXXX)}
mkdir -p "$work" "$cache"

if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

# The bootstrapped base of SUITE, made once and kept as a tarball in the cache.
base_tarball() {
    local suite=$1 dir="$cache/$1"
    if [ ! -s "$dir/base.tar" ]; then
        say "bootstrapping Debian $suite from $mirror (once; kept in $dir)" >&2
        mkdir -p "$dir"
        remove_tree "$dir/bootstrap"
        if ! debootstrap --variant=minbase --include=git,ca-certificates "$suite" \
            "$dir/bootstrap" "$mirror" >"$dir/debootstrap.log" 2>&1; then
            tail -n 20 "$dir/debootstrap.log" >&2
            remove_tree "$dir/bootstrap"
            die "debootstrap of $suite failed"
        fi
        tar -C "$dir/bootstrap" -cf "$dir/base.tar.part" .
        mv "$dir/base.tar.part" "$dir/base.tar"
        remove_tree "$dir/bootstrap"
    fi
    echo "$dir/base.tar"
}

# Makes a fresh root NAME of SUITE; with "clone", a clone of main in /root/stagegap.
make_root() {
    local suite=$1 name=$2 clone=${3:-} root="$work/$2"
    mkdir -p "$root" "$cache/$suite/apt-archives/partial"
    tar -C "$root" -xf "$(base_tarball "$suite")"
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
    [ "$clone" = clone ] && git clone -q --branch main "file://$repo" "$root/root/stagegap"
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    mount --bind /dev/pts "$root/dev/pts"
    # Downloads are kept between runs; every package is still installed in the root.
    mount --bind "$cache/$suite/apt-archives" "$root/var/cache/apt/archives"
    current_root=$root
}

finish_root() {
    remove_tree "$current_root"
    current_root=""
}

# Runs COMMAND in the current root as a newcomer would: root, in the clone, with a
# clean environment. Prints the time it took; on failure, the tail of its output. Its
# output stays in $log (global) until the run ends.
run_in_root() {
    local label=$1 command=$2 start status
    log="$work/$(basename "$current_root")-$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-').log"
    start=$(date +%s)
    status=0
    # In the background, so that an interrupt is handled at once: `wait` returns when a
    # trapped signal arrives, and the clean-up ends what runs inside the root.
    chroot "$current_root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        DEBEMAIL=fresh-machine-check@stagegap.example DEBFULLNAME="stagegap fresh-machine check" \
        /bin/sh -c "cd /root/stagegap 2>/dev/null || cd /root; $command" </dev/null >"$log" 2>&1 &
    wait $! || status=$?
    if [ "$status" -ne 0 ]; then
        say "FAILED on Debian $suite, $(basename "$current_root"): $label (exit $status); its last lines:" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
    say "ok   $suite  $(basename "$current_root")  $label  $(($(date +%s) - start)) s"
}

# check_suite SUITE: the three roots of one suite, one after another (they share the
# suite's cache of downloaded packages, which one apt-get at a time may use).
check_suite() {
    local suite=$1 start deb
    start=$(date +%s)
    base_tarball "$suite" >/dev/null
    say "ok   $suite  base ready  $(($(date +%s) - start)) s"

    make_root "$suite" "$suite-example-first" clone
    run_in_root "scripts/run-example.sh" "scripts/run-example.sh"
    run_in_root "scripts/package.sh" "scripts/package.sh"
    grep -E '^[EWIPX]: ' "$log" | sed "s/^/    lintian ($suite): /" || say "lintian: nothing to report"
    mkdir -p "$work/deb-$suite"
    cp "$current_root"/root/stagegap/build-package/stagegap_*.deb "$work/deb-$suite/"
    finish_root

    make_root "$suite" "$suite-tests-first" clone
    run_in_root "STAGEGAP_QUICK=1 scripts/test.sh" "STAGEGAP_QUICK=1 scripts/test.sh"
    finish_root

    make_root "$suite" "$suite-package"
    deb=$(basename "$work/deb-$suite"/stagegap_*.deb)
    mv "$work/deb-$suite/$deb" "$current_root/root/"
    run_in_root "apt-get install ./$deb" \
        "apt-get update -qq && apt-get install -y --no-install-recommends ./$deb"
    run_in_root "stagegap assess (bundled example)" \
        "cd / && stagegap assess /usr/share/stagegap/examples/eastbrook-mid-implementation.yaml"
    run_in_root "man stagegap" \
        "apt-get install -y -qq --no-install-recommends man-db >/dev/null && man -P cat stagegap | grep -q 'stagegap assess'"
    finish_root
    say "ok   $suite  all its roots  $(($(date +%s) - start)) s"
}

# The suites run side by side, each in a process of its own: much of a root's time is
# unpacking packages and waiting on the disk, which the other suite's build can use.
pids=()
for suite in "${suites[@]}"; do
    check_suite "$suite" &
    pids+=("$!")
done
failed=0
for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
done
[ "$failed" = 0 ] || die "failed; the logs are in $cache/last-run-logs/"
say "all passed: ${suites[*]}"
