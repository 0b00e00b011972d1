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
# Budgets that are missed today, each held under a ceiling until the work that meets it lands
# (docs/PERFORMANCE.md says where it stands): --check reports them as missed and fails only
# past the ceiling, so they cannot grow unnoticed either. Keep this list short and shrinking.
known_misses=''
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

# Each "budget: NAME VALUE OP LIMIT [ratio]" line a benchmark printed, checked: prints each with
# its verdict (ok, KNOWN, MISS) and fails if any was missed.
check_budgets() {
    awk -v tolerance="$ratio_tolerance" -v known="$known_misses" '
        BEGIN {
            n = split(known, pairs, " ")
            for (i = 1; i <= n; i++) { split(pairs[i], pair, "="); ceiling[pair[1]] = pair[2] + 0 }
        }
        $1 == "budget:" {
            name = $2; value = $3 + 0; op = $4; limit = $5 + 0
            allowed = $6 == "ratio" ? limit * (1 + tolerance) : limit
            ok = op == "<" ? value < allowed : value <= allowed
            note = $6 == "ratio" ? sprintf(", failing past %.2f", allowed) : ""
            if (!ok && name in ceiling) {
                held = value < ceiling[name]
                printf "%s %s: %s (budget %s %s, a known miss held under %s)\n",
                       held ? "KNOWN" : "MISS", name, $3, op, $5, ceiling[name]
                if (!held) missed++
                next
            }
            printf "%s %s: %s (budget %s %s%s)\n", ok ? "ok  " : "MISS", name, $3, op, $5, note
            if (!ok) missed++
        }
        END { exit missed > 0 }'
}

if $check; then
    start=$SECONDS
    status=0
    # pipefail: a benchmark that fails (before printing all its budgets) fails the check too.
    # Its own words go to a file (Qt's offscreen warnings are many), shown when the check fails.
    errors=$(mktemp)
    { "$bench/bench_parse" --runs 201 && "$bench/bench_gui" --loads 3; } 2>"$errors" | check_budgets || status=$?
    if [ "$status" -ne 0 ]; then
        echo "bench.sh --check: a budget was missed or a benchmark failed; the benchmarks' last words:" >&2
        grep -v 'propagateSizeHints\|XDG_RUNTIME_DIR' "$errors" | tail -n 20 >&2 || true
    fi
    rm -f "$errors"
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
Every benchmark talks to `DemoApiServer` (in the process, or `build-tokens-demo-server` in
another one) over loopback, except the app's start-up, which reaches the demo in-process as
`--demo` does.

`bash scripts/bench.sh --check` (CI runs it) runs the benchmarks that carry budgets in a short
form (bench_parse with fewer runs; bench_gui with its 21 starts of each and 100,000 rows, the
best of 3 loads each as in the full run: one load's longest chunk wanders by 10 ms) and fails
naming each figure past its budget: the peak RSS with every row loaded (< 90 MB, sorted and
unsorted) and of the CLI's `list --all` (< 40 MB), and the GUI thread's own work between two
ticks of the event loop while all pages load, sorted by name or not, and while the health
verdicts of every row arrive (<= 50 ms), all exactly. That CPU time stands for the stall: a
machine whose cores are busy elsewhere stretches a wall-clock stall tenfold (490 ms measured
beside a build, against 40 ms alone), and CI's machine is shared; on an idle one they are the
same, and the table shows both. A ratio of two timings (parse against its floor,
start to first paint against a plain table: 1.5x) may miss its target by 25 %
(`ratio_tolerance`), as medians of a few runs on a shared 2-core machine wander by 10-20 %
while a real regression costs more. A budget missed today is listed in `known_misses` with a
ceiling: `--check` shows it as KNOWN and fails only past the ceiling, so it cannot grow
unnoticed (see below for which and why). It takes about two minutes; building the bench tree
comes on top. What keeps the window's start within its budget, and what would break it, is in
docs/decisions.md (Start-up).

EOF
    printf 'Machine: %s. Run on %s.\n' "$("$bench/bench_parse" --runs 1 | sed -n 's/^machine: //p')" "$(date -u +%Y-%m-%d)"
    run bench_parse
    run bench_model
    run bench_export
    run bench_fetchall
    run bench_gui --loads 3
    cat <<'EOF'
## Where a target is missed, and why

- **Concurrency 6 against 1** is 4.9x to 5.0x: with page 1 first (to learn the totals) and 49
  pages six at a time, 10 round trips against 50 make 5.0x the most there is.
- **Filter, one keystroke** is 56 to 58 ms at 100,000 rows, where the target is 50 (it was
  44 ms on the Intel machine of an earlier run): every row's filterable columns, the five of
  health and usage among them, are searched case-insensitively (the ids without making their
  text). Not worked on in this version.

## Notes

- **Peak RSS with every row loaded** (83.8 MB unsorted, 86.6 sorted, against 90): about
  38 MB is the process before any row (Qt's code, fonts, ICU, the window's backing store),
  the rest some 470 bytes a row with its health record, the demo giving each build token an
  API token of its own. It was 129 and 145 MB before this version: docs/decisions.md
  (Memory) says what keeps a row and a record small. Sorting by name adds the kept order
  (9 bytes a row) and ICU's collation data.

- The health check of 100,000 rows takes some 8 to 11 s against the demo server after the last page
  (it was 35 to 50 s while the demo scanned its list for each id asked for): it lists the
  caller's API tokens 50 a page (1,667 pages) and asks for each id the list lacks on its own
  (the demo leaves one in six out: 16,668 requests, one at a time). Against Cloudflare's 1,200
  requests in 5 minutes such an account would take over an hour; the GUI thread is never held
  past the figures above meanwhile.
- A stall's wall-clock time includes any wait for a core: the CPU time the GUI thread ran in
  it, beside it in the table, tells its own work from a shared machine's. `--check` budgets
  the most CPU time between two ticks, which a busy machine cannot stretch.
EOF
} > "$report.new"
mv "$report.new" "$report"
echo "Wrote $report" >&2
