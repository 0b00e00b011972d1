#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing need, and any named as
# arguments (what one script needs besides, e.g. scripts/screenshot.sh). Safe to run again:
# it calls apt only when something is missing.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n                   # Qt's own translations (qtbase_de.qm) beside the app's
    qt6-httpserver-dev qt6-websockets-dev   # HttpServer's CMake package needs WebSockets
    qtkeychain-qt6-dev libsecret-1-0        # QtKeychain loads libsecret at run time
    gnome-keyring dbus                      # the keychain tests' real Secret Service
    libqt6svg6 fonts-dejavu-core            # the SVG icon engine; a font for offscreen tests
    openssl                                 # a throw-away certificate for the TLS tests
    zlib1g-dev                              # the demo server's gzip bomb (Qt needs it too)
    clang libclang-rt-14-dev                # the ASan/UBSan build and the libFuzzer target
    desktop-file-utils appstream            # scripts/check-install.sh validates what is installed
    dpkg-dev file lintian                   # the DEB: CPack's shlibdeps (dpkg-shlibdeps, file), its check
    help2man                                # the manual pages, made from --help at build time
    debootstrap                             # check-install.sh installs the DEB in a bare Debian 12 root
    "$@"
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
        || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
