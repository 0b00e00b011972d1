#!/bin/sh
# Runs a command on a private D-Bus session bus that can start no service (see
# bare-session-bus.conf), with a throw-away HOME: no keychain runs there unless the test
# owns org.freedesktop.secrets itself.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT INT TERM
status=0
HOME=$home XDG_RUNTIME_DIR=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config \
    dbus-run-session --config-file="$(dirname "$0")/bare-session-bus.conf" -- "$@" || status=$?
exit $status
