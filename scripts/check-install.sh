#!/usr/bin/env bash
# Checks what an installation and the Debian package hold. scripts/test.sh runs it after the
# tests, with the test build tree (default build/):
# 1. installs that tree into a throw-away DESTDIR and checks it;
# 2. builds the DEB (scripts/package.sh), lists it, runs lintian (an error fails), asks apt
#    whether it would install here, unpacks it and checks what it unpacked the same way.
# The checks: the desktop entry and the AppStream metainfo pass their validators, the icons,
# docs and manual pages are where a desktop and man look, and the binaries start and say
# their version and help without a display.
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
