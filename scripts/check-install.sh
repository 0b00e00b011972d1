#!/usr/bin/env bash
# Checks what an installation and the Debian package hold. scripts/test.sh runs it after the
# tests, with the test build tree (default build/):
# 1. installs that tree into a throw-away DESTDIR and checks it;
# 2. builds the DEB (scripts/package.sh), lists it, runs lintian (an error fails), asks apt
#    whether it would install here, unpacks it and checks what it unpacked the same way;
# 3. installs the DEB alone (no setup script) in a bare Debian 12 root (scripts/bare-root.sh):
#    apt brings in what it needs, both binaries start, the CLI lists the demo data and the
#    GUI paints its first page offscreen.
# The checks: the desktop entry and the AppStream metainfo pass their validators, the icons,
# docs and manual pages are where a desktop and man look, the binaries start and say their
# version and help without a display, they link only libraries whose licences allow shipping
# them under ours (the allow-list below), and no binary of the build tree or the package
# has an empty RUNPATH entry (which the loader reads as the current folder).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
app_id=$(sed -n 's/^set(BTB_APP_ID \(.*\))$/\1/p' CMakeLists.txt)
package=$(sed -n 's/^set(BTB_PACKAGE_NAME \(.*\))$/\1/p' CMakeLists.txt)
version=$(sed -n 's/^project(BuildTokenBrowser VERSION \([0-9.]*\)$/\1/p' CMakeLists.txt)

fail() {
    echo "check-install: $*" >&2
    exit 1
}

# The libraries a shipped binary may link directly (its NEEDED entries): Qt's LGPL-3 modules,
# QtKeychain (BSD-3-Clause), libsecret (LGPL-2.1+), the C and C++ runtime. Qt HttpServer and
# WebSockets are GPL-3 in Debian, so they are missing on purpose, as is zlib, which only the
# demo server's test faults use.
allowed_libraries='^(libQt6(Core|Gui|Widgets|Network|DBus)\.so\.6|libqt6keychain\.so\.1|libsecret-1\.so\.0|libstdc\+\+\.so\.6|libgcc_s\.so\.1|libm\.so\.6|libc\.so\.6|ld-linux-x86-64\.so\.2)$'
# Nor may anything they load, directly or through another library, be one of these GPL-only Qt modules.
gpl_only_libraries='libQt6(HttpServer|WebSockets|Charts|DataVisualization|VirtualKeyboard|NetworkAuth|Quick3D|Lottie)'

# check_runpath ELF: no empty entry in its RUNPATH or RPATH.
check_runpath() {
    local path
    path=$(readelf -d "$1" | sed -n 's/.*(\(RUNPATH\|RPATH\)).*\[\(.*\)\]$/\2/p')
    case ":$path:" in
        "::") [ -z "$(readelf -d "$1" | grep -E '\((RUNPATH|RPATH)\)')" ] || fail "$1 has an empty RUNPATH" ;;
        *::*) fail "$1 has an empty RUNPATH entry ('$path'), which the loader reads as the current folder" ;;
    esac
}

# check_licences BINARY WHAT: it links only allowed libraries and loads no GPL-only one.
check_licences() {
    local binary=$1 what=$2 needed
    for needed in $(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'); do
        [[ $needed =~ $allowed_libraries ]] \
            || fail "$what: $(basename "$binary") links $needed, which is not on the allow-list of check-install.sh"
    done
    if ldd "$binary" | grep -E "$gpl_only_libraries"; then
        fail "$what: $(basename "$binary") loads a GPL-only library"
    fi
}

# check_root ROOT WHAT: the checks above on the /usr tree under ROOT.
check_root() {
    local root=$1 what=$2 share=$1/usr/share
    desktop-file-validate "$share/applications/$app_id.desktop"
    appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml" >/dev/null
    for path in icons/hicolor/scalable/apps/$app_id.svg icons/hicolor/48x48/apps/$app_id.png \
                icons/hicolor/512x512/apps/$app_id.png doc/$package/copyright doc/$package/changelog.gz \
                man/man1/build-tokens.1.gz man/man1/build-token-browser.1.gz; do
        [ -s "$share/$path" ] || fail "$what: $path is not installed"
    done
    # As on a machine without a display: --version and --help need none.
    for binary in build-tokens build-token-browser; do
        check_runpath "$root/usr/bin/$binary"
        check_licences "$root/usr/bin/$binary" "$what"
        local said
        said=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/$binary" --version)
        env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/$binary" --help | grep -q -- '--version' \
            || fail "$what: $binary --help lists no options"
        case "$said" in
            *"$version"*) ;;
            *) fail "$what: $binary --version said '$said', not $version" ;;
        esac
    done
    echo "check-install: $what: desktop entry, metainfo, icons, docs, manual pages and both binaries are in order"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every program and test of the build tree, installed or not.
while IFS= read -r -d '' file; do
    if [ "$(head -c 4 "$file" | od -An -tx1 | tr -d ' ')" = 7f454c46 ]; then
        check_runpath "$file"
    fi
done < <(find "$build_dir" -type f -perm -u+x -print0)
echo "check-install: no program of $build_dir has an empty RUNPATH entry"

DESTDIR=$work/destdir cmake --install "$build_dir" --prefix /usr >/dev/null
check_root "$work/destdir" "cmake --install"

deb=$(bash scripts/package.sh | tail -n 1)
[ "$(basename "$deb")" = "${package}_${version}_$(dpkg --print-architecture).deb" ] || fail "the package is $deb"
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"
# Lintian refuses to run as root without this; warnings are shown, errors fail.
lintian --allow-root --fail-on error --display-info "$deb"
# apt resolves the Depends (and would pull in what is missing) without changing this machine.
apt-get install --simulate --no-install-recommends "$deb" >"$work/apt.log" \
    || { cat "$work/apt.log" >&2; fail "apt would not install $deb"; }
dpkg-deb --extract "$deb" "$work/deb"
check_root "$work/deb" "$(basename "$deb")"

# What a person gets from `apt-get install ./the.deb` on a Debian 12 with nothing else: the
# DEB's Depends alone must bring in what both binaries need, offscreen included.
in_bare_root() {
    set -euo pipefail
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >/dev/null
    apt-get install -y --no-install-recommends /input/*.deb >/tmp/apt.log || { cat /tmp/apt.log; exit 1; }
    for binary in build-tokens build-token-browser; do
        "$binary" --version
        "$binary" --help >/dev/null
    done
    rows=$(build-tokens list --demo --demo-tokens 50 --all --format csv | tail -n +2 | wc -l)
    [ "$rows" = 50 ] || { echo "build-tokens list --demo wrote $rows rows, not 50"; exit 1; }
    echo "build-tokens list --demo: $rows rows"
    # The window on the demo data, offscreen; it says when its table first painted rows.
    QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='btb.startup.info=true' \
        timeout 60 build-token-browser --demo --demo-latency-ms 0 >/tmp/gui.log 2>&1 &
    gui=$!
    for _ in $(seq 600); do
        grep -q 'first rows painted' /tmp/gui.log && break
        kill -0 "$gui" 2>/dev/null || break
        sleep 0.1
    done
    kill "$gui" 2>/dev/null || true
    wait "$gui" || true
    grep 'first rows painted' /tmp/gui.log || { cat /tmp/gui.log; echo "the window painted no rows"; exit 1; }
}
bash scripts/bare-root.sh --copy "$deb" -- bash -c "$(declare -f in_bare_root); in_bare_root" \
    || fail "$(basename "$deb") in a bare Debian 12 root: see above"
echo "check-install: $(basename "$deb") installs alone in a bare Debian 12 root; both binaries start, list and paint"
