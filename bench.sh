#!/usr/bin/env bash
# ./bench.sh SUITE [--seconds N] [--rounds N]: runs a benchmark suite in Release, prints a table and writes
# bench/results/SUITE.json ({"figure": {"value": n, "unit": "..."}}). ./bench.sh --help lists the suites.
# Suites that need PostgreSQL get a throwaway one (installed from Debian's packages when missing).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/postgres.sh
if [ $# -eq 0 ]; then
  set -- --help
fi
command -v node >/dev/null 2>&1 || { echo "bench.sh needs node (apt-get install nodejs npm, or run ./test.sh once)" >&2; exit 2; }
tests/node/install.sh >/dev/null
build_log=$(mktemp)
dotnet build tests/Vigil.Benchmarks -c Release -nologo -v quiet -clp:NoSummary >"$build_log" 2>&1 || { cat "$build_log"; exit 1; }
rm -f "$build_log"
case "$1" in
  runtime|cluster|detect|ingest)
    trap pg_stop EXIT
    pg_start
    ;;
esac
dotnet tests/Vigil.Benchmarks/bin/Release/net10.0/Vigil.Benchmarks.dll "$@"
