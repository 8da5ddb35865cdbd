#!/usr/bin/env bash
# Soak run of the deterministic simulator: SEEDS seeds (default 2000) from FIRST (default 1) through `assay sim` in
# Release, in chunks of $SIM_SOAK_CHUNK seeds (default 100). Chunks cycle through four cluster shapes (nodes,
# byzantine fraction, tasks), so one soak covers small and large clusters, few and many faults.
#
#   scripts/sim-soak.sh [SEEDS] [FIRST]
#
# Prints one progress line per chunk (seeds, shape, result, seconds), then every failing seed with the exact
# `assay sim --seed S ...` line that reproduces it alone, and exits 2 if any seed failed (0 otherwise, 1 on a usage or
# build error). Bounded: at most 100000 seeds, and each chunk is killed after $SIM_SOAK_CHUNK_TIMEOUT seconds
# (default 1800), which counts as a failure of the chunk. Runs one chunk at a time (the simulator is single-threaded
# and deterministic; a seed's result does not depend on what else runs).
set -euo pipefail
cd "$(dirname "$0")/.."

seeds=${1:-2000}
first=${2:-1}
chunk=${SIM_SOAK_CHUNK:-100}
chunk_timeout=${SIM_SOAK_CHUNK_TIMEOUT:-1800}
max_seeds=100000
for value in "$seeds" "$first" "$chunk" "$chunk_timeout"; do
  if ! [[ "$value" =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/sim-soak.sh [SEEDS] [FIRST]  (non-negative integers; got '$value')" >&2
    exit 1
  fi
done
if [ "$seeds" -lt 1 ] || [ "$seeds" -gt "$max_seeds" ] || [ "$chunk" -lt 1 ]; then
  echo "usage: SEEDS must be in 1 … $max_seeds and SIM_SOAK_CHUNK ≥ 1; got SEEDS=$seeds, SIM_SOAK_CHUNK=$chunk" >&2
  exit 1
fi
if [ $((first + seeds - 1)) -gt 2147483647 ]; then
  echo "usage: the last seed $((first + seeds - 1)) does not fit in a 32-bit integer" >&2
  exit 1
fi

# Cluster shapes: nodes, byzantine fraction, tasks per run.
shapes=("8 0.25 8" "6 0.5 6" "10 0.3 8" "5 0.4 4")

echo "== building assay (Release)"
if ! dotnet build src/Assay.Cli -c Release --nologo -v quiet > /dev/null; then
  echo "error: the build failed; run 'dotnet build src/Assay.Cli -c Release' to see why" >&2
  exit 1
fi
assay=(dotnet src/Assay.Cli/bin/Release/net10.0/assay.dll)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures="$work/failures"
: > "$failures"
start=$(date +%s)
done_seeds=0
failed_chunks=0
index=0
echo "== soak: $seeds seeds from $first, chunks of $chunk"
while [ "$done_seeds" -lt "$seeds" ]; do
  count=$(( seeds - done_seeds < chunk ? seeds - done_seeds : chunk ))
  from=$((first + done_seeds))
  read -r nodes byzantine tasks <<< "${shapes[$((index % ${#shapes[@]}))]}"
  chunk_start=$(date +%s)
  status=0
  timeout "$chunk_timeout" "${assay[@]}" sim --seeds "$count" --first-seed "$from" --nodes "$nodes" --byzantine "$byzantine" --tasks "$tasks" \
    > "$work/out" 2> "$work/err" || status=$?
  chunk_seconds=$(( $(date +%s) - chunk_start ))
  case "$status" in
    0) result="ok" ;;
    2) result="FAILED: $(grep -c '^rerun:' "$work/err" || true) seeds"
       grep -E '^(FAILED seed|rerun:)' "$work/err" >> "$failures" || true ;;
    124) result="TIMED OUT after ${chunk_seconds} s"
         failed_chunks=$((failed_chunks + 1))
         echo "chunk $from..$((from + count - 1)) timed out: rerun assay sim --seeds $count --first-seed $from --nodes $nodes --byzantine $byzantine --tasks $tasks" >> "$failures" ;;
    *) result="ERROR (exit $status): $(head -c 300 "$work/err")"
       failed_chunks=$((failed_chunks + 1))
       echo "chunk $from..$((from + count - 1)) exited $status: $(head -c 300 "$work/err")" >> "$failures" ;;
  esac
  done_seeds=$((done_seeds + count))
  index=$((index + 1))
  printf '[%d/%d] seeds %d..%d (nodes %s, byzantine %s, tasks %s): %s in %d s (elapsed %d s)\n' \
    "$done_seeds" "$seeds" "$from" "$((from + count - 1))" "$nodes" "$byzantine" "$tasks" "$result" "$chunk_seconds" "$(( $(date +%s) - start ))"
done

failed_seeds=$(grep -c '^rerun:' "$failures" || true)
echo "== soak done: $seeds seeds in $(( $(date +%s) - start )) s; $failed_seeds failing seeds, $failed_chunks chunks that did not finish"
if [ -s "$failures" ]; then
  cat "$failures"
  exit 2
fi
exit 0
