#!/usr/bin/env bash
# Builds a release tree (build-bench/, assertions off), runs the benchmarks of tests/bench/
# and writes docs/PERFORMANCE.md from what they print: each figure a median of repeated runs,
# next to its floor or target, with the machine it ran on. Takes several minutes; extra
# arguments go to CMake.
#
#   bash scripts/bench.sh --check   the budgets only, in a short form (fewer runs; still 100,000
#                                   rows for memory and stalls), for CI; writes nothing and exits
#                                   1 naming each figure over its budget
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [ "${1:-}" = --check ]; then
    check=true
    shift
fi
# A ratio of two timings (parse against its floor, start to first paint against a plain
# table) may miss its target by this much before --check fails: on a shared 2-core machine
# medians of a few runs wander by 10-20%, while a real regression costs more. Absolute budgets
# (memory, stalls) get no tolerance.
ratio_tolerance=0.25
bash scripts/setup.sh
# The benchmarks alone (and what they run: build-tokens), not every test of the tree.
generator=()
[ -f build-bench/CMakeCache.txt ] || generator=(-G Ninja)
cmake -S . -B build-bench "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DBTB_BUILD_TESTS=ON -DBTB_ASSERTS=OFF "$@"
if $check; then
    targets=(bench_parse bench_gui)
else
    targets=(bench_parse bench_model bench_export bench_fetchall bench_gui)
fi
cmake --build build-bench --parallel "$(nproc)" --target "${targets[@]}"

export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=
bench=build-bench/tests/bench
report=docs/PERFORMANCE.md

# Each "budget: NAME VALUE OP LIMIT [ratio]" line a benchmark printed, checked; prints the ones
# missed and fails if any was.
check_budgets() {
    awk -v tolerance="$ratio_tolerance" '
        $1 == "budget:" {
            name = $2; value = $3 + 0; op = $4; limit = $5 + 0
            allowed = $6 == "ratio" ? limit * (1 + tolerance) : limit
            ok = op == "<" ? value < allowed : value <= allowed
            printf "%s %s: %s (budget %s %s%s)\n", ok ? "ok  " : "MISS", name, $3, op, $5,
                   $6 == "ratio" ? sprintf(", failing past %.2f", allowed) : ""
            if (!ok) missed++
        }
        END { exit missed > 0 }'
}

if $check; then
    start=$SECONDS
    status=0
    # pipefail: a benchmark that fails (before printing all its budgets) fails the check too.
    { "$bench/bench_parse" --runs 201 && "$bench/bench_gui" --rounds 5; } 2>/dev/null | check_budgets || status=$?
    [ "$status" -eq 0 ] || echo "bench.sh --check: a budget was missed or a benchmark failed" >&2
    echo "bench.sh --check took $((SECONDS - start)) s" >&2
    exit "$status"
fi
run() {
    echo "Running $1..." >&2
    printf '\n### %s\n\n```\n%s\n```\n\n' "$1" "$1 ${*:2}"
    "$bench/$1" "${@:2}" 2>/dev/null | grep -v '^machine:\|^budget:'
}
{
    cat <<'EOF'
# Performance

Written by `bash scripts/bench.sh` (a release build in `build-bench/`); the figures are medians
of repeated runs on the machine named below, each next to a floor measured in the same run or
to its target. Absolute times drift on a shared machine: the ratios are the figures to keep.
Every benchmark talks to `DemoApiServer` (in the process, or `build-tokens demo-server` in
another one) over loopback.

EOF
    printf 'Machine: %s. Run on %s.\n' "$("$bench/bench_parse" --runs 1 | sed -n 's/^machine: //p')" "$(date -u +%Y-%m-%d)"
    run bench_parse
    run bench_model
    run bench_export
    run bench_fetchall
    run bench_gui
    cat <<'EOF'
## Where a target is missed, and why

- **A sorted table's stall at the end of Load All Pages** (~100 ms at 100,000 rows): the rows
  come unsorted and are sorted once when the last page is in (sorting them page by page cost
  minutes); that one sort of 100,000 rows by collation key, and the view taking in the new
  order, happen in one go on the GUI thread. An unsorted table never stalls past ~25 ms.
- **Start to first page painted** is 2.0x to 2.4x a plain `QTableView` (the target is 2x):
  of the app's ~45 ms, about 10 ms go to loading and relocating the libraries a plain table
  does not need (Qt Network, HttpServer, WebSockets, DBus, QtKeychain), about 5 ms to
  `QHttpServer`'s constructor loading OpenSSL (it makes a `QSslConfiguration`) for the demo
  server, 11 ms to building the window (actions, menus, icons, the details pane's fixed-width
  font) and about 6 ms to page 1 over loopback. None of it is a wait; what is left is the
  price of the demo server and of a real window, measured with `perf` and timestamps.
- **Concurrency 6 against 1** is 4.9x to 5.0x: with page 1 first (to learn the totals) and 49
  pages six at a time, 10 round trips against 50 make 5.0x the most there is.
EOF
} > "$report.new"
mv "$report.new" "$report"
echo "Wrote $report" >&2
