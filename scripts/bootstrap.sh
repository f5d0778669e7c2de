#!/usr/bin/env bash
# Installs every Debian 12 package xlsync needs to build, run and test. Idempotent: when
# everything is already there it only checks and returns.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates tzdata unzip
  # libraries (README.md says what each one is for)
  nlohmann-json3-dev libcurl4-openssl-dev libcpp-httplib-dev libtomlplusplus-dev
  libspdlog-dev libfmt-dev libcli11-dev libxlsxwriter-dev libhowardhinnant-date-dev
  libsqlite3-dev libsodium-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # the benchmark harness (bench/): the OdooRPC peer and the chart
  python3 python3-odoorpc python3-matplotlib time
  # a real spreadsheet engine opens the local .xlsx in a test; libxml2 reads what it saw
  libreoffice-calc-nogui libxml2-dev fonts-dejavu-core poppler-utils
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "bootstrap: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
