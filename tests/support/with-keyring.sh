#!/bin/sh
# Runs a command against a real, unlocked gnome-keyring on a private D-Bus session bus, with
# a throw-away HOME (gnome-keyring needs a writable one and creates its login keyring there
# from the password on standard input). The command sees the HOME in $HOME.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -p -m 700 "$home/run"
status=0
HOME=$home XDG_RUNTIME_DIR=$home/run XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config \
    dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@" \
    || status=$?
exit $status
