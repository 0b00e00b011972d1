#!/usr/bin/env bash
# Renders the window on demo data under Xvfb, into docs/screenshots/ or the folder given, each
# shot the window alone:
#   1120x720.png   what a first start opens on a common screen (the README's image)
#   800x600.png    an 800x600 screen, the window filling it (the details pane starts shut)
#   scale-200.png  1120x720 at QT_SCALE_FACTOR=2: 2240x1440 pixels
#   dark.png       1120x720 in GTK's Adwaita dark, which Qt follows through its gtk3 theme
# Three rows are selected from the keyboard, so the details pane has a token to show.
# Installs what is missing and builds the app first.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs/screenshots}")
build_dir=${BUILD_DIR:-build}

bash scripts/setup.sh xvfb xauth imagemagick xdotool qt6-gtk-platformtheme
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    BUILD_DIR=$build_dir bash scripts/build.sh
fi
cmake --build "$build_dir" --target build-token-browser
app=$(realpath "$build_dir/bin/build-token-browser")
mkdir -p "$out"

# Inside Xvfb: the window given a size (in pixels), captured once it holds still.
shoot() { # file width height
    local file=$1
    # A short demo latency: the health check the app makes by itself is in before the shot.
    "$app" --demo --demo-tokens 1234 --demo-latency-ms 20 &
    local pid=$!
    local id=''
    for _ in $(seq 300); do # 30 s: a start on a busy machine (a build beside it) takes that long
        # By its class: the title starts with the account's name, in Unicode isolates that
        # xdotool's --name does not match.
        id=$(xdotool search --onlyvisible --classname '^build-token-browser$' 2>/dev/null | head -n 1) && [ -n "$id" ] && break
        sleep 0.1
    done
    [ -n "$id" ] || { echo "screenshot.sh: no window for $file" >&2; kill "$pid"; return 1; }
    xdotool windowmove "$id" 0 0 windowsize "$id" "$2" "$3" windowfocus "$id"
    wait_until_still "$id"
    # Ctrl+F, then Tab: the table; rows 5 to 7 selected.
    xdotool key ctrl+f Tab Down Down Down Down Down shift+Down shift+Down
    wait_until_still "$id"
    import -window "$id" "$file"
    # Quit (Ctrl+Q), not killed: the demo removes its temporary settings folder on the way out.
    xdotool key ctrl+q
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" || true
}

# Until two captures a second apart are the same (the busy bar moves while a page loads).
wait_until_still() { # window
    local previous='' current=''
    for _ in $(seq 30); do
        sleep 1
        current=$(import -window "$1" rgb:- | md5sum)
        [ "$current" = "$previous" ] && return 0
        previous=$current
    done
    echo "screenshot.sh: the window never held still" >&2
    return 1
}

# xvfb-run is a POSIX shell script, which drops exported functions: they go as text.
run_in_xvfb() { # screen, file, window width, height
    xvfb-run -a -s "-screen 0 $1x24" \
        bash -c "set -euo pipefail; $(declare -f shoot wait_until_still); app=\$1; shoot \"\$2\" \"\$3\" \"\$4\"" \
        _ "$app" "$2" "$3" "$4"
}

# A screen larger than the window, as a first start sizes the window from the screen.
run_in_xvfb 1400x900 "$out/1120x720.png" 1120 720
run_in_xvfb 800x600 "$out/800x600.png" 800 600
QT_SCALE_FACTOR=2 run_in_xvfb 2800x1800 "$out/scale-200.png" 2240 1440
QT_QPA_PLATFORMTHEME=gtk3 GTK_THEME=Adwaita:dark run_in_xvfb 1400x900 "$out/dark.png" 1120 720
# Without the gtk3 theme (or with one that ignores GTK_THEME) the window stays light.
if [ "$(convert "$out/dark.png" -colorspace Gray -format '%[fx:mean < 0.4]' info:)" != 1 ]; then
    echo "screenshot.sh: dark.png is not dark: Qt did not follow GTK's Adwaita dark" >&2
    exit 1
fi
echo "Screenshots in $out"
