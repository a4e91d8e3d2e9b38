#!/usr/bin/env bash
# Installs Debian's chromium for tests/test_security_exports.py (the "no script ran" check).
# Never fails CI: when it cannot install, it says why and the browser tests skip visibly.
set -u
if [ -x /usr/bin/chromium ]; then
    echo "install-chromium: /usr/bin/chromium is already installed"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: no apt-get here (not Debian/Ubuntu); the browser tests will skip"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install-chromium: not root and no password-less sudo; the browser tests will skip"
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update; then
    echo "install-chromium: apt-get update failed (offline?); the browser tests will skip"
    exit 0
fi
if ! $SUDO apt-get install -y --no-install-recommends chromium; then
    echo "install-chromium: apt-get install chromium failed; the browser tests will skip"
    exit 0
fi
echo "install-chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
exit 0
