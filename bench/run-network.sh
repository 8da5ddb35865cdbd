#!/usr/bin/env bash
# Network benchmark (issue 6): a sequencer and N honest nodes on 127.0.0.1, then
#   1. end-to-end latency of a small PriceBook task (submit -> agreed; challenge window excluded), p50/p90/p99;
#   2. tasks per second in waves of growing size (saturation shows as a flat rate);
#   3. sequencer transactions per second under a bounded load of pre-signed transfers.
# Bounded: fixed counts, 60 s per task at most, loopback only; every process is stopped at the end.
#
#   bench/run-network.sh [--nodes 4] [--latency-tasks 50] [--waves 5,10,20,40] [--transfers 5000] [--in-flight 100] [--port 5090]
#
# Output: the measurements on stdout; docs/devnet.md records them with the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build src/Assay.Cli -c Release -nologo -v quiet >/dev/null
timeout 900 dotnet src/Assay.Cli/bin/Release/net10.0/assay.dll devnet bench "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
