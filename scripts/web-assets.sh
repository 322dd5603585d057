#!/usr/bin/env bash
# Installs the front end's npm packages exactly as web/package-lock.json pins them (htmx,
# Chart.js, and for the browser tests playwright-core and axe-core). Skipped when they were
# installed after the lockfile last changed.
set -euo pipefail
cd "$(dirname "$0")/../web"
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
