#!/usr/bin/env bash
# Runs a command with a throwaway OS keychain, so tests never touch the user's own secrets.
# Linux: a private D-Bus session bus and a fresh gnome-keyring (Secret Service) in a temporary
# HOME, unlocked with a throwaway password, removed afterwards. Elsewhere (macOS, Windows) there is
# no way to get a throwaway keychain, so MCTW_KEYRING is set to "none" and the keychain tests
# skip, saying why.
set -euo pipefail

if [ "${MCTW_KEYRING:-}" = "isolated" ]; then exec "$@"; fi

if [ "$(uname -s)" != "Linux" ] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: no dbus-run-session/gnome-keyring here: keychain tests will be skipped." >&2
  MCTW_KEYRING=none exec "$@"
fi

tmp_home="$(mktemp -d "${TMPDIR:-/tmp}/mctw-keyring.XXXXXX")"
trap 'rm -rf "$tmp_home"' EXIT
mkdir -p "$tmp_home/.local/share" "$tmp_home/.config" "$tmp_home/runtime"
chmod 700 "$tmp_home/runtime"

# npm keeps its cache and config in the real HOME; the keyring gets the temporary one.
export REAL_HOME="${HOME:-}"
export npm_config_cache="${npm_config_cache:-${HOME:-$tmp_home}/.npm}"
export HOME="$tmp_home" XDG_DATA_HOME="$tmp_home/.local/share" XDG_CONFIG_HOME="$tmp_home/.config" XDG_RUNTIME_DIR="$tmp_home/runtime"

dbus-run-session -- bash -c '
  set -euo pipefail
  printf "%s" "throwaway-test-keyring" | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null 2>&1
  export MCTW_KEYRING=isolated
  exec "$@"
' with-keyring "$@"
