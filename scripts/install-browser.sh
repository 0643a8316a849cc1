#!/bin/sh
# Install Debian's Chromium (and its driver) for the end-to-end browser tests.
# Idempotent and non-interactive: does nothing when /usr/bin/chromium is already there.
# Usage: scripts/install-browser.sh   (as root, or with sudo available)
set -eu

if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser.sh: no apt-get here; install Chromium yourself to run the browser tests (they skip without it)" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    # never prompt: `make test` must not wait for a password on someone's laptop
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install-browser.sh: need root (or password-less sudo) to apt-get install chromium; browser tests will skip" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-noto-cjk
echo "installed: $(/usr/bin/chromium --version)"
