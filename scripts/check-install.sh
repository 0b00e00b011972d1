#!/usr/bin/env bash
# Installs a build tree (default build/) into a throw-away DESTDIR and checks what a package
# would hold: the desktop entry and the AppStream metainfo pass their validators, the icons
# and the licence are where a desktop looks, and the installed binaries start and say their
# version and help without a display. scripts/test.sh runs it after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
app_id=$(sed -n 's/^set(BTB_APP_ID \(.*\))$/\1/p' CMakeLists.txt)
version=$(sed -n 's/^project(BuildTokenBrowser VERSION \([0-9.]*\)$/\1/p' CMakeLists.txt)

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
DESTDIR=$root cmake --install "$build_dir" --prefix /usr >/dev/null

share=$root/usr/share
desktop-file-validate "$share/applications/$app_id.desktop"
appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml"
for path in icons/hicolor/scalable/apps/$app_id.svg icons/hicolor/48x48/apps/$app_id.png \
            icons/hicolor/512x512/apps/$app_id.png doc/BuildTokenBrowser/LICENSE; do
    [ -s "$share/$path" ] || { echo "check-install: $path is not installed" >&2; exit 1; }
done

# As on a machine without a display: --version and --help need none.
for binary in build-tokens build-token-browser; do
    said=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/$binary" --version)
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/$binary" --help | grep -q -- '--version' \
        || { echo "check-install: $binary --help lists no options" >&2; exit 1; }
    case "$said" in
        *"$version"*) echo "check-install: $binary --version: $said" ;;
        *) echo "check-install: $binary --version said '$said', not $version" >&2; exit 1 ;;
    esac
done
echo "check-install: desktop entry, metainfo, icons, licence and both binaries are in order"
