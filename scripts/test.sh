#!/usr/bin/env bash
# Builds xlsync and runs every test: unit and integration (fake Odoo and fake Graph on
# 127.0.0.1). With --sanitize, builds in build-asan with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the same tests there.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
cmake_flags=(-DCMAKE_BUILD_TYPE="${XLSYNC_BUILD_TYPE:-RelWithDebInfo}")
ctest_flags=()
if [ "${1:-}" = "--sanitize" ]; then
  build_dir=build-asan
  # -O1 -g1: sanitizer reports keep their line numbers, and building and running take half the
  # time of -O0 -g.
  cmake_flags=(-DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -g1" -DXLSYNC_SANITIZE=ON)
  # The 100,000-row runs add volume, not code paths (smaller runs cover the same paths here).
  ctest_flags=(-E "OneHundredThousand|Sigkill")
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi

scripts/bootstrap.sh
cmake -S . -B "$build_dir" -G Ninja "${cmake_flags[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" --timeout 600 "${ctest_flags[@]}"
