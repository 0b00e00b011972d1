#!/bin/sh
# Runs a command where no keychain can be reached: no session bus at all, and a throw-away
# HOME in which the test can look for anything written to disk.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT INT TERM
status=0
HOME=$home XDG_RUNTIME_DIR=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config \
    DBUS_SESSION_BUS_ADDRESS=unix:path=$home/no-bus "$@" || status=$?
exit $status
