#!/usr/bin/env bash
# Set up with the test tools, then run the whole test suite (arguments go to pytest).
# The browser tests need Debian's chromium; scripts/install-chromium.sh installs it when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
if [ -f scripts/install-chromium.sh ]; then
    bash scripts/install-chromium.sh
fi
.venv/bin/python -m pytest "$@"
