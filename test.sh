#!/usr/bin/env bash
# Runs every Vigil test on a fresh Debian machine. It installs what is missing (PostgreSQL and Chromium from
# Debian's packages, the grpc-js peers from tests/node/package-lock.json), starts a throwaway PostgreSQL in a temporary
# directory on a free port, runs every test project, stops PostgreSQL and prints `N passed, N failed, N skipped`.
# Exits non-zero on any failure. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/postgres.sh
say() { printf '\n==> %s\n' "$*"; }

say "Checking system packages"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  pg_as_root apt-get update -qq
  pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
fi
pg_install
# The dashboard's browser tests drive Debian's Chromium (Playwright brings its own driver, not a browser).
if [ -z "${VIGIL_CHROMIUM:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "installing chromium from Debian's packages"
  pg_as_root apt-get update -qq
  pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
fi
echo "node $(node --version); PostgreSQL in $(pg_find_bin); $(${VIGIL_CHROMIUM:-/usr/bin/chromium} --version 2>/dev/null | head -1)"

say "Installing npm packages for the grpc-js peers (from the lock file)"
tests/node/install.sh

say "Starting a throwaway PostgreSQL"
results=$(mktemp -d /tmp/vigil-test-results.XXXXXX)
trap 'pg_stop; rm -rf "$results"' EXIT
# fsync off: this cluster is thrown away; commit ordering (synchronous_commit) stays as in production.
PG_EXTRA="-c fsync=off" pg_start

say "Building Orleans.sln"
restore_args=()
[ "${CI:-}" = "true" ] && restore_args+=(--locked-mode)
dotnet restore Orleans.sln "${restore_args[@]}"
dotnet build Orleans.sln --no-restore -nologo -v quiet -clp:NoSummary

say "Running every test project"
set +e
dotnet test Orleans.sln --no-build --nologo --logger trx --results-directory "$results" "$@"
test_rc=$?
set -e

count() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
total=$(count total); passed=$(count passed); failed=$(count failed)
skipped=$((total - passed - failed))
echo
[ -d artifacts/screenshots ] && echo "dashboard screenshots: artifacts/screenshots/"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$test_rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$total" -eq 0 ]; then
  exit 1
fi
