#!/usr/bin/env bash
# Builds xlsync and starts the service (xlsync serve, its SQLite store under
# ~/.local/share/xlsync). On a fresh store the service sets up its demo: a fake Odoo and a fake
# Microsoft Graph on 127.0.0.1, the two connections and a sample task whose first run starts at
# once. Arguments, when given, go to xlsync instead (scripts/run.sh task list).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target xlsync xlsync-fake-odoo xlsync-fake-graph
if [ $# -eq 0 ]; then set -- serve; fi
exec build/bin/xlsync "$@"
