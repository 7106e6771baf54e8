#!/usr/bin/env bash
# `npm test`: the whole suite from a fresh clone. Installs what is missing (dependencies,
# Chromium and MariaDB from Debian's packages), starts the local PostgreSQL, Redis and MariaDB if
# they are stopped, then runs lint, typecheck, unit, integration and end-to-end tests, and prints
# one last line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/test-results"
rm -rf "$results"; mkdir -p "$results"
export CI="${CI:-}"
export NEXT_TELEMETRY_DISABLED=1

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# 1. Dependencies
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing dependencies"
  npm install --no-audit --no-fund || { echo "npm install failed"; echo "0 passed, 1 failed"; exit 1; }
fi
[ -d lib/generated/prisma ] || node scripts/prisma-generate.mjs

# 2. A browser for the end-to-end tests (Playwright must not download its own here)
if [ ! -x /usr/bin/chromium ]; then
  say "Installing Chromium (apt)"
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation) >/dev/null \
      || echo "Could not install chromium with apt-get"
  else
    sudo -n sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation' >/dev/null \
      || echo "Chromium is missing: install it with 'sudo apt-get install chromium'"
  fi
fi

# 3. Local services
if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  say "Installing MariaDB (apt)"
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server) >/dev/null \
      || echo "Could not install mariadb-server with apt-get"
  else
    sudo -n sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server' >/dev/null \
      || echo "MariaDB is missing: install it with 'sudo apt-get install mariadb-server'"
  fi
fi
if ! mariadb-admin ping -h 127.0.0.1 -P 3306 -u root --silent >/dev/null 2>&1; then
  say "Starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || echo "Could not start MariaDB"
  for _ in $(seq 1 30); do mariadb-admin ping -h 127.0.0.1 -P 3306 -u root --silent >/dev/null 2>&1 && break; sleep 1; done
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  say "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || echo "Could not start PostgreSQL"
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  say "Starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log \
    || echo "Could not start Redis"
  for _ in $(seq 1 30); do redis-cli ping >/dev/null 2>&1 && break; sleep 1; done
fi

# 4. The steps. Each test runner writes a JSON report; lint, typecheck and build count as one check each.
steps_passed=0; steps_failed=0; failed_names=()
step() {
  local name=$1; shift
  say "$name"
  if "$@"; then steps_passed=$((steps_passed + 1)); else steps_failed=$((steps_failed + 1)); failed_names+=("$name"); fi
}

step "Lint (biome)" npx biome check .
step "Typecheck (tsc)" npx tsc --noEmit
step "Unit tests (vitest)" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"
step "Integration tests (vitest, PostgreSQL + Redis + MariaDB + SMTP)" npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json"
step "Build (next build)" npm run build
if [ -f .next/BUILD_ID ]; then
  step "End-to-end tests (Playwright, Chromium)" npx playwright test
else
  steps_failed=$((steps_failed + 1)); failed_names+=("End-to-end tests (no build)")
fi

node scripts/test-summary.mjs "$results" "$steps_passed" "$steps_failed" "${failed_names[@]+"${failed_names[@]}"}"
