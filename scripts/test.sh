#!/usr/bin/env bash
# Builds xlsync and runs every test (unit and integration: fake Odoo and fake Graph on
# 127.0.0.1; then the benchmark harness on 1,000 rows), built with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-test/, so every test run also checks memory and undefined
# behaviour. --plain builds without sanitizers in
# build/ (what scripts/run.sh uses), for a quicker turn while developing.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build-test
# -O1 -g1: sanitizer reports keep their line numbers; building and running take half the time
# of -O0 -g.
cmake_flags=(-DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -g1" -DXLSYNC_SANITIZE=ON)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if [ "${1:-}" = "--plain" ]; then
  build_dir=build
  cmake_flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
fi

scripts/bootstrap.sh
cmake -S . -B "$build_dir" -G Ninja "${cmake_flags[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" --timeout 600
# The benchmark harness (bench/), end to end on 1,000 rows, so it keeps working.
bench/run.sh --smoke --build-dir "$build_dir"
