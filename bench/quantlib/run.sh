#!/usr/bin/env bash
# Builds and runs the C++ QuantLib reference benchmark; prints its JSON on stdout.
# Installs Debian's libquantlib0-dev when it is missing. Usage: bench/quantlib/run.sh [--quick]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f /usr/include/ql/quantlib.hpp ]; then
  echo "installing libquantlib0-dev (QuantLib headers and library)..." >&2
  (apt-get update -qq && apt-get install -y -qq libquantlib0-dev) >&2
fi
out="$here/../../artifacts/quantlib"
mkdir -p "$out"
if [ ! -x "$out/pricing_bench" ] || [ "$here/pricing_bench.cpp" -nt "$out/pricing_bench" ]; then
  echo "building the QuantLib reference benchmark..." >&2
  g++ -O2 -std=c++17 -DNDEBUG "$here/pricing_bench.cpp" -o "$out/pricing_bench" -lQuantLib
fi
exec "$out/pricing_bench" "$@"
