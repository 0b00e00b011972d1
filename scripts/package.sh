#!/usr/bin/env bash
# Builds the Debian package from a release build of its own (build-package/, or $BUILD_DIR:
# no tests, no assertions) and prints the .deb's path last. Install it with
# `sudo apt install ./build-package/build-token-browser_*.deb`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build_dir=${BUILD_DIR:-build-package}
# Debian's hardening flags, as a Debian package of ours would be built with (lintian checks).
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
BUILD_DIR=$build_dir bash scripts/build.sh -DCMAKE_BUILD_TYPE=Release -DBTB_BUILD_TESTS=OFF -DBTB_WERROR=ON \
    "-DCMAKE_CXX_FLAGS=$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)" \
    "-DCMAKE_EXE_LINKER_FLAGS=$(dpkg-buildflags --get LDFLAGS)" >&2
rm -f "$build_dir"/*.deb
(cd "$build_dir" && cpack -G DEB >&2)
ls "$PWD/$build_dir"/*.deb
