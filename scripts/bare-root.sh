#!/usr/bin/env bash
# Runs a command in a bare Debian 12 root: a minimal system made by debootstrap, with nothing
# of the project's installed, so that a missing install step fails here instead of passing on
# a machine that happens to have the package. Needs root (chroot, mount).
#
#   bash scripts/bare-root.sh [--copy PATH]... [--tracked] -- COMMAND [ARG]...
#
# --copy PATH   copies a file into /input/ of the root
# --tracked     copies the files git tracks here into /src (as a fresh clone has them; a bare
#               system has no git), and COMMAND starts in /src
# COMMAND runs as root in a clean environment (LANG=C.UTF-8, HOME=/root). /proc, /dev and a
# tmpfs on /tmp are mounted, and unmounted again however the command ends; the root is then
# removed. The bare base system is cached as a tarball ($BTB_BARE_BASE, by default in
# /var/cache/build-token-browser/) and made by debootstrap when missing (about 45 s); only
# that base is ever cached, never anything the project installs. The cache folder is also
# mounted read-only into the root, so a bare root made inside it (check-install.sh does, for
# the DEB) starts from the same tarball.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${BTB_BARE_BASE:-/var/cache/build-token-browser/bookworm-minbase.tar}
suite=bookworm
mirror=http://deb.debian.org/debian

copies=()
tracked=0
while (($#)); do
    case $1 in
    --copy) copies+=("$(realpath "$2")"); shift 2 ;;
    --tracked) tracked=1; shift ;;
    --) shift; break ;;
    *) echo "bare-root.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
(($#)) || { echo "bare-root.sh: no command given" >&2; exit 2; }

if [ ! -s "$base" ]; then
    if ! command -v debootstrap >/dev/null; then
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap
    fi
    fresh=$(mktemp -d /var/tmp/btb-debootstrap.XXXXXX)
    echo "bare-root.sh: making the bare $suite base in $fresh" >&2
    debootstrap --variant=minbase "$suite" "$fresh" "$mirror" >&2
    mkdir -p "$(dirname "$base")"
    tar -C "$fresh" -cf "$base.new" .
    mv "$base.new" "$base"
    rm -rf "$fresh"
fi

root=$(mktemp -d /var/tmp/btb-bare-root.XXXXXX)
cache_dir=$(dirname "$(realpath "$base")")
cleanup() {
    local mounted
    # Deepest first; a bind-mounted /dev must never be deleted through, so the root is
    # removed only when nothing is mounted under it any more.
    for mounted in $(awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r); do
        umount -l "$mounted" 2>/dev/null || true
    done
    if awk -v r="$root/" 'index($2, r) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
        echo "bare-root.sh: $root still has mounts; left in place" >&2
    else
        rm -rf "$root"
    fi
}
trap cleanup EXIT

tar -C "$root" -xf "$base"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"
mount -t tmpfs tmpfs "$root/tmp"
mkdir -p "$root$cache_dir"
mount --bind "$cache_dir" "$root$cache_dir"
mount -o remount,bind,ro "$root$cache_dir"

if ((${#copies[@]})); then
    mkdir -p "$root/input"
    cp -- "${copies[@]}" "$root/input/"
fi
workdir=/
if ((tracked)); then
    mkdir "$root/src"
    git ls-files -z | tar --null -T - -cf - | tar -C "$root/src" -xf -
    workdir=/src
fi

status=0
chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 TERM=dumb ${CI:+CI=$CI} ${BTB_BARE_BASE:+BTB_BARE_BASE=$BTB_BARE_BASE} \
    bash -c 'cd "$1" && shift && exec "$@"' _ "$workdir" "$@" || status=$?
exit "$status"
