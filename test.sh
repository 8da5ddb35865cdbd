#!/usr/bin/env bash
# Runs the whole test suite in Release, as CI does. Installs nothing yet: the tests need only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Assay.slnx -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test assemblies: "N passed, N failed".
awk '/(Passed|Failed)!  *- *Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
