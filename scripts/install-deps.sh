#!/usr/bin/env bash
# Installs the Debian 12 packages khuyencong needs to build, run and test.
# Idempotent: packages already present are skipped by apt.
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config ccache git ca-certificates curl
  libsqlite3-dev libicu-dev nlohmann-json3-dev libcli11-dev
  libzip-dev zipcmp zipmerge ziptool libpugixml-dev libpq-dev
  libsodium-dev postgresql-client-15 libcpp-httplib-dev libkainjow-mustache-dev
  libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-liberation2
)
test_packages=(
  libgtest-dev libgmock-dev libbenchmark-dev unzip libxml2-utils
  libreoffice-writer-nogui poppler-utils time postgresql-15 chromium
  clang libclang-rt-14-dev nginx lintian strace systemd
)

# Node.js and npm fetch the front end's assets (web/package-lock.json); a machine that already
# has them (from another source) keeps its own.
command -v npm >/dev/null 2>&1 || build_packages+=(nodejs npm)

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
