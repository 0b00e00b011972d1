#!/bin/sh
# check-translations.sh LUPDATE SOURCES_LIST TS_FILE [LUPDATE_OPTION...]
# Fails unless TS_FILE is complete for the sources: lupdate, run as update_translations runs
# it (same options, the sources listed in SOURCES_LIST) on a copy, must neither change the
# copy nor warn (a warning is a text it could not read), and no message may be unfinished,
# vanished or obsolete. So a new tr() text without its translation turns the tests red.
set -eu
lupdate=$1 list=$2 ts=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
status=0

# lupdate reads a \u escape followed by a hex digit as five digits: the text it stores is not
# the one the compiler makes, and the translation is never found.
if grep -n -E '\\u[0-9A-Fa-f]{5}' $(grep -v '^-I' "$list"); then
    echo "A \\u escape above runs into a hex digit; split the literal (\"\\u201c\" \"API\")." >&2
    status=1
fi

copy=$work/$(basename "$ts")
cp "$ts" "$copy"
"$lupdate" "$@" "@$list" -ts "$copy" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
if grep -v -e '^Updating ' -e '^    Found ' -e '^Stripping ' "$work/log" >&2; then
    echo "lupdate warned (above): a text it cannot read is a text nobody translates." >&2
    status=1
fi
if ! diff -u "$ts" "$copy" >&2; then
    echo "$(basename "$ts") is not what lupdate makes of the sources: run" \
         "'cmake --build <build dir> --target update_translations' and translate what it marks unfinished." >&2
    status=1
fi
if grep -n -E 'type="(unfinished|vanished|obsolete)"' "$ts" >&2; then
    echo "$(basename "$ts") has messages without a finished translation (above)." >&2
    status=1
fi
exit $status
