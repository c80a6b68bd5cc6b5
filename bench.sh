#!/usr/bin/env bash
# ./bench.sh SUITE [--seconds N] [--rounds N]: runs a benchmark suite in Release, prints a table and writes
# bench/results/SUITE.json ({"figure": {"value": n, "unit": "..."}}). ./bench.sh --help lists the suites.
set -euo pipefail
cd "$(dirname "$0")"
if [ $# -eq 0 ]; then
  set -- --help
fi
command -v node >/dev/null 2>&1 || { echo "bench.sh needs node (apt-get install nodejs npm, or run ./test.sh once)" >&2; exit 2; }
tests/node/install.sh >/dev/null
dotnet build tests/Vigil.Benchmarks -c Release -nologo -v quiet -clp:NoSummary
exec dotnet tests/Vigil.Benchmarks/bin/Release/net10.0/Vigil.Benchmarks.dll "$@"
