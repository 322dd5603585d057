#!/usr/bin/env bash
# Installs the Debian 12 packages khuyencong needs to build, run and test.
# Idempotent: packages already present are skipped by apt.
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config ccache git ca-certificates
  libsqlite3-dev libicu-dev nlohmann-json3-dev libcli11-dev
  libzip-dev zipcmp zipmerge ziptool libpugixml-dev libpq-dev
  libsodium-dev postgresql-client-15
)
test_packages=(
  libgtest-dev libgmock-dev libbenchmark-dev unzip libxml2-utils
  libreoffice-writer-nogui fonts-liberation2 time postgresql-15
)

wanted=("${build_packages[@]}")
[ "${1:-}" = "--with-tests" ] && wanted+=("${test_packages[@]}")

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
