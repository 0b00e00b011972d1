#!/usr/bin/env bash
# The README's second command (and CI's): installs what is missing, builds with warnings as
# errors and runs every test, and checks what an installation holds (scripts/check-install.sh);
# then builds again with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer, runs every test there too, and fuzzes the response parser, the
# rate-limit headers and the page arithmetic for a bounded time. Both trees keep Q_ASSERT on
# (BTB_ASSERTS), though they are release builds.
# Extra arguments go to both ctest runs. BTB_SKIP_SANITIZERS=1 skips the second half (for a
# quick local run; CI never sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export QT_QPA_PLATFORM=offscreen
test_home=$(mktemp -d)
trap 'rm -rf "$test_home"' EXIT
export HOME=$test_home XDG_RUNTIME_DIR=$test_home/run XDG_CONFIG_HOME=$test_home/config XDG_DATA_HOME=$test_home/data
mkdir -p -m 700 "$XDG_RUNTIME_DIR"

bash scripts/build.sh -DBTB_WERROR=ON -DBTB_BUILD_TESTS=ON -DBTB_ASSERTS=ON
(cd build && ctest --output-on-failure --timeout 300 -j 2 "$@")
bash scripts/check-install.sh build

if [ "${BTB_SKIP_SANITIZERS:-0}" = 1 ]; then
    exit 0
fi
BUILD_DIR=build-asan bash scripts/build.sh -DCMAKE_CXX_COMPILER=clang++ -DBTB_SANITIZE=ON -DBTB_FUZZ=ON \
    -DBTB_FUZZ_SECONDS=60 -DBTB_BUILD_TESTS=ON -DBTB_ASSERTS=ON
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure --timeout 600 -j 2 "$@")
