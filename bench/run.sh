#!/usr/bin/env bash
# The one benchmark command (issue 7, BENCHMARKS.md):
#   bench/run.sh [--sizes 10000,100000,1000000] [--columns 10,30] [--runs 3] [--quick]
#                [--smoke] [--build-dir DIR] [--out DIR]
# Installs what is missing (scripts/bootstrap.sh), builds build-bench (Release) unless
# --build-dir names a build, runs the micro-benchmarks, the harness and the report.
# --quick: 10k and 100k rows, 1 run, short micro-benchmarks. --smoke (CI): 1,000 rows x 10
# columns, 1 run, no injected costs, results in a temporary directory, non-zero on any failure.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
python=/usr/bin/python3  # Debian's, with python3-odoorpc and python3-matplotlib
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ inside bench/harness
command_line="bench/run.sh${*:+ $*}"
sizes="" columns="10,30" runs="" build_dir="" out="" quick=0 smoke=0

usage() {
  sed -n '3,4p' "$0" | sed 's/^# *//' >&2
  exit 2
}
value() {
  [ $# -ge 2 ] && [ -n "$2" ] || { echo "run.sh: $1 needs a value" >&2; usage; }
}
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) value "$@"; sizes=$2; shift 2 ;;
    --columns) value "$@"; columns=$2; shift 2 ;;
    --runs) value "$@"; runs=$2; shift 2 ;;
    --build-dir) value "$@"; build_dir=$2; shift 2 ;;
    --out) value "$@"; out=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    --smoke) smoke=1; shift ;;
    -h | --help) usage ;;
    *) echo "run.sh: unknown option $1" >&2; usage ;;
  esac
done

# Every step runs in the background and is waited for, so a Ctrl-C or a TERM reaches this
# script at once and is passed on; the harness then stops the servers and xlsync it started.
child=""
on_signal() {
  if [ -n "$child" ]; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  echo "run.sh: stopped" >&2
  exit 130
}
trap on_signal INT TERM HUP
step() {
  "$@" &
  child=$!
  local status=0
  wait "$child" || status=$?
  child=""
  return "$status"
}

step bash "$repo/scripts/bootstrap.sh"

if [ -z "$build_dir" ]; then
  build_dir="$repo/build-bench"
  launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  step cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DXLSYNC_BUILD_TESTS=OFF "${launcher[@]}"
  step cmake --build "$build_dir" --target xlsync xlsync-fake-odoo xlsync-fake-graph \
    xlsync-bench-read xlsync-micro-bench
fi
bin="$(cd "$build_dir" && pwd)/bin"

micro_time=()
harness_args=(--columns "$columns")
if [ "$smoke" = 1 ]; then
  out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/xlsync-bench-smoke.XXXXXX")}
  micro_time=(--benchmark_min_time=0.01)
  harness_args=(--smoke)
elif [ "$quick" = 1 ]; then
  sizes=${sizes:-10000,100000}
  runs=${runs:-1}
  micro_time=(--benchmark_min_time=0.1)
fi
out=${out:-$repo/bench/results}
mkdir -p "$out"
if [ "$smoke" = 0 ]; then
  harness_args+=(--sizes "${sizes:-10000,100000,1000000}" --runs "${runs:-3}")
fi

echo "== micro-benchmarks -> $out/micro.json"
step "$bin/xlsync-micro-bench" --benchmark_format=json --benchmark_out="$out/micro.json" \
  "${micro_time[@]}" >/dev/null

echo "== harness -> $out/latest.json"
status=0
step "$python" "$repo/bench/harness/harness.py" --bin-dir "$bin" --out "$out" \
  --micro "$out/micro.json" --command "$command_line" "${harness_args[@]}" || status=$?

echo "== report"
if [ "$smoke" = 1 ]; then
  step "$python" "$repo/bench/harness/report.py" "$out/latest.json" \
    --md "$out/BENCHMARKS.md" --png "$out/bench-rows-per-second.png"
else
  step "$python" "$repo/bench/harness/report.py" "$out/latest.json"
fi

if [ "$status" != 0 ]; then
  echo "run.sh: the harness reported failures (see above and $out/latest.json)" >&2
fi
exit "$status"
