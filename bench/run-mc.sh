#!/usr/bin/env bash
# Runs `assay bench mc` beside the C++ QuantLib 1.29 Monte Carlo reference in the same run, on the same machine,
# and prints the table with ratios. Usage: bench/run-mc.sh [--quick] [--json]
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""; json=""
for a in "$@"; do
  case "$a" in
    --quick) quick="--quick" ;;
    --json) json="--json" ;;
    *) echo "usage: bench/run-mc.sh [--quick] [--json]" >&2; exit 1 ;;
  esac
done
mkdir -p artifacts
bench/quantlib/run-mc.sh $quick > artifacts/quantlib-mc.json
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)" >&2
# Build first, with no build servers left running, then start the built binary: run through `dotnet run` (which
# builds, then runs) the first workload timed slower (the one-step Monte Carlo read 33.8 ns/path against 17.5–19.1
# for the same binary started on its own), most likely because build-server processes were still busy.
dotnet build src/Assay.Cli -c Release -nodeReuse:false -p:UseSharedCompilation=false -v:q -nologo >&2
dotnet run --no-build --project src/Assay.Cli -c Release -- bench mc $quick $json --reference artifacts/quantlib-mc.json
