#!/usr/bin/env bash
# Runs the whole test suite in Release, as CI does, then the determinism pass: the golden-output and bit-identity
# tests (and the lane-wise SHA-256 of the Merkle-sum trees) again with AVX disabled (scalar and 128-bit fallbacks) on
# one processor, which must reproduce the same bits.
# The PostgreSQL store tests start a private cluster through scripts/postgres-test-cluster.sh, which installs Debian's
# postgresql when it is missing (set ASSAY_TEST_POSTGRES to a connection string to use a server of your own).
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Assay.slnx -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?
if [ "$status" -eq 0 ]; then
  echo "== determinism pass: DOTNET_EnableAVX=0, DOTNET_PROCESSOR_COUNT=1"
  for project in tests/Assay.Cli.Tests tests/Assay.Numerics.Tests tests/Assay.Pricing.Tests tests/Assay.Proofs.Tests; do
    DOTNET_EnableAVX=0 DOTNET_PROCESSOR_COUNT=1 dotnet test "$project" -c Release --nologo --no-build \
      --filter "FullyQualifiedName~Golden|FullyQualifiedName~BitIdentity|FullyQualifiedName~Batch|FullyQualifiedName~Sha256Lanes" 2>&1 | tee -a "$log" || status=$?
  done
fi
# One closing line over all test runs: "N passed, N failed".
awk '/(Passed|Failed)!  *- *Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
