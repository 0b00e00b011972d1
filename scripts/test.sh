#!/usr/bin/env bash
# The README's second command (and CI's): installs what is missing, builds with warnings as
# errors, and runs every test with a throw-away HOME. GUI tests draw offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh -DBTB_WERROR=ON -DBTB_BUILD_TESTS=ON

export QT_QPA_PLATFORM=offscreen
test_home=$(mktemp -d)
trap 'rm -rf "$test_home"' EXIT
export HOME=$test_home XDG_RUNTIME_DIR=$test_home/run XDG_CONFIG_HOME=$test_home/config XDG_DATA_HOME=$test_home/data
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
cd build
ctest --output-on-failure --timeout 300 -j 2 "$@"
