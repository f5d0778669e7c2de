#!/usr/bin/env bash
# Builds xlsync and runs it. With no arguments and no configuration (xlsync.toml or
# XLSYNC_CONFIG), it runs the demo: a fake Odoo and a fake Microsoft Graph on 127.0.0.1, a
# sample task exported, and the sheet saved as a local .xlsx. Any arguments go to xlsync.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target xlsync xlsync-fake-odoo xlsync-fake-graph
exec build/bin/xlsync "$@"
