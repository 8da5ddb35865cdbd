#!/usr/bin/env bash
# Builds and runs the C++ QuantLib Monte Carlo reference benchmark; prints its JSON on stdout.
# Installs Debian's libquantlib0-dev when it is missing. Usage: bench/quantlib/run-mc.sh [--quick]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f /usr/include/ql/quantlib.hpp ]; then
  echo "installing libquantlib0-dev (QuantLib headers and library)..." >&2
  (apt-get update -qq && apt-get install -y -qq libquantlib0-dev) >&2
fi
out="$here/../../artifacts/quantlib"
mkdir -p "$out"
if [ ! -x "$out/mc_bench" ] || [ "$here/mc_bench.cpp" -nt "$out/mc_bench" ]; then
  echo "building the QuantLib Monte Carlo reference benchmark..." >&2
  g++ -O2 -std=c++17 -DNDEBUG "$here/mc_bench.cpp" -o "$out/mc_bench" -lQuantLib
fi
exec "$out/mc_bench" "$@"
