#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two set-up commands of the README, for a fresh Debian 12 machine:
#
#   build-aux/dev.sh run    install what is missing, build, open the demo workspace
#   build-aux/dev.sh test   install what is missing, build (also with ASan/UBSan) and run
#                           every test suite headless: Xvfb, a private session bus and
#                           keyring; the last line is "N passed, N failed"
#
# Packages come from Debian only; apt runs with sudo when not root.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build_packages=(
  build-essential pkg-config meson ninja-build gettext libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  libsqlite3-dev libxml2-dev libicu-dev librsvg2-common fonts-dejavu-core
)
test_packages=(
  xvfb xauth xdotool x11-xkb-utils dbus-daemon libglib2.0-bin gnome-keyring libsecret-tools at-spi2-core
  desktop-file-utils appstream imagemagick python3 python3-pyatspi sqlite3 curl
  request-tracker5 rt5-db-sqlite rt5-standalone rt5-clients
)

log() { printf 'dev.sh: %s\n' "$*" >&2; }

install_missing() {
  local missing=() p sudo=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Request Tracker for the integration tests: no system-wide database;
  # the tests make their own.
  echo 'request-tracker5 request-tracker5/dbconfig-install boolean false' |
    "${sudo[@]}" debconf-set-selections
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
}

setup_build() {  # setup_build DIR [meson options...]
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

run_app() {
  install_missing "${build_packages[@]}"
  setup_build build
  exec meson devenv -C build ./app/frontline --demo "$@"
}

run_tests() {
  install_missing "${build_packages[@]}" "${test_packages[@]}"
  setup_build build
  setup_build build-asan -Db_sanitize=address,undefined -Db_lundef=false

  local scratch rc=0 rt_dir
  scratch=$(mktemp -d)
  mkdir -m 700 "$scratch/run"
  mkdir -p build/screenshots

  # A real Request Tracker on 127.0.0.1 for the integration suite.
  rt_dir=$(mktemp -d)
  tests/integration/rt-server.sh start "$rt_dir/rt" >/dev/null
  set -a
  # shellcheck disable=SC1091
  . "$rt_dir/rt/env"
  set +a
  trap 'tests/integration/rt-server.sh stop "$rt_dir/rt" >/dev/null 2>&1 || true; rm -rf "$rt_dir"' EXIT

  # One private X server, session bus and unlocked keyring for all suites,
  # in a throw-away HOME so no test touches a real profile. -noreset keeps
  # Xvfb from resetting each time its last client leaves: a test starting
  # during such a reset gets "cannot open display".
  env HOME="$scratch" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/data" \
      XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache" \
      GDK_BACKEND=x11 GSK_RENDERER=cairo LANG=C.UTF-8 LC_ALL= \
      RT_URL="$RT_URL" RT_AGENT1_TOKEN="$RT_AGENT1_TOKEN" RT_AGENT2_TOKEN="$RT_AGENT2_TOKEN" \
    dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24 -nolisten tcp -noreset" bash -c '
      printf ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null
      rc=0
      meson test -C build --no-rebuild --print-errorlogs || rc=1
      meson test -C build-asan --no-rebuild --print-errorlogs --timeout-multiplier 4 || rc=1
      exit $rc
    ' || rc=$?
  rm -rf "$scratch"
  tests/integration/rt-server.sh stop "$rt_dir/rt" >/dev/null 2>&1 || true
  rm -rf "$rt_dir"
  trap - EXIT

  python3 tests/summary.py build/meson-logs/testlog.json build-asan/meson-logs/testlog.json
  return $rc
}

case "${1:-}" in
  run) shift; run_app "$@" ;;
  test) run_tests ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
