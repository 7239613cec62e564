#!/usr/bin/env bash
# Run by ./mvnw verify (search-api, before the integration tests) and by .ci/run: makes sure the
# browser tests have Debian's Chromium and ChromeDriver. Installs the two packages with apt-get
# when they are missing and this runs as root or may use sudo without a password; otherwise it
# says how to install them, and the browser tests fail with the same advice. Never fails the build
# itself. ABSTRACTA_CHROMIUM and ABSTRACTA_CHROMEDRIVER point the tests at other binaries.
set -uo pipefail
chromium="${ABSTRACTA_CHROMIUM:-/usr/bin/chromium}"
driver="${ABSTRACTA_CHROMEDRIVER:-/usr/bin/chromedriver}"
if [ -x "$chromium" ] && [ -x "$driver" ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Browser tests: Chromium or ChromeDriver is missing and apt-get needs root;" \
    "install them with: sudo apt-get install chromium chromium-driver" >&2
  exit 0
fi
echo "Installing Chromium and ChromeDriver (Debian packages chromium, chromium-driver) for the browser tests"
if ! { "${sudo[@]}" apt-get update -qq &&
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }; then
  echo "Browser tests: apt-get could not install chromium and chromium-driver (see above)" >&2
  exit 0
fi
echo "Installed $("$chromium" --version 2>/dev/null | head -n1), $("$driver" --version 2>/dev/null | head -n1)"
