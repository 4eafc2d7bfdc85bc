#!/usr/bin/env bash
# Prints the path of a Chromium the browser tests can drive, installing Debian's package when none is found.
# Playwright's own browser download cannot be used (no network beyond the package registries), so the tests run
# on the system browser: CHROME_PATH if set, else chromium on PATH, else `apt-get install chromium`.
set -euo pipefail

if [[ -n "${CHROME_PATH:-}" ]]; then
  if [[ -x "$CHROME_PATH" ]]; then echo "$CHROME_PATH"; exit 0; fi
  echo "CHROME_PATH=$CHROME_PATH is not an executable" >&2
  exit 1
fi

for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
  if path=$(command -v "$candidate" 2>/dev/null); then echo "$path"; exit 0; fi
done

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Chromium is missing and apt-get needs root: install the 'chromium' package or set CHROME_PATH." >&2
      exit 1
    fi
  fi
  echo "Installing Chromium from Debian's packages (one time, about 20 s)…" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
  # Debian installs it as /usr/bin/chromium, whether or not /usr/bin is on this shell's PATH.
  command -v chromium || { [[ -x /usr/bin/chromium ]] && echo /usr/bin/chromium; }
  exit $?
fi

echo "No Chromium found. Install Chromium or Chrome and set CHROME_PATH to its executable." >&2
exit 1
