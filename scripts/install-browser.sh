#!/bin/sh
# Install Debian's Chromium (and its driver) for the end-to-end browser tests.
# Idempotent and non-interactive: does nothing when /usr/bin/chromium is already there.
# Usage: scripts/install-browser.sh   (as root, or with sudo available)
set -eu

if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-browser.sh: need root (or sudo) to apt-get install chromium" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-noto-cjk
echo "installed: $(/usr/bin/chromium --version)"
